/**
 * Memberships (keys.ts patterns 4 and 6). A membership and its inverse item
 * under the user (read by GET /me) change together, in one transaction
 * (transact.ts), each condition naming its guard: 'exists' (the member is
 * there already), 'stale' (the member's type is no longer the one read),
 * 'closed' (the project is no longer approved), 'project' (the same, or its
 * partners list changed), 'typeChanged' (a teacher administrator the
 * decision relied on is one no more).
 */
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AccountKind, TwinspaceType } from '../domain/twinspace-types.ts';
import { keys, prefixes, withoutKeys } from './keys.ts';
import { queryAll } from './query.ts';
import type { TableStore } from './store.ts';
import { sharedName } from '../domain/roster.ts';
import { automaticEntry } from './feed.ts';
import { notificationPut, type Notification } from './notifications.ts';
import { transact, type GuardedItem, type TransactOutcome } from './transact.ts';
import { approvedProjectCondition, memberStillOfType, projectStillApproved } from './write-guards.ts';
import { writtenIfHolds } from './conditional-write.ts';

export interface Membership {
  projectId: string;
  userId: string;
  type: TwinspaceType;
  kind: AccountKind;
  displayName: string;
  country: string;
  email?: string;
  joinedAt: string;
  /** When the member last opened the TwinSpace (domain/last-seen.ts). */
  lastSeenAt?: string;
}

export function toMembership(item: Record<string, unknown>): Membership {
  const { entity: _entity, ...membership } = withoutKeys(item);
  return membership as unknown as Membership;
}

/** The guards a membership write can fail on (see the top of this file). */
export type MembershipGuard = 'exists' | 'stale' | 'closed' | 'project' | 'typeChanged';

/** A membership write: done, or the guards that failed. */
export type MembershipWrite = TransactOutcome<MembershipGuard>;

/**
 * Adds a member (the seed, test fixtures): the membership and its inverse
 * item, both new, in one TransactWriteItems. A member already there is a
 * failure of the arrangement, thrown as such (never a state to carry on from).
 */
export async function addMembership(store: TableStore, membership: Membership, projectTitle: string): Promise<void> {
  const outcome = await transact(store, membershipPuts(store, membership, projectTitle));
  if (!outcome.written) throw new Error(`${membership.userId} is already a member of project ${membership.projectId}.`);
}

/** A member's membership among items a gate read alongside (keys.membership), or undefined. */
export function membershipAmong(found: readonly Record<string, unknown>[], projectId: string, userId: string): Membership | undefined {
  const key = keys.membership(projectId, userId);
  const item = found.find((candidate) => candidate.PK === key.PK && candidate.SK === key.SK);
  return item ? toMembership(item) : undefined;
}

export async function getMembership(store: TableStore, projectId: string, userId: string): Promise<Membership | undefined> {
  const result = await store.db.send(new GetCommand({ TableName: store.tableName, Key: keys.membership(projectId, userId) }));
  return result.Item ? toMembership(result.Item) : undefined;
}

/**
 * Records that the member opened the TwinSpace at `seenAt`: one conditional
 * UpdateItem on the membership, written only when the recorded visit is
 * older than `staleBefore` (so two tabs opened at once write once) and the
 * member is still there (a removed member is not brought back as a bare
 * item). Returns whether it was written; a refused condition is no error.
 */
export async function recordVisit(
  store: TableStore,
  visit: { projectId: string; userId: string; seenAt: string; staleBefore: string },
): Promise<boolean> {
  return writtenIfHolds(
    store.db.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: keys.membership(visit.projectId, visit.userId),
        UpdateExpression: 'SET lastSeenAt = :seenAt',
        ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(lastSeenAt) OR lastSeenAt < :staleBefore)',
        ExpressionAttributeValues: { ':seenAt': visit.seenAt, ':staleBefore': visit.staleBefore },
      }),
    ),
  );
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

/** A teacher joining (or leaving) the project's `partners` on the project item, in the same transaction. */
export interface PartnerEntry {
  userId: string;
  displayName: string;
  country: string;
  school?: string;
}

