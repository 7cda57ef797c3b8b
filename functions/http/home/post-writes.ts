/**
 * A Home post and a comment, once the caller is allowed: the one write shared
 * by the home's routes (handler.ts) and by a teacher releasing a pupil's held
 * post or comment (publish-held.ts), so both store and count the same way
 * (the post counts its comments, the writer's guards hold).
 */
import { createComment, createPost, newFeedId, type HomeAuthor, type HomeComment, type HomeWriteOutcome, type PostEntry } from '../../data/feed.ts';
import type { StoredDocument } from '../../data/stored-document.ts';
import type { TableStore } from '../../data/store.ts';
import { documentAreaOf } from '../../domain/rich-documents.ts';
import type { RichDoc } from '../../domain/rich-text.ts';
import { countOf } from '../../lib/observability.ts';
import { documentToSave } from '../rich-document.ts';

/** Every member reads Home posts, visitors too: public-area images only. */
export const postDocument = (store: TableStore, projectId: string, body: RichDoc) =>
  documentToSave(store, projectId, body, { surface: 'home-post', area: documentAreaOf('home-post') });

export type HomeRefusal = Exclude<HomeWriteOutcome, 'written'>;

const writerOf = (author: HomeAuthor) => ({ userId: author.userId, type: author.type });

/** A member's post on the home (public area), with the writer's guards. */
export async function writePost(store: TableStore, projectId: string, author: HomeAuthor, document: StoredDocument): Promise<{ post: PostEntry } | { refused: HomeRefusal }> {
  const post: PostEntry = { entryId: newFeedId(), projectId, area: 'public', createdAt: new Date().toISOString(), kind: 'post', ...document, author, likeCount: 0, commentCount: 0 };
  const outcome = await createPost(store, post, writerOf(author));
  if (outcome !== 'written') return { refused: outcome };
  countOf('HomeWrites');
  return { post };
}

/** A comment on a post, counted on it ('gone' when the post is no longer there). */
export async function writeComment(store: TableStore, where: { projectId: string; postId: string }, author: HomeAuthor, body: string): Promise<{ comment: HomeComment } | { refused: HomeRefusal }> {
  const comment: HomeComment = { commentId: newFeedId(), ...where, body, author, createdAt: new Date().toISOString() };
  const outcome = await createComment(store, comment, writerOf(author));
  if (outcome !== 'written') return { refused: outcome };
  countOf('HomeWrites');
  return { comment };
}
