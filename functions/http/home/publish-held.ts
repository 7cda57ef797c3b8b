/**
 * A pupil's held Home post or comment, released by a teacher (the moderation
 * registry, functions/moderation/publishers.ts): the write the pupil asked
 * for, as the pupil, through the same post-writes.ts as the home's routes
 * (the post's comment count, the writer's guards). 'gone' when the post a
 * comment was for was deleted meanwhile, 'closed' when the project was
 * closed, 'changed' when the pupil's type in the project is no longer the one
 * the write was allowed for (or the pupil left it).
 */
import type { HomeAuthor } from '../../data/feed.ts';
import type { HeldText } from '../../data/moderation.ts';
import type { TableStore } from '../../data/store.ts';
import type { RichDoc } from '../../domain/rich-text.ts';
import type { PublishResult } from '../../moderation/publishers.ts';
import { postDocument, writeComment, writePost, type HomeRefusal } from './post-writes.ts';

const authorOf = (held: HeldText): HomeAuthor => ({ userId: held.authorId, name: held.authorName, type: held.authorType });

const unpublished = (refusal: HomeRefusal): PublishResult => ({ published: false, reason: refusal === 'gone' || refusal === 'closed' ? refusal : 'changed' });

/** draft { body: a document } as handler.ts held it. */
export async function publishHeldHomePost(store: TableStore, held: HeldText, draft: Record<string, unknown>): Promise<PublishResult> {
  const document = await postDocument(store, held.projectId, (draft as { body: RichDoc }).body);
  const written = await writePost(store, held.projectId, authorOf(held), document);
  return 'refused' in written ? unpublished(written.refused) : { published: true, itemId: written.post.entryId };
}

/** target { postId }, draft { body: plain text } as handler.ts held them. */
export async function publishHeldHomeComment(store: TableStore, held: HeldText, draft: Record<string, unknown>): Promise<PublishResult> {
  const { postId } = held.target as { postId: string };
  const written = await writeComment(store, { projectId: held.projectId, postId }, authorOf(held), (draft as { body: string }).body);
  return 'refused' in written ? unpublished(written.refused) : { published: true, itemId: written.comment.commentId };
}
