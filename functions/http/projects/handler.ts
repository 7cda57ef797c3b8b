/**
 * The projects area's function (routes.ts): the project and its lifecycle
 * (DOMAIN.md, "Projects"): read, create with a partner, the partner's answer,
 * edit, resubmit, close, reopen; and the NSS's list of projects awaiting its
 * country. Who may take which step from which state is
 * functions/domain/project-lifecycle.ts; this module only reads, asks the
 * domain, and writes.
 */
import { ulid } from 'ulid';
import { decodeIndexCursor } from '../../data/index-cursor.ts';
import { gsi1, prefixes } from '../../data/keys.ts';
import {
  acceptPartnership,
  deleteProposedProject,
  getProfileAndUsername,
  listPendingApprovals,
  proposeProject,
  resubmitProject as writeResubmission,
  saveProjectDetails,
  saveTwinspaceSettings,
  setProjectState,
  type Partner,
  type Project,
} from '../../data/projects.ts';
import { getUserProfile, type UserProfile } from '../../data/users.ts';
import { recordVisit, type Membership } from '../../data/memberships.ts';
import type { TableStore } from '../../data/store.ts';
import { lastSeenThreshold, visitWorthRecording } from '../../domain/last-seen.ts';
import { approvalCountries, creatorRefusal, lifecycleTable, mayReadProject, partnerRefusal } from '../../domain/project-lifecycle.ts';
import { encodeCursor } from '../../lib/cursor.ts';
import { conflict, forbidden, validationFailed } from '../../lib/errors.ts';
import { countOf, logger } from '../../lib/observability.ts';
import { areaHandler } from '../area.ts';
import { changedMeanwhile, lifecycleNotices, loadForLifecycle, refuseUnlessWritten, requireStep, type LifecycleAccess } from './lifecycle-access.ts';
import { projectsRoutes } from './routes.ts';
import { founderCountries, projectDetail, rolesOf, type NssProjectsPage, type ProjectDetailResponse } from './schemas.ts';

const detail = (project: Project, access: Pick<LifecycleAccess, 'caller' | 'membership' | 'profile'>): ProjectDetailResponse =>
  projectDetail(project, { roles: rolesOf(project, access.caller.userId, access.membership, access.profile), membership: access.membership });

const partnerOf = (profile: UserProfile): Partner => ({
  userId: profile.userId,
  displayName: profile.displayName,
  country: profile.country,
  ...(profile.school ? { school: profile.school } : {}),
});

const accountOf = (profile: UserProfile) => ({ username: profile.username, ...(profile.email ? { email: profile.email } : {}) });

/** A cursor of my country's pending list, or 400: it must point into that very list (a tampered one never peeks elsewhere). */
const decodeApprovalCursor = (cursor: string | undefined, country: string) =>
  decodeIndexCursor(cursor, { gsi1pk: gsi1.approvalsPendingPartition(country), pkPrefix: 'PROJECT#', sk: `${prefixes.approval}${country}` });

const staleEdit = (version: number) => conflict(`This project was changed since you read it (version ${version}); reload it and edit again.`);

/**
 * A member opening the TwinSpace is "seen" (domain/last-seen.ts): written at
 * most once per window, so most reads write nothing. It is a note, not the
 * answer: a failure is logged and the project is still shown.
 */
async function noteVisit(store: TableStore, membership: Membership): Promise<void> {
  const now = new Date();
  if (!visitWorthRecording(membership.lastSeenAt, now)) return;
  const visit = { projectId: membership.projectId, userId: membership.userId, seenAt: now.toISOString(), staleBefore: lastSeenThreshold(now) };
  await recordVisit(store, visit).catch((error: unknown) => logger.warn('The visit was not recorded', { error }));
}

/** Close or reopen: the state alone changes, on condition nobody changed the project since it was read. */
async function moveOpenState(access: LifecycleAccess, command: 'close' | 'reopen') {
  requireStep(command, access);
  const moved = await setProjectState(access.store, access.project, lifecycleTable[command].to as Project['state']);
  if (moved.outcome === 'stale') throw changedMeanwhile();
  return { status: 200 as const, body: detail(moved.project, access) };
}

