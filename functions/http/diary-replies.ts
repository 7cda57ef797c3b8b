/**
 * POST /projects/{projectId}/diary/{entryId}/replies: the NSS of a partner
 * country answers (or comments on) any entry; the project's teachers comment
 * on the entries they read. The author is notified in the same transaction;
 * an NSS reply to a doubt answers it and takes it out of every inbox.
 */
import { ulid } from 'ulid';
import { addDiaryReply, authorIdOf, getDiaryEntryItem, toDiaryEntry, type DiaryReply } from '../data/diary.ts';
import type { Notification } from '../data/notifications.ts';
import { answersTheDoubt, mayReadEntry, mayReply } from '../domain/diary.ts';
import { callerOf } from '../lib/claims.ts';
import { tableStore } from '../lib/clients.ts';
import { forbidden, notFound, parseOr400 } from '../lib/errors.ts';
import { httpHandler, json } from '../lib/http.ts';
import { requireDiaryReader } from './diary-access.ts';
import { diaryEntryPathParams, diaryReplyBody, type DiaryEntryResponse } from './diary-schemas.ts';

export const replyToDiaryEntry = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { projectId, entryId } = parseOr400(diaryEntryPathParams, event.pathParameters ?? {}, 'path');
  const store = tableStore();
  const { view, membership, profile } = await requireDiaryReader(store, projectId, caller, { write: true });
  if (!mayReply(view)) throw forbidden("Only the project's teachers and the NSS of its countries reply in the Project Diary.");
  const request = parseOr400(diaryReplyBody, event.body ?? {}, 'body');

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
    body: request.body,
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
          title: view === 'nss' ? `The NSS answered "${entry.title}"` : `${reply.author.displayName} commented on "${entry.title}"`,
          body: request.body,
          createdAt: reply.createdAt,
        };
  const answers = answersTheDoubt(view, entry);
  await addDiaryReply(store, entryItem, reply, { answers, notification });
  const body: DiaryEntryResponse = {
    ...entry,
    answeredAt: entry.answeredAt ?? (answers ? reply.createdAt : null),
    replies: [...entry.replies, reply],
  };
  return json(201, body);
});
