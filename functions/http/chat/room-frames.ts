/**
 * Frames an HTTP route of the chat area posts to the room's open clients
 * (events/chat-frames.ts, issue 9 section 2): messageDeleted and chatState to
 * the whole room, muted to one member's connections in it. Posted through
 * the hand-signed @connections client (functions/lib/connections-api.ts), not
 * the SDK's (its weight would take this function past the bundle budget).
 *
 * The table is the truth and was written first: a frame that cannot be
 * posted is logged and the request still succeeds (a client that missed it
 * reads the state again when it rejoins). A connection that answers 410 is
 * gone: its room item is deleted, as the chat's own broadcast does.
 */
import { deleteChatConnection, listRoomConnections } from '../../data/chat.ts';
import type { TableStore } from '../../data/store.ts';
import { isGoneConnection, postToConnection } from '../../lib/connections-api.ts';
import { logger } from '../../lib/logger.ts';

/** The server → client frames these routes send (their shapes are those of events/chat-frames.ts). */
export type SupervisionFrame =
  | { type: 'messageDeleted'; projectId: string; messageId: string }
  | { type: 'chatState'; projectId: string; pupilsOpen: boolean }
  | { type: 'muted'; projectId: string; until: string | null };

/** Posts the frame to every connection in the project's room, or only to `onlyUserId`'s. Never throws. */
export async function postToRoom(store: TableStore, projectId: string, frame: SupervisionFrame, onlyUserId?: string): Promise<{ sent: number; gone: number }> {
  let sent = 0;
  let gone = 0;
  try {
    const connections = await listRoomConnections(store, projectId);
    const payload = JSON.stringify(frame);
    await Promise.all(
      connections
        .filter((connection) => onlyUserId === undefined || connection.userId === onlyUserId)
        .map(async ({ connectionId }) => {
          try {
            await postToConnection(connectionId, payload);
            sent += 1;
          } catch (error) {
            if (!isGoneConnection(error)) return logger.warn('Posting a supervision frame to a chat connection failed', { connectionId, error: error as Error });
            gone += 1;
            await deleteChatConnection(store, projectId, connectionId).catch((cleanup: unknown) =>
              logger.warn('Could not forget a gone chat connection', { connectionId, error: cleanup as Error }),
            );
          }
        }),
    );
  } catch (error) {
    logger.warn('Could not read the room to post a supervision frame', { projectId, frame: frame.type, error: error as Error });
  }
  return { sent, gone };
}
