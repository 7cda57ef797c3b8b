/**
 * The chat and the live connections (keys.ts patterns 7, 8, 9, C1–C6).
 *
 * - A live connection (one per signed-in tab) lives under its person,
 *   LIVE#<sub> / CONN#<connectionId>: the rooms it joined (a string set) and
 *   its rate-limit bucket. A person's tabs are one Query (notifications,
 *   revocation); one connection is a GetItem with the userId of the
 *   authorizer's context.
 * - A room connection, ROOM#<projectId> / CONN#<connectionId>, is written on
 *   `join` and deleted on `leave`, $disconnect and revocation: a broadcast and
 *   the presence list read exactly the room's connections, in one Query.
 * - Messages under the room, with a TTL of the retention setting.
 */
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand, BatchGetCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { ChatBucket } from '../domain/chat-rate.ts';
import type { TwinspaceType } from '../domain/twinspace-types.ts';
import { optionalSetting } from '../lib/config.ts';
import { keys, prefixes, withAuthor, withoutKeys, type ItemKey } from './keys.ts';
import { toMembership, type Membership } from './memberships.ts';
import { toProject, type Project } from './projects.ts';
import { queryAll } from './query.ts';
import type { TableStore } from './store.ts';
import { transact, type GuardedItem } from './transact.ts';
import { projectStillApproved } from './write-guards.ts';

export interface ChatMessage {
  id: string;
  projectId: string;
  authorId: string;
  authorName: string;
  authorType: TwinspaceType;
  text: string;
  sentAt: string;
}

/** A live connection (one per signed-in tab), under its person. */
export interface LiveConnection {
  connectionId: string;
  userId: string;
  connectedAt: string;
  /** TTL, epoch seconds: a connection whose $disconnect never came goes away on its own. */
  expiresAt: number;
  /** The rooms (project ids) it joined. */
  rooms: string[];
  bucket?: ChatBucket;
}

/** A connection in a room: who is there (presence) and where to post (broadcast). */
export interface ChatConnection {
  connectionId: string;
  projectId: string;
  userId: string;
  /** The name the room shows (pupils by first name). */
  name?: string;
  type?: TwinspaceType;
  joinedAt?: string;
  /** TTL, epoch seconds. */
  expiresAt: number;
}

/** How long a connection item lives without a $disconnect (API Gateway closes every socket within 2 h). */
export const connectionTtlSeconds = 2 * 60 * 60;

/** Days a chat message is kept (CHAT_RETENTION_DAYS, default 90: eTwinning's three months). */
export function chatRetentionDays(): number {
  const days = Number(optionalSetting('chatRetentionDays') ?? '');
  return Number.isInteger(days) && days > 0 ? days : 90;
}

/** A message's TTL: sent at + the retention, epoch seconds. */
export function messageExpiresAt(sentAt: string, retentionDays = chatRetentionDays()): number {
  return Math.floor(Date.parse(sentAt) / 1000) + retentionDays * 24 * 60 * 60;
}

function toChatMessage(item: Record<string, unknown>): ChatMessage {
  const { entity: _entity, expiresAt: _expiresAt, ...message } = withoutKeys(item);
  return message as unknown as ChatMessage;
}

/** The stored form of a message (its TTL set from the retention setting). */
export function chatMessageItem(message: ChatMessage): Record<string, unknown> {
  return { ...withAuthor(keys.chatMessage(message.projectId, message.id), message.authorId, message.sentAt), entity: 'chatMessage', ...message, expiresAt: messageExpiresAt(message.sentAt) };
}

export async function putChatMessage(store: TableStore, message: ChatMessage): Promise<void> {
  await store.db.send(new PutCommand({ TableName: store.tableName, Item: chatMessageItem(message), ConditionExpression: 'attribute_not_exists(PK)' }));
}

/**
 * A message a teacher released from the guard's hold (issue 12): stored as
 * any message, on condition the project is still open ('closed': a TwinSpace
 * closed meanwhile is read-only, nothing is stored).
 */
export async function putReleasedChatMessage(store: TableStore, message: ChatMessage): Promise<'stored' | 'closed'> {
  const outcome = await transact<'closed'>(store, [
    { Put: { TableName: store.tableName, Item: chatMessageItem(message), ConditionExpression: 'attribute_not_exists(PK)' } },
    projectStillApproved(store, message.projectId),
  ]);
  return outcome.written ? 'stored' : 'closed';
}

/** Deletes a message; false when there was none with that id. */
export async function deleteChatMessage(store: TableStore, projectId: string, messageId: string): Promise<boolean> {
  const result = await store.db.send(
    new DeleteCommand({ TableName: store.tableName, Key: keys.chatMessage(projectId, messageId), ReturnValues: 'ALL_OLD' }),
  );
  return result.Attributes !== undefined;
}

