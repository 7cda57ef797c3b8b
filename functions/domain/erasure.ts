/**
 * Erasing a person (issue 11, GDPR): who may erase whom, and what each item
 * that names them becomes. Pure: no I/O. data/erasure.ts reads the items from
 * the author index (keys.ts `authorIndex`) and applies these fates.
 *
 * Who: a teacher administrator of a project the pupil belongs to (the policy
 * table's `erase-pupil` row), or the NSS of the pupil's country, erases a
 * pupil; the NSS of a teacher's country erases a teacher. Nobody else, nobody
 * of another kind (guests, NSS officers, evaluators are not erased here), and
 * nobody erases themselves here.
 *
 * What: the caller chooses a mode.
 * - `delete`: every item the person wrote goes (the items under it too: a
 *   thread's replies, a post's comments and likes, an album's files, as a
 *   moderator's delete does), and the counters that counted it count one
 *   fewer. An item that only names them (a mail they received, sent by
 *   someone else) stays, their name replaced by the marker.
 * - `keep`: every item stays, attributed to the marker ("Former pupil" /
 *   "Former teacher", which the site translates): names become the marker,
 *   their id the marker's id, their e-mail address and username go.
 * Either way the item leaves the author index, so nothing names them after.
 */
import { may } from './policy.ts';
import type { AccountKind, TwinspaceType } from './twinspace-types.ts';

export const erasureModes = ['delete', 'keep'] as const;
export type ErasureMode = (typeof erasureModes)[number];

/**
 * The marker an erased person's items carry instead of their name, and the id instead of theirs (former.ts): English,
 * so any other reader (an e-mail, an export) still reads sense; the site translates it.
 */
import { formerId, formerName, type ErasedKind } from './former.ts';

export { formerId, formerName, type ErasedKind };

// ---------------------------------------------------------------------------
// Who may erase whom.

export interface ErasureCaller {
  userId: string;
  kind: AccountKind;
  country?: string;
  /** The caller's type in each project the target belongs to (none when they share none). */
  typesInTargetProjects: readonly TwinspaceType[];
  /**
   * The caller began this erasure earlier (the target's profile says so): they may finish it although the
   * memberships that allowed them may already be gone (a fault mid-way is resumed by calling again).
   */
  began?: boolean;
}

export interface ErasureTarget {
  userId: string;
  kind: AccountKind;
  country?: string;
  /**
   * Projects (their titles) of which the target is the only teacher administrator: DOMAIN.md keeps at least one, so
   * another must be made one first (409).
   */
  lastTeacherAdminOf?: readonly string[];
}

export type ErasureVerdict = { allowed: true; as: 'teacher-admin' | 'nss'; kind: ErasedKind } | { allowed: false; status: 400 | 403 | 409; reason: string };

export function judgeErasure(caller: ErasureCaller, target: ErasureTarget): ErasureVerdict {
  if (caller.userId === target.userId) return { allowed: false, status: 403, reason: 'You cannot erase your own account here.' };
  if (target.kind !== 'pupil' && target.kind !== 'teacher') {
    return { allowed: false, status: 400, reason: 'Only pupils and teachers are erased here.' };
  }
  const sameCountry = caller.country !== undefined && caller.country === target.country;
  if (caller.kind === 'nss' && sameCountry) {
    const [project] = target.lastTeacherAdminOf ?? [];
    if (project !== undefined) {
      return { allowed: false, status: 409, reason: `This teacher is the last teacher administrator of “${project}”: make another teacher its administrator first.` };
    }
    return { allowed: true, as: 'nss', kind: target.kind };
  }
  if (caller.began && caller.kind === 'teacher' && target.kind === 'pupil') return { allowed: true, as: 'teacher-admin', kind: 'pupil' };
  if (target.kind === 'pupil' && caller.kind === 'teacher' && caller.typesInTargetProjects.some((type) => may(type, 'erase-pupil') === 'allow')) {
    return { allowed: true, as: 'teacher-admin', kind: 'pupil' };
  }
  return {
    allowed: false,
    status: 403,
    reason:
      target.kind === 'pupil'
        ? "Only a teacher administrator of the pupil's project, or the NSS of the pupil's country, erases a pupil."
        : "Only the NSS of the teacher's country erases a teacher.",
  };
}

