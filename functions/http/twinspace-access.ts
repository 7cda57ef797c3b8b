/**
 * The one gate of every TwinSpace route (pages, forum, agenda, mailbox,
 * diary, labels): the project, the caller's membership (one BatchGetItem),
 * the policy table's answer for the caller's type, and the project's state.
 *
 * Order, so every refusal says the true reason: unknown project 404; not a
 * member 403; the table denies the type 403; no TwinSpace yet 409; a write to
 * a closed project 409 (read-only for everyone). A named condition ('own
 * pages', "to the project's teachers", ...) is returned for the handler to
 * enforce, never treated as a plain allow.
 */
import type { ItemKey } from '../data/keys.ts';
import type { Membership } from '../data/memberships.ts';
import type { Project } from '../data/projects.ts';
import type { TableStore } from '../data/store.ts';
import type { UserProfile } from '../data/users.ts';
import { may, type Action, type Permission } from '../domain/policy.ts';
import { hasTwinspace, isWritable } from '../domain/project-lifecycle.ts';
import type { Caller } from '../lib/claims.ts';
import { conflict, forbidden } from '../lib/errors.ts';
import { requireMember } from './access.ts';

export interface TwinspaceAccess {
  project: Project;
  membership: Membership;
  /** The caller's profile, read in the gate's own round trip. */
  profile?: UserProfile;
  /** 'allow' or the condition the handler must still check. */
  permission: Exclude<Permission, 'deny'>;
  /** The items asked for `alongWith` that exist, read in the gate's own round trip. */
  alongside: Record<string, unknown>[];
}

/** Why a type is refused an action, in words a member understands. */
const refusals: Partial<Record<Action, string>> = {
  'read-pupils-area': "The pupils' area is for the project's teachers and pupils.",
  'read-teachers-area': "The teachers' area is for the project's teachers.",
  'edit-public-or-teachers-pages': "Only the project's teachers edit pages in this area.",
  'edit-pupils-pages': "Visitors do not edit pages in the pupils' area.",
  'publish-page': 'A teacher or a pupil administrator publishes pages; a pupil member marks theirs submittedForPublishing.',
  'forum-open-discussion': "Only the project's teachers open forum discussions.",
  'forum-open-thread': 'Your type in this project may not open forum threads.',
  'forum-reply': 'Visitors do not write in the forum.',
  'edit-agenda': "Only the project's teachers edit the agenda.",
  'write-mailbox': 'Visitors read the TwinSpace mailbox but do not write in it.',
  'diary-private': "The Project Diary's private entries are for the project's teachers and the NSS.",
  'apply-for-label': "Only the project's teachers apply for a Quality Label.",
  'manage-members': "Only the project's teacher administrators may manage its members.",
  'manage-project': "Only the project's teacher administrators change its TwinSpace's settings.",
  chat: 'Visitors do not take part in the chat.',
  'supervise-chat': "Only the project's teachers delete other members' messages and mute pupils.",
  'open-pupils-chat': "Only the project's teacher administrators close and reopen the pupils' chat.",
  'report-chat-message': 'Visitors do not take part in the chat.',
  'add-material': 'Visitors do not add materials.',
  'publish-material': 'A teacher or a pupil administrator publishes materials: yours waits for one of them.',
  'delete-material': 'Visitors do not delete materials.',
  'review-held-texts': "Only the project's teachers look at pupils' held texts.",
  'read-own-held-texts': 'Visitors do not write in the TwinSpace, so nothing of theirs waits for a teacher.',
  'set-pupil-guard': "Only the project's teacher administrators change what the pupil guard allows.",
};

/** The gate's words for a type the table denies this action (also for a handler that checks an item's area after the gate). */
export const refusalOf = (action: Action): string => refusals[action] ?? 'Your type in this project may not do this.';

export async function requireTwinspaceAction(
  store: TableStore,
  projectId: string,
  caller: Caller,
  action: Action,
  { write, alongWith = [] }: { write: boolean; alongWith?: ItemKey[] },
): Promise<TwinspaceAccess> {
  const { project, membership, profile, alongside } = await requireMember(store, projectId, caller, alongWith);
  const permission = may(membership.type, action);
  if (permission === 'deny') throw forbidden(refusalOf(action));
  if (!hasTwinspace(project.state)) throw conflict('The TwinSpace opens once the project is approved.');
  if (write && !isWritable(project.state)) throw conflict('The project is closed: its TwinSpace is read-only.');
  return { project, membership, profile, permission, alongside };
}
