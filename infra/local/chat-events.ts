/**
 * Pure builders of the WebSocket API's Lambda events, filled as API Gateway
 * fills them: the REQUEST authorizer event of $connect, then the
 * $connect / $default (MESSAGE) / $disconnect proxy events, each carrying
 * requestContext.authorizer = the authorizer's context + principalId.
 * WebSocket events keep header names as sent (unlike HTTP API payload 2.0).
 */
import { randomBytes } from 'node:crypto';
import type { APIGatewayProxyWebsocketEventV2, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { localAccountId, localApiId, requestTime } from './http-event.ts';

export const chatStage = 'local';

/** API Gateway connection ids look like "L0SM9cOFvHcCIhw=". */
export function newConnectionId(): string {
  return randomBytes(10).toString('base64');
}

/** What every event of one connection shares. */
export interface ChatConnectionInfo {
  connectionId: string;
  connectedAt: number;
  domainName: string;
  sourceIp: string;
  userAgent: string;
  /** Node's rawHeaders of the upgrade request. */
  rawHeaders: string[];
  /** The query string of the upgrade request, without '?'. */
  rawQueryString: string;
  region: string;
}

export type AuthorizerContext = Record<string, string | number | boolean | null | undefined>;

function headerMaps(rawHeaders: string[]) {
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  for (let index = 0; index < rawHeaders.length; index += 2) {
    const name = rawHeaders[index];
    headers[name] = rawHeaders[index + 1];
    (multiValueHeaders[name] ??= []).push(rawHeaders[index + 1]);
  }
  return { headers, multiValueHeaders };
}

function queryMaps(rawQueryString: string) {
  if (!rawQueryString) return {};
  const queryStringParameters: Record<string, string> = {};
  const multiValueQueryStringParameters: Record<string, string[]> = {};
  for (const [name, value] of new URLSearchParams(rawQueryString)) {
    queryStringParameters[name] = value;
    (multiValueQueryStringParameters[name] ??= []).push(value);
  }
  return { queryStringParameters, multiValueQueryStringParameters };
}

function baseContext(connection: ChatConnectionInfo, routeKey: string, eventType: 'CONNECT' | 'MESSAGE' | 'DISCONNECT', now: Date) {
  return {
    routeKey,
    eventType,
    extendedRequestId: randomBytes(10).toString('base64'),
    requestTime: requestTime(now),
    messageDirection: 'IN' as const,
    stage: chatStage,
    connectedAt: connection.connectedAt,
    requestTimeEpoch: now.getTime(),
    identity: { sourceIp: connection.sourceIp, userAgent: connection.userAgent },
    requestId: randomBytes(10).toString('base64'),
    domainName: connection.domainName,
    connectionId: connection.connectionId,
    apiId: localApiId,
  };
}

export function connectAuthorizerEvent(connection: ChatConnectionInfo, now: Date): APIGatewayRequestAuthorizerEvent {
  const event = {
    type: 'REQUEST',
    methodArn: `arn:aws:execute-api:${connection.region}:${localAccountId}:${localApiId}/${chatStage}/$connect`,
    ...headerMaps(connection.rawHeaders),
    ...queryMaps(connection.rawQueryString),
    stageVariables: {},
    requestContext: baseContext(connection, '$connect', 'CONNECT', now),
  };
  // The WebSocket authorizer event has no REST resource/path/httpMethod fields; the type is shared with REST.
  return event as unknown as APIGatewayRequestAuthorizerEvent;
}

/** requestContext.authorizer of every later event: the authorizer's context plus principalId. */
export function authorizerOf(principalId: string, context: AuthorizerContext | null | undefined, integrationLatency: number) {
  return { ...(context ?? {}), principalId, integrationLatency };
}

type Authorizer = ReturnType<typeof authorizerOf>;

export function connectEvent(connection: ChatConnectionInfo, authorizer: Authorizer, now: Date): APIGatewayProxyWebsocketEventV2 {
  return {
    ...headerMaps(connection.rawHeaders),
    ...queryMaps(connection.rawQueryString),
    requestContext: { ...baseContext(connection, '$connect', 'CONNECT', now), authorizer },
    isBase64Encoded: false,
    // The type wants messageId on every event; API Gateway sends it only on MESSAGE events.
  } as unknown as APIGatewayProxyWebsocketEventV2;
}

export function messageEvent(connection: ChatConnectionInfo, authorizer: Authorizer, body: string, isBinary: boolean, now: Date): APIGatewayProxyWebsocketEventV2 {
  return {
    requestContext: {
      ...baseContext(connection, '$default', 'MESSAGE', now),
      messageId: randomBytes(10).toString('base64'),
      authorizer,
    },
    body,
    isBase64Encoded: isBinary,
  } as APIGatewayProxyWebsocketEventV2;
}

export function disconnectEvent(
  connection: ChatConnectionInfo,
  authorizer: Authorizer,
  close: { statusCode: number; reason: string },
  now: Date,
): APIGatewayProxyWebsocketEventV2 {
  return {
    ...headerMaps(connection.rawHeaders),
    requestContext: {
      ...baseContext(connection, '$disconnect', 'DISCONNECT', now),
      disconnectStatusCode: close.statusCode,
      disconnectReason: close.reason,
      authorizer,
    },
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyWebsocketEventV2;
}
