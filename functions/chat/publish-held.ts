/**
 * PLACEHOLDER from the moderation core (issue 12, slice C) so functions/moderation/publishers.ts compiles:
 * helper D (chat) REPLACES this file's body with the real publisher(s), keeping the export names and the Publisher
 * signature (functions/moderation/publishers.ts): perform the write the pupil asked for, as the pupil
 * (held.authorId / authorName / authorType), with the surface's side effects; answer { published: true, itemId }
 * or { published: false, reason: 'gone' | 'changed' | 'closed' }.
 */
import type { HeldText } from '../data/moderation.ts';
import type { TableStore } from '../data/store.ts';
import type { PublishResult } from '../moderation/publishers.ts';

// TODO(D (chat)): publish the held text.
export async function publishHeldChatMessage(_store: TableStore, _held: HeldText, _draft: Record<string, unknown>): Promise<PublishResult> {
  return { published: false, reason: 'gone' };
}

/**
 * Called by the decision route after any decision on a held chat message (released, edited or deleted), once the
 * decision is stored: D posts `{ type: 'held-decided', projectId, heldId, outcome }` to the pupil's own connections.
 * Must not throw (the decision is made; a frame that cannot be posted is logged).
 */
// TODO(D (chat)): send the held-decided frame.
export async function tellHeldChatDecided(_store: TableStore, _held: HeldText, _outcome: 'released' | 'edited' | 'deleted'): Promise<void> {}
