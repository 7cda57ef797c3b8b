/**
 * Opening a thread and replying, once the caller is allowed: the one write
 * shared by the forum's routes (handler.ts) and by a teacher releasing a
 * pupil's held thread or reply (publish-held.ts), so both store, count and
 * announce on the home the same way.
 */
import { monotonicFactory } from 'ulid';
import * as forumStore from '../../data/forum.ts';
import type { ForumAuthor, Reply, Thread } from '../../data/forum.ts';
import type { StoredDocument } from '../../data/stored-document.ts';
import type { TableStore } from '../../data/store.ts';
import type { ForumArea } from '../../domain/forum.ts';
import { documentAreaOf } from '../../domain/rich-documents.ts';
import type { RichDoc } from '../../domain/rich-text.ts';
import { countOf } from '../../lib/observability.ts';
import { documentToSave } from '../rich-document.ts';

/** ULIDs from one factory are strictly increasing, so two replies of the same millisecond keep their order. */
export const newForumId = monotonicFactory();

/** A post's text, checked for its forum: its readers are the discussion's area's (threads and replies inherit it). */
export const forumDocument = (store: TableStore, projectId: string, body: RichDoc, area: ForumArea) =>
  documentToSave(store, projectId, body, { surface: 'forum-post', area: documentAreaOf('forum-post', area) });

/** Why nothing was written: the discussion or thread is gone, the project closed, or the author's type changed meanwhile. */
export type ForumRefusal = 'gone' | 'closed' | 'typeChanged';

const refusalOf = (outcome: Exclude<forumStore.ForumPostOutcome, 'written'>): ForumRefusal => (outcome === 'not-found' ? 'gone' : outcome);

/** Where a thread goes: its discussion, whose area it inherits. */
export interface ThreadPlace {
  projectId: string;
  discussionId: string;
  area: ForumArea;
}

/** A new thread, counted on its discussion, with the home's "thread opened" entry. */
export async function writeThread(
  store: TableStore,
  place: ThreadPlace,
  author: ForumAuthor,
  { title, document }: { title: string; document: StoredDocument },
): Promise<{ thread: Thread } | { refused: ForumRefusal }> {
  const now = new Date().toISOString();
  const thread: Thread = { threadId: newForumId(), ...place, title, ...document, ...author, createdAt: now, replyCount: 0, lastActivityAt: now };
  const outcome = await forumStore.putThread(store, thread);
  if (outcome !== 'written') return { refused: refusalOf(outcome) };
  countOf('ForumPostsWritten');
  return { thread };
}

/** Where a reply goes: its thread (and the discussion whose last activity it moves). */
export type ReplyPlace = Pick<Thread, 'projectId' | 'threadId' | 'discussionId' | 'area'>;

/** A new reply, counted on both copies of its thread. */
export async function writeReply(
  store: TableStore,
  place: ReplyPlace,
  author: ForumAuthor,
  document: StoredDocument,
): Promise<{ reply: Reply } | { refused: ForumRefusal }> {
  const reply: Reply = { replyId: newForumId(), threadId: place.threadId, projectId: place.projectId, ...document, ...author, createdAt: new Date().toISOString() };
  // A conflict with concurrent replies is retried inside putReply (transact()); 'not-found' only when the thread is really gone.
  const outcome = await forumStore.putReply(store, place, reply);
  if (outcome !== 'written') return { refused: refusalOf(outcome) };
  countOf('ForumPostsWritten');
  return { reply };
}
