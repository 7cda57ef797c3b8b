/**
 * Request and response shapes of the project lifecycle (create, answer,
 * edit, resubmit, approve or reject, close, reopen; the NSS list; GET /me's
 * projects and invitations). The routes (routes.ts) declare them; GET /me reuses meWithProjectsResponse.
 */
import * as z from 'zod';
import { visibleText } from '../visible-text.ts';
import type { Membership } from '../../data/memberships.ts';
import type { Partner, Project } from '../../data/projects.ts';
import type { UserProfile } from '../../data/users.ts';
import {
  approvalStates,
  availableCommands,
  lifecycleCommands,
  projectRoles,
  projectStates,
  type ProjectRole,
} from '../../domain/project-lifecycle.ts';
import { twinspaceTypes } from '../../domain/twinspace-types.ts';
import { pageQuery } from '../../lib/cursor.ts';
import { profileResponse } from '../desktop/schemas.ts';
import { meResponse, partnerSchema, projectResponse } from '../schemas.ts';

/** A title, a name, a subject: one line. */
const text = (max: number) => visibleText({ max, messages: { empty: 'Must not be empty.' } });
/** A description or a reason: many lines. */
const lines = (max: number, allowEmpty = false) => visibleText({ max, multiline: true, allowEmpty, messages: { empty: 'Must not be empty.' } });

/** Pupils' ages, in years: school ages. */
const ageYears = z.number().int('Whole years.').min(3, 'At least 3.').max(20, 'At most 20.');

const projectDetailsShape = {
  title: text(200),
  description: lines(5000),
  subjects: z.array(text(80)).min(1, 'Name at least one subject.').max(20, 'At most 20 subjects.'),
  ages: z
    .object({ min: ageYears, max: ageYears })
    .refine((ages) => ages.min <= ages.max, { message: 'max must not be below min.', path: ['max'] }),
  languages: z
    .array(z.string().regex(/^[a-z]{2,3}$/, 'A language code such as "en" or "es".'))
    .min(1, 'Name at least one language.')
    .max(20, 'At most 20 languages.'),
};

export const createProjectBody = z.object({
  ...projectDetailsShape,
  /** The partner teacher's username (their sign-in name), from another country. */
  partnerUsername: text(128),
});
export type CreateProjectBody = z.infer<typeof createProjectBody>;
export type CreateProjectBodyInput = z.input<typeof createProjectBody>;

/** PUT /projects/{id}: any of the details, with the version read. */
export const editProjectBody = z
  .object({
    title: projectDetailsShape.title.optional(),
    description: projectDetailsShape.description.optional(),
    subjects: projectDetailsShape.subjects.optional(),
    ages: projectDetailsShape.ages.optional(),
    languages: projectDetailsShape.languages.optional(),
    version: z.number().int().min(1),
  })
  .refine((edit) => Object.keys(edit).some((field) => field !== 'version'), {
    message: 'Change at least one of title, description, subjects, ages, languages.',
    path: ['title'],
  });
export type EditProjectBodyInput = z.input<typeof editProjectBody>;

/** A TwinSpace's settings: its own name and description (the project is not renamed), with the version read. */
export const twinspaceSettingsBody = z
  .object({ name: text(120), description: lines(2000, true).default(''), version: z.number().int().min(1) })
  .strict();
export type TwinspaceSettingsBodyInput = z.input<typeof twinspaceSettingsBody>;

export const acceptanceBody = z.object({ accept: z.boolean() });
export type AcceptanceBodyInput = z.input<typeof acceptanceBody>;

export const approvalBody = z
  .object({ approve: z.boolean(), reason: lines(2000, true).optional() })
  .refine((decision) => decision.approve || (decision.reason ?? '').length > 0, {
    message: 'A rejection needs a reason the founders can act on.',
    path: ['reason'],
  });
export type ApprovalBodyInput = z.input<typeof approvalBody>;

/** Only the pending list is served by key (the sparse index); other states are not listed here. */
export const nssProjectsQuery = pageQuery.extend({ state: z.enum(['pending-approval']).default('pending-approval') });

export const approvalView = z.object({
  country: z.string(),
  state: z.enum(approvalStates),
  /** A rejection's reason; null otherwise. */
  reason: z.string().nullable(),
  decidedAt: z.string().nullable(),
});

