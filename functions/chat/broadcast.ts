/**
 * Pushing frames to connections through the @connections API. A connection
 * that answers 410 (GoneException) is stale: its room item is deleted, and
 * the broadcast carries on; one dead socket never fails the sender.
 *
 * What a broadcast needs from the world (the room's connections, sending to
 * one, forgetting one) is a parameter, the real table and @connections API by
 * default, so the rule is tested with fakes (tests/unit/chat-broadcast.test.ts).
 * The sender is the small signed client of functions/lib/connections-api.ts,
 * not the SDK's: the HTTP functions that post frames (member management, chat
 * supervision) use this same file within their bundle budget.
 */
import type { PresentMember, ServerFrame } from '../../events/chat-frames.ts';
import { tableStore } from '../lib/clients.ts';
import { isGoneConnection, maxSockets, postToConnection } from '../lib/connections-api.ts';
import { logger } from '../lib/logger.ts';
import { deleteChatConnection, deleteLiveConnection, listLiveConnections, listRoomConnections, type ChatConnection } from '../data/chat.ts';
import type { TableStore } from '../data/store.ts';

/** Sends one payload to one connection; throws as the @connections API does (GoneException, 410, when it no longer exists). */
export type SendToConnection = (connectionId: string, payload: string) => Promise<void>;

/** One room as a broadcast sees it. */
export interface Room {
  /** The ids of the room's live connections (one Query). */
  connections(): Promise<string[]>;
  send: SendToConnection;
  /** Deletes the connection's item from the room. */
  forget(connectionId: string): Promise<void>;
}

/** The real @connections API. */
export const sendToConnection: SendToConnection = postToConnection;

/** The project's room in the table, sent to through the @connections API; `known` skips the Query when the caller already read the room. */
export function liveRoom(projectId: string, known?: readonly ChatConnection[], store: TableStore = tableStore()): Room {
  return {
    connections: async () => (known ?? (await listRoomConnections(store, projectId))).map((connection) => connection.connectionId),
    send: sendToConnection,
    forget: (connectionId) => deleteChatConnection(store, projectId, connectionId),
  };
}

async function deliver(connectionId: string, payload: string, send: SendToConnection): Promise<'sent' | 'gone' | 'failed'> {
  try {
    await send(connectionId, payload);
    return 'sent';
  } catch (error) {
    if (isGoneConnection(error)) return 'gone';
    logger.warn('Posting to a chat connection failed', { connectionId, error: error as Error });
    return 'failed';
  }
}

/** Posts one frame to one connection; 'gone' when the connection no longer exists. */
export async function postFrame(connectionId: string, frame: ServerFrame, send: SendToConnection = sendToConnection): Promise<'sent' | 'gone' | 'failed'> {
  return deliver(connectionId, JSON.stringify(frame), send);
}

/**
 * Posts in flight at once in one broadcast: as many as the @connections
 * client keeps sockets (`maxSockets` in functions/lib/connections-api.ts), so a room
 * of 1,000 holds 50 requests in memory, not 1,000, and none waits in the
 * agent's queue while its timeout runs (README, "Fan-out").
 */
export const broadcastConcurrency = maxSockets;

/** Sends a frame to every connection of the room (one Query), cleaning up stale ones; at most `concurrency` posts in flight. */
export async function broadcast(
  projectId: string,
  frame: ServerFrame,
  room: Room = liveRoom(projectId),
  concurrency: number = broadcastConcurrency,
): Promise<{ sent: number; gone: number }> {
  const payload = JSON.stringify(frame);
  const connectionIds = await room.connections();
  const outcomes: ('sent' | 'gone' | 'failed')[] = [];
  let next = 0;
  // A few workers take the next connection as each post ends.
  const worker = async () => {
    while (next < connectionIds.length) {
      const connectionId = connectionIds[next];
      next += 1;
      const outcome = await deliver(connectionId, payload, room.send);
      if (outcome === 'gone') await room.forget(connectionId);
      outcomes.push(outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, connectionIds.length)) }, worker));
  return { sent: outcomes.filter((outcome) => outcome === 'sent').length, gone: outcomes.filter((outcome) => outcome === 'gone').length };
}

/** Who is in the room: one entry per person (several tabs count once), by name. */
export function presentIn(connections: readonly ChatConnection[]): PresentMember[] {
  const byUser = new Map<string, PresentMember>();
  for (const connection of connections) {
    if (!byUser.has(connection.userId) && connection.type) {
      byUser.set(connection.userId, { userId: connection.userId, name: connection.name ?? '', type: connection.type });
    }
  }
  return [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));
}

/** Tells everyone in the room who is there now (one Query for both the list and the posting). */
export async function broadcastPresence(projectId: string, store: TableStore = tableStore()): Promise<void> {
  const connections = await listRoomConnections(store, projectId);
  await broadcast(projectId, { type: 'presence', projectId, present: presentIn(connections) }, liveRoom(projectId, connections, store));
}

/**
 * Sends a frame to every open tab of one person (one Query of LIVE#<sub>), in
 * or out of the room: a pupil's held message and its decision are hers alone
 * (issue 12). A tab that answers 410 is forgotten; nothing here throws for a
 * tab (the table holds the truth; a tab that missed it reads it on reload).
 */
export async function postToPerson(
  userId: string,
  frame: ServerFrame,
  store: TableStore = tableStore(),
  send: SendToConnection = sendToConnection,
): Promise<{ sent: number; gone: number }> {
  const payload = JSON.stringify(frame);
  const connections = await listLiveConnections(store, userId);
  // A person has a few tabs: all at once.
  const outcomes = await Promise.all(connections.map((connection) => deliver(connection.connectionId, payload, send)));
  await Promise.all(connections.filter((_, index) => outcomes[index] === 'gone').map((connection) => deleteLiveConnection(store, userId, connection.connectionId)));
  return { sent: outcomes.filter((outcome) => outcome === 'sent').length, gone: outcomes.filter((outcome) => outcome === 'gone').length };
}
