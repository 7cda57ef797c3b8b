/**
 * Sign-up tickets and what hangs off them (keys.ts pattern R5, partition
 * SIGNUP#<lower-case e-mail>): the ticket POST /registrations writes before
 * Cognito SignUp (read by the PreSignUp trigger, consumed by the
 * registration's transaction, TTL otherwise), the daily mark that an
 * existing account's owner was told of an attempt, and the request to
 * remove an orphan (read by the remove-orphan-sign-ups stream handler).
 * All of them expire through the table's TTL.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { SignUpTicket } from '../domain/sign-up-ticket.ts';
import { accountMailPut, type AccountMail } from './account-mail.ts';
import { keys, signUpTicketPrefix, type ItemKey } from './keys.ts';
import type { TableStore } from './store.ts';
import { transact } from './transact.ts';

const ticketKey = (email: string) => keys.signUpTicket(email);
const noticeKey = (email: string, day: string): ItemKey => ({ PK: `${signUpTicketPrefix}${email.toLowerCase()}`, SK: `NOTICE#${day}` });
const orphanKey = (email: string, requestedAt: string): ItemKey => ({ PK: `${signUpTicketPrefix}${email.toLowerCase()}`, SK: `ORPHAN#${requestedAt}` });

/** Writes (or replaces) the address's ticket. */
export async function putSignUpTicket(store: TableStore, ticket: SignUpTicket): Promise<void> {
  await store.db.send(new PutCommand({ TableName: store.tableName, Item: { ...ticketKey(ticket.email), entity: 'signUpTicket', ...ticket } }));
}

/** The address's ticket, read consistently (it was written a moment ago). */
export async function getSignUpTicket(store: TableStore, email: string): Promise<SignUpTicket | undefined> {
  const result = await store.db.send(new GetCommand({ TableName: store.tableName, Key: ticketKey(email), ConsistentRead: true }));
  if (!result.Item) return undefined;
  const { email: owner, secret, expiresAt } = result.Item as Record<string, unknown>;
  if (typeof owner !== 'string' || typeof secret !== 'string' || typeof expiresAt !== 'number') return undefined;
  return { email: owner, secret, expiresAt };
}

/** The ticket's Delete, inside the registration's transaction: a registered sign-up leaves no ticket behind. */
export function consumeTicketDelete(store: TableStore, email: string) {
  return { Delete: { TableName: store.tableName, Key: ticketKey(email) } };
}

/**
 * Someone tried to register an address that already has an account: its
 * owner gets one e-mail about it per day at most (the day's mark and the
 * e-mail are written together). False when today's was already queued.
 */
export async function queueAttemptNotice(store: TableStore, email: string, mail: AccountMail, expiresAt: number): Promise<boolean> {
  const day = mail.createdAt.slice(0, 10);
  const outcome = await transact(store, [
    {
      guard: 'alreadyTold',
      Put: {
        TableName: store.tableName,
        Item: { ...noticeKey(email, day), entity: 'signUpAttemptNotice', expiresAt },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    accountMailPut(store, mail),
  ]);
  return outcome.written;
}

/** Asks the remove-orphan-sign-ups stream handler to look at this address's Cognito user. */
export async function requestOrphanRemoval(store: TableStore, email: string, requestedAt: string, expiresAt: number): Promise<void> {
  await store.db.send(
    new PutCommand({
      TableName: store.tableName,
      Item: { ...orphanKey(email, requestedAt), entity: 'orphanSignUp', email: email.toLowerCase(), requestedAt, expiresAt },
    }),
  );
}
