/** $connect (after the authorizer allowed it): the connection's item under its person (LIVE#<sub>), in no room yet, with a TTL and a full bucket. */
import { tableStore } from '../lib/clients.ts';
import { logger, observedHandler } from '../lib/observability.ts';
import { connectionTtlSeconds, putLiveConnection } from '../data/chat.ts';
import { fullBucket } from '../domain/chat-rate.ts';
import { connectionOwner, type ChatEvent, type ChatResult } from './events.ts';

async function handle(event: ChatEvent): Promise<ChatResult> {
  const owner = connectionOwner(event);
  if (!owner) {
    // Only reachable if the route was deployed without the authorizer: refuse rather than guess.
    logger.error('$connect without authorizer context', { connectionId: event.requestContext.connectionId });
    return { statusCode: 403 };
  }
  const now = new Date();
  await putLiveConnection(tableStore(), {
    connectionId: event.requestContext.connectionId,
    userId: owner.userId,
    connectedAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + connectionTtlSeconds,
    bucket: fullBucket(now.getTime()),
  });
  return { statusCode: 200 };
}

/** In the Powertools middlewares every function runs in (log context, correlation id, trace, metrics). */
export const handler = observedHandler(handle);
