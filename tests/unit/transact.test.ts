/**
 * The one transaction helper against a store that behaves as real DynamoDB
 * does under contention: it cancels with reason TransactionConflict. DynamoDB
 * Local never does, so this is the one place where the SDK is faked.
 */
import { describe, expect, it } from 'vitest';
import { transact, WriteContention, type GuardedItem } from '../../functions/data/transact.ts';
import { isTransientFault } from '../../functions/lib/errors.ts';
import { cancelledWith, scriptedStore } from '../support/scripted-store.ts';

const fast = { attempts: 5, baseDelayMs: 1, maxDelayMs: 2 };

const cancelled = cancelledWith;

const items: GuardedItem<'stale' | 'closed'>[] = [
  { guard: 'stale', Put: { TableName: 'twinspace', Item: { PK: 'P#1', SK: 'PAGE#1', version: 2 }, ConditionExpression: '#v = :v' } },
  { guard: 'closed', ConditionCheck: { TableName: 'twinspace', Key: { PK: 'P#1', SK: 'PROJECT' }, ConditionExpression: '#s = :a' } },
  { Put: { TableName: 'twinspace', Item: { PK: 'P#1', SK: 'LOG#1' } } },
];

describe('transact', () => {
  it('writes once when nothing stands in the way, without sending the guard names to DynamoDB', async () => {
    const { store, sent } = scriptedStore(['ok']);
    expect(await transact(store, items, fast)).toEqual({ written: true });
    expect(sent).toHaveLength(1);
    expect(JSON.stringify(sent[0])).not.toContain('guard');
  });

  it('retries a transaction cancelled by TransactionConflict until it goes through: no write is lost', async () => {
    const conflict = () => cancelled(['None', 'TransactionConflict', 'None']);
    const { store, sent } = scriptedStore([conflict(), conflict(), conflict(), 'ok']);
    expect(await transact(store, items, fast)).toEqual({ written: true });
    expect(sent).toHaveLength(4);
  });

  it('retries throttling the same way', async () => {
    const { store, sent } = scriptedStore([cancelled(['ThrottlingError', 'None', 'None']), 'ok']);
    expect(await transact(store, items, fast)).toEqual({ written: true });
    expect(sent).toHaveLength(2);
  });

  it('gives up after the bounded number of attempts with a transient WriteContention (the API answers 503)', async () => {
    const { store, sent } = scriptedStore(Array.from({ length: 10 }, () => cancelled(['TransactionConflict', 'None', 'None'])));
    const failure = await transact(store, items, fast).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WriteContention);
    expect(isTransientFault(failure)).toBe(true);
    expect(sent).toHaveLength(fast.attempts);
  });

  it('names the guard whose condition failed, and does not retry it', async () => {
    const { store, sent } = scriptedStore([cancelled(['ConditionalCheckFailed', 'None', 'None'])]);
    expect(await transact(store, items, fast)).toEqual({ written: false, failed: ['stale'] });
    expect(sent).toHaveLength(1);
  });

  it('names every failed guard, by item and not by position in the caller’s head', async () => {
    const { store } = scriptedStore([cancelled(['ConditionalCheckFailed', 'ConditionalCheckFailed', 'None'])]);
    expect(await transact(store, items, fast)).toEqual({ written: false, failed: ['stale', 'closed'] });
  });

  it('a failed condition wins over a conflict in the same cancellation: the data said no', async () => {
    const { store, sent } = scriptedStore([cancelled(['TransactionConflict', 'ConditionalCheckFailed', 'None'])]);
    expect(await transact(store, items, fast)).toEqual({ written: false, failed: ['closed'] });
    expect(sent).toHaveLength(1);
  });

  it('refuses to guess when a condition without a guard fails', async () => {
    const { store } = scriptedStore([cancelled(['None', 'None', 'ConditionalCheckFailed'])]);
    await expect(transact(store, items, fast)).rejects.toThrow(/names no guard/);
  });

  it('passes any other error through untouched', async () => {
    const boom = Object.assign(new Error('ValidationException'), { name: 'ValidationException' });
    const { store } = scriptedStore([boom]);
    await expect(transact(store, items, fast)).rejects.toBe(boom);
  });
});
