/**
 * User profiles and the user's side of their memberships (keys.ts patterns
 * 1, 2, 10, 15, D3), and the versioned profile save.
 */
import { BatchGetCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isListedPartner, type AgeRange, type ProfileChanges } from '../domain/desktop.ts';
import type { AccountKind, TwinspaceType } from '../domain/twinspace-types.ts';
import type { NotificationMail } from '../domain/notifications.ts';
import { gsi1, keys, prefixes, withoutKeys } from './keys.ts';
import { queryAll } from './query.ts';
import type { TableStore } from './store.ts';
import { transact, type GuardedItem } from './transact.ts';
import { writtenIfHolds } from './conditional-write.ts';

export interface UserProfile {
  userId: string;
  username: string;
  kind: AccountKind;
  country: string;
  displayName: string;
  /** The school's name, copied from the school item (kept in step when the school is renamed). */
  school?: string;
  /** Teachers: the one school they belong to (DOMAIN.md, "People"). */
  schoolId?: string;
  /** Teachers, guests, nss and evaluators have one; pupils never. */
  email?: string;
  /** Teachers' partner profile (partner search lists those open to partnership). */
  openToPartnership?: boolean;
  subjects?: string[];
  languages?: string[];
  ages?: AgeRange;
  about?: string;
  /** E-mail of notifications (PUT /me/profile); absent = "daily"; pupils never (the stream job reads this attribute). */
  notificationMail?: NotificationMail;
  /** Self-registered teachers: false until the NSS of their country validates them; absent = validated (made by the platform). */
  validated?: boolean;
  version: number;
  createdAt: string;
}

/** GSI1 keys a profile carries: evaluators by country (digest), open teachers by country (partner search). */
function profileIndexKeys(profile: UserProfile): Record<string, string> {
  if (profile.kind === 'evaluator') return gsi1.evaluator(profile.country, profile.userId);
  if (isListedPartner(profile)) return gsi1.partner(profile.country, profile.userId);
  return {};
}

/** The inverse item of a membership: what GET /me lists. */
export interface UserProject {
  projectId: string;
  title: string;
  type: TwinspaceType;
}

/** A profile, or its username, is already in the table: nothing was written. */
export class UserProfileExists extends Error {
  constructor(readonly taken: ('profile' | 'username')[]) {
    super(`Already in the table: ${taken.join(' and ')}`);
    this.name = 'UserProfileExists';
  }
}

/**
 * Creates a profile and its username item in one transaction (guards
 * 'profile' and 'username': neither may exist yet). Throws UserProfileExists
 * when one does: every caller (account creation, the seed, test fixtures)
 * treats that as a failure, never as a state to carry on from.
 */
