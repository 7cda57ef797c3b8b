/**
 * Themed groups (keys.ts, patterns C1–C3). A group's META item keeps its
 * memberCount; every join or removal changes the MEMBER# item and the count
 * in one transaction (transact.ts), so a member limit holds under concurrent
 * joins.
 */
import { BatchGetCommand, QueryCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { GroupAccess } from '../domain/groups.ts';
import { communityIndex, communityKeys, gsi1, withoutKeys, withAuthor } from './keys.ts';
import { queryPage } from './query.ts';
import type { TableStore } from './store.ts';
import { transact } from './transact.ts';

export interface Group {
  groupId: string;
  name: string;
  theme: string;
  access: GroupAccess;
  ownerId: string;
  ownerName: string;
  memberCount: number;
  maxMembers?: number;
  createdAt: string;
}

export interface GroupMember {
  groupId: string;
  userId: string;
  displayName: string;
  country: string;
  joinedAt: string;
}

const toGroup = (item: Record<string, unknown>) => {
  const { entity: _entity, ...group } = withoutKeys(item);
  return group as unknown as Group;
};
const toGroupMember = (item: Record<string, unknown>) => {
  const { entity: _entity, ...member } = withoutKeys(item);
  return member as unknown as GroupMember;
};

/** The group and its owner as first member, in one transaction (guard 'exists': a new id, so never met). */
export async function createGroup(store: TableStore, group: Group, owner: GroupMember): Promise<void> {
  const isNew = 'attribute_not_exists(PK)';
  const outcome = await transact(store, [
    {
      guard: 'exists',
      Put: {
        TableName: store.tableName,
        Item: { ...withAuthor(communityKeys.group(group.groupId), group.ownerId, group.createdAt), ...communityIndex.group(group.name, group.groupId), entity: 'group', ...group },
        ConditionExpression: isNew,
      },
    },
    {
      guard: 'exists',
      Put: { TableName: store.tableName, Item: { ...withAuthor(communityKeys.groupMember(group.groupId, owner.userId), owner.userId, owner.joinedAt), entity: 'groupMember', ...owner }, ConditionExpression: isNew },
    },
  ]);
  if (!outcome.written) throw new Error(`Group id ${group.groupId} is already in use`);
}

/** One page of groups by name (C1). */
export async function listGroups(
  store: TableStore,
  page: { limit: number; startKey?: Record<string, unknown> },
): Promise<{ groups: Group[]; lastKey?: Record<string, unknown> }> {
  const { items, lastKey } = await queryPage(
    store,
    { IndexName: gsi1.indexName, KeyConditionExpression: 'GSI1PK = :groups', ExpressionAttributeValues: { ':groups': communityIndex.groupsPartition } },
    page,
  );
  return { groups: items.map(toGroup), lastKey };
}

/** Which of these groups `userId` is a member of (C2: one BatchGet, ≤ 100 keys a page). */
export async function memberGroupIds(store: TableStore, groupIds: string[], userId: string): Promise<Set<string>> {
  const member = new Set<string>();
  if (!groupIds.length) return member;
  let keysLeft: Record<string, unknown>[] | undefined = groupIds.map((groupId) => communityKeys.groupMember(groupId, userId));
  while (keysLeft?.length) {
    const result: BatchGetCommandOutput = await store.db.send(new BatchGetCommand({ RequestItems: { [store.tableName]: { Keys: keysLeft } } }));
    for (const item of result.Responses?.[store.tableName] ?? []) member.add(String(item.groupId));
    keysLeft = result.UnprocessedKeys?.[store.tableName]?.Keys;
  }
  return member;
}

/** A group and whether each of `userIds` is a member, in one BatchGet (C2). */
export async function getGroupAndMembers(
  store: TableStore,
  groupId: string,
  userIds: string[],
): Promise<{ group?: Group; members: Map<string, GroupMember> }> {
  const result = await store.db.send(
    new BatchGetCommand({
      RequestItems: {
        [store.tableName]: {
          Keys: [communityKeys.group(groupId), ...[...new Set(userIds)].map((userId) => communityKeys.groupMember(groupId, userId))],
          ConsistentRead: true,
        },
      },
    }),
  );
  let group: Group | undefined;
  const members = new Map<string, GroupMember>();
  for (const item of result.Responses?.[store.tableName] ?? []) {
    if (item.SK === 'META') group = toGroup(item);
    else members.set(String(item.userId), toGroupMember(item));
  }
  return { group, members };
}

/** A group's members, paged (C3). */
export async function listGroupMembers(
  store: TableStore,
  groupId: string,
  page: { limit: number; startKey?: Record<string, unknown> },
): Promise<{ members: GroupMember[]; lastKey?: Record<string, unknown> }> {
  const result = await store.db.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :member)',
      ExpressionAttributeValues: { ':pk': communityKeys.groupPartition(groupId), ':member': communityKeys.groupMemberPrefix },
      Limit: page.limit,
      ExclusiveStartKey: page.startKey,
    }),
  );
  return { members: (result.Items ?? []).map(toGroupMember), lastKey: result.LastEvaluatedKey };
}

/** Why a join did not happen although the rules said yes: someone else changed the group at the same moment. */
export type JoinOutcome = 'joined' | 'already-member' | 'full' | 'gone';

/**
 * The MEMBER# item and memberCount + 1. Guards: 'alreadyMember' (the
 * MEMBER# item exists) and 'full' (the group is full, or gone: a read tells
 * which).
 */
export async function addGroupMember(store: TableStore, member: GroupMember): Promise<JoinOutcome> {
  const outcome = await transact(store, [
    {
      guard: 'full',
      Update: {
        TableName: store.tableName,
        Key: communityKeys.group(member.groupId),
        UpdateExpression: 'ADD memberCount :one',
        ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(maxMembers) OR memberCount < maxMembers)',
        ExpressionAttributeValues: { ':one': 1 },
      },
    },
    {
      guard: 'alreadyMember',
      Put: {
        TableName: store.tableName,
        Item: { ...withAuthor(communityKeys.groupMember(member.groupId, member.userId), member.userId, member.joinedAt), entity: 'groupMember', ...member },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
  ]);
  if (outcome.written) return 'joined';
  if (outcome.failed.includes('alreadyMember')) return 'already-member';
  const { group } = await getGroupAndMembers(store, member.groupId, []);
  return group ? 'full' : 'gone';
}

/**
 * Deletes the MEMBER# item and takes one off memberCount; false if they were
 * not a member (guard 'notMember'), or the group is gone or down to one
 * member, its owner (guard 'lastMember').
 */
export async function removeGroupMember(store: TableStore, groupId: string, userId: string): Promise<boolean> {
  const outcome = await transact(store, [
    {
      guard: 'notMember',
      Delete: { TableName: store.tableName, Key: communityKeys.groupMember(groupId, userId), ConditionExpression: 'attribute_exists(PK)' },
    },
    {
      guard: 'lastMember',
      Update: {
        TableName: store.tableName,
        Key: communityKeys.group(groupId),
        UpdateExpression: 'ADD memberCount :minusOne',
        ConditionExpression: 'attribute_exists(PK) AND memberCount > :one',
        ExpressionAttributeValues: { ':minusOne': -1, ':one': 1 },
      },
    },
  ]);
  return outcome.written;
}
