/**
 * The project and its lifecycle (DOMAIN.md, "Projects"): read, create with a
 * partner, the partner's answer, edit, resubmit, close, reopen. Who may take
 * which step from which state is functions/domain/project-lifecycle.ts; this
 * module only reads, asks the domain, and writes.
 */
import { ulid } from 'ulid';
import {
  acceptPartnership,
  deleteProposedProject,
  getProfileAndUsername,
  proposeProject,
  resubmitProject as writeResubmission,
  saveProjectDetails,
  setProjectState,
  type Partner,
  type Project,
} from '../data/projects.ts';
import { getUserProfile, type UserProfile } from '../data/users.ts';
import {
  approvalCountries,
  creatorRefusal,
  lifecycleTable,
  mayReadProject,
  partnerRefusal,
} from '../domain/project-lifecycle.ts';
import { callerOf } from '../lib/claims.ts';
import { tableStore } from '../lib/clients.ts';
import { conflict, forbidden, parseOr400, validationFailed } from '../lib/errors.ts';
import { httpHandler, json, type HttpEvent } from '../lib/http.ts';
import {
  acceptanceBody,
  createProjectBody,
  editProjectBody,
  founderCountries,
  projectDetail,
  rolesOf,
  type ProjectDetailResponse,
} from './project-schemas.ts';
import { changedMeanwhile, changedMeanwhileMessage, loadForLifecycle, notify, requireStep, type LifecycleAccess } from './lifecycle-access.ts';

const detail = (project: Project, access: Pick<LifecycleAccess, 'caller' | 'membership' | 'profile'>): ProjectDetailResponse =>
  projectDetail(project, { roles: rolesOf(project, access.caller.userId, access.membership, access.profile), membership: access.membership });

const partnerOf = (profile: UserProfile): Partner => ({
  userId: profile.userId,
  displayName: profile.displayName,
  country: profile.country,
  ...(profile.school ? { school: profile.school } : {}),
});

const accountOf = (profile: UserProfile) => ({ username: profile.username, ...(profile.email ? { email: profile.email } : {}) });

// ---------------------------------------------------------------------------
// Routes.

/** GET /projects/{projectId}: members, founders, the invited partner, and the NSS and evaluators of a founder or partner country. */
export const getProject = httpHandler(async (event) => {
  const access = await loadForLifecycle(event);
  const { project, membership, profile, caller } = access;
  const countries = [...new Set(project.partners.map((partner) => partner.country))];
  const viewer = {
    isMember: membership !== undefined,
    isFounder: project.founders.includes(caller.userId),
    isInvitedPartner: project.invitedPartner?.userId === caller.userId,
    kind: profile?.kind,
    country: profile?.country,
  };
  if (!mayReadProject(viewer, countries)) throw forbidden('Only members of this project may see it.');
  return json(200, detail(project, access));
});

/** POST /projects: a validated teacher proposes a project with one partner teacher of another country. */
export const createProject = httpHandler(async (event) => {
  const caller = callerOf(event);
  const body = parseOr400(createProjectBody, event.body ?? {}, 'body');
  const store = tableStore();
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
  await proposeProject(store, project, { displayName: profile.displayName, country: profile.country });
  return json(201, projectDetail(project, { roles: rolesOf(project, caller.userId, undefined, profile) }));
});

/** POST /projects/{projectId}/acceptance: the invited partner accepts (second founder, to the NSS) or declines (the project goes). */
export const answerPartnership = httpHandler(async (event) => {
  const { accept } = parseOr400(acceptanceBody, event.body ?? {}, 'body');
  const access = await loadForLifecycle(event);
  requireStep(accept ? 'accept' : 'decline', access);
  const { store, project } = access;
  const partner = project.invitedPartner!;
  const creatorId = project.founders[0];

  if (!accept) {
    try {
      await deleteProposedProject(store, project);
    } catch (error) {
      if (changedMeanwhile(error)) throw conflict(changedMeanwhileMessage);
      throw error;
    }
    await notify(store, [creatorId], {
      topic: 'project-declined',
      projectId: project.projectId,
      title: `${partner.displayName} declined “${project.title}”`,
      body: `${partner.displayName} (${partner.country}) declined your invitation to found “${project.title}”. The project was deleted; you can propose it to another partner.`,
    });
    return json(200, { projectId: project.projectId, state: 'deleted' });
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
  try {
    await acceptPartnership(store, project, accepted);
  } catch (error) {
    if (changedMeanwhile(error)) throw conflict(changedMeanwhileMessage);
    throw error;
  }
  await notify(store, [creatorId], {
    topic: 'project-accepted',
    projectId: project.projectId,
    title: `${partner.displayName} accepted “${project.title}”`,
    body: `${partner.displayName} (${partner.country}) is now a founder of “${project.title}”. It awaits the approval of the NSS of ${countries.join(' and ')}.`,
  });
  return json(200, detail(accepted, access));
});

/** PUT /projects/{projectId}: founders edit the details while proposed or rejected; a stale version is a 409. */
export const editProject = httpHandler(async (event) => {
  const { version, ...changes } = parseOr400(editProjectBody, event.body ?? {}, 'body');
  const access = await loadForLifecycle(event);
  requireStep('edit', access);
  const stale = () => conflict(`This project was changed since you read it (version ${version}); reload it and edit again.`);
  if (access.project.version !== version) throw stale();
  let saved: Project;
  try {
    saved = await saveProjectDetails(access.store, access.project.projectId, changes, { version, states: lifecycleTable.edit.from });
  } catch (error) {
    if (changedMeanwhile(error)) throw stale();
    throw error;
  }
  return json(200, detail(saved, access));
});

/** POST /projects/{projectId}/resubmission: founders send a rejected project back to every founder country's NSS. */
export const resubmitProject = httpHandler(async (event) => {
  const access = await loadForLifecycle(event);
  requireStep('resubmit', access);
  const { project, store } = access;
  const countries = approvalCountries(founderCountries(project));
  const resubmitted: Project = {
    ...project,
    state: lifecycleTable.resubmit.to as Project['state'],
    approvals: Object.fromEntries(countries.map((country) => [country, { state: 'pending' as const }])),
    submittedAt: new Date().toISOString(),
    version: project.version + 1,
  };
  try {
    await writeResubmission(store, project, resubmitted);
  } catch (error) {
    if (changedMeanwhile(error)) throw conflict(changedMeanwhileMessage);
    throw error;
  }
  return json(200, detail(resubmitted, access));
});

async function moveOpenState(event: HttpEvent, command: 'close' | 'reopen') {
  const access = await loadForLifecycle(event);
  requireStep(command, access);
  let moved: Project;
  try {
    moved = await setProjectState(access.store, access.project, lifecycleTable[command].to as Project['state']);
  } catch (error) {
    if (changedMeanwhile(error)) throw conflict(changedMeanwhileMessage);
    throw error;
  }
  return json(200, detail(moved, access));
}

/** POST /projects/{projectId}/close: a teacher administrator closes an approved project (read-only for everyone, nothing deleted). */
export const closeProject = httpHandler((event) => moveOpenState(event, 'close'));

/** POST /projects/{projectId}/reopen: a teacher administrator reopens a closed project. */
export const reopenProject = httpHandler((event) => moveOpenState(event, 'reopen'));
