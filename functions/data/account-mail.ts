/**
 * The outbox of account e-mails (a teacher validated or rejected): written in
 * the same transaction as the decision, delivered by the send-account-mail
 * job (keys.ts pattern R3). The decision and its e-mail therefore never part:
 * a failed send is retried by the next run. (The decision's Lambda also calls
 * Cognito; with the SES client too it would outgrow the 400 KB bundle budget.)
 */
import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { keys, withoutKeys } from './keys.ts';
import type { TableStore } from './store.ts';

export interface AccountMail {
  mailId: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
}

/** The outbox item, for a TransactWriteItems Put next to the decision. */
export function accountMailPut(store: TableStore, accountMail: AccountMail) {
  return {
    Put: {
      TableName: store.tableName,
      Item: { ...keys.accountMail(accountMail.mailId), entity: 'accountMail', ...accountMail },
    },
  };
}

/** The oldest waiting e-mails (ULID ids: SK order is time order). */
export async function listAccountMail(store: TableStore, limit: number): Promise<AccountMail[]> {
  const result = await store.db.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.accountMailPartition },
      Limit: limit,
    }),
  );
  return (result.Items ?? []).map((item) => {
    const { entity: _entity, ...accountMail } = withoutKeys(item);
    return accountMail as unknown as AccountMail;
  });
}

/** Takes an e-mail out of the outbox; false if another run already took it (so it is sent once). */
export async function claimAccountMail(store: TableStore, mailId: string): Promise<boolean> {
  try {
    await store.db.send(new DeleteCommand({ TableName: store.tableName, Key: keys.accountMail(mailId), ConditionExpression: 'attribute_exists(PK)' }));
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/** Puts a claimed e-mail back after a failed send, for the next run. */
export async function releaseAccountMail(store: TableStore, accountMail: AccountMail): Promise<void> {
  await store.db.send(new PutCommand(accountMailPut(store, accountMail).Put));
}
