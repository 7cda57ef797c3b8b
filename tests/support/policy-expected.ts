/**
 * DOMAIN.md's permission table ("What each type may do in a TwinSpace"),
 * transcribed by hand: the cells as written there, one row per action of
 * functions/domain/policy.ts, the columns in DOMAIN.md's order. Written once,
 * read by the unit test of the table (tests/unit/policy-table.test.ts) and by
 * the walk through the real APIs (tests/integration/policy-walk.test.ts), so
 * neither compares the code with itself: flipping a cell of policy.ts fails
 * both, and so does an action without a row here.
 *
 * Deliberately NOT derived from policy.ts: change a row only when DOMAIN.md
 * changes.
 */
import type { Permission } from '../../functions/domain/policy.ts';

/** DOMAIN.md's columns, in its order (checked against twinspaceTypes by the unit test). */
export const domainMdColumns = ['teacher-admin', 'member-teacher', 'pupil-admin', 'pupil-member', 'visitor'] as const;
export type DomainMdColumn = (typeof domainMdColumns)[number];

type Cells = readonly [string, string, string, string, string];

// | action | teacher-admin | member-teacher | pupil-admin | pupil-member | visitor |
export const domainMdTable: Readonly<Record<string, Cells>> = {
  'read-public-area': ['yes', 'yes', 'yes', 'yes', 'yes'],
  'read-pupils-area': ['yes', 'yes', 'yes', 'yes', 'no'],
  'read-teachers-area': ['yes', 'yes', 'no', 'no', 'no'],
  'manage-members': ['yes', 'no', 'no', 'no', 'no'],
  'edit-public-or-teachers-pages': ['yes', 'yes (own pages)', 'no', 'no', 'no'],
  'edit-pupils-pages': ['yes', 'yes', 'yes', 'own activities only', 'no'],
  'publish-page': ['yes', 'yes', "pupils' area only", 'no (submits for publishing)', 'no'],
  'forum-open-discussion': ['yes', 'yes', 'no', 'no', 'no'],
  'forum-open-thread': ['yes', 'yes', 'yes', 'no', 'no'],
  'forum-reply': ['yes', 'yes', 'yes', 'yes', 'no'],
  chat: ['yes', 'yes', 'yes', 'yes', 'no'],
  moderate: ['yes', 'no', 'no', 'no', 'no'],
  'edit-agenda': ['yes', 'yes', 'no', 'no', 'no'],
  'write-mailbox': ['to any member', 'to any member', "to the project's teachers", "to the project's teachers", 'no'],
  'diary-private': ['yes', 'yes', 'no', 'no', 'no'],
  'apply-for-label': ['yes', 'yes', 'no', 'no', 'no'],
  'manage-project': ['yes', 'no', 'no', 'no', 'no'],
  // Issue 8 (the home), as if DOMAIN.md said: "Home: write a post | yes | yes | yes | yes | no",
  // "Home: comment on a post, like it | yes | yes | yes | yes | no", "teachers' board: read and write notes | yes | yes | no | no | no".
  'home-post': ['yes', 'yes', 'yes', 'yes', 'no'],
  'home-comment-like': ['yes', 'yes', 'yes', 'yes', 'no'],
  'teachers-board': ['yes', 'yes', 'no', 'no', 'no'],
  // Issue 9 (a supervised chat), as if DOMAIN.md said: "chat: delete any message, mute a pupil | yes | yes | no | no | no"
  // ("Teachers delete any message … Teachers mute a pupil"), "chat: close and reopen the pupils' chat | yes | no | no | no | no"
  // ("A teacher administrator closes the pupils' chat"), "chat: report a message | yes | yes | yes | yes | no" ("Any member
  // reports a message"; visitors have no chat).
  'supervise-chat': ['yes', 'yes', 'no', 'no', 'no'],
  'open-pupils-chat': ['yes', 'no', 'no', 'no', 'no'],
  'report-chat-message': ['yes', 'yes', 'yes', 'yes', 'no'],
  // Issue 10 (materials), as if DOMAIN.md said: "materials: add albums, folders and videos | yes | yes | pupils' area only |
  // pupils' area only | no" ("Teachers add anywhere. Pupils add to the pupils' area"), "materials: publish a pupil member's
  // items | yes | yes | pupils' area only | no | no" ("wait for a teacher or pupil administrator to publish them, as pages
  // do"), "materials: delete | yes | own materials | own materials | own materials | no" ("Teacher administrators delete
  // anything; authors delete their own").
  'add-material': ['yes', 'yes', "pupils' area only", "pupils' area only", 'no'],
  'publish-material': ['yes', 'yes', "pupils' area only", 'no', 'no'],
  'delete-material': ['yes', 'own materials', 'own materials', 'own materials', 'no'],
  // Issue 11 (privacy), as if DOMAIN.md said: "erase a pupil's account and data | yes | no | no | no | no" ("A teacher
  // administrator of the pupil's project, or the NSS of the pupil's country, erases a pupil"; the NSS is no TwinSpace
  // type: tests/unit/erasure-rules.test.ts).
  'erase-pupil': ['yes', 'no', 'no', 'no', 'no'],
  // Issue 12 (a guard on what pupils share), as if DOMAIN.md said: "the moderation queue: release, edit or delete a
  // pupil's held text | yes | yes | no | no | no" ("In a moderation queue in the TwinSpace (teachers only)"), "my held
  // texts and their outcome | yes | yes | yes | yes | no" ("The pupil is told the outcome"; visitors write nothing),
  // "the pupil guard's settings | yes | no | no | no | no" ("A teacher administrator may allow links or handles").
  'review-held-texts': ['yes', 'yes', 'no', 'no', 'no'],
  'read-own-held-texts': ['yes', 'yes', 'yes', 'yes', 'no'],
  'set-pupil-guard': ['yes', 'no', 'no', 'no', 'no'],
};

/** The rows of the table, sorted: compare with the code's `actions` (every action has a row, every row is an action). */
export const domainMdActions = (): string[] => Object.keys(domainMdTable).sort();

/** One DOMAIN.md cell as written there. Throws for a row or column the table does not have. */
export function domainMdCell(action: string, type: string): string {
  const row = domainMdTable[action];
  const column = domainMdColumns.indexOf(type as DomainMdColumn);
  if (!row) throw new Error(`DOMAIN.md's table has no row for the action ${action}.`);
  if (column < 0) throw new Error(`DOMAIN.md's table has no column for the type ${type}.`);
  return row[column]!;
}

/** How a DOMAIN.md cell reads as a Permission of policy.ts. */
export function permissionOf(cell: string): Permission {
  if (cell === 'yes') return 'allow';
  if (cell.startsWith('no')) return 'deny';
  if (cell === 'yes (own pages)') return 'own pages';
  if (cell === "pupils' area only") return 'pupils area only';
  return cell as Permission;
}

/**
 * What the policy walk expects a probe to report: a conditional permission
 * ("own pages", "to the project's teachers", ...) counts as allowed, since the
 * probe makes the request that condition allows.
 */
export function expectedOutcome(action: string, type: string): 'allowed' | 'denied' {
  return permissionOf(domainMdCell(action, type)) === 'deny' ? 'denied' : 'allowed';
}