/**
 * The NSS finds the person to erase by username (GET /nss/people): only an NSS officer asks (403 otherwise), and only
 * an account of their own country is answered. Another country's account answers as no account at all (404), so the
 * lookup never tells whether a username exists elsewhere.
 */
export type NssLookupVerdict<T> = { found: T } | { status: 403 | 404; reason: string };

export function judgeNssLookup<T extends { country?: string }>(caller: { kind: AccountKind; country?: string } | undefined, target: T | undefined): NssLookupVerdict<T> {
  if (caller?.kind !== 'nss') return { status: 403, reason: 'Only NSS officers find people by username here.' };
  if (target === undefined || caller.country === undefined || target.country !== caller.country) {
    return { status: 404, reason: 'No account of your country has this username.' };
  }
  return { found: target };
}

// ---------------------------------------------------------------------------
// What each item becomes.

/** Work that goes with deleting an item (data/erasure.ts turns each into keys). */
export type DeleteEffect =
  /** a forum reply: both copies of its thread count one reply fewer */
  | 'uncount-thread-reply'
  /** a thread's header: its discussion counts one thread fewer; the thread's partition (its replies) goes */
  | 'uncount-discussion-thread'
  | 'delete-thread-replies'
  /** a discussion: its thread listings go (threads of others under it are no longer reached) */
  | 'delete-discussion-listings'
  /** a home comment / like: its post counts one fewer */
  | 'uncount-post-comment'
  | 'uncount-post-like'
  /** a home post: its comments and likes go; a pinned one frees its pin */
  | 'delete-post-children'
  | 'unpin'
  /** an album or folder: its files go */
  | 'delete-material-files'
  /** a desktop mail not yet read: its recipient's unread mark goes with it */
  | 'uncount-unread-mail';

export type ItemFate =
  | { do: 'delete'; effects: DeleteEffect[] }
  /** Top-level attributes to set and to remove (always the author index keys). */
  | { do: 'rewrite'; set: Record<string, unknown>; remove: string[] }
  /** A diary reply lives in its entry's list: the entry's reply is deleted or renamed, then this pointer goes. */
  | { do: 'diary-reply'; projectId: string; entryId: string; replyId: string };

type Item = Record<string, unknown>;

const asObject = (value: unknown): Item | undefined => (value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Set) ? (value as Item) : undefined);
const idIn = (value: unknown): string | undefined => asObject(value)?.userId as string | undefined;

/** Who wrote the item (its author, sender, applicant, reporter, liker, or the member a home entry says joined). */
export function authorOf(item: Item): string | undefined {
  return (
    (item.authorId as string | undefined) ??
    idIn(item.author) ??
    idIn(item.by) ??
    idIn(item.member) ??
    idIn(item.createdBy) ??
    idIn(item.from) ??
    (item.applicantId as string | undefined) ??
    (item.reporterId as string | undefined) ??
    (item.entity === 'feedLike' ? (item.userId as string | undefined) : undefined)
  );
}

/** Fields that identify a person beside their name: they go with the person. */
const identifying = ['email', 'username'];
const nameFields = ['name', 'displayName'];

/** A copy of `value` in which every mention of `userId` is the marker (deep: nested people, lists of replies). */
export function renamed(value: unknown, userId: string, kind: ErasedKind): unknown {
  if (Array.isArray(value)) return value.map((entry) => renamed(entry, userId, kind));
  const object = asObject(value);
  if (!object) return value;
  const copy: Item = {};
  for (const [field, inner] of Object.entries(object)) copy[field] = renamed(inner, userId, kind);
  if (object.userId === userId) {
    copy.userId = formerId[kind];
    for (const field of nameFields) if (field in copy) copy[field] = formerName[kind];
    for (const field of identifying) delete copy[field];
  }
  for (const [idField, nameField] of [
    ['authorId', 'authorName'],
    ['applicantId', 'applicantName'],
    ['reporterId', 'reporterName'],
    ['ownerId', 'ownerName'],
  ] as const) {
    if (object[idField] === userId) {
      copy[idField] = formerId[kind];
      if (nameField in copy) copy[nameField] = formerName[kind];
    }
  }
  return copy;
}

