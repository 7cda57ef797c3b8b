/**
 * Chat messages and live connections, both under the room of their project
 * (keys.ts patterns 7, 8, 9): a broadcast reads exactly the room's
 * connections, in one Query.
 */
import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { TwinspaceType } from '../domain/twinspace-types.ts';
import { keys, prefixes, withoutKeys } from './keys.ts';
import { queryAll } from './query.ts';
import type { TableStore } from './store.ts';

export interface ChatMessage {
  id: string;
  projectId: string;
  authorId: string;
  authorName: string;
  authorType: TwinspaceType;
  text: string;
  sentAt: string;
}

export interface ChatConnection {
  connectionId: string;
  projectId: string;
  userId: string;
  connectedAt: string;
  /** TTL, epoch seconds: a connection whose $disconnect never came goes away on its own. */
  expiresAt: number;
}

/** How long a connection item lives without a $disconnect (API Gateway closes idle sockets sooner). */
export const connectionTtlSeconds = 2 * 60 * 60;

function toChatMessage(item: Record<string, unknown>): ChatMessage {
  const { entity: _entity, ...message } = withoutKeys(item);
  return message as unknown as ChatMessage;
}

export async function putChatMessage(store: TableStore, message: ChatMessage): Promise<void> {
  await store.db.send(
    new PutCommand({
      TableName: store.tableName,
      Item: { ...keys.chatMessage(message.projectId, message.id), entity: 'chatMessage', ...message },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
}

/** Deletes a message; false when there was none with that id. */
export async function deleteChatMessage(store: TableStore, projectId: string, messageId: string): Promise<boolean> {
  const result = await store.db.send(
    new DeleteCommand({ TableName: store.tableName, Key: keys.chatMessage(projectId, messageId), ReturnValues: 'ALL_OLD' }),
  );
  return result.Attributes !== undefined;
}

/** One page of the history, newest first (ULIDs sort by time). */
export async function listChatMessages(
  store: TableStore,
  projectId: string,
  page: { limit: number; startKey?: Record<string, unknown> },
): Promise<{ messages: ChatMessage[]; lastKey?: Record<string, unknown> }> {
  const result = await store.db.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :msg)',
      ExpressionAttributeValues: { ':pk': keys.roomPartition(projectId), ':msg': prefixes.chatMessage },
      ScanIndexForward: false,
      Limit: page.limit,
      ExclusiveStartKey: page.startKey,
    }),
  );
  return { messages: (result.Items ?? []).map(toChatMessage), lastKey: result.LastEvaluatedKey };
}

export async function putChatConnection(store: TableStore, connection: ChatConnection): Promise<void> {
  await store.db.send(
    new PutCommand({
      TableName: store.tableName,
      Item: { ...keys.chatConnection(connection.projectId, connection.connectionId), entity: 'chatConnection', ...connection },
    }),
  );
}

export async function deleteChatConnection(store: TableStore, projectId: string, connectionId: string): Promise<void> {
  await store.db.send(new DeleteCommand({ TableName: store.tableName, Key: keys.chatConnection(projectId, connectionId) }));
}

/** Every live connection of a room: one Query (paged only past 1 MB). Expired-but-not-yet-deleted items are skipped. */
export async function listRoomConnections(store: TableStore, projectId: string, now = new Date()): Promise<ChatConnection[]> {
  const connections: ChatConnection[] = [];
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const items = await queryAll(store, {
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :conn)',
    ExpressionAttributeValues: { ':pk': keys.roomPartition(projectId), ':conn': prefixes.chatConnection },
  });
  for (const item of items) {
    const { entity: _entity, ...connection } = withoutKeys(item);
    if ((connection.expiresAt as number) > nowSeconds) connections.push(connection as unknown as ChatConnection);
  }
  return connections;
}

/**
 * The ids of one user's connections in a room (every tab they opened), to
 * close them when they lose access: one Query of the room's connections
 * (pattern 9), filtered to the user, never a Scan. Expired items count too:
 * they are deleted with the rest.
 */
export async function listUserRoomConnections(store: TableStore, projectId: string, userId: string): Promise<string[]> {
  const items = await queryAll(store, {
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :conn)',
    FilterExpression: 'userId = :user',
    ProjectionExpression: 'connectionId',
    ExpressionAttributeValues: { ':pk': keys.roomPartition(projectId), ':conn': prefixes.chatConnection, ':user': userId },
  });
  return items.map((item) => item.connectionId as string);
}
