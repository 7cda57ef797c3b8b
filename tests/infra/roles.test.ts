/**
 * Least privilege (issue 11): every IAM role of the synthesised stack, with
 * every action it allows and on what, is listed here explicitly; the test
 * fails on any difference, so a widening (a new action, a broader resource,
 * a dropped condition, a new role) cannot pass unnoticed: whoever widens a
 * role must widen this list too, in the same review. No role may Scan, the
 * public sign-up can neither set passwords nor delete users, and each HTTP
 * area's role makes only the Cognito admin calls its code sends (its
 * IdentityGrant; tests/infra/cognito-calls.test.ts reads them from the bundles).
 *
 * Lines read `<action> on <resource>[ if <condition>]` (tests/infra/role-rights.ts):
 * stack resources by construct path, the README's deploy context (eu-west-1,
 * no-reply@your.domain).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Template } from 'aws-cdk-lib/assertions';
import { buildTwinspace, readmeDeployContext, type Synthesized } from './synth.ts';
import { rolesRights } from './role-rights.ts';

let synthesized: Synthesized;
let rights: Record<string, string[]>;

beforeAll(() => {
  synthesized = buildTwinspace({ bundle: false, context: readmeDeployContext });
  rights = rolesRights(Template.fromStack(synthesized.stack).toJSON().Resources);
}, 300_000);
afterAll(() => synthesized?.cleanup());

const table = '${Storage/Table.Arn}';
const pool = '${Auth/UserPool.Arn}';
/** On the table and its indexes (GSI1 queries). */
const onTable = (...actions: string[]) => actions.flatMap((action) => [`dynamodb:${action} on ${table}`, `dynamodb:${action} on ${table}/index/*`]);
const tableRead = onTable('BatchGetItem', 'GetItem', 'Query');
const tableReadWrite = [...tableRead, ...onTable('BatchWriteItem', 'ConditionCheckItem', 'DeleteItem', 'PutItem', 'UpdateItem')];
/** Only the items whose partition key matches (dynamodb:LeadingKeys). */
const onPartitions = (action: string, partitions: string[]) =>
  `dynamodb:${action} on ${table} if {"ForAllValues:StringLike":{"dynamodb:LeadingKeys":${JSON.stringify(partitions)}}}`;
const xray = ['xray:PutTelemetryRecords on *', 'xray:PutTraceSegments on *'];
/** A function's own log group. */
const ownLogs = (logGroup: string) => [`logs:CreateLogStream on \${${logGroup}.Arn}`, `logs:PutLogEvents on \${${logGroup}.Arn}`];
/** The log groups of a shared HTTP role's routes. */
const sharedLogs = (key: string) =>
  ['logs:CreateLogStream', 'logs:PutLogEvents'].map((action) => `${action} on arn:\${AWS::Partition}:logs:eu-west-1:\${AWS::AccountId}:log-group:/twinspace/Twinspace-prod/http/${key}/*`);
const chatSockets = ['execute-api:ManageConnections on arn:${AWS::Partition}:execute-api:eu-west-1:${AWS::AccountId}:${ChatApi/Api}/prod/*/@connections/*'];
const streamRead = ['DescribeStream', 'GetRecords', 'GetShardIterator'].map((action) => `dynamodb:${action} on \${Storage/Table.StreamArn}`).concat('dynamodb:ListStreams on *');
/** Lambda's own on-failure destination (CDK grants what SQS needs to accept the message). */
const deadLetters = ['GetQueueAttributes', 'GetQueueUrl', 'SendMessage'].map((action) => `sqs:${action} on \${Schedule/DeadLetterQueue.Arn}`);
const sendMail = ['ses:SendEmail on arn:${AWS::Partition}:ses:eu-west-1:${AWS::AccountId}:identity/your.domain'];
/** Cognito admin calls, on this pool only. */
const onPool = (...calls: string[]) => calls.map((call) => `cognito-idp:${call} on ${pool}`);
const groupSync = onPool('AdminAddUserToGroup', 'AdminListGroupsForUser', 'AdminRemoveUserFromGroup');
const bucket = '${Materials/Bucket.Arn}';
const siteContent = '${Site/Content.Arn}';
const assets = 'arn:${AWS::Partition}:s3:::{"Fn::Sub":"cdk-hnb659fds-assets-${AWS::AccountId}-eu-west-1"}';
/** The materials area's rights on the bucket (materials-storage.ts, 'manage'). */
const materialsManage = [
  `s3:DeleteObject on ${bucket}/incoming/*`,
  `s3:DeleteObject on ${bucket}/materials/*`,
  `s3:GetObject on ${bucket}/incoming/*`,
  `s3:GetObject on ${bucket}/materials/*`,
  `s3:ListBucket on ${bucket} if {"StringLike":{"s3:prefix":["materials/*"]}}`,
  `s3:PutObject on ${bucket}/incoming/*`,
];
const both = (actions: string[], arn: string) => actions.flatMap((action) => [`${action} on ${arn}`, `${action} on ${arn}/*`]);