/**
 * Conditions every membership change carries, so a decision taken on a read
 * still holds when written: the project is still `approved`, and each
 * listed member is still a teacher administrator (the caller; or another
 * admin when the last-admin rule depends on them).
 */
export interface MembershipGuards {
  stillTeacherAdmins: string[];
}

function guardChecks(store: TableStore, projectId: string, guards: MembershipGuards): GuardedItem<MembershipGuard>[] {
  return guards.stillTeacherAdmins.map((userId) => memberStillOfType(store, projectId, userId, 'teacher-admin'));
}

/**
 * Adds a member to an approved project: the membership, its inverse item and
 * (for a teacher) the project's partners list, in one TransactWriteItems.
 * `partnerCountries` is a string set on the project item when the project
 * keeps one; the new partner's country is added to it.
 */
export async function addMemberToProject(
  store: TableStore,
  membership: Membership,
  projectTitle: string,
  options: { partner?: PartnerEntry; partnerCountries?: boolean; guards: MembershipGuards; notices?: readonly Notification[] },
): Promise<MembershipWrite> {
  const { partner } = options;
  const projectUpdate: GuardedItem<MembershipGuard> = partner
    ? {
        guard: 'closed',
        Update: {
          TableName: store.tableName,
          Key: keys.project(membership.projectId),
          UpdateExpression: options.partnerCountries
            ? 'SET partners = list_append(partners, :partner) ADD partnerCountries :country'
            : 'SET partners = list_append(partners, :partner)',
          ConditionExpression: approvedProjectCondition.ConditionExpression,
          ExpressionAttributeNames: approvedProjectCondition.ExpressionAttributeNames,
          ExpressionAttributeValues: {
            ...approvedProjectCondition.ExpressionAttributeValues,
            ':partner': [partner],
            ...(options.partnerCountries ? { ':country': new Set([partner.country]) } : {}),
          },
        },
      }
    : projectStillApproved(store, membership.projectId);
  // The home's automatic entry (data/feed.ts): a public-area fact, a pupil by first name only.
  const joined = automaticEntry(
    store,
    membership.projectId,
    'public',
    { kind: 'member-joined', member: { userId: membership.userId, name: sharedName(membership), type: membership.type } },
    membership.joinedAt,
  );
  return transact<MembershipGuard>(store, [
    ...membershipPuts(store, membership, projectTitle),
    projectUpdate,
    ...guardChecks(store, membership.projectId, options.guards),
    joined,
    // The new member's notification ('member-added'), with the membership.
    ...(options.notices ?? []).map((notice) => notificationPut(store, notice)),
  ]);
}

/**
 * Changes a member's type: the membership and its inverse item in one
 * TransactWriteItems, on condition the type is still `from` (guard 'stale':
 * a concurrent change or removal cancels it).
 */
export function changeMembershipType(
  store: TableStore,
  change: { projectId: string; userId: string; from: TwinspaceType; to: TwinspaceType },
  guards: MembershipGuards,
  notices: readonly Notification[] = [],
): Promise<MembershipWrite> {
  const names = { '#type': 'type' };
  return transact<MembershipGuard>(store, [
    {
      guard: 'stale',
      Update: {
        TableName: store.tableName,
        Key: keys.membership(change.projectId, change.userId),
        UpdateExpression: 'SET #type = :to',
        ConditionExpression: '#type = :from',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ':to': change.to, ':from': change.from },
      },
    },
    {
      guard: 'stale',
      Update: {
        TableName: store.tableName,
        Key: keys.userProject(change.userId, change.projectId),
        UpdateExpression: 'SET #type = :to',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ':to': change.to },
      },
    },
    projectStillApproved(store, change.projectId),
    ...guardChecks(store, change.projectId, guards),
    // The member's notification ('member-type-changed'), with the change.
    ...notices.map((notice) => notificationPut(store, notice)),
  ]);
}

/**
 * Removes a member: the membership (on condition its type is still `from`:
 * guard 'stale') and its inverse item, and for a partner teacher their entry
 * of the project's partners list (at `partnerIndex`, checked to still be
 * theirs: guard 'project'), in one TransactWriteItems. `dropCountry` also
 * takes their country out of the `partnerCountries` set (when no other
 * partner is from there).
 */
