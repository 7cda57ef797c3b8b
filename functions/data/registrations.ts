/**
 * Teachers' self sign-ups (keys.ts patterns R1, R2). A registration is
 * written with the teacher's profile (validated: false) and username item in
 * one transaction, so a half-registered teacher cannot exist in the table.
 * While pending it carries the GSI1 keys of its country's waiting list;
 * validation removes them (the item stays as the record of who validated),
 * a rejection deletes the registration, the profile and the username item
 * together.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { RegistrationStatus } from '../domain/registration.ts';
import { accountMailPut, type AccountMail } from './account-mail.ts';
import { gsi1, keys, withoutKeys } from './keys.ts';
import { queryPage } from './query.ts';
import type { TableStore } from './store.ts';
import { transact, type GuardedItem } from './transact.ts';
import type { UserProfile } from './users.ts';

export interface Registration {
  userId: string;
  email: string;
  displayName: string;
  country: string;
  schoolName: string;
  city: string;
  registeredAt: string;
  status: RegistrationStatus;
  decidedAt?: string;
  /** The NSS officer who validated the teacher. */
  decidedBy?: string;
}

/** A sign-up's write: done, or the address (or the new user id) is already in the table; nothing was written then. */
export type CreateRegistrationOutcome = 'created' | 'taken';

/** A decision's write: done, or the teacher is no longer waiting (decided meanwhile); nothing was written then. */
export type DecisionOutcome = 'decided' | 'not-pending';

function toRegistration(item: Record<string, unknown>): Registration {
  const { entity: _entity, ...registration } = withoutKeys(item);
  return registration as unknown as Registration;
}

/**
 * Profile + username item + pending registration, all or nothing. Guards:
 * 'usernameTaken' (the address is someone's username), 'profileExists' and
 * 'registrationExists' (the new user id is already in use): any of them → 'taken'.
 */
export async function createRegistration(
  store: TableStore,
  profile: UserProfile,
  registration: Registration,
  /** Written in the same transaction (the sign-up ticket's Delete). */
  alongside: readonly GuardedItem[] = [],
): Promise<CreateRegistrationOutcome> {
  const isNew = 'attribute_not_exists(PK)';
  const outcome = await transact(store, [
    {
      guard: 'profileExists',
      Put: { TableName: store.tableName, Item: { ...keys.userProfile(profile.userId), entity: 'userProfile', ...profile }, ConditionExpression: isNew },
    },
    {
      guard: 'usernameTaken',
      Put: { TableName: store.tableName, Item: { ...keys.username(profile.username), entity: 'username', userId: profile.userId }, ConditionExpression: isNew },
    },
    {
      guard: 'registrationExists',
      Put: {
        TableName: store.tableName,
        Item: {
          ...keys.registration(registration.userId),
          ...gsi1.teacherPending(registration.country, registration.registeredAt, registration.userId),
          entity: 'registration',
          ...registration,
        },
        ConditionExpression: isNew,
      },
    },
    ...alongside,
  ]);
  return outcome.written ? 'created' : 'taken';
}

export async function getRegistration(store: TableStore, userId: string): Promise<Registration | undefined> {
  const result = await store.db.send(new GetCommand({ TableName: store.tableName, Key: keys.registration(userId) }));
  return result.Item ? toRegistration(result.Item) : undefined;
}

/** One page of my country's waiting teachers, oldest first (R2). */
export async function listPendingRegistrations(
  store: TableStore,
  country: string,
  page: { limit: number; startKey?: Record<string, unknown> },
): Promise<{ registrations: Registration[]; lastKey?: Record<string, unknown> }> {
  const { items, lastKey } = await queryPage(
    store,
    { IndexName: gsi1.indexName, KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': gsi1.teachersPendingPartition(country) } },
    page,
  );
  return { registrations: items.map(toRegistration), lastKey };
}

/**
 * Validation: the registration leaves the waiting list (approved, who and
 * when), the profile becomes validated and the teacher's e-mail enters the
 * outbox, in one transaction conditional on the registration still pending
 * (two NSS officers at once: one wins).
 */
export async function approveRegistration(
  store: TableStore,
  registration: Registration,
  decision: { decidedBy: string; decidedAt: string; mail: AccountMail },
): Promise<DecisionOutcome> {
  const { decidedBy, decidedAt } = decision;
  const outcome = await transact(store, [
    {
      guard: 'notPending',
      Update: {
        TableName: store.tableName,
        Key: keys.registration(registration.userId),
        UpdateExpression: 'SET #status = :approved, decidedAt = :decidedAt, decidedBy = :decidedBy REMOVE GSI1PK, GSI1SK',
        ConditionExpression: '#status = :pending',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':approved': 'approved', ':pending': 'pending', ':decidedAt': decidedAt, ':decidedBy': decidedBy },
      },
    },
    {
      // Gone only when a rejection deleted it meanwhile.
      guard: 'profileGone',
      Update: {
        TableName: store.tableName,
        Key: keys.userProfile(registration.userId),
        UpdateExpression: 'SET validated = :validated',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':validated': true },
      },
    },
    accountMailPut(store, decision.mail),
  ]);
  return outcome.written ? 'decided' : 'not-pending';
}

/** Rejection: the registration, the profile and the username item go together, only while pending; the e-mail enters the outbox. */
export async function deleteRejectedRegistration(store: TableStore, registration: Registration, username: string, mail: AccountMail): Promise<DecisionOutcome> {
  const outcome = await transact(store, [
    {
      guard: 'notPending',
      Delete: {
        TableName: store.tableName,
        Key: keys.registration(registration.userId),
        ConditionExpression: '#status = :pending',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':pending': 'pending' },
      },
    },
    { Delete: { TableName: store.tableName, Key: keys.userProfile(registration.userId) } },
    {
      // Only the username item that points at this teacher (gone or moved: a decision was taken meanwhile).
      guard: 'usernameMoved',
      Delete: {
        TableName: store.tableName,
        Key: keys.username(username),
        ConditionExpression: 'userId = :userId',
        ExpressionAttributeValues: { ':userId': registration.userId },
      },
    },
    accountMailPut(store, mail),
  ]);
  return outcome.written ? 'decided' : 'not-pending';
}
