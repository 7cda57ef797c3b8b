/**
 * The members area's function (routes.ts), API.md "Projects and members".
 *
 * GET /projects/{projectId}/members: the members with their type, paged, as
 * the caller may see them (functions/domain/roster.ts: pupils see other
 * pupils by first name, only teachers see e-mail addresses, visitors see the
 * teachers).
 *
 * Managing members (teacher administrators only, in an approved project):
 * add an existing teacher or guest, create a pupil's account, change a type,
 * remove, reset a pupil's password. The table is written first, in one
 * transaction per change; then the member's access follows the table: a
 * member who lost the chat leaves its chat room (chat-access.ts),
 * and their Cognito groups are synced. A failure there answers 503: the
 * change stands, and repeating the same request does it again
 * (functions/domain/README.md, "Group sync").
 */
import { ulid } from 'ulid';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { conflict, forbidden, HttpError, notFound, validationFailed } from '../../lib/errors.ts';
import { createPupilAccount, deleteAccount, setOneTimePassword, syncTwinspaceGroups, UsernameTaken } from '../../lib/identity.ts';
import { logger } from '../../lib/logger.ts';
import { countOf } from '../../lib/observability.ts';
import { keys, prefixes } from '../../data/keys.ts';
import {
  addMemberToProject,
  changeMembershipType,
  getMembership,
  listMemberships,
  listTeacherAdminIds,
  removeMembership,
  type Membership,
  type MembershipWrite,
} from '../../data/memberships.ts';
import type { Notification } from '../../data/notifications.ts';
import type { Project } from '../../data/projects.ts';
import type { TableStore } from '../../data/store.ts';
import { createUserProfile, findUserIdByUsername, getUserProfile, UserProfileExists, type UserProfile } from '../../data/users.ts';
import {
  judgeAddition,
  judgeMemberChange,
  oneTimePassword,
  pupilUsername,
  teacherAdminWitness,
  type Verdict,
} from '../../domain/membership-rules.ts';
import { rosterEntryFor, type RosterEntry } from '../../domain/roster.ts';
import type { TwinspaceType } from '../../domain/twinspace-types.ts';
import { typeInWords } from '../../domain/notifications.ts';
import type { Caller } from '../../lib/claims.ts';
import { requireMember } from '../access.ts';
import { areaHandler } from '../area.ts';
import type { MembersPage } from '../schemas.ts';
import { keepsChat, leaveChatRoom } from './chat-access.ts';
import { membersRoutes } from './routes.ts';
import type { AddMemberResponse, ChangeMemberTypeResponse, ManagedMember, PasswordResetResponse } from './schemas.ts';

export const handler = areaHandler(membersRoutes, {
  listMembers: async ({ caller, params: { projectId }, query, store }) => {
    const startKey = decodeCursor(query.cursor, keys.projectPartition(projectId), prefixes.member);
    // The check and the page at once (one wait, not two); the page is dropped unless the caller is a member.
    const [{ membership: viewer }, { memberships, lastKey }] = await Promise.all([
      requireMember(store, projectId, caller),
      listMemberships(store, projectId, { limit: query.limit, startKey }),
    ]);
    const items = memberships
      .map((member) => rosterEntryFor(viewer.type, member))
      .filter((entry): entry is RosterEntry => entry !== undefined);
    const body: MembersPage = { items, nextCursor: encodeCursor(lastKey) };
    return { status: 200, body };
  },

  addMember: async ({ caller, params: { projectId }, body, twinspace, store }) => {
    const { project, profile: callerProfile } = twinspace;
    if ('pupil' in body) return createPupil(store, project, caller, callerProfile, body.pupil.displayName, body.type);
    const userId = await findUserIdByUsername(store, body.username);
    const profile = userId ? await getUserProfile(store, userId) : undefined;
    if (!userId || !profile) throw validationFailed('No account has this username.', [{ field: 'body.username', message: 'No account has this username.' }]);
    refuseUnless(judgeAddition(profile.kind, body.type));
    if (await getMembership(store, projectId, userId)) {
      // A retry after a failed sync lands here: repair the groups, then say what is so.
      await syncOr503(store, userId);
      throw conflict(`${profile.displayName} is already a member of this project.`);
    }
    const membership: Membership = {
      projectId,
      userId,
      type: body.type,
      kind: profile.kind,
      displayName: profile.displayName,
      country: profile.country,
      email: profile.email,
      joinedAt: new Date().toISOString(),
    };
    const partner = profile.kind === 'teacher' && !project.partners.some((known) => known.userId === userId)
      ? { userId, displayName: profile.displayName, country: profile.country, school: profile.school }
      : undefined;
    refuseUnlessWritten(
      await addMemberToProject(store, membership, project.title, {
        partner,
        partnerCountries: keepsPartnerCountries(project),
        guards: { stillTeacherAdmins: [caller.userId] },
        notices: [memberAddedNotice(project, membership)],
      }),
    );
    countOf('MembersChanged');
    await syncOr503(store, userId);
    const response: AddMemberResponse = { member: managedMemberOf(membership, profile.username) };
    return { status: 201, body: response };
  },

  changeMemberType: async ({ caller, params: { projectId, userId }, body: { type }, twinspace, store }) => {
    const { project } = twinspace;
    const target = await getMembership(store, projectId, userId);
    if (!target) throw notFound('This person is not a member of this project.');
    const change = { to: type };
    const context = { callerId: caller.userId, target, founders: project.founders, teacherAdminIds: await teacherAdminsIfNeeded(store, target) };
    refuseUnless(judgeMemberChange(context, change));
    if (target.type !== type) {
      const witness = teacherAdminWitness(context, change);
      refuseUnlessWritten(
        await changeMembershipType(store, { projectId, userId, from: target.type, to: type }, { stillTeacherAdmins: witness ? [witness] : [] }, [
          typeChangedNotice(project, userId, target.type, type),
        ]),
      );
      countOf('MembersChanged');
    }
    // Also when nothing changed: the same request again re-does this after a 503.
    const { username } = await applyAccess(store, projectId, userId, type);
    const response: ChangeMemberTypeResponse = { member: managedMemberOf({ ...target, type }, username) };
    return { status: 200, body: response };
  },

  removeMember: async ({ caller, params: { projectId, userId }, twinspace, store }) => {
    const { project } = twinspace;
    const target = await getMembership(store, projectId, userId);
    if (!target) {
      // Perhaps a retry after a 503: bring their access in line with the table, then say so.
      if (await getUserProfile(store, userId)) await applyAccess(store, projectId, userId, undefined);
      throw notFound('This person is not a member of this project.');
    }
    const context = { callerId: caller.userId, target, founders: project.founders, teacherAdminIds: await teacherAdminsIfNeeded(store, target) };
    refuseUnless(judgeMemberChange(context, 'remove'));
    const witness = teacherAdminWitness(context, 'remove');
    const partnerIndex = project.partners.findIndex((partner) => partner.userId === userId);
    const stillRepresented = project.partners.some((partner) => partner.userId !== userId && partner.country === target.country);
    refuseUnlessWritten(
      await removeMembership(
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
    countOf('MembersChanged');
    await applyAccess(store, projectId, userId, undefined);
    return { status: 204 };
  },

  resetPupilPassword: async ({ caller, params: { projectId, userId }, store }) => {
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
    return { status: 200, body: response };
  },
});

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
  // The account must not outlive a failed write: nobody could manage it.
  const undoAccount = () =>
    deleteAccount(username).catch((cleanup: unknown) => logger.warn('Could not delete a half-made pupil account', { userId, error: cleanup as Error }));
  const changedMeanwhile = () => conflict('The project or your role changed meanwhile; reload and try again.');
  let added: MembershipWrite;
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
    added = await addMemberToProject(store, membership, project.title, {
      guards: { stillTeacherAdmins: [caller.userId] },
      notices: [memberAddedNotice(project, membership)],
    });
  } catch (error) {
    await undoAccount();
    if (error instanceof UserProfileExists) throw changedMeanwhile();
    throw error;
  }
  if (!added.written) {
    await undoAccount();
    throw changedMeanwhile();
  }
  countOf('MembersChanged');
  // Sending the same request again would make a second pupil: the way to retry here is a password reset (it syncs).
  await syncOr503(store, userId, `${username} was created, but their access could not be set up yet. Do not add them again: reset their password in a moment to finish.`);
  const response: AddMemberResponse = { member: managedMemberOf(membership, username), oneTimePassword: password };
  return { status: 201 as const, body: response };
}

