/**
 * The Project Diary's routes: the project's teachers write entries; they, the
 * NSS of its countries and any other signed-in teacher read them as
 * visibility allows (a view of their own: access.ts), reply, export them; the
 * NSS keep an inbox of their country's unanswered doubts. Only writing an
 * entry goes through the TwinSpace gate ('diary-private'); the readers' gate
 * is the diary's own, so its 403/404/409 are declared.
 */
import * as z from 'zod';
import { area, route } from '../../lib/route.ts';
import {
  diaryEntry,
  diaryEntryBody,
  diaryEntryPathParams,
  diaryExportQuery,
  diaryPage,
  diaryPageQuery,
  diaryPathParams,
  diaryReplyBody,
  nssDiaryPage,
  nssDiaryQuery,
} from './schemas.ts';

/** The export's document: Markdown (format=md, the default) or a printable HTML page (format=html). */
const diaryDocument = {
  contentType: ['text/markdown; charset=utf-8', 'text/html; charset=utf-8'],
  schema: z.string().describe('The diary as Markdown (format=md), or as a printable HTML page served as text/html (format=html)'),
};

export const diaryRoutes = area('diary', {
  listDiaryEntries: route({
    name: 'list-diary-entries',
    method: 'GET',
    path: '/projects/{projectId}/diary',
    auth: 'jwt',
    summary:
      "The diary entries I read, newest first, with their replies. The project's teachers ('team'): private, restricted, public and their own hidden entries; the NSS of a partner country ('nss'): every entry; any other signed-in teacher ('open'): restricted and public. Pupils, guests, evaluators and other countries' NSS: 403. A team page may hold fewer than `limit` entries; follow nextCursor",
    params: diaryPathParams,
    query: diaryPageQuery,
    responses: { 200: diaryPage },
    errors: ['FORBIDDEN', 'NOT_FOUND', 'CONFLICT'],
  }),
  writeDiaryEntry: route({
    name: 'write-diary-entry',
    method: 'POST',
    path: '/projects/{projectId}/diary',
    auth: 'jwt',
    action: 'diary-private',
    summary:
      "Write an entry {kind: activity|assessment|doubt, visibility: private|restricted|public|hidden, title (1..200), body (a rich-text document or plain text, 1..20,000 characters; images of public-area albums only)} (the project's teachers). A doubt that is not hidden waits in the NSS inbox of every partner country. Answers 201; a closed project: 409",
    params: diaryPathParams,
    body: diaryEntryBody,
    responses: { 201: diaryEntry },
  }),
  replyToDiaryEntry: route({
    name: 'reply-to-diary-entry',
    method: 'POST',
    path: '/projects/{projectId}/diary/{entryId}/replies',
    auth: 'jwt',
    summary:
      "Reply {body (1..5,000)} to an entry I read: the NSS of a partner country answers or comments, the project's teachers comment. The author is notified; an NSS reply to a doubt answers it (it leaves every inbox). Answers 201 with the entry; an entry I do not read: 404; a closed project or a full entry: 409",
    params: diaryEntryPathParams,
    body: diaryReplyBody,
    responses: { 201: diaryEntry },
    errors: ['FORBIDDEN', 'NOT_FOUND', 'CONFLICT'],
  }),
  exportDiary: route({
    name: 'export-diary',
    method: 'GET',
    path: '/projects/{projectId}/diary/export',
    auth: 'jwt',
    summary:
      'The entries I read, oldest first with their replies, as one document: format=md (text/markdown, an attachment) or format=html (a printable text/html page). Same readers as the list',
    params: diaryPathParams,
    query: diaryExportQuery,
    responses: { 200: diaryDocument },
    errors: ['FORBIDDEN', 'NOT_FOUND', 'CONFLICT'],
  }),
  listUnansweredDoubts: route({
    name: 'list-unanswered-doubts',
    method: 'GET',
    path: '/nss/diary',
    auth: 'jwt',
    summary: "Doubts of my country's projects no NSS officer has answered yet, oldest first (NSS only; status=unanswered)",
    query: nssDiaryQuery,
    responses: { 200: nssDiaryPage },
    errors: ['FORBIDDEN'],
  }),
});
