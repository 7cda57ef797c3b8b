/**
 * Themed groups on the desktop (DOMAIN.md, "Desktop": open or
 * invitation-only). Pure rules, no I/O. Written down where DOMAIN.md is
 * silent: any teacher creates a group and owns it (first member); a
 * teacher joins an open group themselves; only the owner adds someone, to an
 * invitation-only group (or to an open one); a member leaves, the owner
 * removes anyone but cannot leave (the group would have nobody to invite);
 * a group may have a member limit.
 */
import type { AccountKind } from './twinspace-types.ts';

export const groupAccesses = ['open', 'invitation'] as const;
export type GroupAccess = (typeof groupAccesses)[number];

export interface GroupFacts {
  access: GroupAccess;
  ownerId: string;
  memberCount: number;
  maxMembers?: number;
}

/** Groups are a teacher's thing: pupils, guests, NSS officers and evaluators get 403. */
export const usesGroups = (kind: AccountKind | undefined) => kind === 'teacher';

export type GroupDecision = { outcome: 'allowed' } | { outcome: 'forbidden'; reason: string } | { outcome: 'conflict'; reason: string };

const allowed: GroupDecision = { outcome: 'allowed' };

/**
 * Adding `newMemberId` to the group, asked by `callerId`. The role is checked
 * before the state: what is never yours to do is 403 whatever the group holds.
 */
export function decideJoin(
  group: GroupFacts,
  callerId: string,
  newMember: { userId: string; kind: AccountKind | undefined; alreadyMember: boolean },
): GroupDecision {
  const isOwner = group.ownerId === callerId;
  const forSelf = newMember.userId === callerId;
  if (!forSelf && !isOwner) return { outcome: 'forbidden', reason: 'Only the owner of the group adds other teachers.' };
  if (forSelf && !isOwner && group.access === 'invitation') {
    return { outcome: 'forbidden', reason: 'This group is by invitation only: its owner adds its members.' };
  }
  if (!usesGroups(newMember.kind)) return { outcome: 'forbidden', reason: 'Only teachers can be members of groups.' };
  if (newMember.alreadyMember) {
    return { outcome: 'conflict', reason: forSelf ? 'You are already a member of this group.' : 'This teacher is already a member of this group.' };
  }
  if (group.maxMembers !== undefined && group.memberCount >= group.maxMembers) return { outcome: 'conflict', reason: 'This group is full.' };
  return allowed;
}

/** Removing `memberId`: a member leaves, the owner removes; the owner never leaves. */
export function decideRemoval(group: GroupFacts, callerId: string, memberId: string): GroupDecision {
  const isOwner = group.ownerId === callerId;
  if (memberId !== callerId && !isOwner) return { outcome: 'forbidden', reason: 'Only the owner of the group removes other members.' };
  if (memberId === group.ownerId) return { outcome: 'conflict', reason: 'The owner cannot leave their own group.' };
  return allowed;
}
