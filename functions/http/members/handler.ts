/**
 * Members of a project (API.md, "Projects and members").
 *
 * GET /projects/{projectId}/members: the members with their type, paged, as
 * the caller may see them (functions/domain/roster.ts: pupils see other
 * pupils by first name, only teachers see e-mail addresses, visitors see the
 * teachers).
 */
import { callerOf, type Caller } from '../lib/claims.ts';
import { tableStore } from '../lib/clients.ts';
import { decodeCursor, encodeCursor, pageQuery } from '../lib/cursor.ts';
import { conflict, forbidden, HttpError, notFound, parseOr400, validationFailed } from '../lib/errors.ts';
import { httpHandler, json } from '../lib/http.ts';
import { createPupilAccount, deleteAccount, setOneTimePassword, syncTwinspaceGroups, UsernameTaken } from '../lib/identity.ts';
import { logger } from '../lib/logger.ts';
import { keys, prefixes } from '../data/keys.ts';
import {
  addMemberToProject,
  changeMembershipType,
  getMembership,
  isCancelledWrite,
  listMemberships,
  listTeacherAdminIds,
  removeMembership,
  type Membership,
} from '../data/memberships.ts';
import { getProjectAccess, type Project } from '../data/projects.ts';
import type { TableStore } from '../data/store.ts';
import { createUserProfile, findUserIdByUsername, getUserProfile, type UserProfile } from '../data/users.ts';
import {
  judgeAddition,
  judgeMemberChange,
  oneTimePassword,
  pupilUsername,
  teacherAdminWitness,
  type Verdict,
} from '../domain/membership-rules.ts';
import { may } from '../domain/policy.ts';
import { rosterEntryFor, type RosterEntry } from '../domain/roster.ts';
import { requireMember } from './access.ts';
import {
  addExistingMemberBody,
  changeMemberTypeBody,
  createPupilBody,
  memberPathParams,
  type AddMemberResponse,
  type ChangeMemberTypeResponse,
  type ManagedMember,
  type PasswordResetResponse,
} from './member-schemas.ts';
import { projectPathParams, type MembersPage } from './schemas.ts';

export const listMembers = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { projectId } = parseOr400(projectPathParams, event.pathParameters ?? {}, 'path');
  const query = parseOr400(pageQuery, event.queryStringParameters ?? {}, 'query');
  const startKey = decodeCursor(query.cursor, keys.projectPartition(projectId), prefixes.member);
  const store = tableStore();
  // The check and the page at once (one wait, not two); the page is dropped unless the caller is a member.
  const [{ membership: viewer }, { memberships, lastKey }] = await Promise.all([
    requireMember(store, projectId, caller),
    listMemberships(store, projectId, { limit: query.limit, startKey }),
  ]);
  const items = memberships
    .map((member) => rosterEntryFor(viewer.type, member))
    .filter((entry): entry is RosterEntry => entry !== undefined);
  const body: MembersPage = { items, nextCursor: encodeCursor(lastKey) };
  return json(200, body);
});

/**
 * Managing members (teacher administrators only, in an approved project):
 * add an existing teacher or guest, create a pupil's account, change a type,
 * remove, reset a pupil's password. The table is written first, in one
 * transaction per change; then the user's Cognito groups are synced from the
 * table. A failed sync answers 503: the change stands, and repeating the same
 * request re-runs the sync (functions/domain/README.md, "Group sync").
 */
export const addMember = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { projectId } = parseOr400(projectPathParams, event.pathParameters ?? {}, 'path');
  const store = tableStore();
  const { project, callerProfile } = await requireMemberManager(store, projectId, caller);
  const body = event.body as unknown;
  const wantsPupil = typeof body === 'object' && body !== null && 'pupil' in body;
  if (wantsPupil) {
    const request = parseOr400(createPupilBody, body, 'body');
    return createPupil(store, project, caller, callerProfile, request.pupil.displayName, request.type);
  }
  const request = parseOr400(addExistingMemberBody, body ?? {}, 'body');
  const userId = await findUserIdByUsername(store, request.username);
  const profile = userId ? await getUserProfile(store, userId) : undefined;
  if (!userId || !profile) throw validationFailed('No account has this username.', [{ field: 'body.username', message: 'No account has this username.' }]);
  refuseUnless(judgeAddition(profile.kind, request.type));
  if (await getMembership(store, projectId, userId)) {
    // A retry after a failed sync lands here: repair the groups, then say what is so.
    await syncOr503(store, userId);
    throw conflict(`${profile.displayName} is already a member of this project.`);
  }
  const membership: Membership = {
    projectId,
    userId,
    type: request.type,
    kind: profile.kind,
    displayName: profile.displayName,
    country: profile.country,
    email: profile.email,
    joinedAt: new Date().toISOString(),
  };
  const partner = profile.kind === 'teacher' && !project.partners.some((known) => known.userId === userId)
    ? { userId, displayName: profile.displayName, country: profile.country, school: profile.school }
    : undefined;
  await writeOr409(() =>
    addMemberToProject(store, membership, project.title, {
      partner,
      partnerCountries: keepsPartnerCountries(project),
      guards: { stillTeacherAdmins: [caller.userId] },
    }),
  );
  await syncOr503(store, userId);
  const response: AddMemberResponse = { member: managedMemberOf(membership, profile.username) };
  return json(201, response);
});