export async function createUserProfile(store: TableStore, profile: UserProfile): Promise<void> {
  // Evaluators' profiles carry the GSI1 key that lists them for the digest; open teachers' the partner-search key.
  const indexKeys = profileIndexKeys(profile);
  const outcome = await transact(store, [
    {
      guard: 'profile',
      Put: {
        TableName: store.tableName,
        Item: { ...keys.userProfile(profile.userId), ...indexKeys, entity: 'userProfile', ...profile },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    {
      guard: 'username',
      Put: {
        TableName: store.tableName,
        Item: { ...keys.username(profile.username), entity: 'username', userId: profile.userId },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
  ]);
  if (!outcome.written) throw new UserProfileExists(outcome.failed);
}

/** The user id behind a username (keys.ts pattern 15), or undefined. */
export async function findUserIdByUsername(store: TableStore, username: string): Promise<string | undefined> {
  const result = await store.db.send(new GetCommand({ TableName: store.tableName, Key: keys.username(username) }));
  return typeof result.Item?.userId === 'string' ? result.Item.userId : undefined;
}

export async function getUserProfile(store: TableStore, userId: string): Promise<UserProfile | undefined> {
  const result = await store.db.send(new GetCommand({ TableName: store.tableName, Key: keys.userProfile(userId) }));
  return result.Item ? toUserProfile(result.Item) : undefined;
}

/** Several profiles in one BatchGetItem (e.g. a mail's sender and recipient), by userId. */
export async function getUserProfiles(store: TableStore, userIds: string[]): Promise<Map<string, UserProfile>> {
  const profiles = new Map<string, UserProfile>();
  const distinctIds = [...new Set(userIds)];
  if (!distinctIds.length) return profiles;
  const result = await store.db.send(
    new BatchGetCommand({ RequestItems: { [store.tableName]: { Keys: distinctIds.map((userId) => keys.userProfile(userId)) } } }),
  );
  for (const item of result.Responses?.[store.tableName] ?? []) {
    const profile = toUserProfile(item);
    profiles.set(profile.userId, profile);
  }
  return profiles;
}

export function toUserProfile(item: Record<string, unknown>): UserProfile {
  const { entity: _entity, ...profile } = withoutKeys(item);
  return profile as unknown as UserProfile;
}

/**
 * GET /me in one Query: the profile and every project of the user (keys.ts
 * pattern 1). `consistent`: a strongly consistent read, for the group sync,
 * which must see the membership change that came just before it.
 */
export async function getProfileAndProjects(
  store: TableStore,
  userId: string,
  options: { consistent?: boolean } = {},
): Promise<{ profile: UserProfile | undefined; projects: UserProject[] }> {
  let profile: UserProfile | undefined;
  const projects: UserProject[] = [];
  const items = await queryAll(store, {
    KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': keys.userPartition(userId), ':from': keys.meRange.from, ':to': keys.meRange.to },
    ...(options.consistent ? { ConsistentRead: true } : {}),
  });
  for (const item of items) {
    if (item.SK === 'PROFILE') profile = toUserProfile(item);
    else if (typeof item.SK === 'string' && item.SK.startsWith(prefixes.userProject)) {
      projects.push({ projectId: item.projectId, title: item.title, type: item.type });
    }
  }
  return { profile, projects };
}

/** Every evaluator, grouped by country in key order (keys.ts pattern 10). */
export async function listEvaluators(store: TableStore): Promise<UserProfile[]> {
  const evaluators = await queryAll(store, {
    IndexName: gsi1.indexName,
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': gsi1.evaluatorsPartition },
  });
  return evaluators.map(toUserProfile);
}

/**
 * What a profile save met: saved (the profile as stored now), a stale version
 * (guard 'stale': the profile changed since it was read; its version now), or
 * one of the memberships it copies a new display name to is gone (guard
 * 'membershipGone': the user left a project meanwhile).
 */
export type ProfileSaveOutcome =
  | { outcome: 'saved'; profile: UserProfile }
  | { outcome: 'stale'; currentVersion: number | undefined }
  | { outcome: 'membershipGone' };

/**
 * Saves a profile edit as one transaction, conditional on `version` (two
 * tabs: the second save fails, nothing is overwritten). The profile's
 * partner-search keys are set or removed in the same write, and a new
 * display name is copied to the user's memberships (the rosters and chat
 * read it there).
 */
export async function saveProfileChanges(
  store: TableStore,
  current: UserProfile,
  changes: ProfileChanges,
  expectedVersion: number,
  projectIds: string[],
): Promise<ProfileSaveOutcome> {
  const saved: UserProfile = { ...current, ...definedOnly(changes), version: expectedVersion + 1 };
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = { ':expected': expectedVersion, ':next': saved.version };
  const sets = ['#version = :next'];
  const removes: string[] = [];
  for (const [field, value] of Object.entries(definedOnly(changes))) {
    names[`#${field}`] = field;
    values[`:${field}`] = value;
    sets.push(`#${field} = :${field}`);
  }
  // Teachers' GSI1 is the partner index (D3); evaluators keep theirs, which a profile edit never changes.
  if (current.kind === 'teacher') {
    const partnerKeys = profileIndexKeys(saved);
    names['#gsi1pk'] = 'GSI1PK';
    names['#gsi1sk'] = 'GSI1SK';
    if (partnerKeys.GSI1PK) {
      values[':gsi1pk'] = partnerKeys.GSI1PK;
      values[':gsi1sk'] = partnerKeys.GSI1SK;
      sets.push('#gsi1pk = :gsi1pk', '#gsi1sk = :gsi1sk');
    } else removes.push('#gsi1pk', '#gsi1sk');
  }
  const renamed = changes.displayName !== undefined && changes.displayName !== current.displayName;
  // A transaction holds 100 items: the profile and up to 99 memberships.
  const membershipUpdates = (renamed ? projectIds.slice(0, 99) : []).map(
    (projectId): GuardedItem<'membershipGone'> => ({
      guard: 'membershipGone',
      Update: {
        TableName: store.tableName,
        Key: keys.membership(projectId, current.userId),
        UpdateExpression: 'SET displayName = :displayName',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':displayName': saved.displayName },
      },
    }),
  );
  const outcome = await transact(store, [
    {
      guard: 'stale',
      Update: {
        TableName: store.tableName,
        Key: keys.userProfile(current.userId),
        UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
        ConditionExpression: '#version = :expected',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
    ...membershipUpdates,
  ]);
  if (outcome.written) return { outcome: 'saved', profile: saved };
  if (outcome.failed.includes('stale')) return { outcome: 'stale', currentVersion: (await getUserProfile(store, current.userId))?.version };
  return { outcome: 'membershipGone' };
}

function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/**
 * The user's group-sync marker (data/README.md, patterns GS1 and GS2): how many group syncs
 * have completed. A sync reads it before it reads the user's projects, and
 * records itself with `recordGroupSync` only if no other sync completed in
 * between; otherwise it runs again (lib/identity.ts, syncTwinspaceGroups).
 */
export async function readGroupSyncVersion(store: TableStore, userId: string): Promise<number> {
  const result = await store.db.send(new GetCommand({ TableName: store.tableName, Key: keys.groupSync(userId), ConsistentRead: true }));
  return (result.Item?.version as number | undefined) ?? 0;
}

/**
 * A completed sync, counted: the marker moves from `readVersion` to the next
 * one, on condition that it still holds `readVersion`. False when another sync
 * completed since it was read: the caller's Cognito calls may rest on a stale
 * read of the projects and must be done again.
 */
export async function recordGroupSync(store: TableStore, userId: string, readVersion: number): Promise<boolean> {
  return writtenIfHolds(
    store.db.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: keys.groupSync(userId),
        UpdateExpression: 'SET version = :next, syncedAt = :now, entity = :entity',
        ConditionExpression: readVersion === 0 ? 'attribute_not_exists(version) OR version = :read' : 'version = :read',
        ExpressionAttributeValues: { ':next': readVersion + 1, ':read': readVersion, ':now': new Date().toISOString(), ':entity': 'groupSync' },
      }),
    ),
  );
}
