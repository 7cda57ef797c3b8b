/**
 * The Project Diary (keys.ts patterns DY1–DY5). An entry lives under its
 * project, `DIARY#<ulid>` (time order), with its replies inside it (a
 * conversation is read whole, and bounded by a byte budget). Restricted and
 * public entries also carry the GSI1 keys of the project's 'open' list, so a
 * teacher from outside reads them with one Query and no filter. Each
 * unanswered doubt has one inbox item per partner country (sparse GSI1),
 * deleted in the transaction of the NSS's answer.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { isOpenToEveryTeacher, type DiaryKind, type DiaryView, type DiaryVisibility } from '../domain/diary.ts';
import { cursorRefused, parseCursorKey } from '../lib/cursor.ts';
import { diaryIndex, diaryKeys, keys, withAuthor, withoutKeys } from './keys.ts';
import { notificationPut, type Notification } from './notifications.ts';
import { queryAll, queryPage, type PartitionQuery } from './query.ts';
import type { TableStore } from './store.ts';
import { transact, type GuardedItem } from './transact.ts';
import { projectStillApproved } from './write-guards.ts';
import { withStoredDocument, type StoredDocument } from './stored-document.ts';
import type { RichDoc } from '../domain/rich-text.ts';

export interface DiaryPerson {
  userId: string;
  displayName: string;
  country: string;
}

export interface DiaryReply {
  replyId: string;
  author: DiaryPerson & { role: 'nss' | 'teacher' };
  body: string;
  createdAt: string;
}

/** An entry's text is a rich-text document (stored-document.ts); its replies stay plain text. */
export interface DiaryEntry extends StoredDocument {
  entryId: string;
  projectId: string;
  kind: DiaryKind;
  visibility: DiaryVisibility;
  title: string;
  author: DiaryPerson;
  createdAt: string;
  /** Doubts: when an NSS officer first answered; null while unanswered. */
  answeredAt: string | null;
  replies: DiaryReply[];
}

export interface UnansweredDoubt {
  entryId: string;
  projectId: string;
  projectTitle: string;
  title: string;
  author: DiaryPerson;
  createdAt: string;
}

/** Replies may fill an entry up to this many bytes in all (an item holds 400 KB; the entry's own texts stay below 90 KB). */
export const repliesByteBudget = 280_000;

/**
 * The teachers' comments stop here; the rest of the budget is the NSS's
 * alone, so however many comments a doubt gets, its NSS answer still fits:
 * 80 KB holds three answers of the longest (5,000 code points of 4 bytes
 * each, with the reply's JSON around them).
 */
export const teacherRepliesByteBudget = 200_000;

/** How many bytes of replies the entry may hold before this reply: an NSS reply may use the reserve, a teacher's may not. */
export const replyRoomFor = (role: DiaryReply['author']['role'], bytes: number) =>
  (role === 'nss' ? repliesByteBudget : teacherRepliesByteBudget) - bytes;

const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');

/** A stored entry; one written before rich text (a plain `body`) reads as paragraphs. */
export function toDiaryEntry(item: Record<string, unknown>): DiaryEntry {
  const { entity: _entity, inboxCountries: _inbox, authorId: _authorId, repliesBytes: _bytes, ...entry } = withoutKeys(item);
  return { ...(withStoredDocument(entry) as unknown as DiaryEntry), answeredAt: (entry.answeredAt as string | undefined) ?? null, replies: (entry.replies as DiaryReply[]) ?? [] };
}

/** The author's id as stored (for the hidden rule), without the rest of the entry. */
export const authorIdOf = (item: Record<string, unknown>) => item.authorId as string;

const withoutAnswer = ({ answeredAt: _answeredAt, ...entry }: DiaryEntry) => entry;

/** What writing an entry met: written, or the project was closed between the gate and the write. */
export type DiaryEntryWriteOutcome = 'written' | 'closed';