export const changeMemberType = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { projectId, userId } = parseOr400(memberPathParams, event.pathParameters ?? {}, 'path');
  const store = tableStore();
  const { project } = await requireMemberManager(store, projectId, caller);
  const { type } = parseOr400(changeMemberTypeBody, event.body ?? {}, 'body');
  const target = await getMembership(store, projectId, userId);
  if (!target) throw notFound('This person is not a member of this project.');
  const change = { to: type };
  const context = { callerId: caller.userId, target, founders: project.founders, teacherAdminIds: await teacherAdminsIfNeeded(store, target) };
  refuseUnless(judgeMemberChange(context, change));
  if (target.type !== type) {
    const witness = teacherAdminWitness(context, change);
    await writeOr409(() =>
      changeMembershipType(store, { projectId, userId, from: target.type, to: type }, { stillTeacherAdmins: witness ? [witness] : [] }),
    );
  }
  // Also when nothing changed: the same request again re-syncs after a failed sync.
  const { username } = await syncOr503(store, userId);
  const response: ChangeMemberTypeResponse = { member: managedMemberOf({ ...target, type }, username) };
  return json(200, response);
});

export const removeMember = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { projectId, userId } = parseOr400(memberPathParams, event.pathParameters ?? {}, 'path');
  const store = tableStore();
  const { project } = await requireMemberManager(store, projectId, caller);
  const target = await getMembership(store, projectId, userId);
  if (!target) {
    // Perhaps a retry after a failed sync: bring the groups in line with the table, then say so.
    if (await getUserProfile(store, userId)) await syncOr503(store, userId);
    throw notFound('This person is not a member of this project.');
  }
  const context = { callerId: caller.userId, target, founders: project.founders, teacherAdminIds: await teacherAdminsIfNeeded(store, target) };
  refuseUnless(judgeMemberChange(context, 'remove'));
  const witness = teacherAdminWitness(context, 'remove');
  const partnerIndex = project.partners.findIndex((partner) => partner.userId === userId);
  const stillRepresented = project.partners.some((partner) => partner.userId !== userId && partner.country === target.country);
  await writeOr409(() =>
    removeMembership(
      store,
      {
        projectId,
        userId,
        from: target.type,
        partnerIndex: partnerIndex >= 0 ? partnerIndex : undefined,
        dropCountry: partnerIndex >= 0 && keepsPartnerCountries(project) && !stillRepresented ? target.country : undefined,
      },
      { stillTeacherAdmins: witness ? [witness] : [] },
    ),
  );
  await syncOr503(store, userId);
  return { statusCode: 204 };
});

export const resetPupilPassword = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { projectId, userId } = parseOr400(memberPathParams, event.pathParameters ?? {}, 'path');
  const store = tableStore();
  await requireMemberManager(store, projectId, caller);
  const target = await getMembership(store, projectId, userId);
  if (!target) throw notFound('This person is not a member of this project.');
  if (target.kind !== 'pupil') {
    throw validationFailed("Only a pupil's password is reset here.", [{ field: 'path.userId', message: 'Not a pupil of this project.' }]);
  }
  // Sync first: if it fails nothing was changed, and no password is lost in a 503.
  const { username } = await syncOr503(store, userId);
  const password = oneTimePassword();
  await setOneTimePassword(username, password);
  const response: PasswordResetResponse = { username, oneTimePassword: password };
  return json(200, response);
});

