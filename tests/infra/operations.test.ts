/**
 * Where the stack runs and how it is operated (issue 11, "Where it runs",
 * "Sender", "Operations"): the deployment settings and their refusals, the
 * alarms and where they go, the dashboard, the budget, the backup plan and the
 * scheduled jobs on EventBridge Scheduler with their dead-letter queue.
 * One synth without bundling (the rules read the template, not the code).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App, type CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { scheduledEvent } from '../../events/schedule.ts';
import { scheduledJobs } from '../../functions/routes.ts';
import { euRegions } from '../../infra/cdk/regions.ts';
import { defaultMonthlyBudgetUsd, defineTwinspace } from '../../infra/cdk/twinspace-app.ts';
import { nextFireTime } from '../../infra/local/scheduler.ts';
import { rmSync } from 'node:fs';
import { buildTwinspace, readmeDeployCommand, readmeDeployContext, standInSiteDir, type Synthesized } from './synth.ts';

type Resource = { Type: string; Properties: any; DeletionPolicy?: string };

let synthesized: Synthesized;
let resources: Record<string, Resource>;
const siteDir = standInSiteDir();
afterAll(() => rmSync(siteDir, { recursive: true, force: true }));

beforeAll(() => {
  synthesized = buildTwinspace({ bundle: false });
  resources = Template.fromStack(synthesized.stack).toJSON().Resources;
}, 120_000);
afterAll(() => synthesized?.cleanup());

const ofType = (type: string) => Object.entries(resources).filter(([, resource]) => resource.Type === type);
const logicalIdOf = (construct: { node: { defaultChild?: unknown } }) => synthesized.stack.getLogicalId(construct.node.defaultChild as CfnElement);

/** Builds the app with exactly this context (no README defaults): the settings are checked before anything else is built. */
function defineWith(context: Record<string, string>) {
  return defineTwinspace(new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } }), { siteDir });
}
const complete = { mailFrom: 'no-reply@school.example', alarmEmail: 'ops@school.example' };

describe('where it runs', () => {
  it('the README\'s deploy command gives every required setting (the tests synthesize with its context)', () => {
    expect(readmeDeployCommand()).toMatch(/^npx cdk deploy /);
    expect(Object.keys(readmeDeployContext)).toEqual(expect.arrayContaining(['region', 'mailFrom', 'alarmEmail']));
    expect(synthesized.stack.region).toBe(readmeDeployContext.region);
  });

  it('deploys to eu-west-1 when no region is given', () => {
    expect(defineWith(complete).region).toBe('eu-west-1');
  });

  it.each(euRegions)('accepts the EU region %s', (region) => {
    expect(defineWith({ ...complete, region }).region).toBe(region);
  });

  it.each(['us-east-1', 'eu-west-2', 'eu-central-2', 'ap-southeast-2'])('refuses %s, outside the EU, with a sentence naming the way through', (region) => {
    expect(() => defineWith({ ...complete, region })).toThrow(
      `Twinspace holds pupils' data and deploys to an EU region (${euRegions.join(', ')}); ${region} is not one. To deploy there anyway, having checked that the GDPR allows it, add -c allowNonEuRegion=true.`,
    );
  });

  it('deploys outside the EU only with allowNonEuRegion=true', () => {
    expect(defineWith({ ...complete, region: 'us-east-1', allowNonEuRegion: 'true' }).region).toBe('us-east-1');
    expect(() => defineWith({ ...complete, region: 'us-east-1', allowNonEuRegion: 'false' })).toThrow(/us-east-1 is not one/);
    expect(() => defineWith({ ...complete, region: 'us-east-1', allowNonEuRegion: 'yes' })).toThrow('The context allowNonEuRegion is true or false (got yes).');
  });

  it('refuses to synthesize without a sender, with a sentence saying how to give one (no default address)', () => {
    expect(() => defineWith({ alarmEmail: 'ops@school.example' })).toThrow(
      "No sender address: give the platform's e-mail sender with -c mailFrom=no-reply@your.domain (its domain must be a verified SES identity).",
    );
    expect(() => defineWith({ ...complete, mailFrom: '' })).toThrow(/^No sender address/);
    expect(() => defineWith({ ...complete, mailFrom: 'no-reply' })).toThrow('The context mailFrom is an e-mail address (got no-reply).');
  });

  it('refuses to synthesize without an address for the alarms', () => {
    expect(() => defineWith({ mailFrom: 'no-reply@school.example' })).toThrow(
      'No address for the alarms: give the e-mail address that receives them with -c alarmEmail=ops@your.domain.',
    );
  });

  it('names the stack Twinspace-<stage> (prod by default), or as -c stackName= says, with termination protection on', () => {
    const byDefault = defineWith(complete);
    expect(byDefault.stackName).toBe('Twinspace-prod');
    expect(byDefault.terminationProtection).toBe(true);
    expect(defineWith({ ...complete, stage: 'pilot' }).stackName).toBe('Twinspace-pilot');
    expect(defineWith({ ...complete, stackName: 'SchoolsEu' }).stackName).toBe('SchoolsEu');
    expect(() => defineWith({ ...complete, stage: 'Pilot 1' })).toThrow(/The context stage is lower-case letters/);
  });

  it('writes termination protection into the cloud assembly the CLI deploys', () => {
    const assembly = synthesized.app.synth();
    expect(assembly.getStackArtifact(synthesized.stack.artifactId).terminationProtection).toBe(true);
    expect(synthesized.stack.terminationProtection).toBe(true);
  });
});

