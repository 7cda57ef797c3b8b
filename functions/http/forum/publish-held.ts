/**
 * A pupil's held thread or reply, released by a teacher (the moderation
 * registry, functions/moderation/publishers.ts): the write the pupil asked
 * for, as the pupil, through the same post-writes.ts as the forum's routes
 * (counters, the home's "thread opened" entry). 'gone' when the discussion or
 * thread was deleted meanwhile, 'closed' when the project was closed,
 * 'changed' when the pupil's type in the project is no longer the one the
 * write was allowed for (or the pupil left it).
 */
import type { ForumAuthor } from '../../data/forum.ts';
import type { HeldText } from '../../data/moderation.ts';
import type { TableStore } from '../../data/store.ts';
import type { ForumArea } from '../../domain/forum.ts';
import type { RichDoc } from '../../domain/rich-text.ts';
import type { PublishResult } from '../../moderation/publishers.ts';
import { forumDocument, writeReply, writeThread, type ForumRefusal } from './post-writes.ts';

const authorOf = (held: HeldText): ForumAuthor => ({ authorId: held.authorId, authorName: held.authorName, authorType: held.authorType });

const unpublished = (refusal: ForumRefusal): PublishResult => ({ published: false, reason: refusal === 'typeChanged' ? 'changed' : refusal });

/** target { discussionId, area }, draft { title, body } as handler.ts held them. */
export async function publishHeldForumThread(store: TableStore, held: HeldText, draft: Record<string, unknown>): Promise<PublishResult> {
  const { discussionId, area } = held.target as { discussionId: string; area: ForumArea };
  const { title, body } = draft as { title: string; body: RichDoc };
  const document = await forumDocument(store, held.projectId, body, area);
  const written = await writeThread(store, { projectId: held.projectId, discussionId, area }, authorOf(held), { title, document });
  return 'refused' in written ? unpublished(written.refused) : { published: true, itemId: written.thread.threadId };
}

/** target { discussionId, threadId, area }, draft { body } as handler.ts held them. */
export async function publishHeldForumReply(store: TableStore, held: HeldText, draft: Record<string, unknown>): Promise<PublishResult> {
  const { discussionId, threadId, area } = held.target as { discussionId: string; threadId: string; area: ForumArea };
  const { body } = draft as { body: RichDoc };
  const document = await forumDocument(store, held.projectId, body, area);
  const written = await writeReply(store, { projectId: held.projectId, threadId, discussionId, area }, authorOf(held), document);
  return 'refused' in written ? unpublished(written.refused) : { published: true, itemId: written.reply.replyId };
}
