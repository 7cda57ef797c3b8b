/**
 * Memberships (keys.ts patterns 4 and 6). A membership and its inverse item
 * under the user (read by GET /me) change together, in one transaction.
 */
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { AccountKind, TwinspaceType } from '../domain/twinspace-types.ts';
import { keys, prefixes, withoutKeys } from './keys.ts';
import type { TableStore } from './store.ts';

export interface Membership {
  projectId: string;
  userId: string;
  type: TwinspaceType;
  kind: AccountKind;
  displayName: string;
  country: string;
  email?: string;
  joinedAt: string;
}

export function toMembership(item: Record<string, unknown>): Membership {
  const { entity: _entity, ...membership } = withoutKeys(item);
  return membership as unknown as Membership;
}

/** Adds a member: the membership and its inverse item, both new, in one TransactWriteItems. */
export async function addMembership(store: TableStore, membership: Membership, projectTitle: string): Promise<void> {
  await store.db.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: store.tableName,
            Item: { ...keys.membership(membership.projectId, membership.userId), entity: 'membership', ...membership },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        {
          Put: {
            TableName: store.tableName,
            Item: {
              ...keys.userProject(membership.userId, membership.projectId),
              entity: 'userProject',
              projectId: membership.projectId,
              title: projectTitle,
              type: membership.type,
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
      ],
    }),
  );
}

export async function getMembership(store: TableStore, projectId: string, userId: string): Promise<Membership | undefined> {
  const result = await store.db.send(new GetCommand({ TableName: store.tableName, Key: keys.membership(projectId, userId) }));
  return result.Item ? toMembership(result.Item) : undefined;
}

/** One page of a project's members, in key order. */
export async function listMemberships(
  store: TableStore,
  projectId: string,
  page: { limit: number; startKey?: Record<string, unknown> },
): Promise<{ memberships: Membership[]; lastKey?: Record<string, unknown> }> {
  const result = await store.db.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :member)',
      ExpressionAttributeValues: { ':pk': keys.projectPartition(projectId), ':member': prefixes.member },
      Limit: page.limit,
      ExclusiveStartKey: page.startKey,
    }),
  );
  return { memberships: (result.Items ?? []).map(toMembership), lastKey: result.LastEvaluatedKey };
}