/** Every role, and everything it may do. */
const expected: Record<string, string[]> = {
  // The user pool's triggers (identity-triggers.ts).
  'IdentityTriggers/pre-sign-up-role': [onPartitions('GetItem', ['SIGNUP#*']), ...ownLogs('IdentityTriggers/pre-sign-up-logs'), ...xray],
  'IdentityTriggers/pre-token-generation-role': [`cognito-idp:AdminGetUser on ${pool}`, ...ownLogs('IdentityTriggers/pre-token-generation-logs'), ...xray],

  // The HTTP areas' shared roles (route-roles.ts).
  'HttpApi/RouteRoles/read-role': [...tableRead, ...sharedLogs('read'), ...xray],
  'HttpApi/RouteRoles/write-role': [...tableReadWrite, ...sharedLogs('write'), ...xray],
  'HttpApi/RouteRoles/write-and-chat-role': [...tableReadWrite, ...chatSockets, ...sharedLogs('write-and-chat'), ...xray],
  'HttpApi/RouteRoles/write-materials-read-role': [...tableReadWrite, `s3:GetObject on ${bucket}/materials/*`, ...sharedLogs('write-materials-read'), ...xray],
  'HttpApi/RouteRoles/write-materials-manage-role': [
    ...tableReadWrite,
    ...materialsManage,
    ...sharedLogs('write-materials-manage'),
    ...xray,
  ],
  // The NSS's validation of teachers (registrations): confirm the sign-up and verify its address, or delete a rejected one.
  'HttpApi/RouteRoles/identity-teacher-validation-role': [
    ...tableReadWrite,
    ...onPool('AdminConfirmSignUp', 'AdminDeleteUser', 'AdminUpdateUserAttributes'),
    ...sharedLogs('identity-teacher-validation'),
    ...xray,
  ],
  // The NSS's approval of a project (approvals): the founders' group sync, nothing else of Cognito.
  'HttpApi/RouteRoles/identity-group-sync-role': [...tableReadWrite, ...groupSync, ...sharedLogs('identity-group-sync'), ...xray],
  // Member management (members): pupils' accounts (made, undone, one-time passwords), the group sync, and members' chat sockets.
  'HttpApi/RouteRoles/identity-members-and-chat-role': [
    ...tableReadWrite,
    ...onPool('AdminCreateUser', 'AdminDeleteUser', 'AdminGetUser', 'AdminSetUserPassword'),
    ...groupSync,
    ...chatSockets,
    ...sharedLogs('identity-members-and-chat'),
    ...xray,
  ],
  // Erasure (the privacy area): the account (AdminDeleteUser only), its chat sockets, and the objects of the erased person's materials.
  'HttpApi/RouteRoles/identity-erasure-and-chat-materials-manage-role': [
    ...tableReadWrite,
    ...onPool('AdminDeleteUser'),
    ...chatSockets,
    ...materialsManage,
    ...sharedLogs('identity-erasure-and-chat-materials-manage'),
    ...xray,
  ],
  // The public sign-up: the partitions a sign-up touches, no Cognito right at all (SignUp is unauthenticated),
  // and the rate limit's secret (rate-limited areas only).
  'HttpApi/RouteRoles/sign-up-rate-limited-role': [
    onPartitions('DeleteItem', ['SIGNUP#*']),
    onPartitions('GetItem', ['USERNAME#*', 'USER#*']),
    onPartitions('PutItem', ['USERNAME#*', 'USER#*', 'SIGNUP#*', 'OUTBOX#ACCOUNT-MAIL']),
    onPartitions('UpdateItem', ['RATE#*']),
    ...sharedLogs('sign-up-rate-limited'),
    'secretsmanager:GetSecretValue on ${RateLimitKey}',
    ...xray,
  ],

  // The chat (chat-api.ts).
  'ChatApi/ApiGatewayCloudWatchRole': ['managed service-role/AmazonAPIGatewayPushToCloudWatchLogs'],
  'ChatApi/chat-authorize-role': [...tableRead, ...ownLogs('ChatApi/chat-authorize-logs'), ...xray],
  'ChatApi/chat-connect-role': [...tableReadWrite, ...ownLogs('ChatApi/chat-connect-logs'), ...xray],
  'ChatApi/chat-disconnect-role': [...tableReadWrite, ...chatSockets, ...ownLogs('ChatApi/chat-disconnect-logs'), ...xray],
  'ChatApi/chat-default-role': [...tableReadWrite, ...chatSockets, ...ownLogs('ChatApi/chat-default-logs'), ...xray],

  // Scheduled jobs (schedule.ts): only the senders may send, from the sender's domain; a failed run goes to the dead-letter queue.
  'Schedule/notify-evaluators-role': [...tableReadWrite, ...sendMail, ...deadLetters, ...ownLogs('Schedule/notify-evaluators-logs'), ...xray],
  'Schedule/send-account-mail-role': [...tableReadWrite, ...sendMail, ...deadLetters, ...ownLogs('Schedule/send-account-mail-logs'), ...xray],
  'Schedule/propose-european-labels-role': [...tableReadWrite, ...deadLetters, ...ownLogs('Schedule/propose-european-labels-logs'), ...xray],
  'Schedule/send-notification-digests-role': [...tableReadWrite, ...deadLetters, ...ownLogs('Schedule/send-notification-digests-logs'), ...xray],
  // EventBridge Scheduler: invoke the four jobs (and their versions), and park what it cannot deliver.
  'Schedule/SchedulerRole': [
    ...['notify-evaluators', 'propose-european-labels', 'send-account-mail', 'send-notification-digests'].flatMap((job) => [
      `lambda:InvokeFunction on \${Schedule/${job}.Arn}`,
      `lambda:InvokeFunction on \${Schedule/${job}.Arn}:*`,
    ]),
    'sqs:SendMessage on ${Schedule/DeadLetterQueue.Arn}',
  ],

  // AWS Backup's daily copy of the table (operations.ts).
  'Operations/Backup/Table/Role': ['managed service-role/AWSBackupServiceRolePolicyForBackup'],

  // Stream handlers (streams.ts).
  'Streams/deliver-notifications-role': [...tableReadWrite, ...streamRead, ...chatSockets, ...ownLogs('Streams/deliver-notifications-logs'), ...xray],
  'Streams/remove-orphan-sign-ups-role': [
    `cognito-idp:AdminDeleteUser on ${pool}`,
    `cognito-idp:AdminGetUser on ${pool}`,
    onPartitions('GetItem', ['USERNAME#*']),
    ...streamRead,
    ...ownLogs('Streams/remove-orphan-sign-ups-logs'),
    ...xray,
  ],

  // The materials' upload processing (materials-storage.ts) and CDK's bucket-notifications handler.
  'Materials/process-upload-role': [
    ...tableReadWrite,
    `s3:DeleteObject on ${bucket}/incoming/*`,
    `s3:DeleteObject on ${bucket}/materials/*`,
    `s3:GetObject on ${bucket}/incoming/*`,
    `s3:PutObject on ${bucket}/materials/*`,
    ...ownLogs('Materials/process-upload-logs'),
    ...xray,
  ],
  'BucketNotificationsHandler050a0587b7544547bf325f094a3db834/Role': ['managed service-role/AWSLambdaBasicExecutionRole', `s3:PutBucketNotification on ${bucket}`],

  // CDK's BucketDeployment of the site (site.ts): its content bucket and CDK's asset bucket, and CloudFront invalidations.
  'Custom::CDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C512MiB/ServiceRole': [
    'cloudfront:CreateInvalidation on *',
    'cloudfront:GetInvalidation on *',
    'managed service-role/AWSLambdaBasicExecutionRole',
    ...both(['s3:Abort*', 's3:DeleteObject*', 's3:GetBucket*', 's3:GetObject*', 's3:List*', 's3:PutObject', 's3:PutObjectLegalHold', 's3:PutObjectRetention', 's3:PutObjectTagging', 's3:PutObjectVersionTagging'], siteContent),
    ...both(['s3:GetBucket*', 's3:GetObject*', 's3:List*'], assets),
  ],
};

