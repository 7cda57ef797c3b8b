/**
 * Rate-limit counters (keys.ts pattern L1): one item per source and window,
 * incremented by a conditional UpdateItem, so two containers can never both
 * take the last attempt. The source is stored only as its keyed hash
 * (domain/rate-limits.ts sourceKey: an IP address is personal data), and the
 * item expires by TTL after its window.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RateLimit, RateWindow } from '../domain/rate-limits.ts';
import { keys } from './keys.ts';
import type { TableStore } from './store.ts';
import { writtenIfHolds } from './conditional-write.ts';

/**
 * Counts one attempt of the source named `sourceKey` (its keyed hash, never
 * the address); false when the window already holds `limit` of them
 * (nothing is counted then).
 */
export async function takeAttempt(store: TableStore, limit: RateLimit, sourceKey: string, window: RateWindow): Promise<boolean> {
  return writtenIfHolds(
    store.db.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: keys.rateWindow(limit.scope, sourceKey, window.startsAt),
        UpdateExpression: 'ADD attempts :one SET expiresAt = :expiresAt, entity = :entity',
        ConditionExpression: 'attribute_not_exists(attempts) OR attempts < :limit',
        ExpressionAttributeValues: {
          ':one': 1,
          ':limit': limit.limit,
          // Kept one window past its end: TTL deletion is lazy, and the key alone already ends its use.
          ':expiresAt': window.startsAt + 2 * limit.windowSeconds,
          ':entity': 'rateWindow',
        },
      }),
    ),
  );
}
