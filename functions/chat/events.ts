/**
 * The WebSocket events as the chat handlers see them: API Gateway puts the
 * $connect authorizer's context (plus principalId) in requestContext.authorizer
 * of every later event of that connection.
 */
import type { APIGatewayEventWebsocketRequestContextV2, APIGatewayProxyWebsocketEventV2WithRequestContext } from 'aws-lambda';

/** What authorize.ts returns as context (API Gateway passes strings through): who, nothing else (rooms are joined by frame). */
export interface ChatAuthorizerContext {
  userId: string;
}

export type ChatEvent = APIGatewayProxyWebsocketEventV2WithRequestContext<
  Omit<APIGatewayEventWebsocketRequestContextV2, 'messageId'> & {
    messageId?: string;
    authorizer?: Partial<ChatAuthorizerContext> & { principalId?: string };
  }
>;

export interface ChatResult {
  statusCode: number;
  body?: string;
}

/** The connection's person, from the authorizer's context; undefined if it is missing. */
export function connectionOwner(event: ChatEvent): { userId: string } | undefined {
  const authorizer = event.requestContext.authorizer;
  if (!authorizer?.userId) return undefined;
  return { userId: authorizer.userId };
}
