/**
 * The one way repositories write several items at once. Each item may name
 * the condition it guards (`stale`, `closed`, `typeChanged`, …); the result
 * is a discriminated union that says which guards failed, so no caller reads
 * cancellation reasons by array position.
 *
 * Real DynamoDB cancels a transaction that meets another one on the same item
 * (reason `TransactionConflict`), and throttles (`ThrottlingError`): neither
 * says anything about the data, so the same transaction is sent again with
 * jittered backoff, a bounded number of times. Past that, `WriteContention`
 * is thrown: a transient fault the API answers 503 with Retry-After, never a
 * silently lost write. DynamoDB Local never raises TransactionConflict, so the
 * retry is tested with a store that does (tests/unit/transact.test.ts).
 */
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { TableStore } from './store.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** One item of a transaction, naming the condition it guards (when it has one). */
export type GuardedItem<Guard extends string = string> = TransactItem & { guard?: Guard };

export type TransactOutcome<Guard extends string> = { written: true } | { written: false; failed: Guard[] };

/** Cancellation reasons that are about timing, not data: the same transaction may succeed when sent again. */
const retryableReasons = new Set(['TransactionConflict', 'ThrottlingError', 'ProvisionedThroughputExceeded']);

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Eight attempts, waits up to 1 s: a class of thirty replying to one thread at once spreads out within about 3 s. */
export const defaultRetry: RetryPolicy = { attempts: 8, baseDelayMs: 25, maxDelayMs: 1_000 };

/** Too many concurrent writes to the same items: the caller should try again shortly (503 with Retry-After). */
export class WriteContention extends Error {
  readonly transient = true;
  readonly retryAfterSeconds = 1;
  constructor(attempts: number) {
    super(`The write met concurrent writes ${attempts} times in a row.`);
    this.name = 'WriteContention';
  }
}

interface CancelledTransaction {
  name?: string;
  CancellationReasons?: { Code?: string }[];
}

const isCancelled = (error: unknown): error is CancelledTransaction =>
  (error as CancelledTransaction | undefined)?.name === 'TransactionCanceledException';

/** Full jitter: a random wait up to an exponentially growing cap, so retrying writers spread out. */
const backoff = (attempt: number, policy: RetryPolicy) =>
  Math.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Writes the items in one TransactWriteItems. A failed condition is an
 * outcome (its guard named); a conflict or throttle is retried; anything
 * else is thrown as it came.
 */
export async function transact<Guard extends string>(
  store: TableStore,
  items: GuardedItem<Guard>[],
  policy: RetryPolicy = defaultRetry,
): Promise<TransactOutcome<Guard>> {
  const transactItems = items.map(({ guard: _guard, ...item }) => item as TransactItem);
  for (let attempt = 0; ; attempt += 1) {
    try {
      await store.db.send(new TransactWriteCommand({ TransactItems: transactItems }));
      return { written: true };
    } catch (error) {
      if (!isCancelled(error)) throw error;
      const reasons = error.CancellationReasons ?? [];
      const failedAt = reasons.flatMap((reason, index) => (reason.Code === 'ConditionalCheckFailed' ? [index] : []));
      if (failedAt.length > 0) {
        const unguarded = failedAt.filter((index) => items[index]?.guard === undefined);
        // A condition without a name is a repository's mistake: say so rather than guess what it meant.
        if (unguarded.length > 0) throw new Error(`A transaction condition failed on item ${unguarded.join(', ')}, which names no guard.`);
        return { written: false, failed: [...new Set(failedAt.map((index) => items[index].guard as Guard))] };
      }
      if (!reasons.some((reason) => retryableReasons.has(reason.Code ?? ''))) throw error;
      if (attempt + 1 >= policy.attempts) throw new WriteContention(policy.attempts);
      await sleep(backoff(attempt, policy));
    }
  }
}
