/**
 * Builds the Twinspace CDK app: the stack and the cdk-nag checks. app.ts runs
 * it for `cdk synth`; the infra tests build it the same way.
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { resolveSiteDir } from './site-dist.ts';
import { TwinspaceStack } from './stack.ts';

export const stackName = 'Twinspace';
export const defaultMailFrom = 'no-reply@twinspace.example';

export interface TwinspaceAppOptions {
  /** The built site; by default resolved by site-dist.ts. */
  siteDir?: string;
}

export function defineTwinspace(app: App, options: TwinspaceAppOptions = {}): TwinspaceStack {
  const region = app.node.tryGetContext('region');
  const stack = new TwinspaceStack(app, stackName, {
    description: 'Twinspace: school partnership projects and their TwinSpaces',
    // Only a region, never an account: nothing is looked up, synth stays offline.
    env: region ? { region: String(region) } : undefined,
    siteDir: options.siteDir ?? resolveSiteDir(app.node),
    mailFrom: String(app.node.tryGetContext('mailFrom') ?? defaultMailFrom),
  });
  // cdk-nag 3 is a policy-validation plugin (the Aspects form fails at synth).
  // Acknowledgements are also written into the template (cdk_nag metadata) as an audit trail.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { writeSuppressionsToCloudFormation: true }));
  return stack;
}
