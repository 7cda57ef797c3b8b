/**
 * Scheduled jobs: one EventBridge rule per entry of scheduledJobs, with the
 * same schedule expression the local scheduler parses.
 */
import { Arn, Duration, Stack } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { scheduledJobs } from '../../functions/routes.ts';
import { TwinspaceFunction } from './function.ts';
import type { TwinspaceTable } from './storage.ts';

export interface ScheduleProps {
  table: TwinspaceTable;
  environment: Record<string, string>;
  /** The sender address; jobs may send only from its domain's SES identity. */
  mailFrom: string;
}

export class TwinspaceSchedule extends Construct {
  readonly functions: Map<string, TwinspaceFunction> = new Map();
  readonly rules: Map<string, Rule> = new Map();

  constructor(scope: Construct, id: string, props: ScheduleProps) {
    super(scope, id);
    const mailDomain = props.mailFrom.split('@')[1];
    const sendingIdentity = Arn.format(
      { service: 'ses', resource: 'identity', resourceName: mailDomain },
      Stack.of(this),
    );
    for (const job of scheduledJobs) {
      const fn = new TwinspaceFunction(this, {
        handler: job,
        environment: props.environment,
        // A digest walks every evaluator's queue: more than an API request.
        timeout: Duration.minutes(2),
      });
      props.table.grantReadWrite(fn);
      if (job.sendsMail) fn.addToRolePolicy(new PolicyStatement({ actions: ['ses:SendEmail'], resources: [sendingIdentity] }));
      const rule = new Rule(this, `${job.name}-schedule`, {
        description: `Runs ${job.name} (${job.schedule})`,
        schedule: Schedule.expression(job.schedule),
        targets: [new LambdaFunction(fn, { retryAttempts: 2 })],
      });
      this.functions.set(job.name, fn);
      this.rules.set(job.name, rule);
    }
  }
}
