/**
 * The Project Diary's function (routes.ts). The entries visible to me, newest
 * first, paged; a teacher of the project writes an entry (a doubt that is not
 * hidden waits in the inbox of every partner country's NSS until one of them
 * answers it); the NSS of a partner country answers (or comments on) any
 * entry, the project's teachers comment on those they read, the author is
 * notified in the same transaction and an NSS reply to a doubt takes it out of
 * every inbox; the whole diary as Markdown or a printable HTML page; the NSS's
 * inbox of unanswered doubts (a sparse index: a doubt's inbox items go in the
 * transaction of the first NSS answer).
 */
import { ulid } from 'ulid';
import {
  addDiaryReply,
  allDiaryEntries,
  authorIdOf,
  decodeDiaryCursor,
  getDiaryEntryItem,
  listDiaryEntries,
  listUnansweredDoubts,
  toDiaryEntry,
  writeDiaryEntry,
  type DiaryEntry,
  type DiaryReply,
} from '../../data/diary.ts';
import { decodeIndexCursor } from '../../data/index-cursor.ts';
import { diaryIndex, diaryKeys } from '../../data/keys.ts';
import type { Notification } from '../../data/notifications.ts';
import { getUserProfile } from '../../data/users.ts';
import { answersTheDoubt, mayReadEntry, mayReply, partnerCountriesOf, waitsForAnswer } from '../../domain/diary.ts';
import { documentAreaOf } from '../../domain/rich-documents.ts';
import { encodeCursor } from '../../lib/cursor.ts';
import { conflict, forbidden, notFound } from '../../lib/errors.ts';
import { countOf } from '../../lib/observability.ts';
import { areaHandler } from '../area.ts';
import { documentReply, documentToSave } from '../rich-document.ts';
import { requireDiaryReader } from './access.ts';
import { diaryHtml, diaryMarkdown } from './document.ts';
import { diaryRoutes } from './routes.ts';
import type { DiaryEntryResponse } from './schemas.ts';

const closedProject = () => conflict('The project is closed: its TwinSpace is read-only.');

/** An entry as the wire shows it: its text as plain text, document and image URLs (public-area images: the rule when it was written). */
async function entryResponseOf({ content, media, ...entry }: DiaryEntry): Promise<DiaryEntryResponse> {
  return { ...entry, ...(await documentReply({ content, media })) };
}