/** The new member is told, in the transaction that adds them ('member-added'). */
function memberAddedNotice(project: Project, membership: Membership): Notification {
  return {
    notificationId: ulid(),
    userId: membership.userId,
    topic: 'member-added',
    projectId: project.projectId,
    params: { project: project.title, type: membership.type },
    title: `You were added to “${project.title}”`,
    body: `You are now a ${typeInWords[membership.type]} of “${project.title}”. Its TwinSpace is on your desktop.`,
    createdAt: membership.joinedAt,
  };
}

/** The member is told of their new type, in the transaction that changes it ('member-type-changed'). */
function typeChangedNotice(project: Project, userId: string, from: TwinspaceType, to: TwinspaceType): Notification {
  return {
    notificationId: ulid(),
    userId,
    topic: 'member-type-changed',
    projectId: project.projectId,
    params: { project: project.title, from, type: to },
    title: `You are now a ${typeInWords[to]} of “${project.title}”`,
    body: `Your type in “${project.title}” changed from ${typeInWords[from]} to ${typeInWords[to]}.`,
    createdAt: new Date().toISOString(),
  };
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

/** A membership write cancelled by one of its guards (the project, a member's type, a teacher administrator changed since read): 409. */
function refuseUnlessWritten(write: MembershipWrite): void {
  if (!write.written) throw conflict('The project or its members changed meanwhile; reload and try again.');
}

const accessNotUpdated = "The change is saved, but the member's access could not be updated yet. Send the same request again in a moment.";

/** Group sync after the table change; a failure is a 503 (the change stands; the same request again re-syncs). */
async function syncOr503(store: TableStore, userId: string, message = accessNotUpdated): Promise<{ username: string }> {
  try {
    return await syncTwinspaceGroups(store, userId);
  } catch (error) {
    logger.warn('Group sync failed; the table change stands', { userId, error: error as Error });
    throw new HttpError('UNAVAILABLE', message, [], 2);
  }
}

/**
 * The member's access after a change to their membership, now `type` (none:
 * removed): their connections leave the project's chat room if they may no
 * longer chat (the sockets stay open for notifications), then their groups synced. Idempotent; a failure is a 503 and the same
 * request again does it again.
 */
async function applyAccess(store: TableStore, projectId: string, userId: string, type: TwinspaceType | undefined): Promise<{ username: string }> {
  if (!keepsChat(type)) {
    try {
      await leaveChatRoom(store, projectId, userId);
    } catch (error) {
      logger.warn('Taking a member who lost the chat out of its room failed; the table change stands', { userId, error: error as Error });
      throw new HttpError('UNAVAILABLE', accessNotUpdated, [], 2);
    }
  }
  return syncOr503(store, userId);
}