/** A new entry, and an inbox item per partner country for a doubt that waits for an answer; only while the project is approved. */
export async function writeDiaryEntry(
  store: TableStore,
  entry: DiaryEntry,
  inbox: { countries: string[]; projectTitle: string },
): Promise<DiaryEntryWriteOutcome> {
  const open = isOpenToEveryTeacher(entry.visibility) ? diaryIndex.openEntry(entry.projectId, entry.entryId) : {};
  const inboxItems = inbox.countries.map((country) => ({
    Put: {
      TableName: store.tableName,
      Item: {
        ...withAuthor(diaryKeys.unansweredDoubt(entry.entryId, country), entry.author.userId, entry.createdAt),
        ...diaryIndex.unansweredDoubt(country, entry.createdAt, entry.entryId),
        entity: 'unansweredDoubt',
        entryId: entry.entryId,
        projectId: entry.projectId,
        projectTitle: inbox.projectTitle,
        title: entry.title,
        author: entry.author,
        createdAt: entry.createdAt,
      } satisfies Record<string, unknown> & UnansweredDoubt,
    },
  }));
  const outcome = await transact(store, [
    projectStillApproved(store, entry.projectId),
    {
      guard: 'exists',
      Put: {
        TableName: store.tableName,
        Item: {
          ...withAuthor(diaryKeys.entry(entry.projectId, entry.entryId), entry.author.userId, entry.createdAt),
          ...open,
          entity: 'diaryEntry',
          // answeredAt is set by the first NSS answer; absent until then.
          ...withoutAnswer(entry),
          authorId: entry.author.userId,
          inboxCountries: inbox.countries,
          repliesBytes: 0,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    ...inboxItems,
  ]);
  if (outcome.written) return 'written';
  if (outcome.failed.includes('closed')) return 'closed';
  // A new ULID that is already taken: not a state the caller can act on.
  throw new Error(`Diary entry ${entry.entryId} already exists.`);
}

/** The stored entry item (keys included, for the hidden rule and the inbox countries). */
export async function getDiaryEntryItem(store: TableStore, projectId: string, entryId: string): Promise<Record<string, unknown> | undefined> {
  const result = await store.db.send(new GetCommand({ TableName: store.tableName, Key: diaryKeys.entry(projectId, entryId), ConsistentRead: true }));
  return result.Item;
}

/** What a reply met: added, the project closed meanwhile, or the entry's replies are full. */
export type DiaryReplyOutcome = 'added' | 'closed' | 'full';

/**
 * A reply appended to the entry, in one transaction with: the doubt leaving
 * every inbox (an NSS answer), and the author's notification (unless they
 * reply to themselves). Refused ('full') once the entry's replies are full:
 * for a teacher's comment, at `teacherRepliesByteBudget`; for an NSS reply,
 * at the whole `repliesByteBudget`, so teachers' comments never crowd out the
 * NSS's answer to a doubt.
 */
export async function addDiaryReply(
  store: TableStore,
  entryItem: Record<string, unknown>,
  reply: DiaryReply,
  effects: { answers: boolean; notification?: Notification },
): Promise<DiaryReplyOutcome> {
  const projectId = entryItem.projectId as string;
  const entryId = entryItem.entryId as string;
  const bytes = byteLength(JSON.stringify(reply));
  // The first answer's time stays, even when two NSS officers answer at once.
  const answering = effects.answers && !entryItem.answeredAt;
  const inboxCountries = answering ? ((entryItem.inboxCountries as string[] | undefined) ?? []) : [];
  const items: GuardedItem<'closed' | 'full'>[] = [
    projectStillApproved(store, projectId),
    {
      guard: 'full',
      Update: {
        TableName: store.tableName,
        Key: diaryKeys.entry(projectId, entryId),
        UpdateExpression: `SET replies = list_append(replies, :reply), repliesBytes = repliesBytes + :bytes${answering ? ', answeredAt = if_not_exists(answeredAt, :now)' : ''}`,
        ConditionExpression: 'attribute_exists(PK) AND repliesBytes <= :room',
        ExpressionAttributeValues: {
          ':reply': [reply],
          ':bytes': bytes,
          ':room': replyRoomFor(reply.author.role, bytes),
          ...(answering ? { ':now': reply.createdAt } : {}),
        },
      },
    },
    ...inboxCountries.map((country) => ({ Delete: { TableName: store.tableName, Key: diaryKeys.unansweredDoubt(entryId, country) } })),
    // The reply's place in the author index (its author's erasure and export find it there).
    {
      Put: {
        TableName: store.tableName,
        Item: { ...withAuthor(diaryKeys.replyRef(projectId, entryId, reply.replyId), reply.author.userId, reply.createdAt), entity: 'diaryReplyRef', projectId, entryId, replyId: reply.replyId },
      },
    },
  ];
  if (effects.notification) {
    items.push(notificationPut(store, effects.notification));
  }
  const outcome = await transact(store, items);
  if (outcome.written) return 'added';
  // A closed project explains everything else.
  return outcome.failed.includes('closed') ? 'closed' : 'full';
}

// ---------------------------------------------------------------------------
// Reads.

const openCursorKey = z.object({ PK: z.string().min(1), SK: z.string().min(1), GSI1PK: z.string().min(1), GSI1SK: z.string().min(1) }).strict();
const tableCursorKey = z.object({ PK: z.string().min(1), SK: z.string().min(1) }).strict();

/**
 * A cursor of one project's diary list, for the view it was given out in, or
 * 400: the 'open' list's key must name an entry of this project in the open
 * index; the other views' key an entry of this project.
 */
export function decodeDiaryCursor(cursor: string | undefined, projectId: string, view: DiaryView): Record<string, unknown> | undefined {
  if (cursor === undefined) return undefined;
  const pk = keys.projectPartition(projectId);
  if (view === 'open') {
    const key = parseCursorKey(cursor, openCursorKey);
    const inScope = key.PK === pk && key.GSI1PK === diaryIndex.openPartition(projectId) && key.SK === `${diaryKeys.entryPrefix}${key.GSI1SK}`;
    if (!inScope) throw cursorRefused();
    return key;
  }
  const key = parseCursorKey(cursor, tableCursorKey);
  if (key.PK !== pk || !key.SK.startsWith(diaryKeys.entryPrefix) || key.SK.length === diaryKeys.entryPrefix.length) throw cursorRefused();
  return key;
}

/** The Query of every entry a view reads, newest first (DY1, DY2). */
function diaryQuery(projectId: string, view: DiaryView, readerId: string): PartitionQuery {
  if (view === 'open') {
    return {
      IndexName: diaryIndex.indexName,
      KeyConditionExpression: 'GSI1PK = :open',
      ExpressionAttributeValues: { ':open': diaryIndex.openPartition(projectId) },
      ScanIndexForward: false,
    };
  }
  const entries = {
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :diary)',
    ScanIndexForward: false,
  };
  if (view === 'nss') return { ...entries, ExpressionAttributeValues: { ':pk': keys.projectPartition(projectId), ':diary': diaryKeys.entryPrefix } };
  // The team reads everything but other authors' hidden entries (drafts, withdrawn: few), so the filter drops little.
  return {
    ...entries,
    FilterExpression: 'visibility <> :hidden OR authorId = :me',
    ExpressionAttributeValues: { ':pk': keys.projectPartition(projectId), ':diary': diaryKeys.entryPrefix, ':hidden': 'hidden', ':me': readerId },
  };
}

/** One page of the entries this view reads, newest first. A team page may be short (filtered); the cursor still continues. */
export async function listDiaryEntries(
  store: TableStore,
  projectId: string,
  reader: { view: DiaryView; userId: string },
  page: { limit: number; startKey?: Record<string, unknown> },
): Promise<{ entries: DiaryEntry[]; lastKey?: Record<string, unknown> }> {
  const result = await queryPage(store, diaryQuery(projectId, reader.view, reader.userId), page);
  return { entries: result.items.map(toDiaryEntry), lastKey: result.lastKey };
}

/** Every entry this view reads, oldest first (the export). */
export async function allDiaryEntries(store: TableStore, projectId: string, reader: { view: DiaryView; userId: string }): Promise<DiaryEntry[]> {
  const items = await queryAll(store, { ...diaryQuery(projectId, reader.view, reader.userId), ScanIndexForward: true });
  return items.map(toDiaryEntry);
}

/** One page of a country's unanswered doubts, oldest first (DY4, sparse GSI1). */
export async function listUnansweredDoubts(
  store: TableStore,
  country: string,
  page: { limit: number; startKey?: Record<string, unknown> },
): Promise<{ doubts: UnansweredDoubt[]; lastKey?: Record<string, unknown> }> {
  const result = await queryPage(
    store,
    {
      IndexName: diaryIndex.indexName,
      KeyConditionExpression: 'GSI1PK = :inbox',
      ExpressionAttributeValues: { ':inbox': diaryIndex.unansweredPartition(country) },
      ScanIndexForward: true,
    },
    page,
  );
  const doubts = result.items.map((item) => {
    const { entity: _entity, ...doubt } = withoutKeys(item);
    return doubt as unknown as UnansweredDoubt;
  });
  return { doubts, lastKey: result.lastKey };
}

// ---------------------------------------------------------------------------
// The public project page (DY6).

/** A public entry as anyone sees it: no author and no replier by name (the public page shows nobody's name), and its document without its images' keys. */
export interface PublicDiaryEntry {
  entryId: string;
  kind: DiaryKind;
  title: string;
  content: RichDoc;
  createdAt: string;
  /** Doubts: when an NSS officer first answered; null while unanswered. */
  answeredAt: string | null;
  replies: { role: 'nss' | 'teacher'; body: string; createdAt: string }[];
}

/** How many entries of the 'open' list one public page reads at most per public entry it shows (restricted ones are dropped). */
const publicReadAhead = 3;

/**
 * One page of a project's PUBLIC entries, newest first (DY6): the 'open'
 * index (DY2: restricted and public entries) with FilterExpression
 * visibility = public, in ONE Query. The Query evaluates up to three times
 * `limit` entries; when more than `limit` public ones come back the page is
 * cut there and its cursor names the last entry shown (a DY2 key, so
 * decodeDiaryCursor(…, 'open') checks it). A page may be short when many
 * entries are restricted; the cursor still continues. Private and hidden
 * entries are not in the index at all; restricted ones never pass the filter.
 */
export async function listPublicDiaryEntries(
  store: TableStore,
  projectId: string,
  page: { limit: number; startKey?: Record<string, unknown> },
): Promise<{ entries: PublicDiaryEntry[]; lastKey?: Record<string, unknown> }> {
  const result = await queryPage(
    store,
    {
      IndexName: diaryIndex.indexName,
      KeyConditionExpression: 'GSI1PK = :open',
      FilterExpression: 'visibility = :public',
      ExpressionAttributeValues: { ':open': diaryIndex.openPartition(projectId), ':public': 'public' },
      ScanIndexForward: false,
    },
    { limit: Math.min(100, page.limit * publicReadAhead), startKey: page.startKey },
  );
  // The filter is the rule; this keeps it should the index ever hold more.
  const items = result.items.filter((item) => item.visibility === 'public');
  const shown = items.slice(0, page.limit);
  const last = shown.at(-1);
  const lastKey = items.length > page.limit && last ? { PK: last.PK, SK: last.SK, GSI1PK: last.GSI1PK, GSI1SK: last.GSI1SK } : result.lastKey;
  const entries = shown.map((item): PublicDiaryEntry => {
    const entry = toDiaryEntry(item);
    return {
      entryId: entry.entryId,
      kind: entry.kind,
      title: entry.title,
      content: entry.content,
      createdAt: entry.createdAt,
      answeredAt: entry.answeredAt,
      replies: entry.replies.map((reply) => ({ role: reply.author.role, body: reply.body, createdAt: reply.createdAt })),
    };
  });
  return { entries, lastKey };
}
