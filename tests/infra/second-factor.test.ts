/**
 * Issue 11's second factor for staff at the template level (the steps
 * cognito-local cannot show as AWS does; README "Second factor for staff"):
 * the pool keeps MFA optional with TOTP only (the rule is the API's), and the
 * PreTokenGeneration trigger, the V1_0 event, may read the user (AdminGetUser)
 * of this pool only, which it needs to set `twinspace:mfa`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Template } from 'aws-cdk-lib/assertions';
import type { CfnElement } from 'aws-cdk-lib';
import { identityTriggers } from '../../functions/routes.ts';
import { buildTwinspace, readmeDeployContext, type Synthesized } from './synth.ts';

type Resource = { Type: string; Properties: any };

let synthesized: Synthesized;
let resources: Record<string, Resource>;
let poolId: string;

beforeAll(() => {
  synthesized = buildTwinspace({ bundle: false, context: readmeDeployContext });
  resources = Template.fromStack(synthesized.stack).toJSON().Resources;
  [poolId] = Object.entries(resources).find(([, resource]) => resource.Type === 'AWS::Cognito::UserPool')!;
}, 300_000);
afterAll(() => synthesized?.cleanup());

describe('the pool and the second factor', () => {
  it('keeps MFA optional for the pool, with TOTP as the only second factor (no SMS)', () => {
    expect(resources[poolId].Properties.MfaConfiguration).toBe('OPTIONAL');
    expect(resources[poolId].Properties.EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA']);
  });

  it('lets pre-token-generation read users of this pool (AdminGetUser) and nothing else of Cognito', () => {
    const fn = synthesized.stack.functions.get(identityTriggers.preTokenGeneration.name)!;
    const roleId = synthesized.stack.getLogicalId(fn.role!.node.defaultChild as CfnElement);
    const statements = Object.values(resources)
      .filter((resource) => resource.Type === 'AWS::IAM::Policy' && JSON.stringify(resource.Properties.Roles).includes(roleId))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);
    const cognito = statements.filter((statement) => [statement.Action].flat().some((action) => action.startsWith('cognito-idp:')));
    expect(cognito).toEqual([expect.objectContaining({ Action: 'cognito-idp:AdminGetUser', Resource: { 'Fn::GetAtt': [poolId, 'Arn'] } })]);
  });
});
