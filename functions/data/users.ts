/**
 * User profiles and the user's side of their memberships (keys.ts patterns
 * 1, 2, 10, 15).
 */
import { GetCommand, QueryCommand, TransactWriteCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { AccountKind, TwinspaceType } from '../domain/twinspace-types.ts';
import { gsi1, keys, prefixes, withoutKeys } from './keys.ts';
import type { TableStore } from './store.ts';

export interface UserProfile {
  userId: string;
  username: string;
  kind: AccountKind;
  country: string;
  displayName: string;
  school?: string;
  /** Teachers, guests, nss and evaluators have one; pupils never. */
  email?: string;
  version: number;
  createdAt: string;
}

/** The inverse item of a membership: what GET /me lists. */
export interface UserProject {
  projectId: string;
  title: string;
  type: TwinspaceType;
}

/**
 * Creates a profile and its username item in one transaction; fails
 * (TransactionCanceledException) if either exists.
 */
export async function createUserProfile(store: TableStore, profile: UserProfile): Promise<void> {
  // Evaluators' profiles also carry the GSI1 key that lists them by country for the digest.
  const evaluatorKey = profile.kind === 'evaluator' ? gsi1.evaluator(profile.country, profile.userId) : {};
  await store.db.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: store.tableName,
            Item: { ...keys.userProfile(profile.userId), ...evaluatorKey, entity: 'userProfile', ...profile },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        {
          Put: {
            TableName: store.tableName,
            Item: { ...keys.username(profile.username), entity: 'username', userId: profile.userId },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
      ],
    }),
  );
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

export function toUserProfile(item: Record<string, unknown>): UserProfile {
  const { entity: _entity, ...profile } = withoutKeys(item);
  return profile as unknown as UserProfile;
}

/** GET /me in one Query: the profile and every project of the user (keys.ts pattern 1). */
export async function getProfileAndProjects(
  store: TableStore,
  userId: string,
): Promise<{ profile: UserProfile | undefined; projects: UserProject[] }> {
  let profile: UserProfile | undefined;
  const projects: UserProject[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page: QueryCommandOutput = await store.db.send(
      new QueryCommand({
        TableName: store.tableName,
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': keys.userPartition(userId), ':from': keys.meRange.from, ':to': keys.meRange.to },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      if (item.SK === 'PROFILE') profile = toUserProfile(item);
      else if (typeof item.SK === 'string' && item.SK.startsWith(prefixes.userProject)) {
        projects.push({ projectId: item.projectId, title: item.title, type: item.type });
      }
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return { profile, projects };
}

/** Every evaluator, grouped by country in key order (keys.ts pattern 10). */
export async function listEvaluators(store: TableStore): Promise<UserProfile[]> {
  const evaluators: UserProfile[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page: QueryCommandOutput = await store.db.send(
      new QueryCommand({
        TableName: store.tableName,
        IndexName: gsi1.indexName,
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': gsi1.evaluatorsPartition },
        ExclusiveStartKey: startKey,
      }),
    );
    evaluators.push(...(page.Items ?? []).map(toUserProfile));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return evaluators;
}
