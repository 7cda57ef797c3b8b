/**
 * Removes a Cognito user left without a registration (an orphan: the sign-up's
 * table write failed after SignUp), so it does not block its address. The
 * public sign-up function (functions/http/sign-up) holds no Cognito admin
 * right; when SignUp finds an address Cognito knows and the table does not, it
 * writes an `orphanSignUp` request (SIGNUP#<e-mail>, ORPHAN#<time>), which
 * reaches this handler through the table's stream. The user is deleted only
 * if it is still UNCONFIRMED, the table has no account under its address, and
 * it is older than any sign-up still in flight (domain/sign-up-ticket.ts), so
 * neither a real account nor a concurrent registration is ever touched. Its
 * role: AdminGetUser and AdminDeleteUser on the pool, GetItem on USERNAME#.
 */
import { AdminDeleteUserCommand, AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { TableStore } from '../data/store.ts';
import { findUserIdByUsername } from '../data/users.ts';
import { isRemovableOrphan } from '../domain/sign-up-ticket.ts';
import { cognito, tableStore } from '../lib/clients.ts';
import { setting } from '../lib/config.ts';
import { logger, observedHandler } from '../lib/observability.ts';

const errorName = (error: unknown) => (error as { name?: string } | undefined)?.name ?? '';

/** The address of an orphan-removal request, or undefined for any other record. */
export function orphanRequestOf(record: DynamoDBRecord): string | undefined {
  const image = record.dynamodb?.NewImage;
  if (record.eventName !== 'INSERT' || image?.entity?.S !== 'orphanSignUp') return undefined;
  return image.email?.S || undefined;
}

export type OrphanOutcome = 'removed' | 'kept' | 'gone';

/** Looks at the address's Cognito user and removes it if it is an orphan. */
export async function removeOrphan(store: TableStore, email: string, now = new Date()): Promise<OrphanOutcome> {
  const UserPoolId = setting('userPoolId');
  let account;
  try {
    account = await cognito().send(new AdminGetUserCommand({ UserPoolId, Username: email }));
  } catch (error) {
    if (errorName(error) === 'UserNotFoundException') return 'gone';
    throw error;
  }
  const hasRegistration = (await findUserIdByUsername(store, email)) !== undefined;
  if (!isRemovableOrphan({ status: account.UserStatus, createdAt: account.UserCreateDate }, hasRegistration, now)) return 'kept';
  try {
    await cognito().send(new AdminDeleteUserCommand({ UserPoolId, Username: email }));
  } catch (error) {
    if (errorName(error) !== 'UserNotFoundException') throw error;
  }
  return 'removed';
}

export async function removeOrphanRecords(event: DynamoDBStreamEvent, store: TableStore): Promise<DynamoDBBatchResponse> {
  const failures: string[] = [];
  for (const record of event.Records) {
    const email = orphanRequestOf(record);
    if (!email) continue;
    try {
      const outcome = await removeOrphan(store, email);
      logger.info('Orphan sign-up looked at', { outcome });
    } catch (error) {
      logger.error('An orphan sign-up could not be looked at; its record is retried', { error: error as Error });
      failures.push(record.dynamodb?.SequenceNumber ?? record.eventID ?? '');
    }
  }
  return { batchItemFailures: failures.map((itemIdentifier) => ({ itemIdentifier })) };
}

export const handler = observedHandler((event: DynamoDBStreamEvent) => removeOrphanRecords(event, tableStore()));
