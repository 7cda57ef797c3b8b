/**
 * The groups page's rules, pure (no DOM; unit-tested in node): the strings
 * its island (groups-island.tsx) reads, the create form → the API's body,
 * a group's member count in words, and what the reader may do with a group.
 */
import type { GroupCreateBodyInput, GroupResponse } from '../../../../functions/http/community/schemas.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { communityStrings, countedText, type Words } from './community.ts';

export const groupsStrings = [
  ...communityStrings,
  'groups.intro',
  'groups.list',
  'groups.none',
  'groups.open',
  'groups.invitation',
  'groups.members',
  'groups.members.one',
  'groups.membersOf',
  'groups.membersOf.one',
  'groups.owner',
  'groups.youOwn',
  'groups.youAreMember',
  'groups.join',
  'groups.leave',
  'groups.joined',
  'groups.left',
  'groups.confirmLeave',
  'groups.confirmLeaveInvitation',
  'groups.addUsername',
  'groups.add',
  'groups.added',
  'groups.memberList',
  'groups.remove',
  'groups.removeWho',
  'groups.confirmRemove',
  'groups.removed',
  'groups.create',
  'groups.name',
  'groups.theme',
  'groups.access',
  'groups.accessOpen',
  'groups.accessInvitation',
  'groups.createSubmit',
  'groups.created',
] as const satisfies readonly MessageKey[];

export interface GroupValues {
  name: string;
  theme: string;
  access: GroupCreateBodyInput['access'];
}

export const emptyGroup: GroupValues = { name: '', theme: '', access: 'open' };

export type GroupField = 'name' | 'theme';

/** The create form as the API's body, or which fields are missing (as dictionary keys). */
export function groupBody(typed: GroupValues): { body: GroupCreateBodyInput } | { problems: Partial<Record<GroupField, MessageKey>> } {
  const body: GroupCreateBodyInput = { name: typed.name.trim(), theme: typed.theme.trim(), access: typed.access };
  const problems: Partial<Record<GroupField, MessageKey>> = {};
  if (!body.name) problems.name = 'community.required';
  if (!body.theme) problems.theme = 'community.required';
  return Object.keys(problems).length ? { problems } : { body };
}

/** "1 member", "3 members"; with a limit "3 of 10 members", "1 of 1 member": the noun follows the number next to it. */
export function membersText(group: Pick<GroupResponse, 'memberCount' | 'maxMembers'>, words: Words, language: string): string {
  return group.maxMembers
    ? countedText(words, language, group.maxMembers, { one: 'groups.membersOf.one', other: 'groups.membersOf' }, { count: group.memberCount, max: group.maxMembers })
    : countedText(words, language, group.memberCount, { one: 'groups.members.one', other: 'groups.members' }, { count: group.memberCount });
}

/**
 * What the reader may do with a group: its owner manages it (and never
 * leaves), a member leaves, anyone else joins an open group; an
 * invitation-only group is joined only when its owner adds you.
 */
export function groupAction(group: Pick<GroupResponse, 'isOwner' | 'isMember' | 'access'>): 'manage' | 'leave' | 'join' | undefined {
  if (group.isOwner) return 'manage';
  if (group.isMember) return 'leave';
  return group.access === 'open' ? 'join' : undefined;
}
