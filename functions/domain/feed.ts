/**
 * The TwinSpace home (DOMAIN.md: "Every TwinSpace has a home feed of what
 * changed, newest first"): members' posts with their comments and likes, the
 * automatic entries written with the event that causes them, and the
 * teachers' board. Pure rules, no I/O:
 *
 * - what a type sees: every entry carries the area it belongs to, and a
 *   reader sees an entry only when the policy table lets their type read that
 *   area (read-public-area / read-pupils-area / read-teachers-area); posts,
 *   comments, a member joined and a label granted are public-area facts;
 * - who deletes what: a post or comment its author, or anyone who may
 *   'moderate' (teacher administrators: also automatic entries); a board note
 *   its author or a teacher administrator;
 * - the order: pinned posts on top (most recently pinned first), then the
 *   rest newest first, a pinned post never twice;
 * - text limits and how authors are named (pupils by first name).
 */
import { may, mayAtAll, type Action } from './policy.ts';
import { sharedName } from './roster.ts';
import type { TwinspaceType } from './twinspace-types.ts';

/** The areas of a TwinSpace an entry can belong to (DOMAIN.md, "What each type may do"). */
export const feedAreas = ['public', 'pupils', 'teachers'] as const;
export type FeedArea = (typeof feedAreas)[number];

/** What each kind of automatic entry and a member's post are called on the wire. */
export const feedKinds = ['post', 'page-published', 'thread-opened', 'event-added', 'member-joined', 'label-granted'] as const;
export type FeedKind = (typeof feedKinds)[number];

/** Text limits, in characters (code points), after trimming. */
export const feedLimits = {
  post: 5_000,
  comment: 2_000,
  note: 5_000,
  /** Posts pinned at once per project: the top of the home stays short. */
  pinned: 10,
} as const;

const readActionOf: Record<FeedArea, Action> = {
  public: 'read-public-area',
  pupils: 'read-pupils-area',
  teachers: 'read-teachers-area',
};

/** The areas whose entries a type reads on the home. */
export function visibleAreas(type: TwinspaceType): FeedArea[] {
  return feedAreas.filter((area) => mayAtAll(type, readActionOf[area]));
}

/** Whether a type sees an entry of this area. */
export const seesArea = (type: TwinspaceType, area: FeedArea): boolean => mayAtAll(type, readActionOf[area]);

/** Moderation is the policy table's 'moderate' row (teacher administrators). */
export const moderates = (type: TwinspaceType): boolean => may(type, 'moderate') === 'allow';

/** A post or a comment: its author, or a moderator (who also removes automatic entries, which have no author). */
export function mayDeleteHomeItem(type: TwinspaceType, callerId: string, authorId: string | undefined): boolean {
  return authorId === callerId || moderates(type);
}

/** A note of the teachers' board: its author or a teacher administrator (and only the project's teachers reach it at all). */
export function mayDeleteBoardNote(type: TwinspaceType, callerId: string, authorId: string): boolean {
  return mayAtAll(type, 'teachers-board') && (authorId === callerId || moderates(type));
}

/** How a member is named on the home: a pupil by first name only (roster.ts), adults in full. */
export const homeName = (member: { type: TwinspaceType; displayName: string }): string => sharedName(member);

/** Newest first: ISO times and ULIDs sort as plain strings (code units, no locale). */
const descending = (a: string, b: string): number => (a < b ? 1 : a > b ? -1 : 0);

export interface Ordered {
  entryId: string;
  area: FeedArea;
  pinnedAt?: string;
}

/**
 * One page of the home as a type reads it: the pinned posts (first page only,
 * most recently pinned first) on top, then the page's entries newest first,
 * minus what the reader may not see and minus the pinned ones (already on top).
 */
export function homePage<T extends Ordered>(type: TwinspaceType, pinned: T[], newest: T[]): { pinned: T[]; items: T[] } {
  const onTop = pinned
    .filter((entry) => entry.pinnedAt !== undefined && seesArea(type, entry.area))
    .sort((a, b) => descending(a.pinnedAt!, b.pinnedAt!) || descending(a.entryId, b.entryId));
  const pinnedIds = new Set(onTop.map((entry) => entry.entryId));
  const items = newest
    .filter((entry) => entry.pinnedAt === undefined && !pinnedIds.has(entry.entryId) && seesArea(type, entry.area))
    .sort((a, b) => descending(a.entryId, b.entryId));
  return { pinned: onTop, items };
}
