/**
 * Frames an HTTP route of the chat area posts to the room's open clients
 * (events/chat-frames.ts): messageDeleted and chatState to the whole room,
 * muted to one member's connections in it — through the chat's own broadcast
 * (functions/chat/broadcast.ts: the signed @connections client, bounded
 * posts in flight, a 410 connection forgotten).
 *
 * The table is the truth and was written first: a frame that cannot be
 * posted is logged and the request still succeeds (a client that missed it
 * reads the state again when it rejoins).
 */
import type { ServerFrame } from '../../../events/chat-frames.ts';
import { broadcast, liveRoom } from '../../chat/broadcast.ts';
import { listRoomConnections } from '../../data/chat.ts';
import type { TableStore } from '../../data/store.ts';
import { logger } from '../../lib/logger.ts';

/** The server → client frames these routes send. */
export type SupervisionFrame = Extract<ServerFrame, { type: 'messageDeleted' | 'chatState' | 'muted' }>;

/** Posts the frame to every connection in the project's room, or only to `onlyUserId`'s. Never throws. */
export async function postToRoom(store: TableStore, projectId: string, frame: SupervisionFrame, onlyUserId?: string): Promise<{ sent: number; gone: number }> {
  try {
    const connections = (await listRoomConnections(store, projectId)).filter((connection) => onlyUserId === undefined || connection.userId === onlyUserId);
    return await broadcast(projectId, frame, liveRoom(projectId, connections, store));
  } catch (error) {
    logger.warn('Could not post a supervision frame to the room', { projectId, frame: frame.type, error: error as Error });
    return { sent: 0, gone: 0 };
  }
}