/** The caller may manage this project's members: 404 unknown project, 403 not a teacher-admin, 409 not approved. */
async function requireMemberManager(store: TableStore, projectId: string, caller: Caller): Promise<{ project: Project; callerProfile?: UserProfile }> {
  const access = await getProjectAccess(store, projectId, caller.userId);
  if (!access.project) throw notFound('No such project.');
  if (!access.membership || may(access.membership.type, 'manage-members') !== 'allow') {
    throw forbidden("Only the project's teacher administrators may manage its members.");
  }
  if (access.project.state === 'closed') throw conflict('The project is closed: read-only.');
  if (access.project.state !== 'approved') throw conflict(`The project is ${access.project.state}: its TwinSpace is not open.`);
  return { project: access.project, callerProfile: access.profile };
}

const pupilUsernameTries = 8;

async function createPupil(
  store: TableStore,
  project: Project,
  caller: Caller,
  callerProfile: UserProfile | undefined,
  displayName: string,
  type: 'pupil-admin' | 'pupil-member',
) {
  if (!callerProfile) throw forbidden('Your account has no profile yet.');
  const password = oneTimePassword();
  let username = '';
  let userId = '';
  for (let attempt = 0; !userId; attempt++) {
    if (attempt === pupilUsernameTries) throw conflict('No free username was found for this name; try again.');
    username = pupilUsername(displayName);
    // The table's username item is checked first, so an account the pool does not know is never shadowed.
    if (await findUserIdByUsername(store, username)) continue;
    try {
      userId = await createPupilAccount(username, password);
    } catch (error) {
      if (error instanceof UsernameTaken) continue;
      throw error;
    }
  }
  const now = new Date().toISOString();
  const membership: Membership = { projectId: project.projectId, userId, type, kind: 'pupil', displayName, country: callerProfile.country, joinedAt: now };
  try {
    await createUserProfile(store, {
      userId,
      username,
      kind: 'pupil',
      country: callerProfile.country,
      displayName,
      school: callerProfile.school,
      version: 1,
      createdAt: now,
    });
    await addMemberToProject(store, membership, project.title, { guards: { stillTeacherAdmins: [caller.userId] } });
  } catch (error) {
    // The account must not outlive a failed write: nobody could manage it.
    await deleteAccount(username).catch((cleanup: unknown) => logger.warn('Could not delete a half-made pupil account', { userId, error: cleanup as Error }));
    if (isCancelledWrite(error)) throw conflict('The project or your role changed meanwhile; reload and try again.');
    throw error;
  }
  // Sending the same request again would make a second pupil: the way to retry here is a password reset (it syncs).
  await syncOr503(store, userId, `${username} was created, but their access could not be set up yet. Do not add them again: reset their password in a moment to finish.`);
  const response: AddMemberResponse = { member: managedMemberOf(membership, username), oneTimePassword: password };
  return json(201, response);
}

function managedMemberOf(membership: Membership, username: string): ManagedMember {
  const { userId, displayName, type, kind, country } = membership;
  return { userId, username, displayName, type, kind, country };
}

/** The teacher administrators matter only when the target is one (the last-admin rule). */
async function teacherAdminsIfNeeded(store: TableStore, target: Membership): Promise<string[]> {
  return target.type === 'teacher-admin' ? listTeacherAdminIds(store, target.projectId) : [];
}

/** The project item keeps a `partnerCountries` set (when the lifecycle writes one): keep it in step. */
function keepsPartnerCountries(project: Project): boolean {
  return (project as unknown as Record<string, unknown>).partnerCountries instanceof Set;
}

function refuseUnless(verdict: Verdict): void {
  if (verdict.allowed) return;
  if (verdict.status === 400) throw validationFailed(verdict.reason, [{ field: verdict.field ?? 'body', message: verdict.reason }]);
  if (verdict.status === 403) throw forbidden(verdict.reason);
  throw conflict(verdict.reason);
}

async function writeOr409(write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (isCancelledWrite(error)) throw conflict('The project or its members changed meanwhile; reload and try again.');
    throw error;
  }
}

/** Group sync after the table change; a failure is a 503 (the change stands; the same request again re-syncs). */
async function syncOr503(
  store: TableStore,
  userId: string,
  message = "The change is saved, but the member's access could not be updated yet. Send the same request again in a moment.",
): Promise<{ username: string }> {
  try {
    return await syncTwinspaceGroups(store, userId);
  } catch (error) {
    logger.warn('Group sync failed; the table change stands', { userId, error: error as Error });
    throw new HttpError('UNAVAILABLE', message, [], 2);
  }
}
