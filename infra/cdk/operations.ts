/**
 * Operations: where the stack tells someone that something is wrong.
 *
 * One SNS topic with an e-mail subscription (`-c alarmEmail=`) receives every
 * alarm below and the AWS Budgets alert; a CloudWatch dashboard shows the same
 * signals; AWS Backup copies the table daily (point-in-time recovery stays on).
 *
 * Alarms (each names in its description what to look at):
 * - Lambda errors of the stack's functions, in groups of at most ten (an
 *   alarm's metric math reads at most 10 metrics), and Lambda throttles of the
 *   region (concurrency is the account's, shared by every function);
 * - HTTP API: 5xx rate, 429 rate (from the access log: the HTTP API's own
 *   metrics lump 429 into 4xx);
 * - WebSocket API: integration and execution errors;
 * - DynamoDB: throttled requests and system errors of the operations the code calls;
 * - SES: bounce and complaint rates (the account's reputation in the region:
 *   AWS reviews an account at 5 % bounces or 0.1 % complaints);
 * - the schedules' dead-letter queue holding anything, and account e-mails
 *   held because a run stopped between SES and the table (send-account-mail).
 */
import { Aws, Duration, Stack, Validations } from 'aws-cdk-lib';
import { BackupPlan, BackupResource } from 'aws-cdk-lib/aws-backup';
import { CfnBudget } from 'aws-cdk-lib/aws-budgets';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  TextWidget,
  TreatMissingData,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Operation } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { FilterPattern, type LogGroup, MetricFilter } from 'aws-cdk-lib/aws-logs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { metricsNamespaceOf, serviceName } from './function.ts';
import type { TwinspaceChatApi } from './chat-api.ts';
import type { TwinspaceHttpApi } from './http-api.ts';
import type { TwinspaceTable } from './storage.ts';

/** The thresholds, stated once (README "Operations" repeats them). */
export const alarmThresholds = {
  /** Errors of a group of functions in 5 minutes. */
  lambdaErrors: 5,
  /** Throttled invocations in the region in 5 minutes. */
  lambdaThrottles: 1,
  /** Share of HTTP requests answered 5xx over 5 minutes (at least 20 requests). */
  http5xxRate: 0.01,
  /** Share of HTTP requests answered 429 over 5 minutes. */
  http429Rate: 0.05,
  /** WebSocket integration + execution errors in 5 minutes. */
  webSocketErrors: 5,
  /** DynamoDB throttled requests in 5 minutes. */
  dynamoThrottles: 1,
  /** DynamoDB system errors in 5 minutes. */
  dynamoSystemErrors: 1,
  /** SES reputation: AWS reviews the account at 5 % bounces and 0.1 % complaints. */
  sesBounceRate: 0.04,
  sesComplaintRate: 0.0008,
} as const;

/** The DynamoDB operations the code calls (an alarm's math reads at most 10 metrics). */
const tableOperations = [
  Operation.GET_ITEM,
  Operation.BATCH_GET_ITEM,
  Operation.QUERY,
  Operation.PUT_ITEM,
  Operation.UPDATE_ITEM,
  Operation.DELETE_ITEM,
  Operation.BATCH_WRITE_ITEM,
  Operation.TRANSACT_WRITE_ITEMS,
  Operation.GET_RECORDS,
];

/** Functions per Lambda-errors alarm (an alarm's metric math reads at most 10 metrics). */
export const functionsPerErrorAlarm = 10;

/** The business metric send-account-mail counts when it holds an e-mail it cannot tell was sent. */
export const heldMailMetric = 'AccountMailsHeld';

export interface OperationsProps {
  stage: string;
  alarmEmail: string;
  monthlyBudgetUsd: number;
  table: TwinspaceTable;
  httpApi: TwinspaceHttpApi;
  chatApi: TwinspaceChatApi;
  functions: Map<string, LambdaFunction>;
  deadLetterQueue: Queue;
}

const fiveMinutes = Duration.minutes(5);

