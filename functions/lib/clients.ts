/**
 * SDK clients, created once per container on first use (a cold start pays
 * only for the clients its handler touches). The *_ENDPOINT settings exist
 * only locally; on AWS the SDK finds each service itself.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { optionalSetting, setting } from './config.ts';
import type { TableStore } from '../data/store.ts';

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
    new DynamoDBClient({ region: region(), endpoint: optionalSetting('dynamodbEndpoint') }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  return { db: documentClient, tableName: setting('tableName') };
}

export function cognito(): CognitoIdentityProviderClient {
  cognitoClient ??= new CognitoIdentityProviderClient({ region: region(), endpoint: optionalSetting('cognitoEndpoint') });
  return cognitoClient;
}

/** The WebSocket API's @connections management API (always an explicit endpoint). */
export function chatConnections(): ApiGatewayManagementApiClient {
  connectionsClient ??= new ApiGatewayManagementApiClient({ region: region(), endpoint: setting('chatCallbackUrl') });
  return connectionsClient;
}

export function mail(): SESv2Client {
  mailClient ??= new SESv2Client({ region: region(), endpoint: optionalSetting('sesEndpoint') });
  return mailClient;
}