export const handler = areaHandler(projectsRoutes, {
  /** The TwinSpace's name and description: the gate ('manage-project') already read the project and the caller's membership. */
  editTwinspaceSettings: async ({ caller, params: { projectId }, body: { version, ...settings }, twinspace, store }) => {
    if (twinspace.project.version !== version) throw staleEdit(version);
    const saved = await saveTwinspaceSettings(store, projectId, settings, version);
    if (saved.outcome === 'stale') throw staleEdit(version);
    return { status: 200, body: detail(saved.project, { caller, membership: twinspace.membership, profile: twinspace.profile }) };
  },

  /** Members, founders, the invited partner, and the NSS and evaluators of a founder or partner country. */
  getProject: async ({ caller, params: { projectId }, store }) => {
    const access = await loadForLifecycle(store, projectId, caller);
    const { project, membership, profile } = access;
    const countries = [...new Set(project.partners.map((partner) => partner.country))];
    const viewer = {
      isMember: membership !== undefined,
      isFounder: project.founders.includes(caller.userId),
      isInvitedPartner: project.invitedPartner?.userId === caller.userId,
      kind: profile?.kind,
      country: profile?.country,
    };
    if (!mayReadProject(viewer, countries)) throw forbidden('Only members of this project may see it.');
    if (membership) await noteVisit(store, membership);
    return { status: 200, body: detail(project, access) };
  },

  /** A validated teacher proposes a project with one partner teacher of another country. */
  createProject: async ({ caller, body, store }) => {
    const { profile, namedUserId } = await getProfileAndUsername(store, caller.userId, body.partnerUsername);
    if (!profile) throw forbidden('This account has no profile yet.');
    const refusal = creatorRefusal(profile as UserProfile & { validated?: boolean });
    if (refusal) throw forbidden(refusal);
    const partnerProblem = (message: string) =>
      validationFailed('The partner cannot be invited.', [{ field: 'body.partnerUsername', message }]);
    if (!namedUserId) throw partnerProblem('No account has this username.');
    const partner = await getUserProfile(store, namedUserId);
    if (!partner) throw partnerProblem('No account has this username.');
    const partnerIssue = partnerRefusal(profile, partner as UserProfile & { validated?: boolean });
    if (partnerIssue) throw partnerProblem(partnerIssue);

    const project: Project = {
      projectId: ulid(),
      title: body.title,
      description: body.description,
      state: 'proposed',
      subjects: body.subjects,
      ages: body.ages,
      languages: body.languages,
      founders: [caller.userId],
      partners: [partnerOf(profile)],
      createdAt: new Date().toISOString(),
      version: 1,
      invitedPartner: partnerOf(partner),
      accounts: { [profile.userId]: accountOf(profile), [partner.userId]: accountOf(partner) },
    };
    // A fresh ULID is never taken: if it were, that is a fault, not the caller's conflict.
    // The invited partner is told in the same transaction as the invitation.
    const invited = lifecycleNotices([partner.userId], {
      topic: 'project-invited',
      projectId: project.projectId,
      params: { project: project.title, by: profile.displayName, country: profile.country },
      title: `${profile.displayName} invites you to found “${project.title}”`,
      body: `${profile.displayName} (${profile.country}) invites you to found “${project.title}” as their partner. Accept or decline the invitation on your desktop.`,
    });
    if ((await proposeProject(store, project, { displayName: profile.displayName, country: profile.country }, invited)) === 'exists') {
      throw new Error(`The new project id ${project.projectId} was already taken`);
    }
    countOf('ProjectsProposed');
    return { status: 201, body: projectDetail(project, { roles: rolesOf(project, caller.userId, undefined, profile) }) };
  },

  /** The invited partner accepts (second founder, to the NSS) or declines (the project goes). */
  answerPartnership: async ({ caller, params: { projectId }, body: { accept }, store }) => {
    const access = await loadForLifecycle(store, projectId, caller);
    requireStep(accept ? 'accept' : 'decline', access);
    const { project } = access;
    const partner = project.invitedPartner!;
    const creatorId = project.founders[0];

    if (!accept) {
      const declined = lifecycleNotices([creatorId], {
        topic: 'project-declined',
        projectId: project.projectId,
        params: { project: project.title, partner: partner.displayName, country: partner.country },
        title: `${partner.displayName} declined “${project.title}”`,
        body: `${partner.displayName} (${partner.country}) declined your invitation to found “${project.title}”. The project was deleted; you can propose it to another partner.`,
      });
      refuseUnlessWritten(await deleteProposedProject(store, project, declined));
      return { status: 200, body: { projectId: project.projectId, state: 'deleted' as const } };
    }

    const founders = [...project.founders, partner.userId];
    const partners = project.partners.some((known) => known.userId === partner.userId) ? project.partners : [...project.partners, partner];
    const submittedAt = new Date().toISOString();
    const countries = approvalCountries(partners.filter((known) => founders.includes(known.userId)).map((known) => known.country));
    const accepted: Project = {
      ...project,
      state: lifecycleTable.accept.to as Project['state'],
      founders,
      partners,
      approvals: Object.fromEntries(countries.map((country) => [country, { state: 'pending' as const }])),
      submittedAt,
      version: project.version + 1,
    };
    const acceptedNotice = lifecycleNotices([creatorId], {
      topic: 'project-accepted',
      projectId: project.projectId,
      params: { project: project.title, partner: partner.displayName, country: partner.country, countries: countries.join(', ') },
      title: `${partner.displayName} accepted “${project.title}”`,
      body: `${partner.displayName} (${partner.country}) is now a founder of “${project.title}”. It awaits the approval of the NSS of ${countries.join(' and ')}.`,
    });
    refuseUnlessWritten(await acceptPartnership(store, project, accepted, acceptedNotice));
    return { status: 200, body: detail(accepted, access) };
  },

  /** Founders edit the details while proposed or rejected; a stale version is a 409 (also when it turns stale between our read and our write). */
  editProject: async ({ caller, params: { projectId }, body: { version, ...changes }, store }) => {
    const access = await loadForLifecycle(store, projectId, caller);
    requireStep('edit', access);
    if (access.project.version !== version) throw staleEdit(version);
    const saved = await saveProjectDetails(store, access.project.projectId, changes, { version, states: lifecycleTable.edit.from });
    if (saved.outcome === 'stale') throw staleEdit(version);
    return { status: 200, body: detail(saved.project, access) };
  },

  /** Founders send a rejected project back to every founder country's NSS. */
  resubmitProject: async ({ caller, params: { projectId }, store }) => {
    const access = await loadForLifecycle(store, projectId, caller);
    requireStep('resubmit', access);
    const { project } = access;
    const countries = approvalCountries(founderCountries(project));
    const resubmitted: Project = {
      ...project,
      state: lifecycleTable.resubmit.to as Project['state'],
      approvals: Object.fromEntries(countries.map((country) => [country, { state: 'pending' as const }])),
      submittedAt: new Date().toISOString(),
      version: project.version + 1,
    };
    refuseUnlessWritten(await writeResubmission(store, project, resubmitted));
    return { status: 200, body: detail(resubmitted, access) };
  },

  /** A teacher administrator closes an approved project (read-only for everyone, nothing deleted). */
  closeProject: async ({ caller, params: { projectId }, store }) => moveOpenState(await loadForLifecycle(store, projectId, caller), 'close'),

  /** A teacher administrator reopens a closed project. */
  reopenProject: async ({ caller, params: { projectId }, store }) => moveOpenState(await loadForLifecycle(store, projectId, caller), 'reopen'),

  /** Projects awaiting my country's approval, oldest first (NSS only). */
  listNssProjects: async ({ caller, query, store }) => {
    const profile = await getUserProfile(store, caller.userId);
    if (profile?.kind !== 'nss') throw forbidden('Only NSS officers see the projects awaiting approval.');
    const startKey = decodeApprovalCursor(query.cursor, profile.country);
    const { approvals, lastKey } = await listPendingApprovals(store, profile.country, { limit: query.limit, startKey });
    const body: NssProjectsPage = {
      items: approvals.map((approval) => ({ ...approval, state: 'pending-approval' as const })),
      nextCursor: encodeCursor(lastKey),
    };
    return { status: 200, body };
  },
});
