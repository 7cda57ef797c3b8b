import { may } from './policy.ts';
import type { TwinspaceType } from './twinspace-types.ts';

/**
 * A project's states (DOMAIN.md, "Projects"): proposed → pending-approval →
 * approved ⇄ closed, and rejected (resubmitted → pending-approval). Who may
 * take which step from which state is ONE table below; handlers only do I/O.
 */
export const projectStates = ['proposed', 'pending-approval', 'approved', 'closed', 'rejected'] as const;
export type ProjectState = (typeof projectStates)[number];

export type ProjectEvent = 'partner-accepts' | 'last-approval' | 'rejection' | 'resubmission' | 'close' | 'reopen';

const transitions: Record<ProjectEvent, { from: readonly ProjectState[]; to: ProjectState }> = {
  'partner-accepts': { from: ['proposed'], to: 'pending-approval' },
  'last-approval': { from: ['pending-approval'], to: 'approved' },
  rejection: { from: ['pending-approval'], to: 'rejected' },
  resubmission: { from: ['rejected'], to: 'pending-approval' },
  close: { from: ['approved'], to: 'closed' },
  reopen: { from: ['closed'], to: 'approved' },
};

/** The state after `event`, or undefined when the state does not allow it (a 409). */
export function nextState(state: ProjectState, event: ProjectEvent): ProjectState | undefined {
  const transition = transitions[event];
  return transition.from.includes(state) ? transition.to : undefined;
}

/** The TwinSpace exists once the project is approved (and stays, read-only, when closed). */
export function hasTwinspace(state: ProjectState): boolean {
  return state === 'approved' || state === 'closed';
}

/** Only an approved project's TwinSpace takes writes: a closed one is read-only for everyone. */
export function isWritable(state: ProjectState): boolean {
  return state === 'approved';
}

// ---------------------------------------------------------------------------
// Who may do what, from which state.

/**
 * What the caller is to this project, as the handler found it in the table
 * (never from token groups): the invited partner (kept after they answer),
 * a founder, a teacher administrator (membership item), an NSS officer of a
 * founder's country.
 */
export type ProjectRole = 'invited-partner' | 'founder' | 'teacher-admin' | 'founder-country-nss';

/**
 * What the caller is to this project, from what the table says: the project
 * item (founders, invited partner), the caller's membership (their type: the
 * policy table's "manage partners, close and reopen" row makes a teacher
 * administrator) and the caller's profile (kind, country).
 */
export function projectRoles(caller: {
  userId: string;
  founders: readonly string[];
  invitedPartnerId?: string;
  founderCountries: readonly string[];
  memberType?: TwinspaceType;
  kind?: string;
  country?: string;
}): Set<ProjectRole> {
  const roles = new Set<ProjectRole>();
  if (caller.invitedPartnerId === caller.userId) roles.add('invited-partner');
  if (caller.founders.includes(caller.userId)) roles.add('founder');
  if (caller.memberType && may(caller.memberType, 'manage-project') === 'allow') roles.add('teacher-admin');
  if (caller.kind === 'nss' && caller.country !== undefined && caller.founderCountries.includes(caller.country)) roles.add('founder-country-nss');
  return roles;
}

/** The commands of the lifecycle, one per route. Approve and reject are one route with two outcomes. */
export const lifecycleCommands = ['accept', 'decline', 'edit', 'resubmit', 'approve', 'reject', 'close', 'reopen'] as const;
export type LifecycleCommand = (typeof lifecycleCommands)[number];

interface Rule {
  by: ProjectRole;
  from: readonly ProjectState[];
  /** undefined: the state does not change (edit), or the handler decides (approve: only the last approval moves it). */
  to?: ProjectState | 'deleted';
  /** Said in the 403 to anyone else. */
  who: string;
}

export const lifecycleTable: Readonly<Record<LifecycleCommand, Rule>> = {
  accept: { by: 'invited-partner', from: ['proposed'], to: 'pending-approval', who: 'Only the invited partner may answer the invitation.' },
  decline: { by: 'invited-partner', from: ['proposed'], to: 'deleted', who: 'Only the invited partner may answer the invitation.' },
  edit: { by: 'founder', from: ['proposed', 'rejected'], who: "Only the project's founders may edit it." },
  resubmit: { by: 'founder', from: ['rejected'], to: 'pending-approval', who: "Only the project's founders may resubmit it." },
  approve: {
    by: 'founder-country-nss',
    from: ['pending-approval'],
    who: "Only the NSS of a founder's country may decide on this project.",
  },
  reject: {
    by: 'founder-country-nss',
    from: ['pending-approval'],
    to: 'rejected',
    who: "Only the NSS of a founder's country may decide on this project.",
  },
  // DOMAIN.md: "manage partners, close and reopen the project" is the teacher administrator's row of the policy table.
  close: { by: 'teacher-admin', from: ['approved'], to: 'closed', who: "Only the project's teacher administrators may close it." },
  reopen: { by: 'teacher-admin', from: ['closed'], to: 'approved', who: "Only the project's teacher administrators may reopen it." },
};