export const handler = areaHandler(diaryRoutes, {
  listDiaryEntries: async ({ caller, params: { projectId }, query, store }) => {
    const { view } = await requireDiaryReader(store, projectId, caller, { write: false });
    // The cursor is checked against the caller's own view: a cursor of another list (or another project) is a 400.
    const startKey = decodeDiaryCursor(query.cursor, projectId, view);
    const { entries, lastKey } = await listDiaryEntries(store, projectId, { view, userId: caller.userId }, { limit: query.limit, startKey });
    return { status: 200, body: { view, items: await Promise.all(entries.map(entryResponseOf)), nextCursor: encodeCursor(lastKey) } };
  },

  writeDiaryEntry: async ({ caller, params: { projectId }, body, twinspace: { project, membership }, store }) => {
    // Its readers reach beyond the TwinSpace (the NSS, any teacher, the public page): public-area images only.
    const document = await documentToSave(store, projectId, body.body, { surface: 'diary-entry', area: documentAreaOf('diary-entry') });
    const entry: DiaryEntry = {
      entryId: ulid(),
      projectId,
      kind: body.kind,
      visibility: body.visibility,
      title: body.title,
      ...document,
      author: { userId: caller.userId, displayName: membership.displayName, country: membership.country },
      createdAt: new Date().toISOString(),
      answeredAt: null,
      replies: [],
    };
    const countries = waitsForAnswer(entry) ? partnerCountriesOf(project.partners) : [];
    if ((await writeDiaryEntry(store, entry, { countries, projectTitle: project.title })) === 'closed') throw closedProject();
    countOf('DiaryEntriesWritten');
    return { status: 201, body: await entryResponseOf(entry) };
  },

  replyToDiaryEntry: async ({ caller, params: { projectId, entryId }, body, store }) => {
    const { view, membership, profile } = await requireDiaryReader(store, projectId, caller, { write: true });
    if (!mayReply(view)) throw forbidden("Only the project's teachers and the NSS of its countries reply in the Project Diary.");

    const entryItem = await getDiaryEntryItem(store, projectId, entryId);
    // An entry the caller may not read does not exist for them.
    if (!entryItem || !mayReadEntry(view, caller.userId, { visibility: entryItem.visibility as never, authorId: authorIdOf(entryItem) })) {
      throw notFound('No such diary entry.');
    }
    const entry = toDiaryEntry(entryItem);
    const replier = view === 'nss' ? profile! : membership!;
    const reply: DiaryReply = {
      replyId: ulid(),
      author: { userId: caller.userId, displayName: replier.displayName, country: replier.country, role: view === 'nss' ? 'nss' : 'teacher' },
      body: body.body,
      createdAt: new Date().toISOString(),
    };
    const notification: Notification | undefined =
      entry.author.userId === caller.userId
        ? undefined
        : {
            notificationId: ulid(),
            userId: entry.author.userId,
            topic: 'diary-reply',
            projectId,
            subjectId: entry.entryId,
            params: { entry: entry.title, by: reply.author.displayName, role: reply.author.role },
            about: reply.author.userId,
            title: view === 'nss' ? `The NSS answered "${entry.title}"` : `${reply.author.displayName} commented on "${entry.title}"`,
            body: body.body,
            createdAt: reply.createdAt,
          };
    const answers = answersTheDoubt(view, entry);
    const outcome = await addDiaryReply(store, entryItem, reply, { answers, notification });
    if (outcome === 'closed') throw closedProject();
    if (outcome === 'full') throw conflict('This entry has as many replies as it can hold: continue in a new entry.');
    // The first NSS answer to a doubt answers it; later replies are conversation.
    if (answers && !entry.answeredAt) countOf('DoubtsAnswered');
    return {
      status: 201,
      body: await entryResponseOf({ ...entry, answeredAt: entry.answeredAt ?? (answers ? reply.createdAt : null), replies: [...entry.replies, reply] }),
    };
  },

  /** The entries the caller reads (the same views as the list), oldest first, with their replies: one Markdown file or one printable HTML page. */
  exportDiary: async ({ caller, params: { projectId }, query: { format }, store }) => {
    const { project, view } = await requireDiaryReader(store, projectId, caller, { write: false });
    const entries = await allDiaryEntries(store, projectId, { view, userId: caller.userId });
    const document = { projectTitle: project.title, entries };
    // Both content types are declared; the header names the one of this format.
    const headers: Record<string, string> =
      format === 'html'
        ? { 'content-type': 'text/html; charset=utf-8' }
        : { 'content-type': 'text/markdown; charset=utf-8', 'content-disposition': `attachment; filename="project-diary-${projectId}.md"` };
    return { status: 200, body: format === 'html' ? diaryHtml(document) : diaryMarkdown(document), headers };
  },

  /** The doubts of my country's projects that no NSS officer has answered yet, oldest first (NSS only). */
  listUnansweredDoubts: async ({ caller, query, store }) => {
    const profile = await getUserProfile(store, caller.userId);
    if (profile?.kind !== 'nss') throw forbidden('Only NSS officers have an inbox of doubts.');
    // Only a cursor of my own country's inbox: a tampered one never peeks at another country's.
    const startKey = decodeIndexCursor(query.cursor, {
      gsi1pk: diaryIndex.unansweredPartition(profile.country),
      pkPrefix: diaryKeys.doubtPrefix,
      sk: diaryKeys.unansweredSk(profile.country),
    });
    const { doubts, lastKey } = await listUnansweredDoubts(store, profile.country, { limit: query.limit, startKey });
    return { status: 200, body: { items: doubts, nextCursor: encodeCursor(lastKey) } };
  },
});
