/**
 * Projects (keys.ts patterns 3 and 5). The project item carries its founders
 * and partners so GET /projects/{id} is one round trip with the auth check.
 */
import { BatchGetCommand, PutCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { ProjectState } from '../domain/project-lifecycle.ts';
import { keys, withoutKeys } from './keys.ts';
import type { Membership } from './memberships.ts';
import { toMembership } from './memberships.ts';
import type { TableStore } from './store.ts';
import { toUserProfile, type UserProfile } from './users.ts';

export interface Partner {
  userId: string;
  displayName: string;
  country: string;
  school?: string;
}

export interface Project {
  projectId: string;
  title: string;
  description: string;
  state: ProjectState;
  subjects: string[];
  ages: { min: number; max: number };
  languages: string[];
  /** userIds of the two founders. */
  founders: string[];
  /** Every partner teacher (founders included), with their school and country. */
  partners: Partner[];
  createdAt: string;
  version: number;
}

export function toProject(item: Record<string, unknown>): Project {
  const { entity: _entity, ...project } = withoutKeys(item);
  return project as unknown as Project;
}

export async function createProject(store: TableStore, project: Project): Promise<void> {
  await store.db.send(
    new PutCommand({
      TableName: store.tableName,
      Item: { ...keys.project(project.projectId), entity: 'project', ...project },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
}

export interface ProjectAccess {
  project?: Project;
  membership?: Membership;
  profile?: UserProfile;
}

/**
 * The project, the caller's membership and the caller's profile in one
 * BatchGetItem (keys.ts pattern 5): every project route's auth check.
 */
export async function getProjectAccess(store: TableStore, projectId: string, userId: string): Promise<ProjectAccess> {
  let wanted: Record<string, unknown>[] = [keys.project(projectId), keys.membership(projectId, userId), keys.userProfile(userId)];
  const found: Record<string, unknown>[] = [];
  // BatchGet may leave keys unprocessed under throttling; ask again for those only.
  for (let attempt = 0; wanted.length > 0; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
    const result: BatchGetCommandOutput = await store.db.send(
      new BatchGetCommand({ RequestItems: { [store.tableName]: { Keys: wanted } } }),
    );
    found.push(...(result.Responses?.[store.tableName] ?? []));
    wanted = (result.UnprocessedKeys?.[store.tableName]?.Keys as Record<string, unknown>[] | undefined) ?? [];
    if (attempt > 5 && wanted.length > 0) throw new Error('DynamoDB left keys unprocessed after retries');
  }
  const access: ProjectAccess = {};
  for (const item of found) {
    if (item.SK === 'META') access.project = toProject(item);
    else if (item.SK === 'PROFILE') access.profile = toUserProfile(item);
    else access.membership = toMembership(item);
  }
  return access;
}
