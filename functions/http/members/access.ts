/**
 * Who may manage a project's members: its teacher administrators, while the
 * project is approved. Not the TwinSpace gate (twinspace-access.ts): the
 * refusals here say "manage its members" and "read-only" in their own words,
 * and management needs the caller's profile too (a pupil takes the creating
 * teacher's country and school); all from the same one BatchGetItem.
 */
import { getProjectAccess, type Project } from '../../data/projects.ts';
import type { TableStore } from '../../data/store.ts';
import type { UserProfile } from '../../data/users.ts';
import { may } from '../../domain/policy.ts';
import type { Caller } from '../../lib/claims.ts';
import { conflict, forbidden, notFound } from '../../lib/errors.ts';

/** The caller may manage this project's members: 404 unknown project, 403 not a teacher-admin, 409 not approved. */
export async function requireMemberManager(store: TableStore, projectId: string, caller: Caller): Promise<{ project: Project; callerProfile?: UserProfile }> {
  const access = await getProjectAccess(store, projectId, caller.userId);
  if (!access.project) throw notFound('No such project.');
  if (!access.membership || may(access.membership.type, 'manage-members') !== 'allow') {
    throw forbidden("Only the project's teacher administrators may manage its members.");
  }
  if (access.project.state === 'closed') throw conflict('The project is closed: read-only.');
  if (access.project.state !== 'approved') throw conflict(`The project is ${access.project.state}: its TwinSpace is not open.`);
  return { project: access.project, callerProfile: access.profile };
}
