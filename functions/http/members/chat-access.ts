/**
 * A member who loses the chat (removed from the project, or given a type
 * that may not chat: a visitor) loses it at once, not at their next connect:
 * their connection items leave the project's room, so no broadcast reaches
 * them any more, and each of their sockets is closed through the @connections
 * API (DeleteConnection, connections-api.ts; API Gateway then runs
 * $disconnect, which finds nothing left to delete).
 *
 * Their connections are found with one Query of the room (never a Scan): the
 * connection items carry the userId the $connect authorizer verified.
 */
import { deleteChatConnection, listUserRoomConnections } from '../../data/chat.ts';
import type { TableStore } from '../../data/store.ts';
import { mayReadChat } from '../../domain/chat-rules.ts';
import type { TwinspaceType } from '../../domain/twinspace-types.ts';
import { logger } from '../../lib/logger.ts';
import { deleteConnection } from '../../lib/connections-api.ts';

/** Whether a member of this type (none: no longer a member) keeps their chat sockets. */
export const keepsChat = (type: TwinspaceType | undefined): boolean => type !== undefined && mayReadChat(type);

const isGone = (error: unknown) => {
  const failure = error as { $metadata?: { httpStatusCode?: number }; name?: string };
  return failure?.$metadata?.httpStatusCode === 410 || failure?.name === 'GoneException';
};

/**
 * Closes every chat socket `userId` has open in the project's room. The
 * items go first (a failure there is thrown: the caller answers 503 and the
 * same request again re-runs this); a socket that cannot be closed is only
 * logged, since without its item it receives nothing, and every frame it
 * sends is refused by $default, which reads the membership again.
 * Returns how many connections were closed.
 */
export async function closeChatSockets(store: TableStore, projectId: string, userId: string): Promise<number> {
  const connectionIds = await listUserRoomConnections(store, projectId, userId);
  await Promise.all(
    connectionIds.map(async (connectionId) => {
      await deleteChatConnection(store, projectId, connectionId);
      try {
        await deleteConnection(connectionId);
      } catch (error) {
        if (!isGone(error)) logger.warn('Could not close a chat socket of a member who lost the chat', { connectionId, error: error as Error });
      }
    }),
  );
  return connectionIds.length;
}
