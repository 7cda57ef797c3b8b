/**
 * The outbox of account e-mails (a teacher validated or rejected, a
 * notification, a digest): written in the same transaction as the decision,
 * delivered by the send-account-mail job (keys.ts patterns R3, R4). The
 * decision and its e-mail therefore never part. (The decision's Lambda also
 * calls Cognito; with the SES client too it would outgrow the 400 KB bundle budget.)
 *
 * An e-mail's life, each step a conditional write, so two runs never both
 * own it:
 *   waiting ──claim──► sending (claimToken, leaseUntil) ──SES accepts──► sent (R4; the R3 item deleted)
 *                         │ SES refused it for sure ──release──► waiting (next run)
 *                         │ SES may or may not have taken it, or the run stopped
 *                         └──────────────── hold ──► held (an operator decides; never sent again by itself)
 */
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { keys, withoutKeys } from './keys.ts';
import type { TableStore } from './store.ts';
import { transact } from './transact.ts';
import { writtenIfHolds } from './conditional-write.ts';

export interface AccountMail {
  mailId: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
}

/** Where an outbox item stands: no state = waiting. */
export type AccountMailState = 'sending' | 'held';

export interface OutboxMail extends AccountMail {
  state?: AccountMailState;
  /** The claim of the run that is sending it. */
  claimToken?: string;
  /** ISO time until which that run may still be at work (its function's timeout and more). */
  leaseUntil?: string;
}

/** Days the sent mark (R4) is kept: long enough to answer "did it go?", short enough to hold nothing for long. */
export const sentMarkDays = 30;

/** The outbox item, for a TransactWriteItems Put next to the decision. */
export function accountMailPut(store: TableStore, accountMail: AccountMail) {
  return {
    Put: {
      TableName: store.tableName,
      Item: { ...keys.accountMail(accountMail.mailId), entity: 'accountMail', ...accountMail },
    },
  };
}

/**
 * The oldest outbox items that are not held, at most `limit` (ULID ids: SK
 * order is time order). Held e-mails stay at the head of the partition until
 * an operator releases them, so they are read past, never counted.
 */
export async function listAccountMail(store: TableStore, limit: number): Promise<OutboxMail[]> {
  const found: OutboxMail[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const result = await store.db.send(
      new QueryCommand({
        TableName: store.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.accountMailPartition },
        ConsistentRead: true,
        Limit: limit,
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of result.Items ?? []) {
      const { entity: _entity, ...accountMail } = withoutKeys(item);
      if ((accountMail as OutboxMail).state !== 'held') found.push(accountMail as unknown as OutboxMail);
    }
    startKey = result.LastEvaluatedKey;
  } while (startKey && found.length < limit);
  return found.slice(0, limit);
}

/** Claims a waiting e-mail for one run until `leaseUntil`; false if it is not waiting (another run has it, or it is gone or held). */
export async function claimAccountMail(store: TableStore, mailId: string, claimToken: string, now: Date, leaseUntil: Date): Promise<boolean> {
  return writtenIfHolds(
    store.db.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: keys.accountMail(mailId),
        UpdateExpression: 'SET #state = :sending, claimToken = :token, claimedAt = :now, leaseUntil = :until',
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(#state)',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':sending': 'sending', ':token': claimToken, ':now': now.toISOString(), ':until': leaseUntil.toISOString() },
      }),
    ),
  );
}

/**
 * Records that SES accepted the e-mail: the outbox item goes (only while this
 * claim still holds it, held or not) and the sent mark R4 is written, in one
 * transaction. True also when an earlier attempt of the same mark went through
 * (its answer lost): the mark is there with this claim.
 */
export async function markAccountMailSent(store: TableStore, mailId: string, claimToken: string, messageId: string, now: Date): Promise<boolean> {
  const outcome = await transact(store, [
    {
      guard: 'claimed',
      Delete: {
        TableName: store.tableName,
        Key: keys.accountMail(mailId),
        ConditionExpression: 'claimToken = :token',
        ExpressionAttributeValues: { ':token': claimToken },
      },
    },
    {
      Put: {
        TableName: store.tableName,
        Item: {
          ...keys.accountMailSent(mailId),
          entity: 'accountMailSent',
          mailId,
          claimToken,
          messageId,
          sentAt: now.toISOString(),
          expiresAt: Math.floor(now.getTime() / 1000) + sentMarkDays * 86_400,
        },
      },
    },
  ]);
  if (outcome.written) return true;
  return (await sentMarkOf(store, mailId))?.claimToken === claimToken;
}

/** The sent mark of an e-mail (R4), if SES accepted it in the last 30 days. */
export async function sentMarkOf(store: TableStore, mailId: string): Promise<{ messageId: string; sentAt: string; claimToken: string } | undefined> {
  const result = await store.db.send(new GetCommand({ TableName: store.tableName, Key: keys.accountMailSent(mailId), ConsistentRead: true }));
  return result.Item as { messageId: string; sentAt: string; claimToken: string } | undefined;
}

/** Gives a claimed e-mail back to the outbox after SES refused it (it was not sent), for the next run. */
export async function releaseAccountMail(store: TableStore, mailId: string, claimToken: string): Promise<void> {
  // Not ours any more (held, or marked by another run): nothing to give back.
  await writtenIfHolds(
    store.db.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: keys.accountMail(mailId),
        UpdateExpression: 'REMOVE #state, claimToken, claimedAt, leaseUntil',
        ConditionExpression: 'claimToken = :token',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':token': claimToken },
      }),
    ),
  );
}

/**
 * Holds an e-mail that may or may not have gone: SES's answer was lost, or
 * the run that claimed it stopped (its lease is over). With its claim (when
 * the caller is that run) or once the lease is over (any run). True if this
 * call held it. A held e-mail is never sent again by the job; its claim stays,
 * so the run that sent it can still mark it sent.
 */
export async function holdAccountMail(store: TableStore, mailId: string, now: Date, claimToken?: string): Promise<boolean> {
  return writtenIfHolds(
    store.db.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: keys.accountMail(mailId),
        UpdateExpression: 'SET #state = :held, heldAt = :now',
        ConditionExpression: claimToken ? '#state = :sending AND claimToken = :token' : '#state = :sending AND leaseUntil < :now',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':held': 'held', ':sending': 'sending', ':now': now.toISOString(), ...(claimToken ? { ':token': claimToken } : {}) },
      }),
    ),
  );
}

/** Puts a held e-mail back in the outbox (an operator, having checked it did not go). */
export async function unholdAccountMail(store: TableStore, mailId: string): Promise<boolean> {
  return writtenIfHolds(
    store.db.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: keys.accountMail(mailId),
        UpdateExpression: 'REMOVE #state, claimToken, claimedAt, leaseUntil, heldAt',
        ConditionExpression: '#state = :held',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':held': 'held' },
      }),
    ),
  );
}

/** Puts an e-mail (back) in the outbox as waiting: tests and the operator's re-queue. */
export async function putAccountMail(store: TableStore, accountMail: AccountMail): Promise<void> {
  await store.db.send(new PutCommand(accountMailPut(store, accountMail).Put));
}
