/**
 * Scheduled jobs on EventBridge Scheduler: one schedule per entry of
 * scheduledJobs, with the same expression the local scheduler parses
 * (infra/local/scheduler.ts), in UTC, as the route table's comments say.
 *
 * What happens to a run that fails, in two layers, both ending in ONE
 * encrypted dead-letter queue (whose depth raises an alarm, operations.ts):
 * - Scheduler cannot hand the event to Lambda (throttled, function missing):
 *   its retry policy (`schedulerRetry`), then the queue;
 * - the function itself throws: Scheduler invokes Lambda asynchronously, so
 *   Lambda's own retries (`functionRetry`) apply, then its on-failure
 *   destination, the same queue.
 * Every job is safe to run again for the same firing (it reads the firing's
 * `time`, and each of its writes is conditional), so retries are harmless.
 */
import { Arn, Aws, Duration, Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { ContextAttribute, Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { scheduledJobs } from '../../functions/routes.ts';
import { TwinspaceFunction } from './function.ts';
import type { TwinspaceTable } from './storage.ts';

/** Scheduler's retry policy: attempts to hand a firing to Lambda, and how long it keeps trying. */
export const schedulerRetry = { retryAttempts: 3, maxEventAge: Duration.hours(1) } as const;
/** Lambda's retries of a run that threw (asynchronous invocation), and how old a firing may get. */
export const functionRetry = { retryAttempts: 2, maxEventAge: Duration.hours(1) } as const;

export interface ScheduleProps {
  table: TwinspaceTable;
  environment: Record<string, string>;
  /** The sender address; jobs may send only from its domain's SES identity. */
  mailFrom: string;
}

export class TwinspaceSchedule extends Construct {
  readonly functions: Map<string, TwinspaceFunction> = new Map();
  readonly schedules: Map<string, Schedule> = new Map();
  /** Firings that could not be delivered and runs that failed after their retries. */
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: ScheduleProps) {
    super(scope, id);
    const mailDomain = props.mailFrom.split('@')[1];
    const sendingIdentity = Arn.format(
      { service: 'ses', resource: 'identity', resourceName: mailDomain },
      Stack.of(this),
    );
    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // The most SQS keeps: two weeks to look at what failed.
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue IS the dead-letter queue of the schedules and of the jobs\' asynchronous invocations; nothing reads it but an operator, alarmed by its depth.',
    });
    // One role for every schedule (CDK would make one per target): it may invoke the jobs and fill the queue, nothing else.
    const schedulerRole = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } } }),
    });
    for (const job of scheduledJobs) {
      const fn = new TwinspaceFunction(this, {
        handler: job,
        environment: props.environment,
        // A digest walks every evaluator's queue: more than an API request.
        timeout: Duration.minutes(2),
      });
      props.table.grantReadWrite(fn);
      if (job.sendsMail) fn.addToRolePolicy(new PolicyStatement({ actions: ['ses:SendEmail'], resources: [sendingIdentity] }));
      fn.configureAsyncInvoke({ ...functionRetry, onFailure: new SqsDestination(this.deadLetterQueue) });
      const schedule = new Schedule(this, `${job.name}-schedule`, {
        description: `Runs ${job.name} (${job.schedule}, UTC)`,
        schedule: ScheduleExpression.expression(job.schedule),
        target: new LambdaInvoke(fn, {
          role: schedulerRole,
          ...schedulerRetry,
          deadLetterQueue: this.deadLetterQueue,
          // The "Scheduled Event" the jobs read (events/schedule.ts), filled from the firing's own attributes.
          input: ScheduleTargetInput.fromObject({
            version: '0',
            id: ContextAttribute.executionId,
            'detail-type': 'Scheduled Event',
            source: 'aws.events',
            account: Aws.ACCOUNT_ID,
            time: ContextAttribute.scheduledTime,
            region: Aws.REGION,
            resources: [ContextAttribute.scheduleArn],
            detail: {},
          }),
        }),
      });
      Validations.of(schedulerRole).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(fn.node.defaultChild as CfnElement)}.Arn>:*]`,
        reason: `CDK's grant to invoke ${job.name} also covers its versions and aliases (the ARN with :*); the function itself, no other.`,
      });
      this.functions.set(job.name, fn);
      this.schedules.set(job.name, schedule);
    }
  }
}
