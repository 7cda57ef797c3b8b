/** $disconnect: the connection leaves its room. */
import { tableStore } from '../lib/clients.ts';
import { deleteChatConnection } from '../data/chat.ts';
import { connectionOwner, type ChatEvent, type ChatResult } from './events.ts';
import { observedHandler } from '../lib/observability.ts';

async function handle(event: ChatEvent): Promise<ChatResult> {
  const owner = connectionOwner(event);
  // No owner: nothing was stored for this connection.
  if (owner) await deleteChatConnection(tableStore(), owner.projectId, event.requestContext.connectionId);
  return { statusCode: 200 };
}

/** In the Powertools middlewares every function runs in (log context, correlation id, trace, metrics). */
export const handler = observedHandler(handle);
