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
let mailClient: SESv2Client | undefined;
let onceMailClient: SESv2Client | undefined;

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

export function mail(): SESv2Client {
  mailClient ??= tracer.captureAWSv3Client(new SESv2Client({ region: region(), endpoint: optionalSetting('sesEndpoint'), ...clientLimits }));
  return mailClient;
}

/**
 * SES for the outbox job: ONE attempt per send (the SDK's own retry would send
 * the e-mail again when only SES's answer was lost) and 10 s to answer, so an
 * answer that does not come is rare; the job holds an e-mail whose answer is lost.
 */
export function mailSentOnce(): SESv2Client {
  onceMailClient ??= tracer.captureAWSv3Client(
    new SESv2Client({
      region: region(),
      endpoint: optionalSetting('sesEndpoint'),
      maxAttempts: 1,
      requestHandler: { connectionTimeout: 1_000, requestTimeout: 10_000, throwOnRequestTimeout: true },
    }),
  );
  return onceMailClient;
}
