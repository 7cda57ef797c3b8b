/**
 * Builds the Twinspace CDK app: the stack and the cdk-nag checks. app.ts runs
 * it for `cdk synth`; the infra tests build it the same way.
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { mailRetentionSchoolYearsOf } from '../../functions/domain/retention.ts';
import { quotaBytesOf } from './materials-storage.ts';
import { resolveSiteDir } from './site-dist.ts';
import { TwinspaceStack } from './stack.ts';

export const stackName = 'Twinspace';
export const defaultMailFrom = 'no-reply@twinspace.example';
/** Days a chat message is kept (eTwinning's chatroom: three months); `cdk synth -c chatRetentionDays=30` changes it. */
export const defaultChatRetentionDays = 90;

export interface TwinspaceAppOptions {
  /** The built site; by default resolved by site-dist.ts. */
  siteDir?: string;
}

/** The `chatRetentionDays` context as a whole number of days (≥ 1), or the default. */
function retentionDaysOf(value: unknown): number {
  if (value === undefined || value === null || value === '') return defaultChatRetentionDays;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1) throw new Error(`The context chatRetentionDays must be a whole number of days, at least 1 (got ${String(value)})`);
  return days;
}

export function defineTwinspace(app: App, options: TwinspaceAppOptions = {}): TwinspaceStack {
  const region = app.node.tryGetContext('region');
  const stack = new TwinspaceStack(app, stackName, {
    description: 'Twinspace: school partnership projects and their TwinSpaces',
    // Only a region, never an account: nothing is looked up, synth stays offline.
    env: region ? { region: String(region) } : undefined,
    siteDir: options.siteDir ?? resolveSiteDir(app.node),
    mailFrom: String(app.node.tryGetContext('mailFrom') ?? defaultMailFrom),
    chatRetentionDays: retentionDaysOf(app.node.tryGetContext('chatRetentionDays')),
    // Bytes a project's materials may hold; `cdk synth -c materialsQuotaBytes=5368709120` (5 GB) changes the default 2 GB.
    materialsQuotaBytes: quotaBytesOf(app.node.tryGetContext('materialsQuotaBytes')),
    // School years mail is kept after the one it was sent in (default 2); `cdk synth -c mailRetentionSchoolYears=3` changes it.
    mailRetentionSchoolYears: mailRetentionSchoolYearsOf(app.node.tryGetContext('mailRetentionSchoolYears')),
  });
  // cdk-nag 3 is a policy-validation plugin (the Aspects form fails at synth).
  // Acknowledgements are also written into the template (cdk_nag metadata) as an audit trail.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { writeSuppressionsToCloudFormation: true }));
  return stack;
}
