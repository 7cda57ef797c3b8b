/**
 * PLACEHOLDER from the moderation core (issue 12, slice C) so functions/moderation/publishers.ts compiles:
 * helper F (pages + mailbox + materials) REPLACES this file's body with the real publisher(s), keeping the export names and the Publisher
 * signature (functions/moderation/publishers.ts): perform the write the pupil asked for, as the pupil
 * (held.authorId / authorName / authorType), with the surface's side effects; answer { published: true, itemId }
 * or { published: false, reason: 'gone' | 'changed' | 'closed' }.
 */
import type { HeldText } from '../../data/moderation.ts';
import type { TableStore } from '../../data/store.ts';
import type { PublishResult } from '../../moderation/publishers.ts';

// TODO(F (pages + mailbox + materials)): publish the held text.
export async function publishHeldMailboxMessage(_store: TableStore, _held: HeldText, _draft: Record<string, unknown>): Promise<PublishResult> {
  return { published: false, reason: 'gone' };
}
