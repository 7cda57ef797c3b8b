/** $disconnect: the connection's item goes, with its room items; each room it was in is told who is left. */
import { tableStore } from '../lib/clients.ts';
import { deleteChatConnection, deleteLiveConnection } from '../data/chat.ts';
import { connectionOwner, type ChatEvent, type ChatResult } from './events.ts';
import { logger, observedHandler } from '../lib/observability.ts';
import { broadcastPresence } from './broadcast.ts';

async function handle(event: ChatEvent): Promise<ChatResult> {
  const owner = connectionOwner(event);
  // No owner: nothing was stored for this connection.
  if (!owner) return { statusCode: 200 };
  const store = tableStore();
  const connectionId = event.requestContext.connectionId;
  const gone = await deleteLiveConnection(store, owner.userId, connectionId);
  await Promise.all(
    (gone?.rooms ?? []).map(async (projectId) => {
      await deleteChatConnection(store, projectId, connectionId);
      try {
        await broadcastPresence(projectId, store);
      } catch (error) {
        logger.warn('Presence after a disconnect could not be sent', { projectId, error: error as Error });
      }
    }),
  );
  return { statusCode: 200 };
}

/** In the Powertools middlewares every function runs in (log context, correlation id, trace, metrics). */
export const handler = observedHandler(handle);
