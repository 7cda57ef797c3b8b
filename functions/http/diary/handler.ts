/**
 * The Project Diary (API.md): GET /projects/{projectId}/diary — the entries
 * visible to me, newest first, paged; POST — a teacher of the project writes
 * an entry. A doubt (not hidden) waits in the inbox of every partner
 * country's NSS until one of them answers it.
 */
import { ulid } from 'ulid';
import { writeDiaryEntry as storeDiaryEntry, decodeDiaryCursor, listDiaryEntries as listStoredDiaryEntries, type DiaryEntry } from '../data/diary.ts';
import { partnerCountriesOf, waitsForAnswer } from '../domain/diary.ts';
import { callerOf } from '../lib/claims.ts';
import { tableStore } from '../lib/clients.ts';
import { encodeCursor } from '../lib/cursor.ts';
import { parseOr400 } from '../lib/errors.ts';
import { httpHandler, json } from '../lib/http.ts';
import { requireDiaryReader } from './diary-access.ts';
import { diaryEntryBody, diaryPageQuery, diaryPathParams, type DiaryEntryResponse, type DiaryPage } from './diary-schemas.ts';
import { requireTwinspaceAction } from './twinspace-access.ts';

export const listDiaryEntries = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { projectId } = parseOr400(diaryPathParams, event.pathParameters ?? {}, 'path');
  const query = parseOr400(diaryPageQuery, event.queryStringParameters ?? {}, 'query');
  const store = tableStore();
  const { view } = await requireDiaryReader(store, projectId, caller, { write: false });
  // The cursor is checked against the caller's own view: a cursor of another list (or another project) is a 400.
  const startKey = decodeDiaryCursor(query.cursor, projectId, view);
  const { entries, lastKey } = await listStoredDiaryEntries(store, projectId, { view, userId: caller.userId }, { limit: query.limit, startKey });
  const body: DiaryPage = { view, items: entries, nextCursor: encodeCursor(lastKey) };
  return json(200, body);
});

export const writeDiaryEntry = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { projectId } = parseOr400(diaryPathParams, event.pathParameters ?? {}, 'path');
  const store = tableStore();
  // The gate first: pupils, visitors and outsiders are refused whatever they send.
  const { project, membership } = await requireTwinspaceAction(store, projectId, caller, 'diary-private', { write: true });
  const request = parseOr400(diaryEntryBody, event.body ?? {}, 'body');
  const entry: DiaryEntry = {
    entryId: ulid(),
    projectId,
    kind: request.kind,
    visibility: request.visibility,
    title: request.title,
    body: request.body,
    author: { userId: caller.userId, displayName: membership.displayName, country: membership.country },
    createdAt: new Date().toISOString(),
    answeredAt: null,
    replies: [],
  };
  const countries = waitsForAnswer(entry) ? partnerCountriesOf(project.partners) : [];
  await storeDiaryEntry(store, entry, { countries, projectTitle: project.title });
  const body: DiaryEntryResponse = entry;
  return json(201, body);
});
