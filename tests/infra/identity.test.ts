/**
 * The user pool as issue 11 wants it, read from the synthesised template: its
 * Lambda triggers (PreSignUp, PreTokenGeneration V1_0: the Lite plan's event)
 * wired to the route table's functions, invocable by this pool only. One
 * synth without bundling.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Template } from 'aws-cdk-lib/assertions';
import type { CfnElement } from 'aws-cdk-lib';
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