/** Why a state refuses a command: the 409's message. */
const stateRefusals: Record<LifecycleCommand, { default: string } & Partial<Record<ProjectState, string>>> = {
  accept: { default: 'The invitation was already answered.' },
  decline: { default: 'The invitation was already answered.' },
  edit: { default: 'A project can be edited only while proposed or rejected.' },
  resubmit: { default: 'Only a rejected project can be resubmitted.' },
  approve: { default: 'Only a project pending approval can be approved or rejected.' },
  reject: { default: 'Only a project pending approval can be approved or rejected.' },
  close: { closed: 'The project is already closed.', default: 'Only an approved project can be closed.' },
  reopen: { approved: 'The project is already open.', default: 'Only a closed project can be reopened.' },
};

export type Verdict =
  | { allowed: true; to?: ProjectState | 'deleted' }
  | { allowed: false; status: 403 | 409; message: string };

/**
 * May a caller holding `roles` run `command` on a project in `state`? The role
 * is checked first (403: you may never do this here), then the state (409:
 * not now). The message says why.
 */
export function judge(command: LifecycleCommand, state: ProjectState, roles: ReadonlySet<ProjectRole>): Verdict {
  const rule = lifecycleTable[command];
  if (!roles.has(rule.by)) return { allowed: false, status: 403, message: rule.who };
  if (!rule.from.includes(state)) {
    const specific = stateRefusals[command][state];
    return { allowed: false, status: 409, message: specific ?? `${stateRefusals[command].default} This project is ${state}.` };
  }
  return { allowed: true, to: rule.to };
}

/** The commands the caller may run now: what the site offers as buttons. */
export function availableCommands(state: ProjectState, roles: ReadonlySet<ProjectRole>): LifecycleCommand[] {
  return lifecycleCommands.filter((command) => judge(command, state, roles).allowed);
}

// ---------------------------------------------------------------------------
// Approvals: one per founder country.

export const approvalStates = ['pending', 'approved', 'rejected'] as const;
export type ApprovalState = (typeof approvalStates)[number];

/** The countries whose NSS must approve: each founder's, once. */
export function approvalCountries(founderCountries: readonly string[]): string[] {
  return [...new Set(founderCountries)].sort();
}

/** After this country approves, is every founder country's approval in? Then the project is approved. */
export function isLastApproval(approvals: Readonly<Record<string, ApprovalState>>, approvingCountry: string): boolean {
  return Object.entries(approvals).every(([country, state]) => country === approvingCountry || state === 'approved');
}

// ---------------------------------------------------------------------------
// Creating and reading.

export interface Teacherish {
  kind: string;
  country: string;
  /** false while the NSS has not validated a self-registered teacher; absent = validated (demo teachers). */
  validated?: boolean;
}

/** Why this account may not create a project (403), or undefined. */
export function creatorRefusal(creator: Teacherish): string | undefined {
  if (creator.kind !== 'teacher') return 'Only teachers create projects.';
  if (creator.validated === false) return 'Your account awaits validation by your NSS.';
  return undefined;
}

/** Why this account cannot be the partner (400 on partnerUsername), or undefined. */
export function partnerRefusal(creator: { userId: string; country: string }, partner: Teacherish & { userId: string }): string | undefined {
  if (partner.userId === creator.userId) return 'You cannot be your own partner: name a teacher of another country.';
  if (partner.kind !== 'teacher') return 'The partner must be a teacher.';
  if (partner.validated === false) return 'The partner has not been validated by their NSS yet.';
  if (partner.country === creator.country) return `The partner must teach in another country than yours (${creator.country}).`;
  return undefined;
}

export interface ProjectViewer {
  isMember: boolean;
  isFounder: boolean;
  isInvitedPartner: boolean;
  kind?: string;
  country?: string;
}

/**
 * Who reads a project (GET /projects/{id}): its members, its founders and the
 * invited partner (before approval there are no members), and the NSS
 * officers and evaluators of a founder's or partner's country.
 */
export function mayReadProject(viewer: ProjectViewer, projectCountries: readonly string[]): boolean {
  if (viewer.isMember || viewer.isFounder || viewer.isInvitedPartner) return true;
  return (viewer.kind === 'nss' || viewer.kind === 'evaluator') && viewer.country !== undefined && projectCountries.includes(viewer.country);
}
