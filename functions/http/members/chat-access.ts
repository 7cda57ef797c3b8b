/**
 * A member who loses the chat (removed from the project, or given a type
 * that may not chat: a visitor) leaves its room at once, not at their next
 * join: each of their connections in the room loses its room item (so no
 * broadcast reaches it any more) and the room from its set (so every later
 * send is refused; $default also reads the membership again), gets a `left`
 * frame with reason 'removed', and the room is told who is left. The sockets
 * stay open: they still carry the person's notifications.
 *
 * Their connections are found with one Query of LIVE#<sub> (never a Scan),
 * then the ones whose rooms include the project.
 */
import { listLiveConnections, leaveRoom } from '../../data/chat.ts';
import type { TableStore } from '../../data/store.ts';
import { mayReadChat } from '../../domain/chat-rules.ts';
import type { TwinspaceType } from '../../domain/twinspace-types.ts';
import { logger } from '../../lib/logger.ts';
import { broadcastPresence, postFrame } from '../../chat/broadcast.ts';

/** Whether a member of this type (none: no longer a member) keeps the chat. */
export const keepsChat = (type: TwinspaceType | undefined): boolean => type !== undefined && mayReadChat(type);

/**
 * Takes `userId` out of the project's room on every tab. The items go first
 * (a failure there is thrown: the caller answers 503 and the same request
 * again re-runs this); a frame that cannot be posted is only logged, since
 * without its items the connection receives nothing and may send nothing.
 * Returns how many connections left the room.
 */
export async function leaveChatRoom(store: TableStore, projectId: string, userId: string): Promise<number> {
  const inRoom = (await listLiveConnections(store, userId)).filter((connection) => connection.rooms.includes(projectId));
  await Promise.all(inRoom.map((connection) => leaveRoom(store, projectId, userId, connection.connectionId)));
  if (inRoom.length === 0) return 0;
  await Promise.all(inRoom.map((connection) => postFrame(connection.connectionId, { type: 'left', projectId, reason: 'removed' })));
  try {
    await broadcastPresence(projectId, store);
  } catch (error) {
    logger.warn('Presence after a member left the chat could not be sent', { projectId, error: error as Error });
  }
  return inRoom.length;
}
