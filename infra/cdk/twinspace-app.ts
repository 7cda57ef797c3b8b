/**
 * Builds the Twinspace CDK app: the stack and the cdk-nag checks. app.ts runs
 * it for `cdk synth`; the infra tests build it the same way.
 *
 * The deployment settings are CDK context (`-c name=value`), read and checked
 * here: a setting that is missing or wrong stops synth with a sentence saying
 * which and how to give it, before anything is built.
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { mailRetentionSchoolYearsOf } from '../../functions/domain/retention.ts';
import { quotaBytesOf } from './materials-storage.ts';
import { defaultRegion, euRegions, isEuRegion } from './regions.ts';
import { resolveSiteDir } from './site-dist.ts';
import { TwinspaceStack } from './stack.ts';

/** The stack's construct id (the template is `cdk.out/Twinspace.template.json`); its CloudFormation name is `Twinspace-<stage>`. */
export const stackId = 'Twinspace';
export const defaultStage = 'prod';
/** Days a chat message is kept (eTwinning's chatroom: three months); `cdk synth -c chatRetentionDays=30` changes it. */
export const defaultChatRetentionDays = 90;
/** US dollars a month the Budgets alarm watches (`-c monthlyBudgetUsd=`): an idle deployment costs under one, a busy school year a few dozen. */
export const defaultMonthlyBudgetUsd = 50;

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

const emailAddress = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** The settings this file reads, as the deployer gives them (`-c name=value`). */
export interface DeploySettings {
  region: string;
  stage: string;
  stackName: string;
  mailFrom: string;
  alarmEmail: string;
  monthlyBudgetUsd: number;
}

function given(app: App, name: string): string | undefined {
  const value = app.node.tryGetContext(name);
  return value === undefined || value === null || String(value).trim() === '' ? undefined : String(value).trim();
}

/** Reads and checks the deployment settings; throws a sentence naming the setting at the first one missing or wrong. */
export function deploySettingsOf(app: App): DeploySettings {
  const region = given(app, 'region') ?? defaultRegion;
  const allowNonEu = given(app, 'allowNonEuRegion');
  if (allowNonEu !== undefined && allowNonEu !== 'true' && allowNonEu !== 'false') {
    throw new Error(`The context allowNonEuRegion is true or false (got ${allowNonEu}).`);
  }
  if (!isEuRegion(region) && allowNonEu !== 'true') {
    throw new Error(
      `Twinspace holds pupils' data and deploys to an EU region (${euRegions.join(', ')}); ${region} is not one. ` +
        'To deploy there anyway, having checked that the GDPR allows it, add -c allowNonEuRegion=true.',
    );
  }
  const stage = given(app, 'stage') ?? defaultStage;
  if (!/^[a-z][a-z0-9-]{0,19}$/.test(stage)) {
    throw new Error(`The context stage is lower-case letters, digits and hyphens, starting with a letter, at most 20 (got ${stage}).`);
  }
  const stackName = given(app, 'stackName') ?? `Twinspace-${stage}`;
  if (!/^[A-Za-z][A-Za-z0-9-]{0,127}$/.test(stackName)) {
    throw new Error(`The context stackName is a CloudFormation stack name: letters, digits and hyphens, starting with a letter (got ${stackName}).`);
  }
  const mailFrom = given(app, 'mailFrom');
  if (!mailFrom) {
    throw new Error(
      'No sender address: give the platform\'s e-mail sender with -c mailFrom=no-reply@your.domain (its domain must be a verified SES identity).',
    );
  }
  if (!emailAddress.test(mailFrom)) throw new Error(`The context mailFrom is an e-mail address (got ${mailFrom}).`);
  const alarmEmail = given(app, 'alarmEmail');
  if (!alarmEmail) {
    throw new Error('No address for the alarms: give the e-mail address that receives them with -c alarmEmail=ops@your.domain.');
  }
  if (!emailAddress.test(alarmEmail)) throw new Error(`The context alarmEmail is an e-mail address (got ${alarmEmail}).`);
  const budget = given(app, 'monthlyBudgetUsd');
  const monthlyBudgetUsd = budget === undefined ? defaultMonthlyBudgetUsd : Number(budget);
  if (!Number.isFinite(monthlyBudgetUsd) || monthlyBudgetUsd <= 0) {
    throw new Error(`The context monthlyBudgetUsd is a positive number of US dollars (got ${budget}).`);
  }
  return { region, stage, stackName, mailFrom, alarmEmail, monthlyBudgetUsd };
}

export function defineTwinspace(app: App, options: TwinspaceAppOptions = {}): TwinspaceStack {
  const settings = deploySettingsOf(app);
  const stack = new TwinspaceStack(app, stackId, {
    stackName: settings.stackName,
    description: `Twinspace (${settings.stage}): school partnership projects and their TwinSpaces`,
    // Only a region, never an account: nothing is looked up, synth stays offline.
    env: { region: settings.region },
    // The stack holds the APIs and the site; a stray `cdk destroy` must not take them (the table is retained anyway).
    terminationProtection: true,
    siteDir: options.siteDir ?? resolveSiteDir(app.node),
    stage: settings.stage,
    mailFrom: settings.mailFrom,
    alarmEmail: settings.alarmEmail,
    monthlyBudgetUsd: settings.monthlyBudgetUsd,
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
