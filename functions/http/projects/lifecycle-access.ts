/**
 * What every lifecycle route (projects.ts, approvals.ts) shares: loading the
 * project with the caller's standing, asking the transition table, and
 * telling people. A module of its own so a function bundles only the
 * handlers it runs, not every project route.
 */
import { ulid } from 'ulid';
import type { Membership } from '../data/memberships.ts';
import { putNotification, type ProjectLifecycleTopic } from '../data/notifications.ts';
import { getProjectAccess, type Project } from '../data/projects.ts';
import type { TableStore } from '../data/store.ts';
import type { UserProfile } from '../data/users.ts';
import { judge, type LifecycleCommand, type ProjectRole } from '../domain/project-lifecycle.ts';
import { callerOf, type Caller } from '../lib/claims.ts';
import { tableStore } from '../lib/clients.ts';
import { conflict, forbidden, notFound, parseOr400 } from '../lib/errors.ts';
import type { HttpEvent } from '../lib/http.ts';
import { rolesOf } from './project-schemas.ts';
import { projectPathParams } from './schemas.ts';


export interface LifecycleAccess {
  store: TableStore;
  caller: Caller;
  project: Project;
  membership?: Membership;
  profile?: UserProfile;
  roles: Set<ProjectRole>;
}

/** The project, the caller's membership and profile in one BatchGetItem, and what the caller is to the project. 404 if unknown. */
export async function loadForLifecycle(event: HttpEvent): Promise<LifecycleAccess> {
  const caller = callerOf(event);
  const { projectId } = parseOr400(projectPathParams, event.pathParameters ?? {}, 'path');
  const store = tableStore();
  const { project, membership, profile } = await getProjectAccess(store, projectId, caller.userId);
  if (!project) throw notFound('No such project.');
  return { store, caller, project, membership, profile, roles: rolesOf(project, caller.userId, membership, profile) };
}

/** Asks the transition table; a refusal is 403 (never yours to do) or 409 (not in this state), saying why. */
export function requireStep(command: LifecycleCommand, access: LifecycleAccess): void {
  const verdict = judge(command, access.project.state, access.roles);
  if (!verdict.allowed) throw verdict.status === 403 ? forbidden(verdict.message) : conflict(verdict.message);
}

/** A conditional write lost a race: someone changed the project between our read and our write. */
export function changedMeanwhile(error: unknown): boolean {
  const name = (error as { name?: string } | undefined)?.name;
  return name === 'TransactionCanceledException' || name === 'ConditionalCheckFailedException';
}

export const changedMeanwhileMessage = 'The project changed while you were deciding. Reload it and try again.';

export async function notify(
  store: TableStore,
  userIds: readonly string[],
  message: { topic: ProjectLifecycleTopic; projectId: string; title: string; body: string },
): Promise<void> {
  const createdAt = new Date().toISOString();
  await Promise.all(userIds.map((userId) => putNotification(store, { notificationId: ulid(), userId, createdAt, ...message })));
}