/** One page of the history, newest first (ULIDs sort by time). Messages past their TTL but not yet deleted are left out. */
export async function listChatMessages(
  store: TableStore,
  projectId: string,
  page: { limit: number; startKey?: Record<string, unknown> },
  now = new Date(),
): Promise<{ messages: ChatMessage[]; lastKey?: Record<string, unknown> }> {
  const result = await store.db.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :msg)',
      FilterExpression: 'attribute_not_exists(expiresAt) OR expiresAt > :now',
      ExpressionAttributeValues: { ':pk': keys.roomPartition(projectId), ':msg': prefixes.chatMessage, ':now': Math.floor(now.getTime() / 1000) },
      ScanIndexForward: false,
      Limit: page.limit,
      ExclusiveStartKey: page.startKey,
    }),
  );
  return { messages: (result.Items ?? []).map(toChatMessage), lastKey: result.LastEvaluatedKey };
}

// ---- live connections (LIVE#<sub>) ----

function toLiveConnection(item: Record<string, unknown>): LiveConnection {
  const { entity: _entity, rooms, ...rest } = withoutKeys(item);
  return { ...(rest as unknown as Omit<LiveConnection, 'rooms'>), rooms: rooms instanceof Set ? [...(rooms as Set<string>)] : Array.isArray(rooms) ? (rooms as string[]) : [] };
}

/** $connect: the connection's item under its person, with a full bucket and no room. */
export async function putLiveConnection(store: TableStore, connection: Omit<LiveConnection, 'rooms'>): Promise<void> {
  await store.db.send(
    new PutCommand({ TableName: store.tableName, Item: { ...keys.liveConnection(connection.userId, connection.connectionId), entity: 'liveConnection', ...connection } }),
  );
}

export async function getLiveConnection(store: TableStore, userId: string, connectionId: string): Promise<LiveConnection | undefined> {
  const { Item } = await store.db.send(new GetCommand({ TableName: store.tableName, Key: keys.liveConnection(userId, connectionId), ConsistentRead: true }));
  return Item ? toLiveConnection(Item) : undefined;
}

/** $disconnect: deletes the connection's item; returns it as it was (its rooms), if there was one. */
export async function deleteLiveConnection(store: TableStore, userId: string, connectionId: string): Promise<LiveConnection | undefined> {
  const { Attributes } = await store.db.send(
    new DeleteCommand({ TableName: store.tableName, Key: keys.liveConnection(userId, connectionId), ReturnValues: 'ALL_OLD' }),
  );
  return Attributes ? toLiveConnection(Attributes) : undefined;
}

/** Every live connection of a person (every tab): one Query of LIVE#<sub>. Expired-but-not-yet-deleted items count too. */
export async function listLiveConnections(store: TableStore, userId: string): Promise<LiveConnection[]> {
  const items = await queryAll(store, {
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :conn)',
    ExpressionAttributeValues: { ':pk': keys.livePartition(userId), ':conn': prefixes.chatConnection },
  });
  return items.map(toLiveConnection);
}

// ---- rooms (ROOM#<projectId> / CONN#<id>) ----

/**
 * `join`: the room connection and the room in the connection's set, in one
 * TransactWriteItems, guarded by the connection still existing and the
 * membership still being of the type the decision was made on. False when a
 * guard failed (the socket went, or the member changed meanwhile).
 */
export async function joinRoom(store: TableStore, connection: ChatConnection & { name: string; type: TwinspaceType }): Promise<boolean> {
  const outcome = await transact<'connection' | 'member'>(store, [
    {
      guard: 'connection',
      Update: {
        TableName: store.tableName,
        Key: keys.liveConnection(connection.userId, connection.connectionId),
        UpdateExpression: 'ADD #rooms :room',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#rooms': 'rooms' },
        ExpressionAttributeValues: { ':room': new Set([connection.projectId]) },
      },
    },
    {
      Put: {
        TableName: store.tableName,
        Item: { ...keys.chatConnection(connection.projectId, connection.connectionId), entity: 'chatConnection', ...connection },
      },
    },
    {
      guard: 'member',
      ConditionCheck: {
        TableName: store.tableName,
        Key: keys.membership(connection.projectId, connection.userId),
        ConditionExpression: '#type = :type',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':type': connection.type },
      },
    },
  ]);
  return outcome.written;
}

/** `leave`, revocation, $disconnect: the room connection goes, and the room leaves the connection's set (if it is still there). */
export async function leaveRoom(store: TableStore, projectId: string, userId: string, connectionId: string, live: 'update' | 'gone' = 'update'): Promise<void> {
  await deleteChatConnection(store, projectId, connectionId);
  if (live === 'gone') return;
  try {
    await store.db.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: keys.liveConnection(userId, connectionId),
        UpdateExpression: 'DELETE #rooms :room',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#rooms': 'rooms' },
        ExpressionAttributeValues: { ':room': new Set([projectId]) },
      }),
    );
  } catch (error) {
    // The connection went meanwhile: nothing left to update.
    if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
  }
}

/** Puts a room connection as it is (tests: a connection that no longer exists). */
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

// ---- what a frame is checked against ----

export interface RoomSettings {
  /** Absent item: open. */
  pupilsOpen: boolean;
  changedBy?: string;
  changedAt?: string;
}

export interface RoomMute {
  userId: string;
  /** ISO. */
  until: string;
  by?: string;
}

