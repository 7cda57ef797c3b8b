/**
 * SDK clients, created once per container on first use (a cold start pays
 * only for the clients its handler touches). The *_ENDPOINT settings exist
 * only locally; on AWS the SDK finds each service itself.
 *
 * Every client has connection and request timeouts and a bounded number of
 * attempts, so a stalled service answers 503 UNAVAILABLE (with Retry-After)
 * within a few seconds instead of holding the request until API Gateway's
 * 29 s: two attempts of at most 1.5 s each, plus the SDK's backoff between
 * them. The tracer wraps each client, so every call is a segment in X-Ray.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { optionalSetting, setting } from './config.ts';
import { tracer } from './observability.ts';
import type { TableStore } from '../data/store.ts';

/** The limits every client shares (see above). */
export const clientLimits = {
  maxAttempts: 2,
  // Without throwOnRequestTimeout the SDK only warns when requestTimeout passes, and keeps waiting.
  requestHandler: { connectionTimeout: 1_000, requestTimeout: 1_500, throwOnRequestTimeout: true },
} as const;

let documentClient: DynamoDBDocumentClient | undefined;
let cognitoClient: CognitoIdentityProviderClient | undefined;
let connectionsClient: ApiGatewayManagementApiClient | undefined;
let mailClient: SESv2Client | undefined;

function region(): string | undefined {
  return optionalSetting('region');
}

/** The table and its document client (undefined attributes are dropped, not rejected). */
export function tableStore(): TableStore {
  documentClient ??= DynamoDBDocumentClient.from(
    tracer.captureAWSv3Client(new DynamoDBClient({ region: region(), endpoint: optionalSetting('dynamodbEndpoint'), ...clientLimits })),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  return { db: documentClient, tableName: setting('tableName') };
}

export function cognito(): CognitoIdentityProviderClient {
  cognitoClient ??= tracer.captureAWSv3Client(
    new CognitoIdentityProviderClient({ region: region(), endpoint: optionalSetting('cognitoEndpoint'), ...clientLimits }),
  );
  return cognitoClient;
}

/**
 * The @connections client's socket pool. A broadcast keeps at most
 * `broadcastConcurrency` posts in flight (functions/chat/broadcast.ts), and the
 * pool has a socket for each, so no post waits in the agent's queue: the SDK
 * starts a request's timers when the request is made, not when it gets a
 * socket, and a post queued behind 50 others for over a second failed with a
 * connection timeout (README, "Fan-out"). Measured by `npm run bench`.
 */
export const connectionsPool = { maxSockets: 50 } as const;

/** An @connections client with the shared limits and the pool above (chatConnections(); the bench builds its own against a stand-in). */
export function newConnectionsClient(endpoint: string, pool: { maxSockets: number } = connectionsPool): ApiGatewayManagementApiClient {
  const agent = { keepAlive: true, maxSockets: pool.maxSockets };
  return new ApiGatewayManagementApiClient({
    region: region(),
    endpoint,
    maxAttempts: clientLimits.maxAttempts,
    requestHandler: { ...clientLimits.requestHandler, httpAgent: agent, httpsAgent: agent },
  });
}

/** The WebSocket API's @connections management API (always an explicit endpoint). */
export function chatConnections(): ApiGatewayManagementApiClient {
  connectionsClient ??= tracer.captureAWSv3Client(newConnectionsClient(setting('chatCallbackUrl')));
  return connectionsClient;
}

export function mail(): SESv2Client {
  mailClient ??= tracer.captureAWSv3Client(new SESv2Client({ region: region(), endpoint: optionalSetting('sesEndpoint'), ...clientLimits }));
  return mailClient;
}