const keyAttributes = new Set(['PK', 'SK', 'GSI2PK', 'GSI2SK']);
const indexAttributes = ['GSI2PK', 'GSI2SK'];

/** The same value, compared as stored (sets by their members). */
const same = (a: unknown, b: unknown) => JSON.stringify(a, (_key, inner) => (inner instanceof Set ? [...inner] : inner)) === JSON.stringify(b, (_key, inner) => (inner instanceof Set ? [...inner] : inner));

/** The rewrite that attributes `item` to the marker: only the attributes that change, and out of the author index. */
export function rewriteFor(item: Item, userId: string, kind: ErasedKind): Extract<ItemFate, { do: 'rewrite' }> {
  const next = renamed(item, userId, kind) as Item;
  // A draft page is listed under its author's id (GSI1SK = <authorId>#<pageId>): the marker's id there too.
  if (typeof item.GSI1SK === 'string' && item.GSI1SK.startsWith(`${userId}#`)) next.GSI1SK = `${formerId[kind]}#${item.GSI1SK.slice(userId.length + 1)}`;
  const set: Item = {};
  for (const [field, value] of Object.entries(next)) if (!keyAttributes.has(field) && !same(value, item[field])) set[field] = value;
  return { do: 'rewrite', set, remove: indexAttributes.filter((field) => field in item) };
}

/** What deleting an item of this entity brings with it. */
const deleteEffects: Readonly<Record<string, DeleteEffect[]>> = {
  chatMessage: [],
  messageReport: [],
  discussion: ['delete-discussion-listings'],
  thread: ['uncount-discussion-thread', 'delete-thread-replies'],
  threadListing: [],
  reply: ['uncount-thread-reply'],
  feedEntry: [],
  feedComment: ['uncount-post-comment'],
  feedLike: ['uncount-post-like'],
  boardNote: [],
  page: [],
  material: ['delete-material-files'],
  'material-file': [],
  labelApplication: [],
  projectLabel: [],
  agendaEvent: [],
  mailboxMessage: [],
  desktopMail: [],
  diaryEntry: [],
  unansweredDoubt: [],
};

/**
 * The fate of one item the author index found under `userId`. In `keep` mode
 * everything is rewritten; in `delete` mode what they wrote goes and what only
 * names them is rewritten. An entity this table does not know is rewritten
 * (never deleted by guess): the name still goes.
 */
export function fateOf(item: Item, erased: { userId: string; kind: ErasedKind }, mode: ErasureMode): ItemFate {
  if (item.entity === 'diaryReplyRef') {
    return { do: 'diary-reply', projectId: item.projectId as string, entryId: item.entryId as string, replyId: item.replyId as string };
  }
  // Someone else's notice that names them ("Lucía sent you a message"): it goes in either mode (it expires in 90 days anyway).
  if (item.entity === 'notification') return { do: 'delete', effects: [] };
  // A held text (issue 12) is the pupil's own words waiting, or the record that they were held: it goes with the pupil in either mode.
  if (item.entity === 'heldText') return { do: 'delete', effects: [] };
  const effects = deleteEffects[item.entity as string];
  if (mode === 'delete' && effects && authorOf(item) === erased.userId) {
    const extra: DeleteEffect[] = [];
    if (item.entity === 'feedEntry' && item.kind === 'post') extra.push('delete-post-children', ...(item.pinnedAt ? (['unpin'] as const) : []));
    if (item.entity === 'desktopMail' && item.folder === 'inbox' && !item.readAt) extra.push('uncount-unread-mail');
    return { do: 'delete', effects: [...effects, ...extra] };
  }
  return rewriteFor(item, erased.userId, erased.kind);
}

/** A diary reply's fate inside its entry: gone (delete mode, their own reply) or renamed. */
export function diaryReplyFate(reply: Item, erased: { userId: string; kind: ErasedKind }, mode: ErasureMode): { do: 'remove' } | { do: 'replace'; reply: Item } {
  if (mode === 'delete' && idIn(reply.author) === erased.userId) return { do: 'remove' };
  return { do: 'replace', reply: renamed(reply, erased.userId, erased.kind) as Item };
}