export const projectDetailResponse = projectResponse.extend({
  /** The teacher invited as second founder (kept after they answer); null for a project without one. */
  invitedPartner: partnerSchema.nullable(),
  /** One per founder country, from the partner's acceptance on. */
  approvals: z.array(approvalView),
  /** While rejected: the rejecting NSS's reason (also in `approvals`); null otherwise. */
  rejectionReason: z.string().nullable(),
  /** When it last went to the NSS; null before. */
  submittedAt: z.string().nullable(),
  /** Lifecycle steps the caller may take now (the site's buttons). */
  myActions: z.array(z.enum(lifecycleCommands)),
  /** The TwinSpace's own name and description (its administrators'); null until set: the project's title stands. */
  twinspace: z.object({ name: z.string(), description: z.string() }).nullable(),
});
export type ProjectDetailResponse = z.infer<typeof projectDetailResponse>;

export const declinedResponse = z.object({ projectId: z.string(), state: z.literal('deleted') });

export const nssProjectItem = z.object({
  projectId: z.string(),
  title: z.string(),
  description: z.string(),
  state: z.literal('pending-approval'),
  /** My country, whose approval is awaited. */
  country: z.string(),
  submittedAt: z.string(),
  founders: z.array(partnerSchema),
});
export const nssProjectsPage = z.object({ items: z.array(nssProjectItem), nextCursor: z.string().nullable() });
export type NssProjectsPage = z.infer<typeof nssProjectsPage>;

export const desktopProject = z.object({
  projectId: z.string(),
  title: z.string(),
  state: z.enum(projectStates),
  /** My type where I am a member; null where I am a founder and the project is not approved yet. */
  type: z.enum(twinspaceTypes).nullable(),
  founder: z.boolean(),
});

export const invitationView = z.object({
  projectId: z.string(),
  title: z.string(),
  /** What the partner agrees to (DOMAIN.md, "Projects" 2), read with the title. */
  description: z.string(),
  invitedBy: z.object({ displayName: z.string(), country: z.string() }),
});

export const meWithProjectsResponse = meResponse.extend({
  /** Also what the desktop's profile form edits (a teacher's school and partner profile; absent for other kinds). */
  profile: meResponse.shape.profile.extend(
    profileResponse.pick({ schoolId: true, openToPartnership: true, subjects: true, languages: true, ages: true, about: true, notificationMail: true }).shape,
  ),
  projects: z.array(desktopProject),
  /** Projects in `proposed` where I am the invited partner. */
  invitations: z.array(invitationView),
});
export type MeWithProjectsResponse = z.infer<typeof meWithProjectsResponse>;

// ---------------------------------------------------------------------------
// From the table to the wire.

/** Only the public fields of a partner (the project item also keeps sign-in names and e-mails, never sent). */
const publicPartner = (partner: Partner) => ({
  userId: partner.userId,
  displayName: partner.displayName,
  country: partner.country,
  ...(partner.school ? { school: partner.school } : {}),
});

export function founderPartners(project: Project): Partner[] {
  return project.partners.filter((partner) => project.founders.includes(partner.userId));
}

export function founderCountries(project: Project): string[] {
  return founderPartners(project).map((partner) => partner.country);
}

/** What the caller is to this project, read from the table (never from token groups). */
export function rolesOf(project: Project, userId: string, membership?: Membership, profile?: UserProfile): Set<ProjectRole> {
  return projectRoles({
    userId,
    founders: project.founders,
    invitedPartnerId: project.invitedPartner?.userId,
    founderCountries: founderCountries(project),
    memberType: membership?.type,
    kind: profile?.kind,
    country: profile?.country,
  });
}

export function projectDetail(project: Project, viewer: { roles: ReadonlySet<ProjectRole>; membership?: Membership }): ProjectDetailResponse {
  return {
    projectId: project.projectId,
    title: project.title,
    description: project.description,
    state: project.state,
    subjects: project.subjects,
    ages: project.ages,
    languages: project.languages,
    founders: founderPartners(project).map(publicPartner),
    partners: project.partners.map(publicPartner),
    invitedPartner: project.invitedPartner ? publicPartner(project.invitedPartner) : null,
    approvals: Object.entries(project.approvals ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([country, decision]) => ({ country, state: decision.state, reason: decision.reason ?? null, decidedAt: decision.decidedAt ?? null })),
    rejectionReason:
      project.state === 'rejected'
        ? (Object.values(project.approvals ?? {}).find((decision) => decision.state === 'rejected')?.reason ?? null)
        : null,
    submittedAt: project.submittedAt ?? null,
    createdAt: project.createdAt,
    version: project.version,
    myType: viewer.membership?.type ?? null,
    myActions: availableCommands(project.state, viewer.roles),
    twinspace: project.twinspace ?? null,
  };
}