export function removeMembership(
  store: TableStore,
  removal: { projectId: string; userId: string; from: TwinspaceType; partnerIndex?: number; dropCountry?: string },
  guards: MembershipGuards,
): Promise<MembershipWrite> {
  const { partnerIndex, dropCountry } = removal;
  const projectItem: GuardedItem<MembershipGuard> =
    partnerIndex === undefined
      ? projectStillApproved(store, removal.projectId)
      : {
          guard: 'project',
          Update: {
            TableName: store.tableName,
            Key: keys.project(removal.projectId),
            UpdateExpression: `REMOVE partners[${partnerIndex}]${dropCountry ? ' DELETE partnerCountries :country' : ''}`,
            ConditionExpression: `${approvedProjectCondition.ConditionExpression} AND partners[${partnerIndex}].userId = :userId`,
            ExpressionAttributeNames: approvedProjectCondition.ExpressionAttributeNames,
            ExpressionAttributeValues: {
              ...approvedProjectCondition.ExpressionAttributeValues,
              ':userId': removal.userId,
              ...(dropCountry ? { ':country': new Set([dropCountry]) } : {}),
            },
          },
        };
  return transact<MembershipGuard>(store, [
    {
      guard: 'stale',
      Delete: {
        TableName: store.tableName,
        Key: keys.membership(removal.projectId, removal.userId),
        ConditionExpression: '#type = :from',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':from': removal.from },
      },
    },
    { Delete: { TableName: store.tableName, Key: keys.userProject(removal.userId, removal.projectId) } },
    projectItem,
    ...guardChecks(store, removal.projectId, guards),
  ]);
}

/** userIds of a project's teacher administrators: pattern 6, every page, filtered to the one type. */
export async function listTeacherAdminIds(store: TableStore, projectId: string): Promise<string[]> {
  const admins = await queryAll(store, {
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :member)',
    FilterExpression: '#type = :admin',
    ProjectionExpression: 'userId',
    ExpressionAttributeNames: { '#type': 'type' },
    ExpressionAttributeValues: { ':pk': keys.projectPartition(projectId), ':member': prefixes.member, ':admin': 'teacher-admin' },
  });
  return admins.map((member) => member.userId as string);
}

/** userIds of a project's teachers (teacher administrators and member teachers), M3: pattern 6, every page, filtered to those types. */
export async function listTeacherIds(store: TableStore, projectId: string): Promise<string[]> {
  const teachers = await queryAll(store, {
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :member)',
    FilterExpression: '#type IN (:admin, :teacher)',
    ProjectionExpression: 'userId',
    ExpressionAttributeNames: { '#type': 'type' },
    ExpressionAttributeValues: { ':pk': keys.projectPartition(projectId), ':member': prefixes.member, ':admin': 'teacher-admin', ':teacher': 'member-teacher' },
  });
  return teachers.map((member) => member.userId as string);
}

/**
 * A transaction cancelled because a condition no longer held (or a concurrent transaction): someone changed things meanwhile.
 * Kept for the repositories that still send TransactWriteItems themselves; writes through transact() read `outcome.failed` instead.
 */
export function isCancelledWrite(error: unknown): boolean {
  const name = (error as { name?: string } | undefined)?.name;
  return name === 'TransactionCanceledException' || name === 'ConditionalCheckFailedException';
}

/**
 * The two Puts that make someone a member (the membership and its inverse
 * item under the user), for a caller that writes them inside a larger
 * TransactWriteItems (the last approval opens the TwinSpace with both
 * founders as teacher administrators, in the same transaction as the
 * project's state). Both are guarded 'exists'.
 */
export function membershipPuts(store: TableStore, membership: Membership, projectTitle: string): GuardedItem<'exists'>[] {
  return [
    {
      guard: 'exists',
      Put: {
        TableName: store.tableName,
        Item: { ...keys.membership(membership.projectId, membership.userId), entity: 'membership', ...membership },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    {
      guard: 'exists',
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
  ];
}