/** Everything a `join` or a `sendMessage` is checked against, read in one BatchGetItem (strongly consistent). */
export interface RoomAccess {
  project?: Project;
  membership?: Membership;
  live?: LiveConnection;
  settings: RoomSettings;
  mute?: RoomMute;
}

async function batchGetConsistent(store: TableStore, wanted: ItemKey[]): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let left: Record<string, unknown>[] = wanted;
  for (let attempt = 0; left.length > 0; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
    if (attempt > 6) throw new Error('DynamoDB left keys unprocessed after retries');
    const result: BatchGetCommandOutput = await store.db.send(
      new BatchGetCommand({ RequestItems: { [store.tableName]: { Keys: left, ConsistentRead: true } } }),
    );
    items.push(...(result.Responses?.[store.tableName] ?? []));
    left = (result.UnprocessedKeys?.[store.tableName]?.Keys as Record<string, unknown>[] | undefined) ?? [];
  }
  return items;
}

/** The project, the membership, the mute, the room's settings and the live connection: one round trip. */
export async function getRoomAccess(store: TableStore, projectId: string, userId: string, connectionId: string): Promise<RoomAccess> {
  const wanted = {
    project: keys.project(projectId),
    membership: keys.membership(projectId, userId),
    mute: keys.roomMute(projectId, userId),
    settings: keys.roomSettings(projectId),
    live: keys.liveConnection(userId, connectionId),
  };
  const found = await batchGetConsistent(store, Object.values(wanted));
  const is = (item: Record<string, unknown>, key: ItemKey) => item.PK === key.PK && item.SK === key.SK;
  const access: RoomAccess = { settings: { pupilsOpen: true } };
  for (const item of found) {
    if (is(item, wanted.project)) access.project = toProject(item);
    else if (is(item, wanted.membership)) access.membership = toMembership(item);
    else if (is(item, wanted.live)) access.live = toLiveConnection(item);
    else if (is(item, wanted.settings)) access.settings = { pupilsOpen: item.pupilsOpen !== false, changedBy: item.changedBy as string | undefined, changedAt: item.changedAt as string | undefined };
    else if (is(item, wanted.mute)) access.mute = { userId, until: item.until as string, by: item.by as string | undefined };
  }
  return access;
}

export type SendOutcome = 'stored' | 'bucket' | 'left';

/**
 * Stores a message and the connection's new bucket in ONE TransactWriteItems:
 * the bucket conditional on the bucket as read (or no bucket yet) and the
 * room still joined, so a message is stored only when the bucket allowed it.
 * 'bucket' when another frame of the connection took a token meanwhile,
 * 'left' when the connection is no longer in the room (or gone).
 */
export async function storeMessageWithBucket(
  store: TableStore,
  message: ChatMessage,
  connection: { userId: string; connectionId: string; readBucket?: ChatBucket; newBucket: ChatBucket },
): Promise<SendOutcome> {
  const outcome = await transact<'bucket' | 'message'>(
    store,
    [
      bucketToken(store, message.projectId, connection, 'bucket'),
      { guard: 'message', Put: { TableName: store.tableName, Item: chatMessageItem(message), ConditionExpression: 'attribute_not_exists(PK)' } },
    ],
    // Conflicts with a concurrent frame's transaction are the bucket's business: retried a little only.
    { attempts: 3, baseDelayMs: 10, maxDelayMs: 100 },
  );
  if (outcome.written) return 'stored';
  return outcome.failed.includes('bucket') ? 'bucket' : 'left';
}

/**
 * The connection's new rate-limit bucket as one transaction item: conditional on the bucket as read (or no bucket
 * yet) and the room still joined. A message (above) and a held message (issue 12: it counts against the rate limit
 * as a sent one does, in the held text's own transaction) each spend their token with it.
 */
export function bucketToken<Guard extends string>(
  store: TableStore,
  projectId: string,
  connection: { userId: string; connectionId: string; readBucket?: ChatBucket; newBucket: ChatBucket },
  guard: Guard,
): GuardedItem<Guard> {
  // The bucket as read: its time AND its tokens — frames stamped in the same millisecond leave `at` as it was.
  const bucketAsRead = connection.readBucket ? '#bucket.#at = :readAt AND #bucket.#tokens = :readTokens' : 'attribute_not_exists(#bucket)';
  return {
    guard,
    Update: {
      TableName: store.tableName,
      Key: keys.liveConnection(connection.userId, connection.connectionId),
      UpdateExpression: 'SET #bucket = :bucket',
      ConditionExpression: `attribute_exists(PK) AND contains(#rooms, :room) AND ${bucketAsRead}`,
      ExpressionAttributeNames: { '#bucket': 'bucket', '#rooms': 'rooms', ...(connection.readBucket ? { '#at': 'at', '#tokens': 'tokens' } : {}) },
      ExpressionAttributeValues: {
        ':bucket': connection.newBucket,
        ':room': projectId,
        ...(connection.readBucket ? { ':readAt': connection.readBucket.at, ':readTokens': connection.readBucket.tokens } : {}),
      },
    },
  };
}

