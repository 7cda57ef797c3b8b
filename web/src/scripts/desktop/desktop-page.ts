/**
 * The desktop page's rules, pure (no DOM; unit-tested in node): the strings
 * its island needs, and what each of my projects offers me, as my type
 * allows (the policy table) and its state: the TwinSpace, the Project Diary,
 * a Quality Label application (approved only), its partners and members,
 * close or reopen. The page itself is the Preact island desktop-island.tsx.
 */
import { hasTwinspace } from '../../../../functions/domain/project-lifecycle.ts';
import { may, mayAtAll } from '../../../../functions/domain/policy.ts';
import type { ProjectState } from '../../../../functions/domain/project-lifecycle.ts';
import type { TwinspaceType } from '../../../../functions/domain/twinspace-types.ts';
import type { BadgeVariant } from '../../components/kit/Badge.tsx';
import { labelKeys } from '../../i18n/labels.ts';
import type { MessageKey } from '../../i18n/index.ts';

/** Every dictionary entry the island reads (rendered into data-strings by the page). */
export const desktopStrings = [
  ...labelKeys,
  'desktop.account',
  'desktop.username',
  'desktop.name',
  'desktop.kind',
  'desktop.country',
  'desktop.myDesk',
  'desktop.profileLink',
  'security.link',
  'desktop.schoolLink',
  'desktop.partnersLink',
  'desktop.projects',
  'desktop.noProjects',
  'desktop.newProject',
  'desktop.invitations',
  'desktop.noInvitations',
  'desktop.nssLink',
  'desktop.myType',
  'desktop.state',
  'desktop.noType',
  'desktop.invitedBy',
  'desktop.accept',
  'desktop.decline',
  'desktop.confirmDecline',
  'desktop.accepted',
  'desktop.declined',
  'desktop.created',
  'desktop.mailLink',
  'desktop.mailUnread',
  'desktop.open',
  'desktop.actionsOf',
  'desktop.diaryLink',
  'desktop.labelLink',
  'desktop.membersLink',
  'desktop.close',
  'desktop.reopen',
  'desktop.cancel',
  'desktop.confirmClose',
  'desktop.confirmReopen',
  'desktop.closedDone',
  'desktop.reopenedDone',
  'community.groupsLink',
  'community.encountersLink',
  'community.resourcesLink',
  'evaluations.link',
  'common.loading',
  'common.busy',
  'common.error',
  'common.sessionExpired',
  'common.unreachable',
] as const satisfies readonly MessageKey[];

/** One thing a project offers on the desktop: a link to one of its pages, or a lifecycle step. */
export type ProjectAction = 'open' | 'diary' | 'label' | 'members' | 'close' | 'reopen';

/**
 * What this project offers me, in the order shown: nothing before its
 * TwinSpace exists or without a type in it; then as the policy table and
 * its state allow.
 */
export function projectActions(type: TwinspaceType | null | undefined, state: ProjectState): ProjectAction[] {
  if (!type || !hasTwinspace(state)) return [];
  const open = state === 'approved';
  const actions: ProjectAction[] = ['open'];
  if (mayAtAll(type, 'diary-private')) actions.push('diary');
  if (open && mayAtAll(type, 'apply-for-label')) actions.push('label');
  if (may(type, 'manage-members') === 'allow') actions.push('members');
  if (may(type, 'manage-project') === 'allow') actions.push(open ? 'close' : 'reopen');
  return actions;
}

/** What each action is called (link text or button label). */
export const actionLabel: Record<ProjectAction, MessageKey> = {
  open: 'desktop.open',
  diary: 'desktop.diaryLink',
  label: 'desktop.labelLink',
  members: 'desktop.membersLink',
  close: 'desktop.close',
  reopen: 'desktop.reopen',
};

/** A project's state as a badge: the words say it, the variant repeats its meaning. */
export function stateVariant(state: ProjectState): BadgeVariant {
  if (state === 'approved') return 'success';
  if (state === 'rejected') return 'danger';
  if (state === 'closed') return 'neutral';
  return 'info';
}
