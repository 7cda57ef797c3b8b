/**
 * What every lifecycle route (this area's handler.ts and the approvals area)
 * shares: loading the project with the caller's standing, asking the
 * transition table, and the notifications a step writes. A module of its own so the approvals
 * function bundles only what it runs, not every project route.
 */
import { ulid } from 'ulid';
import type { Membership } from '../../data/memberships.ts';
import type { Notification, ProjectLifecycleTopic } from '../../data/notifications.ts';
import { getProjectAccess, type LifecycleWrite, type Project } from '../../data/projects.ts';
import type { TableStore } from '../../data/store.ts';
import type { UserProfile } from '../../data/users.ts';
import { judge, type LifecycleCommand, type ProjectRole } from '../../domain/project-lifecycle.ts';
import type { Caller } from '../../lib/claims.ts';
import { conflict, forbidden, notFound } from '../../lib/errors.ts';
import { rolesOf } from './schemas.ts';

export interface LifecycleAccess {
  store: TableStore;
  caller: Caller;
  project: Project;
  membership?: Membership;
  profile?: UserProfile;
  roles: Set<ProjectRole>;
}

/** The project, the caller's membership and profile in one BatchGetItem, and what the caller is to the project. 404 if unknown. */
export async function loadForLifecycle(store: TableStore, projectId: string, caller: Caller): Promise<LifecycleAccess> {
  const { project, membership, profile } = await getProjectAccess(store, projectId, caller.userId);
  if (!project) throw notFound('No such project.');
  return { store, caller, project, membership, profile, roles: rolesOf(project, caller.userId, membership, profile) };
}

/** Asks the transition table; a refusal is 403 (never yours to do) or 409 (not in this state), saying why. */
export function requireStep(command: LifecycleCommand, access: LifecycleAccess): void {
  const verdict = judge(command, access.project.state, access.roles);
  if (!verdict.allowed) throw verdict.status === 403 ? forbidden(verdict.message) : conflict(verdict.message);
}

/** A lifecycle write lost a race: someone changed the project between our read and our write (409). */
export const changedMeanwhile = () => conflict('The project changed while you were deciding. Reload it and try again.');

export function refuseUnlessWritten(write: LifecycleWrite): void {
  if (write === 'stale') throw changedMeanwhile();
}

/**
 * The notifications of a lifecycle step, one per person, written in the
 * step's own transaction (data/projects.ts): the topic, the project, the
 * names the site's sentence needs, and the English fallback sentences.
 */
export function lifecycleNotices(
  userIds: readonly string[],
  message: { topic: ProjectLifecycleTopic; projectId: string; params: Record<string, string>; title: string; body: string },
): Notification[] {
  const createdAt = new Date().toISOString();
  return userIds.map((userId) => ({ notificationId: ulid(), userId, createdAt, ...message }));
}