describe('alarms', () => {
  const topicId = () => ofType('AWS::SNS::Topic')[0][0];
  const alarms = () => ofType('AWS::CloudWatch::Alarm');
  const metricsOf = (alarm: Resource): { namespace?: string; name?: string; dimensions: Record<string, unknown> }[] => {
    const single = alarm.Properties.MetricName
      ? [{ namespace: alarm.Properties.Namespace, name: alarm.Properties.MetricName, dimensions: Object.fromEntries((alarm.Properties.Dimensions ?? []).map((d: any) => [d.Name, d.Value])) }]
      : [];
    const math = (alarm.Properties.Metrics ?? [])
      .filter((query: any) => query.MetricStat)
      .map((query: any) => ({
        namespace: query.MetricStat.Metric.Namespace,
        name: query.MetricStat.Metric.MetricName,
        dimensions: Object.fromEntries((query.MetricStat.Metric.Dimensions ?? []).map((d: any) => [d.Name, d.Value])),
      }));
    return [...single, ...math];
  };
  const alarmsOn = (namespace: string, name: string) => alarms().filter(([, alarm]) => metricsOf(alarm).some((m) => m.namespace === namespace && m.name === name));

  it('sends every alarm to the one topic, which mails the alarmEmail setting', () => {
    expect(ofType('AWS::SNS::Topic')).toHaveLength(1);
    for (const [id, alarm] of alarms()) expect(alarm.Properties.AlarmActions, id).toEqual([{ Ref: topicId() }]);
    const subscriptions = ofType('AWS::SNS::Subscription');
    expect(subscriptions.map(([, s]) => s.Properties)).toEqual([expect.objectContaining({ Protocol: 'email', Endpoint: readmeDeployContext.alarmEmail, TopicArn: { Ref: topicId() } })]);
  });

  it('lets CloudWatch and Budgets publish to the topic, over TLS only', () => {
    const [, policy] = ofType('AWS::SNS::TopicPolicy')[0];
    const statements = policy.Properties.PolicyDocument.Statement as any[];
    const publishers = statements.filter((s) => s.Effect === 'Allow' && s.Action === 'sns:Publish').flatMap((s) => [s.Principal.Service].flat());
    expect(publishers.sort()).toEqual(['budgets.amazonaws.com', 'cloudwatch.amazonaws.com']);
    expect(statements.some((s) => s.Effect === 'Deny' && s.Condition?.Bool?.['aws:SecureTransport'] === 'false')).toBe(true);
  });

  it('watches the errors of every function of the stack, each in exactly one alarm of at most 10 metrics', () => {
    const watched = alarmsOn('AWS/Lambda', 'Errors').flatMap(([, alarm]) => {
      expect(metricsOf(alarm).length).toBeLessThanOrEqual(10);
      return metricsOf(alarm).map((m) => (m.dimensions.FunctionName as { Ref: string }).Ref);
    });
    // Every function of the route table (CDK's own deploy-time helpers fail the deployment instead).
    const functions = [...synthesized.stack.functions.values()].map(logicalIdOf);
    expect(functions.length).toBeGreaterThan(20);
    expect(watched.sort()).toEqual(functions.sort());
  });

  it('watches Lambda throttles, the HTTP API\'s 5xx and 429 rates, WebSocket errors, DynamoDB throttles and system errors, SES bounces and complaints', () => {
    expect(alarmsOn('AWS/Lambda', 'Throttles')).toHaveLength(1);
    const [httpApiId] = ofType('AWS::ApiGatewayV2::Api').find(([, api]) => api.Properties.ProtocolType === 'HTTP')!;
    const [chatApiId] = ofType('AWS::ApiGatewayV2::Api').find(([, api]) => api.Properties.ProtocolType === 'WEBSOCKET')!;
    const [fiveXx] = alarmsOn('AWS/ApiGateway', '5xx');
    expect(metricsOf(fiveXx[1]).find((m) => m.name === '5xx')!.dimensions.ApiId).toEqual({ Ref: httpApiId });
    expect(JSON.stringify(fiveXx[1].Properties.Metrics)).toContain('errors / requests');

    // 429: counted from the HTTP API's access log, over its requests.
    const [filterId, filter] = ofType('AWS::Logs::MetricFilter')[0];
    expect(filter.Properties.FilterPattern).toBe('{ $.status = "429" }');
    const accessLogGroup = JSON.stringify(ofType('AWS::ApiGatewayV2::Stage').find(([, s]) => s.Properties.ApiId.Ref === httpApiId)![1].Properties.AccessLogSettings.DestinationArn);
    expect(accessLogGroup).toContain(filter.Properties.LogGroupName.Ref);
    const transformation = filter.Properties.MetricTransformations[0];
    const [tooMany] = alarmsOn(transformation.MetricNamespace, transformation.MetricName);
    expect(tooMany, filterId).toBeDefined();
    expect(metricsOf(tooMany[1]).some((m) => m.name === 'Count' && (m.dimensions.ApiId as any)?.Ref === httpApiId)).toBe(true);

    for (const name of ['IntegrationError', 'ExecutionError']) {
      const [alarm] = alarmsOn('AWS/ApiGateway', name);
      expect(metricsOf(alarm[1]).find((m) => m.name === name)!.dimensions.ApiId, name).toEqual({ Ref: chatApiId });
    }
    const [tableId] = ofType('AWS::DynamoDB::Table')[0];
    for (const name of ['ThrottledRequests', 'SystemErrors']) {
      const [alarm] = alarmsOn('AWS/DynamoDB', name);
      const metrics = metricsOf(alarm[1]);
      expect(metrics.length, name).toBeLessThanOrEqual(10);
      expect(metrics.every((m) => (m.dimensions.TableName as any)?.Ref === tableId)).toBe(true);
      expect(metrics.map((m) => m.dimensions.Operation)).toEqual(expect.arrayContaining(['GetItem', 'Query', 'PutItem', 'UpdateItem', 'TransactWriteItems']));
    }
    const [bounce] = alarmsOn('AWS/SES', 'Reputation.BounceRate');
    const [complaint] = alarmsOn('AWS/SES', 'Reputation.ComplaintRate');
    expect(bounce[1].Properties.Threshold).toBeLessThan(0.05);
    expect(complaint[1].Properties.Threshold).toBeLessThan(0.001);
  });

  it('shows the same signals on a dashboard named after the stack', () => {
    const [, dashboard] = ofType('AWS::CloudWatch::Dashboard')[0];
    expect(dashboard.Properties.DashboardName).toBe(synthesized.stack.stackName);
    const body = JSON.stringify(dashboard.Properties.DashboardBody);
    for (const signal of ['AWS/Lambda', 'Errors', 'Throttles', '5xx', 'Http429', 'IntegrationError', 'ExecutionError', 'ThrottledRequests', 'SystemErrors', 'Reputation.BounceRate', 'Reputation.ComplaintRate', 'ApproximateNumberOfMessagesVisible', 'AccountMailsSent', 'AccountMailsFailed', 'AccountMailsHeld']) {
      expect(body, signal).toContain(signal);
    }
  });
});

