/**
 * The Members tab's rules, pure (no DOM; unit-tested in node): the strings
 * its island (members-island.tsx, manage-members.tsx) reads, which types a
 * member's kind may hold, who sees when a member was last seen, what
 * lowering one's own type takes away, and the management forms → the API's
 * bodies.
 */
import { allowedKinds, twinspaceTypes, type AccountKind, type TwinspaceType } from '../../../../../functions/domain/twinspace-types.ts';
import type { AddExistingMemberBodyInput, CreatePupilBodyInput } from '../../../../../functions/http/members/schemas.ts';
import type { MembersPage } from '../../../../../functions/http/schemas.ts';
import { labelKeys } from '../../../i18n/labels.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { actionsLost, lostActionKeys } from '../twinspace-tabs.ts';
import { erasureStrings } from '../../common/erase-strings.ts';

/** Every dictionary entry the island reads (rendered into data-strings by the page). */
export const membersStrings = [
  ...labelKeys,
  ...lostActionKeys,
  'twinspace.missingId',
  'twinspace.notFound',
  'twinspace.closed',
  'twinspace.members',
  'twinspace.noMembers',
  'common.loading',
  'common.busy',
  'common.error',
  'common.sessionExpired',
  'common.unreachable',
  'agendaMailbox.more',
  'members.lastSeen',
  'members.notSeen',
  'members.confirmLower',
  'members.lower',
  'home.cancel',
  'newProject.required',
  'manage.title',
  'manage.addExisting',
  'manage.username',
  'manage.type',
  'manage.add',
  'manage.added',
  'manage.createPupil',
  'manage.pupilName',
  'manage.pupilNameHint',
  'manage.create',
  'manage.secretTitle',
  'manage.secretUsername',
  'manage.secretPassword',
  'manage.secretNote',
  'manage.secretDone',
  'manage.roster',
  'manage.typeOf',
  'manage.changeType',
  'manage.typeChanged',
  'manage.remove',
  'manage.confirmRemove',
  'manage.removed',
  'manage.resetPassword',
  'manage.confirmReset',
  'manage.project',
  'manage.close',
  'manage.reopen',
  'manage.confirmClose',
  'manage.closedDone',
  'manage.reopened',
  ...erasureStrings,
] as const satisfies readonly MessageKey[];

/** A roster entry as the API sends it (lastSeenAt only to the project's teachers). */
export type Member = MembersPage['items'][number] & { lastSeenAt?: string };

/** The types a teacher administrator may give an existing account, and a new pupil. */
export const addTypes = ['member-teacher', 'teacher-admin', 'visitor'] as const satisfies readonly AddExistingMemberBodyInput['type'][];
export const pupilTypes = ['pupil-member', 'pupil-admin'] as const satisfies readonly CreatePupilBodyInput['type'][];

/** The types a member's kind may hold (a pupil only pupil types): the only choices offered. */
export const typesFor = (kind: string): TwinspaceType[] => twinspaceTypes.filter((type) => allowedKinds[type].includes(kind as AccountKind));

/** The project's teachers see when each member last opened the TwinSpace. */
export const seesLastSeen = (viewer: TwinspaceType | null | undefined): boolean => viewer === 'teacher-admin' || viewer === 'member-teacher';

/** The projects whose roster can be read (before approval there is none yet). */
export const hasRoster = (state: string): boolean => state === 'approved' || state === 'closed';

/** Lowering one's own type: the policy table's actions allowed now and not after, as dictionary keys (none: a raise, no question). */
export const lostKeys = (from: TwinspaceType, to: TwinspaceType): MessageKey[] => actionsLost(from, to).map((action) => `action.${action}` as const);

/** The add form → the API's body; undefined while the username is empty. */
export function addBody(username: string, type: AddExistingMemberBodyInput['type']): AddExistingMemberBodyInput | undefined {
  const trimmed = username.trim();
  return trimmed ? { username: trimmed, type } : undefined;
}

/** The new pupil form → the API's body; undefined while the name is empty. */
export function pupilBody(displayName: string, type: CreatePupilBodyInput['type']): CreatePupilBodyInput | undefined {
  const trimmed = displayName.trim();
  return trimmed ? { pupil: { displayName: trimmed }, type } : undefined;
}
