/**
 * The user pool as issue 11 wants it, read from the synthesised template (the
 * README's deploy context): the Lite feature plan, no OAuth on the site's
 * client, Cognito's e-mails through SES from the stack's sender, the pupils'
 * password rule from functions/domain/password-policy.ts, and its Lambda
 * triggers (PreSignUp, PreTokenGeneration V1_0: the Lite plan's event) wired
 * to the route table's functions, invocable by this pool only. One synth
 * without bundling.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Template } from 'aws-cdk-lib/assertions';
import type { CfnElement } from 'aws-cdk-lib';
import { passwordPolicy } from '../../functions/domain/password-policy.ts';
import { identityTriggers } from '../../functions/routes.ts';
import { buildTwinspace, readmeDeployContext, type Synthesized } from './synth.ts';

type Resource = { Type: string; Properties: any; DependsOn?: string[] };

let synthesized: Synthesized;
let resources: Record<string, Resource>;
let poolId: string;

beforeAll(() => {
  synthesized = buildTwinspace({ bundle: false, context: readmeDeployContext });
  resources = Template.fromStack(synthesized.stack).toJSON().Resources;
  [poolId] = Object.entries(resources).find(([, resource]) => resource.Type === 'AWS::Cognito::UserPool')!;
}, 300_000);
afterAll(() => synthesized?.cleanup());

const logicalIdOf = (name: string) =>
  synthesized.stack.getLogicalId(synthesized.stack.functions.get(name)!.node.defaultChild as CfnElement);

describe('the user pool', () => {
  const pool = () => resources[poolId].Properties;
  const client = () => Object.values(resources).find((resource) => resource.Type === 'AWS::Cognito::UserPoolClient')!.Properties;

  it('runs on the Lite feature plan (what Twinspace uses, at about a third of Essentials per active user)', () => {
    expect(pool().UserPoolTier).toBe('LITE');
  });

  it('gives the site\'s client no OAuth flow, scope or callback; it signs in with USER_PASSWORD_AUTH or SRP, no secret', () => {
    const settings = client();
    expect(settings.AllowedOAuthFlowsUserPoolClient).toBe(false);
    expect(settings.AllowedOAuthFlows ?? []).toEqual([]);
    expect(settings.AllowedOAuthScopes ?? []).toEqual([]);
    expect(settings.CallbackURLs ?? []).toEqual([]);
    expect(settings.SupportedIdentityProviders ?? ['COGNITO']).toEqual(['COGNITO']);
    expect([...settings.ExplicitAuthFlows].sort()).toEqual(['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH']);
    expect(settings.GenerateSecret).toBe(false);
    expect(settings.PreventUserExistenceErrors).toBe('ENABLED');
  });

  it('sends Cognito\'s own e-mails through SES, from the stack\'s sender and its domain\'s identity', () => {
    const email = pool().EmailConfiguration;
    expect(email.EmailSendingAccount).toBe('DEVELOPER');
    expect(email.From).toBe(`Twinspace <${readmeDeployContext.mailFrom}>`);
    expect(JSON.stringify(email.SourceArn)).toContain(`:identity/${readmeDeployContext.mailFrom.split('@')[1]}`);
  });

  it('has the one password rule of functions/domain/password-policy.ts: one a ten-year-old can meet', () => {
    expect(pool().Policies.PasswordPolicy).toEqual({
      MinimumLength: passwordPolicy.minLength,
      RequireLowercase: false,
      RequireUppercase: false,
      RequireNumbers: false,
      RequireSymbols: false,
      TemporaryPasswordValidityDays: passwordPolicy.temporaryPasswordValidityDays,
    });
    expect(passwordPolicy.minLength).toBe(8);
  });

  it('offers TOTP (never SMS) to every account: required for staff by the API, optional at pool level for pupils', () => {
    expect(pool().MfaConfiguration).toBe('OPTIONAL');
    expect(pool().EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA']);
  });
});

describe('the user pool’s triggers', () => {
  it('names pre-sign-up as PreSignUp and pre-token-generation as PreTokenGeneration with the V1_0 event (Lite offers no other)', () => {
    const config = resources[poolId].Properties.LambdaConfig;
    expect(config.PreSignUp).toEqual({ 'Fn::GetAtt': [logicalIdOf(identityTriggers.preSignUp.name), 'Arn'] });
    expect(config.PreTokenGenerationConfig).toEqual({
      LambdaArn: { 'Fn::GetAtt': [logicalIdOf(identityTriggers.preTokenGeneration.name), 'Arn'] },
      LambdaVersion: 'V1_0',
    });
    // No other trigger: every other key of LambdaConfig is one Cognito would call.
    expect(Object.keys(config).sort()).toEqual(['PreSignUp', 'PreTokenGenerationConfig']);
  });

  it.each(Object.values(identityTriggers).map((trigger) => [trigger.name] as const))('%s may be invoked by Cognito for this pool only', (name) => {
    const permissions = Object.values(resources).filter(
      (resource) => resource.Type === 'AWS::Lambda::Permission' && JSON.stringify(resource.Properties.FunctionName).includes(logicalIdOf(name)),
    );
    expect(permissions.map((permission) => permission.Properties)).toEqual([
      expect.objectContaining({ Action: 'lambda:InvokeFunction', Principal: 'cognito-idp.amazonaws.com', SourceArn: { 'Fn::GetAtt': [poolId, 'Arn'] } }),
    ]);
  });

  it('gives the triggers no setting that names the pool (that would be a cycle) and pre-sign-up only the table', () => {
    const variables = (name: string) => resources[logicalIdOf(name)].Properties.Environment.Variables;
    expect(variables(identityTriggers.preSignUp.name)).toHaveProperty('TABLE_NAME');
    for (const trigger of Object.values(identityTriggers)) {
      expect(variables(trigger.name)).not.toHaveProperty('USER_POOL_ID');
      expect(variables(trigger.name)).not.toHaveProperty('USER_POOL_CLIENT_ID');
    }
  });
});
