/**
 * The table's stream handlers (functions/routes.ts streamHandlers): one
 * function each, fed by an event source mapping on the table's stream with the
 * handler's own filters (the same patterns the local poller applies), its
 * batch size, partial-batch responses, bisection and a bounded number of
 * retries. They reach the chat's @connections API (live frames to open tabs)
 * and write the table (the e-mail outbox, due digests, stale connections);
 * they never send e-mail themselves (no SES). remove-orphan-sign-ups is the
 * exception: Cognito's AdminGetUser/AdminDeleteUser and one read, nothing else.
 */
import { Duration } from 'aws-cdk-lib';
import type { UserPool } from 'aws-cdk-lib/aws-cognito';
import { PolicyStatement, type Role } from 'aws-cdk-lib/aws-iam';
import { FilterCriteria, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct } from 'constructs';
import { streamHandlers } from '../../functions/routes.ts';
import type { TwinspaceChatApi } from './chat-api.ts';
import { TwinspaceFunction } from './function.ts';
import type { TwinspaceTable } from './storage.ts';

export interface StreamsProps {
  table: TwinspaceTable;
  environment: Record<string, string>;
  chat: TwinspaceChatApi;
  /** The pool whose orphan sign-ups remove-orphan-sign-ups deletes. */
  userPool: UserPool;
}

export class TwinspaceStreams extends Construct {
  readonly functions: Map<string, TwinspaceFunction> = new Map();

  constructor(scope: Construct, id: string, props: StreamsProps) {
    super(scope, id);
    for (const streamHandler of streamHandlers) {
      const fn = new TwinspaceFunction(this, {
        handler: streamHandler,
        environment: { ...props.environment, ...props.chat.callbackEnvironment },
        timeout: Duration.seconds(30),
      });
      if (streamHandler.rights === 'orphan-sign-ups') {
        // Only what removing an orphan needs (functions/streams/remove-orphan-sign-ups.ts): the user, and whether the table has its account.
        props.userPool.grant(fn, 'cognito-idp:AdminGetUser', 'cognito-idp:AdminDeleteUser');
        fn.addToRolePolicy(
          new PolicyStatement({
            actions: ['dynamodb:GetItem'],
            resources: [props.table.table.tableArn],
            conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['USERNAME#*'] } },
          }),
        );
      } else {
        props.table.grantReadWrite(fn);
        props.chat.grantConnections(fn.role as Role);
      }
      fn.addEventSource(
        new DynamoEventSource(props.table.table, {
          startingPosition: StartingPosition.LATEST,
          batchSize: streamHandler.batchSize,
          // A new notification should reach open tabs within 2 s: no batching window.
          maxBatchingWindow: Duration.seconds(0),
          filters: streamHandler.filters.map((pattern) => FilterCriteria.filter(pattern as Record<string, unknown>)),
          reportBatchItemFailures: true,
          bisectBatchOnError: true,
          retryAttempts: streamHandler.retryAttempts,
          maxRecordAge: Duration.hours(1),
        }),
      );
      this.functions.set(streamHandler.name, fn);
    }
  }
}