describe('the budget', () => {
  it(`alerts the same topic at 80 % of the month's amount spent and at 100 % forecast, ${defaultMonthlyBudgetUsd} USD by default`, () => {
    const [, budget] = ofType('AWS::Budgets::Budget')[0];
    expect(budget.Properties.Budget).toMatchObject({ BudgetType: 'COST', TimeUnit: 'MONTHLY', BudgetLimit: { Amount: defaultMonthlyBudgetUsd, Unit: 'USD' } });
    const notifications = budget.Properties.NotificationsWithSubscribers as any[];
    expect(notifications.map((n) => [n.Notification.NotificationType, n.Notification.Threshold])).toEqual([['ACTUAL', 80], ['FORECASTED', 100]]);
    for (const n of notifications) expect(n.Subscribers).toEqual([{ SubscriptionType: 'SNS', Address: { Ref: ofType('AWS::SNS::Topic')[0][0] } }]);
  });

  it('takes its amount from -c monthlyBudgetUsd=', () => {
    const stack = defineWith({ ...complete, monthlyBudgetUsd: '120' });
    const [budget] = Object.values(Template.fromStack(stack).findResources('AWS::Budgets::Budget')) as Resource[];
    expect(budget.Properties.Budget.BudgetLimit.Amount).toBe(120);
    expect(() => defineWith({ ...complete, monthlyBudgetUsd: '-5' })).toThrow('The context monthlyBudgetUsd is a positive number of US dollars (got -5).');
  }, 60_000);
});

