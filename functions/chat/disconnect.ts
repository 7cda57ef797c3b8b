/** $disconnect: the connection leaves its room. */
import { tableStore } from '../lib/clients.ts';
import { deleteChatConnection } from '../data/chat.ts';
import { connectionOwner, type ChatEvent, type ChatResult } from './events.ts';

export async function handler(event: ChatEvent): Promise<ChatResult> {
  const owner = connectionOwner(event);
  // No owner: nothing was stored for this connection.
  if (owner) await deleteChatConnection(tableStore(), owner.projectId, event.requestContext.connectionId);
  return { statusCode: 200 };
}
