/** The Project Diary's routes in GET /openapi.json (functions/http/diary*.ts). */
import * as z from 'zod';
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
} from './diary-schemas.ts';
import type { Description } from './openapi-description.ts';

const jsonBody = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

export const diaryDescriptions: Record<string, Description> = {
  'list-diary-entries': {
    summary:
      "The diary entries I read, newest first, with their replies. The project's teachers ('team'): private, restricted, public and their own hidden entries; the NSS of a partner country ('nss'): every entry; any other signed-in teacher ('open'): restricted and public. Pupils, guests, evaluators and other countries' NSS: 403. A team page may hold fewer than `limit` entries; follow nextCursor",
    request: { params: diaryPathParams, query: diaryPageQuery },
    ok: diaryPage,
    errors: [400, 401, 403, 404, 409],
  },
  'write-diary-entry': {
    summary:
      "Write an entry {kind: activity|assessment|doubt, visibility: private|restricted|public|hidden, title (1..200), body (1..20,000 characters, trimmed)} (the project's teachers). A doubt that is not hidden waits in the NSS inbox of every partner country. Answers 201; a closed project: 409",
    request: { params: diaryPathParams, body: jsonBody(diaryEntryBody) },
    ok: diaryEntry,
    errors: [400, 401, 403, 404, 409],
  },
  'reply-to-diary-entry': {
    summary:
      "Reply {body (1..5,000)} to an entry I read: the NSS of a partner country answers or comments, the project's teachers comment. The author is notified; an NSS reply to a doubt answers it (it leaves every inbox). Answers 201 with the entry; an entry I do not read: 404; a closed project or a full entry: 409",
    request: { params: diaryEntryPathParams, body: jsonBody(diaryReplyBody) },
    ok: diaryEntry,
    errors: [400, 401, 403, 404, 409],
  },
  'export-diary': {
    summary:
      'The entries I read, oldest first with their replies, as one document: format=md (text/markdown, an attachment) or format=html (a printable text/html page). Same readers as the list',
    request: { params: diaryPathParams, query: diaryExportQuery },
    ok: z.string(),
    errors: [400, 401, 403, 404, 409],
  },
  'list-unanswered-doubts': {
    summary: "Doubts of my country's projects no NSS officer has answered yet, oldest first (NSS only; status=unanswered)",
    request: { query: nssDiaryQuery },
    ok: nssDiaryPage,
    errors: [400, 401, 403],
  },
};
