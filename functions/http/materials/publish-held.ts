/**
 * The materials' publisher (functions/moderation/publishers.ts): when a
 * teacher releases a pupil's held album, folder or video link, it is added
 * now, as the pupil's, through the route's own functions
 * (create-material.ts): the same status at creation (a pupil member's waits
 * for publishing) and the same teachers told. The draft is parsed with the
 * route's own schema, so a teacher's edit obeys the same limits. A closed
 * project is 'closed'; a pupil whose type changed since is 'changed'.
 */
import type { HeldText } from '../../data/moderation.ts';
import type { TableStore } from '../../data/store.ts';
import { addRefusal } from '../../domain/material-rules.ts';
import { parseOr400 } from '../../lib/errors.ts';
import type { PublishResult } from '../../moderation/publishers.ts';
import { newMaterial, writeMaterial, type MaterialAuthor } from './create-material.ts';
import { materialCreateBody } from './schemas.ts';

/** 'material': the pupil's new material, added as theirs. */
export async function publishHeldMaterial(store: TableStore, held: HeldText, draft: Record<string, unknown>): Promise<PublishResult> {
  const { acknowledgePersonalData: _none, ...creation } = parseOr400(materialCreateBody, draft, 'body');
  const author: MaterialAuthor = { userId: held.authorId, type: held.authorType, name: held.authorName };
  if (addRefusal(author.type, creation.area)) return { published: false, reason: 'changed' };
  const material = newMaterial(held.projectId, author, creation);
  const outcome = await writeMaterial(store, material, author);
  if (outcome === 'written') return { published: true, itemId: material.materialId };
  return { published: false, reason: outcome === 'closed' ? 'closed' : 'changed' };
}