export class TwinspaceOperations extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;
  readonly backupPlan: BackupPlan;
  readonly budget: CfnBudget;

  constructor(scope: Construct, id: string, props: OperationsProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const namespace = metricsNamespaceOf(this);
    this.topic = new Topic(this, 'AlarmTopic', {
      displayName: `Twinspace ${props.stage} alarms`,
      enforceSSL: true,
    });
    // With a topic policy of our own (enforceSSL), the services that publish need saying so.
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsAndBudgetsPublish',
        actions: ['sns:Publish'],
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com'), new ServicePrincipal('budgets.amazonaws.com')],
        resources: [this.topic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
      }),
    );
    Validations.of(this.topic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason:
        'Alarm and budget notifications carry metric names and numbers, no personal data; CloudWatch alarms and Budgets cannot publish to a topic under the AWS-managed SNS key, and a customer key would cost more than everything else idle.',
    });
    this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    const action = new SnsAction(this.topic);

    const alarm = (name: string, metric: IMetric, threshold: number, description: string, comparison = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD) => {
      const made = new Alarm(this, name, {
        metric,
        alarmDescription: description,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: comparison,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      made.addAlarmAction(action);
      this.alarms.push(made);
      return made;
    };

    // Lambda: errors of our functions (groups of 10), throttles of the region.
    const functions = [...props.functions.entries()].sort(([a], [b]) => a.localeCompare(b));
    const errorGraphs: IMetric[] = [];
    for (let start = 0; start < functions.length; start += functionsPerErrorAlarm) {
      const group = functions.slice(start, start + functionsPerErrorAlarm);
      const groupNumber = start / functionsPerErrorAlarm + 1;
      // Ids unique across the groups: the dashboard draws them in one graph.
      const usingMetrics = Object.fromEntries(group.map(([, fn], index) => [`g${groupNumber}e${index}`, fn.metricErrors({ period: fiveMinutes, statistic: 'Sum' })]));
      const errors = new MathExpression({
        expression: Object.keys(usingMetrics).map((metricId) => `FILL(${metricId}, 0)`).join(' + '),
        usingMetrics,
        period: fiveMinutes,
        label: `Lambda errors, group ${groupNumber}`,
      });
      errorGraphs.push(errors);
      alarm(
        `LambdaErrors${groupNumber}`,
        errors,
        alarmThresholds.lambdaErrors,
        `At least ${alarmThresholds.lambdaErrors} errors in 5 minutes in one of: ${group.map(([name]) => name).join(', ')}. Their log groups say which and why.`,
      );
    }
    const throttles = new Metric({ namespace: 'AWS/Lambda', metricName: 'Throttles', statistic: 'Sum', period: fiveMinutes, label: 'Lambda throttles (region)' });
    alarm('LambdaThrottles', throttles, alarmThresholds.lambdaThrottles, 'Lambda throttled invocations in this region: the account\'s concurrency is used up (or a function\'s reserved concurrency).');

    // HTTP API: 5xx and 429 shares of the requests.
    const api = props.httpApi.api;
    const requests = api.metricCount({ period: fiveMinutes, statistic: 'Sum' });
    const serverErrorRate = new MathExpression({
      expression: 'IF(requests >= 20, errors / requests, 0)',
      usingMetrics: { errors: api.metricServerError({ period: fiveMinutes, statistic: 'Sum' }), requests },
      period: fiveMinutes,
      label: 'HTTP 5xx rate',
    });
    alarm('Http5xxRate', serverErrorRate, alarmThresholds.http5xxRate, `More than ${alarmThresholds.http5xxRate * 100} % of HTTP API requests answered 5xx over 5 minutes (at least 20 requests). The area functions' logs say why.`);
    const httpAccessLog = props.httpApi.node.findChild('AccessLogs') as LogGroup;
    const tooManyMetric = new MetricFilter(this, 'Http429Filter', {
      logGroup: httpAccessLog,
      filterPattern: FilterPattern.stringValue('$.status', '=', '429'),
      metricNamespace: namespace,
      metricName: 'Http429',
      metricValue: '1',
    }).metric({ statistic: 'Sum', period: fiveMinutes });
    const tooManyRate = new MathExpression({
      expression: 'IF(requests >= 20, FILL(tooMany, 0) / requests, 0)',
      usingMetrics: { tooMany: tooManyMetric, requests },
      period: fiveMinutes,
      label: 'HTTP 429 rate',
    });
    alarm('Http429Rate', tooManyRate, alarmThresholds.http429Rate, `More than ${alarmThresholds.http429Rate * 100} % of HTTP API requests answered 429 over 5 minutes: the stage's or a route's throttle, or a client retrying in a loop (access log: status 429).`);

    // WebSocket API.
    const chatApiId = props.chatApi.api.apiId;
    const chatMetric = (metricName: string) =>
      new Metric({ namespace: 'AWS/ApiGateway', metricName, dimensionsMap: { ApiId: chatApiId, Stage: props.chatApi.stage.stageName }, statistic: 'Sum', period: fiveMinutes });
    const chatErrors = new MathExpression({
      expression: 'FILL(integration, 0) + FILL(execution, 0)',
      usingMetrics: { integration: chatMetric('IntegrationError'), execution: chatMetric('ExecutionError') },
      period: fiveMinutes,
      label: 'WebSocket errors',
    });
    alarm('WebSocketErrors', chatErrors, alarmThresholds.webSocketErrors, 'WebSocket API integration or execution errors: the chat functions failed or timed out (their logs), or API Gateway could not run them.');

    // DynamoDB.
    const table = props.table.table;
    const dynamoThrottles = table.metricThrottledRequestsForOperations({ operations: tableOperations, period: fiveMinutes });
    alarm('DynamoThrottles', dynamoThrottles, alarmThresholds.dynamoThrottles, 'DynamoDB throttled requests on the table (on-demand: a partition past its limits, or the account\'s table limits).');
    const dynamoSystemErrors = table.metricSystemErrorsForOperations({ operations: tableOperations, period: fiveMinutes });
    alarm('DynamoSystemErrors', dynamoSystemErrors, alarmThresholds.dynamoSystemErrors, 'DynamoDB answered with system errors (HTTP 500) on the table: an AWS-side problem; the SDK retries, the alarm says it lasts.');

    // SES reputation (account-wide in the region: the metrics have no dimension).
    const sesRate = (metricName: string, label: string) => new Metric({ namespace: 'AWS/SES', metricName, statistic: 'Maximum', period: Duration.hours(1), label });
    const bounceRate = sesRate('Reputation.BounceRate', 'SES bounce rate');
    const complaintRate = sesRate('Reputation.ComplaintRate', 'SES complaint rate');
    alarm('SesBounceRate', bounceRate, alarmThresholds.sesBounceRate, 'SES bounce rate near 5 %, where AWS reviews the account (and may pause sending at 10 %). Look for addresses that no longer exist.');
    alarm('SesComplaintRate', complaintRate, alarmThresholds.sesComplaintRate, 'SES complaint rate near 0.1 %, where AWS reviews the account (and may pause sending at 0.5 %).');

    // The schedules' dead-letter queue and the held account e-mails.
    const dlqDepth = props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, statistic: 'Maximum' });
    alarm('ScheduleDeadLetters', dlqDepth, 1, 'A scheduled job\'s firing could not be delivered, or its run failed after its retries: the message in the dead-letter queue names the job, its function\'s log says why.');
    const held = new Metric({ namespace, metricName: heldMailMetric, dimensionsMap: { service: serviceName }, statistic: 'Sum', period: fiveMinutes });
    alarm('AccountMailsHeld', held, 1, 'send-account-mail held an e-mail: a run stopped between SES and the table, so it may or may not have gone. README "Operations" says how to check and release it.');

    // Backup: daily, kept 35 days, in a vault of its own (retained with the table).
    this.backupPlan = BackupPlan.daily35DayRetention(this, 'Backup');
    const selection = this.backupPlan.addSelection('Table', { resources: [BackupResource.fromDynamoDbTable(table)] });
    Validations.of(selection).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
      reason: 'AWS Backup\'s own service-role policy, the one AWS documents for it; the role is assumed by AWS Backup only, and the selection names this one table.',
    });

    // Budget: the month's actual cost past 80 %, or the forecast past 100 %, of the amount.
    this.budget = new CfnBudget(this, 'MonthlyBudget', {
      budget: {
        budgetName: `${stack.stackName}-monthly`,
        budgetType: 'COST',
        timeUnit: 'MONTHLY',
        budgetLimit: { amount: props.monthlyBudgetUsd, unit: 'USD' },
      },
      notificationsWithSubscribers: [
        { notificationType: 'ACTUAL', threshold: 80 },
        { notificationType: 'FORECASTED', threshold: 100 },
      ].map((notification) => ({
        notification: { ...notification, comparisonOperator: 'GREATER_THAN', thresholdType: 'PERCENTAGE' },
        subscribers: [{ subscriptionType: 'SNS', address: this.topic.topicArn }],
      })),
    });
    this.budget.node.addDependency(this.topic);

    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: stack.stackName,
      defaultInterval: Duration.days(1),
      widgets: [
        [new TextWidget({ markdown: `# Twinspace ${props.stage}\nAlarms go to the SNS topic of this stack (e-mail: the alarmEmail setting).`, width: 24, height: 2 })],
        [
          new GraphWidget({ title: 'Lambda errors (groups of functions)', left: errorGraphs, width: 12 }),
          new GraphWidget({ title: 'Lambda throttles (region)', left: [throttles], width: 12 }),
        ],
        [
          new GraphWidget({ title: 'HTTP API requests', left: [requests], width: 8 }),
          new GraphWidget({ title: 'HTTP API 5xx and 429 rates', left: [serverErrorRate, tooManyRate], width: 8 }),
          new GraphWidget({ title: 'WebSocket errors', left: [chatErrors], width: 8 }),
        ],
        [
          // Two graphs: both expressions name their metrics by operation.
          new GraphWidget({ title: 'DynamoDB throttled requests', left: [dynamoThrottles], width: 8 }),
          new GraphWidget({ title: 'DynamoDB system errors', left: [dynamoSystemErrors], width: 8 }),
          new GraphWidget({ title: 'SES bounce and complaint rates', left: [bounceRate, complaintRate], width: 8 }),
        ],
        [
          new GraphWidget({ title: 'Scheduled jobs: dead letters', left: [dlqDepth], width: 12 }),
          new GraphWidget({ title: 'Account e-mails sent / failed / held', left: ['AccountMailsSent', 'AccountMailsFailed', heldMailMetric].map((metricName) => new Metric({ namespace, metricName, dimensionsMap: { service: serviceName }, statistic: 'Sum', period: fiveMinutes })), width: 12 }),
        ],
      ],
    });
  }
}
