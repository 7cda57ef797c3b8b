/**
 * Release of a held text (issue 12): one publisher per surface performs the write the pupil asked for, as the
 * pupil (authorId / authorName / authorType from the held text), with the surface's own side effects
 * (notifications, live frames, counters). Each lives with its surface, which owns that write; this registry only
 * names them, so the moderation area's decision route reaches every surface through one map.
 *
 * A publisher answers 'gone' (the thread, post or page is no longer there), 'changed' (a page changed since the
 * pupil's edit) or 'closed' (the project is closed): the decision route answers 409 with that reason and nothing
 * changes — the text still waits.
 */
import type { HeldOutcome } from '../domain/moderation.ts';
import type { HeldSurface, HeldText } from '../data/moderation.ts';
import type { TableStore } from '../data/store.ts';
import { publishHeldChatMessage, tellHeldChatDecided } from '../chat/publish-held.ts';
import { publishHeldForumReply, publishHeldForumThread } from '../http/forum/publish-held.ts';
import { publishHeldHomeComment, publishHeldHomePost } from '../http/home/publish-held.ts';
import { publishHeldMailboxMessage } from '../http/mailbox/publish-held.ts';
import { publishHeldMaterial } from '../http/materials/publish-held.ts';
import { publishHeldPageCreate, publishHeldPageUpdate } from '../http/pages/publish-held.ts';

export type PublishRefusal = 'gone' | 'changed' | 'closed';
export type PublishResult = { published: true; itemId: string } | { published: false; reason: PublishRefusal };

/** `draft` is the pupil's request, or the teacher's edit of it (domain/moderation.ts editedDraft). */
export type Publisher = (store: TableStore, held: HeldText, draft: Record<string, unknown>) => Promise<PublishResult>;

export const publishers: Readonly<Record<HeldSurface, Publisher>> = {
  'chat-message': publishHeldChatMessage,
  'forum-thread': publishHeldForumThread,
  'forum-reply': publishHeldForumReply,
  'home-post': publishHeldHomePost,
  'home-comment': publishHeldHomeComment,
  'page-create': publishHeldPageCreate,
  'page-update': publishHeldPageUpdate,
  'mailbox-message': publishHeldMailboxMessage,
  material: publishHeldMaterial,
};

/**
 * What a surface does after any decision on its held text, once the decision is stored (the chat: a held-decided
 * frame to the pupil's own connections). Must not throw. The pupil's `pupil-text-decided` notification is sent for
 * every surface by the decision itself.
 */
export type DecisionListener = (store: TableStore, held: HeldText, outcome: HeldOutcome) => Promise<void>;

export const decisionListeners: Readonly<Partial<Record<HeldSurface, DecisionListener>>> = {
  'chat-message': tellHeldChatDecided,
};
