/**
 * GET /nss/diary?status=unanswered: the doubts of my country's projects that
 * no NSS officer has answered yet, oldest first (NSS only). A sparse index:
 * a doubt's inbox items go in the transaction of the first NSS answer.
 */
import { listUnansweredDoubts as listStoredDoubts } from '../data/diary.ts';
import { decodeIndexCursor } from '../data/index-cursor.ts';
import { diaryIndex, diaryKeys } from '../data/keys.ts';
import { getUserProfile } from '../data/users.ts';
import { callerOf } from '../lib/claims.ts';
import { tableStore } from '../lib/clients.ts';
import { encodeCursor } from '../lib/cursor.ts';
import { forbidden, parseOr400 } from '../lib/errors.ts';
import { httpHandler, json } from '../lib/http.ts';
import { nssDiaryQuery, type NssDiaryPage } from './diary-schemas.ts';

export const listUnansweredDoubts = httpHandler(async (event) => {
  const caller = callerOf(event);
  const query = parseOr400(nssDiaryQuery, event.queryStringParameters ?? {}, 'query');
  const store = tableStore();
  const profile = await getUserProfile(store, caller.userId);
  if (profile?.kind !== 'nss') throw forbidden('Only NSS officers have an inbox of doubts.');
  // Only a cursor of my own country's inbox: a tampered one never peeks at another country's.
  const startKey = decodeIndexCursor(query.cursor, {
    gsi1pk: diaryIndex.unansweredPartition(profile.country),
    pkPrefix: diaryKeys.doubtPrefix,
    sk: diaryKeys.unansweredSk(profile.country),
  });
  const { doubts, lastKey } = await listStoredDoubts(store, profile.country, { limit: query.limit, startKey });
  const body: NssDiaryPage = { items: doubts, nextCursor: encodeCursor(lastKey) };
  return json(200, body);
});