describe('the backup', () => {
  it('backs the table up daily and keeps each copy 35 days, in a retained vault; point-in-time recovery stays on', () => {
    const [, plan] = ofType('AWS::Backup::BackupPlan')[0];
    const rules = plan.Properties.BackupPlan.BackupPlanRule;
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({ ScheduleExpression: 'cron(0 5 * * ? *)', Lifecycle: { DeleteAfterDays: 35 } });
    const [tableId, table] = ofType('AWS::DynamoDB::Table')[0];
    const [, selection] = ofType('AWS::Backup::BackupSelection')[0];
    expect(selection.Properties.BackupSelection.Resources).toEqual([{ 'Fn::GetAtt': [tableId, 'Arn'] }]);
    const [, vault] = ofType('AWS::Backup::BackupVault')[0];
    expect(vault.DeletionPolicy).toBe('Retain');
    expect(table.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
  });
});

describe('the scheduled jobs', () => {
  const queue = () => ofType('AWS::SQS::Queue')[0];

  it('run on EventBridge Scheduler, not EventBridge rules', () => {
    expect(ofType('AWS::Events::Rule')).toEqual([]);
    expect(ofType('AWS::Scheduler::Schedule')).toHaveLength(scheduledJobs.length);
  });

  it.each(scheduledJobs.map((job) => [job.name, job] as const))(
    '%s: its route-table expression in UTC, the local scheduler reads it too, retries and the dead-letter queue',
    (name, job) => {
      const functionId = logicalIdOf(synthesized.stack.functions.get(name)!);
      const [, schedule] = ofType('AWS::Scheduler::Schedule').find(([, s]) => JSON.stringify(s.Properties.Target.Arn).includes(functionId))!;
      expect(schedule.Properties.ScheduleExpression).toBe(job.schedule);
      expect(schedule.Properties.ScheduleExpressionTimezone ?? 'Etc/UTC').toBe('Etc/UTC');
      expect(schedule.Properties.State).toBe('ENABLED');
      expect(nextFireTime(job.schedule, new Date('2026-01-01T00:00:00Z')).getTime()).toBeGreaterThan(Date.parse('2026-01-01T00:00:00Z'));
      expect(schedule.Properties.Target).toMatchObject({
        Arn: { 'Fn::GetAtt': [functionId, 'Arn'] },
        RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [queue()[0], 'Arn'] } },
      });
      // Lambda's own retries of a run that threw, then the same queue.
      const [, invokeConfig] = ofType('AWS::Lambda::EventInvokeConfig').find(([, c]) => c.Properties.FunctionName.Ref === functionId)!;
      expect(invokeConfig.Properties).toMatchObject({
        MaximumRetryAttempts: 2,
        MaximumEventAgeInSeconds: 3600,
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queue()[0], 'Arn'] } } },
      });
    },
  );

  it('hand the jobs an event that events/schedule.ts accepts, its time the firing\'s', () => {
    const pseudo: Record<string, string> = { 'AWS::AccountId': '123456789012', 'AWS::Region': 'eu-west-1' };
    const render = (value: any): string =>
      typeof value === 'string' ? value : value['Fn::Join'][1].map((part: any) => (typeof part === 'string' ? part : pseudo[part.Ref])).join('');
    for (const [id, schedule] of ofType('AWS::Scheduler::Schedule')) {
      const event = JSON.parse(
        render(schedule.Properties.Target.Input)
          .replaceAll('<aws.scheduler.scheduled-time>', '2026-11-29T06:00:00Z')
          .replaceAll('<aws.scheduler.execution-id>', 'c0ffee')
          .replaceAll('<aws.scheduler.schedule-arn>', 'arn:aws:scheduler:eu-west-1:123456789012:schedule/default/x'),
      );
      expect(scheduledEvent.safeParse(event).success, `${id}: ${JSON.stringify(event)}`).toBe(true);
      expect(event.time).toBe('2026-11-29T06:00:00Z');
      expect(event.resources).toEqual(['arn:aws:scheduler:eu-west-1:123456789012:schedule/default/x']);
    }
  });

  it('have one encrypted dead-letter queue, TLS only, whose depth raises an alarm', () => {
    const [queueId, deadLetters] = queue();
    expect(ofType('AWS::SQS::Queue')).toHaveLength(1);
    expect(deadLetters.Properties.SqsManagedSseEnabled).toBe(true);
    const [, policy] = ofType('AWS::SQS::QueuePolicy')[0];
    expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain('aws:SecureTransport');
    const depth = ofType('AWS::CloudWatch::Alarm').find(([, a]) => a.Properties.MetricName === 'ApproximateNumberOfMessagesVisible')!;
    expect(depth[1].Properties.Dimensions).toEqual([{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }]);
    expect(depth[1].Properties.Threshold).toBe(1);
  });

  it('raise an alarm when send-account-mail holds an e-mail (it may or may not have gone)', () => {
    const held = ofType('AWS::CloudWatch::Alarm').find(([, a]) => a.Properties.MetricName === 'AccountMailsHeld')!;
    expect(held[1].Properties.Namespace).toBe(`Twinspace/${synthesized.stack.stackName}`);
    expect(held[1].Properties.Threshold).toBe(1);
  });
});
