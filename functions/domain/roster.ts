/**
 * What a project's member list shows to whom. DOMAIN.md: pupils are children,
 * pupils never see e-mail addresses, and a pupil reaches nobody outside their
 * projects. The rules written down here (where DOMAIN.md is silent):
 *
 * - Teachers of the project (teacher-admin, member-teacher) see every member
 *   with full name and e-mail address (pupils have none).
 * - Pupils see every member, but other pupils by first name only, and no
 *   e-mail address of anyone.
 * - Visitors (parents, guests) see only the project's teachers, no e-mail
 *   addresses: the pupils' area, and so the pupils, is not theirs to read.
 * - When a member last opened the TwinSpace (`lastSeenAt`) is for the
 *   project's teachers only, who supervise it; pupils and visitors are not
 *   told when anyone was last there.
 */
import type { AccountKind, TwinspaceType } from './twinspace-types.ts';

export interface RosterMember {
  userId: string;
  type: TwinspaceType;
  kind: AccountKind;
  displayName: string;
  country: string;
  email?: string;
  /** When the member last opened the TwinSpace (see last-seen.ts); absent until they do. */
  lastSeenAt?: string;
}

/** The same fields, as one viewer is allowed to see them. */
export type RosterEntry = RosterMember;

const teacherTypes: readonly TwinspaceType[] = ['teacher-admin', 'member-teacher'];
const pupilTypes: readonly TwinspaceType[] = ['pupil-admin', 'pupil-member'];

export function firstName(displayName: string): string {
  return displayName.trim().split(/\s+/)[0] ?? '';
}

/**
 * The name under which a member speaks in a shared channel (the chat, where
 * one frame reaches every member): a pupil by first name only, as other
 * pupils see them in the roster; adults by their full name.
 */
export function sharedName(member: { type: TwinspaceType; displayName: string }): string {
  return pupilTypes.includes(member.type) ? firstName(member.displayName) : member.displayName;
}

/** The member as `viewer` sees them, or undefined when hidden from the viewer. */
export function rosterEntryFor(viewer: TwinspaceType, member: RosterMember): RosterEntry | undefined {
  const shown: RosterEntry = {
    userId: member.userId,
    type: member.type,
    kind: member.kind,
    displayName: member.displayName,
    country: member.country,
  };
  if (teacherTypes.includes(viewer)) {
    return {
      ...shown,
      ...(member.email ? { email: member.email } : {}),
      ...(member.lastSeenAt ? { lastSeenAt: member.lastSeenAt } : {}),
    };
  }
  if (pupilTypes.includes(viewer)) {
    return pupilTypes.includes(member.type) ? { ...shown, displayName: firstName(member.displayName) } : shown;
  }
  // visitor
  return teacherTypes.includes(member.type) ? shown : undefined;
}
