/**
 * What each TwinSpace type may do (DOMAIN.md, "What each type may do in a
 * TwinSpace"), as ONE table: every action × the five types. A cell is
 * 'allow', 'deny' or a named condition the caller must still check (e.g. a
 * member teacher edits only their own pages). Pure data, no I/O.
 */
import type { TwinspaceType } from './twinspace-types.ts';

export const actions = [
  'read-public-area',
  'read-pupils-area',
  'read-teachers-area',
  /** invite, create pupil accounts, change types, remove, reset a pupil's password */
  'manage-members',
  'edit-public-or-teachers-pages',
  'edit-pupils-pages',
  'publish-page',
  'forum-open-discussion',
  'forum-open-thread',
  'forum-reply',
  /** chat: read and send */
  'chat',
  /** delete anyone's message or post, mute a member for a time */
  'moderate',
  'edit-agenda',
  'write-mailbox',
  /** Project Diary: write and read private entries */
  'diary-private',
  'apply-for-label',
  /** manage partners, close and reopen the project */
  'manage-project',
  /** Home: write a post (every member reads posts; teacher administrators pin and delete any through 'moderate') */
  'home-post',
  /** Home: comment on a post, like it (once per member) and unlike it */
  'home-comment-like',
  /** The teachers' board: read and write notes only the project's teachers see */
  'teachers-board',
  /** Chat supervision (issue 9): delete any chat message, mute a pupil for a time */
  'supervise-chat',
  /** Close the pupils' chat outside lesson time and open it again */
  'open-pupils-chat',
  /** Report a chat message to the project's teacher administrators */
  'report-chat-message',
  /** Materials (issue 10): add an album, a folder or a video link, and upload into one's own album or folder */
  'add-material',
  /** Publish a pupil member's waiting material (as pages: teachers any area, a pupil administrator the pupils' area) */
  'publish-material',
  /** Delete a material and its objects: teacher administrators anything, others their own */
  'delete-material',
  /**
   * Issue 11 (GDPR erasure): erase a pupil of the project, their account and what they wrote (deleted, or kept as
   * "Former pupil"). The NSS of the pupil's country may too: not a TwinSpace type, so domain/erasure.ts decides that.
   */
  'erase-pupil',
  /** Issue 12: the moderation queue: read pupils' held texts and release, edit or delete them */
  'review-held-texts',
  /** Issue 12: my own held texts and what a teacher decided ("Waiting for a teacher") */
  'read-own-held-texts',
  /** Issue 12: the project's pupil guard settings (links, handles allowed for older pupils) */
  'set-pupil-guard',
] as const;
export type Action = (typeof actions)[number];

/** Conditions that narrow an allowance; the handler of that action enforces them. */
export const conditions = ['own pages', 'own activities only', 'pupils area only', 'to any member', "to the project's teachers", 'own materials'] as const;
export type Condition = (typeof conditions)[number];

export type Permission = 'allow' | 'deny' | Condition;

type Row = Record<TwinspaceType, Permission>;
const row = (
  teacherAdmin: Permission,
  memberTeacher: Permission,
  pupilAdmin: Permission,
  pupilMember: Permission,
  visitor: Permission,
): Row => ({
  'teacher-admin': teacherAdmin,
  'member-teacher': memberTeacher,
  'pupil-admin': pupilAdmin,
  'pupil-member': pupilMember,
  visitor,
});

export const policyTable: Readonly<Record<Action, Row>> = {
  'read-public-area': row('allow', 'allow', 'allow', 'allow', 'allow'),
  'read-pupils-area': row('allow', 'allow', 'allow', 'allow', 'deny'),
  'read-teachers-area': row('allow', 'allow', 'deny', 'deny', 'deny'),
  'manage-members': row('allow', 'deny', 'deny', 'deny', 'deny'),
  'edit-public-or-teachers-pages': row('allow', 'own pages', 'deny', 'deny', 'deny'),
  'edit-pupils-pages': row('allow', 'allow', 'allow', 'own activities only', 'deny'),
  // A pupil member does not publish: they submit a page for publishing (a later issue).
  'publish-page': row('allow', 'allow', 'pupils area only', 'deny', 'deny'),
  'forum-open-discussion': row('allow', 'allow', 'deny', 'deny', 'deny'),
  'forum-open-thread': row('allow', 'allow', 'allow', 'deny', 'deny'),
  'forum-reply': row('allow', 'allow', 'allow', 'allow', 'deny'),
  chat: row('allow', 'allow', 'allow', 'allow', 'deny'),
  moderate: row('allow', 'deny', 'deny', 'deny', 'deny'),
  'edit-agenda': row('allow', 'allow', 'deny', 'deny', 'deny'),
  'write-mailbox': row('to any member', 'to any member', "to the project's teachers", "to the project's teachers", 'deny'),
  'diary-private': row('allow', 'allow', 'deny', 'deny', 'deny'),
  'apply-for-label': row('allow', 'allow', 'deny', 'deny', 'deny'),
  'manage-project': row('allow', 'deny', 'deny', 'deny', 'deny'),
  'home-post': row('allow', 'allow', 'allow', 'allow', 'deny'),
  'home-comment-like': row('allow', 'allow', 'allow', 'allow', 'deny'),
  'teachers-board': row('allow', 'allow', 'deny', 'deny', 'deny'),
  'supervise-chat': row('allow', 'allow', 'deny', 'deny', 'deny'),
  'open-pupils-chat': row('allow', 'deny', 'deny', 'deny', 'deny'),
  'report-chat-message': row('allow', 'allow', 'allow', 'allow', 'deny'),
  'add-material': row('allow', 'allow', 'pupils area only', 'pupils area only', 'deny'),
  'publish-material': row('allow', 'allow', 'pupils area only', 'deny', 'deny'),
  'delete-material': row('allow', 'own materials', 'own materials', 'own materials', 'deny'),
  'erase-pupil': row('allow', 'deny', 'deny', 'deny', 'deny'),
  'review-held-texts': row('allow', 'allow', 'deny', 'deny', 'deny'),
  'read-own-held-texts': row('allow', 'allow', 'allow', 'allow', 'deny'),
  'set-pupil-guard': row('allow', 'deny', 'deny', 'deny', 'deny'),
};

/** The table's answer for one type and action. */
export function may(type: TwinspaceType, action: Action): Permission {
  return policyTable[action][type];
}

/** Allowed at all (fully or under a condition the handler then checks). */
export function mayAtAll(type: TwinspaceType, action: Action): boolean {
  return may(type, action) !== 'deny';
}