describe('every role’s rights', () => {
  it('names every role of the stack, and no other', () => {
    expect(Object.keys(rights).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.keys(expected).map((role) => [role] as const))('%s allows exactly its listed actions on its listed resources', (role) => {
    expect(rights[role]).toEqual([...new Set(expected[role])].sort());
  });

  it('lets no role Scan the table (every read is a GetItem, BatchGetItem or Query on a key)', () => {
    const scans = Object.entries(rights).flatMap(([role, lines]) => lines.filter((line) => /dynamodb:(Scan|\*)|^dynamodb:\S*\* /.test(line)).map((line) => `${role}: ${line}`));
    expect(scans).toEqual([]);
  });

  it('keeps the public sign-up from any Cognito admin call: it can neither set a password nor delete a user', () => {
    expect(rights['HttpApi/RouteRoles/sign-up-rate-limited-role'].filter((line) => line.startsWith('cognito-idp:'))).toEqual([]);
    const mayDeleteUsers = Object.entries(rights).filter(([, lines]) => lines.some((line) => line.startsWith('cognito-idp:AdminDeleteUser ')));
    expect(mayDeleteUsers.map(([role]) => role).sort()).toEqual([
      'HttpApi/RouteRoles/identity-erasure-and-chat-materials-manage-role',
      'HttpApi/RouteRoles/identity-members-and-chat-role',
      'HttpApi/RouteRoles/identity-teacher-validation-role',
      'Streams/remove-orphan-sign-ups-role',
    ]);
  });

  it('lets only member management create users or set passwords', () => {
    const holders = (action: string) => Object.entries(rights).filter(([, lines]) => lines.some((line) => line.startsWith(`cognito-idp:${action} `))).map(([role]) => role);
    expect(holders('AdminCreateUser')).toEqual(['HttpApi/RouteRoles/identity-members-and-chat-role']);
    expect(holders('AdminSetUserPassword')).toEqual(['HttpApi/RouteRoles/identity-members-and-chat-role']);
  });
});
