/**
 * The moderation area's request and response shapes (issue 12), and the two pieces every guarded surface shares:
 * `acknowledgePersonalData` (a teacher resending after the personal-data warning) for its body, and `heldResponse`
 * (the 202 a pupil gets when their text is held) for its responses.
 */
import * as z from 'zod';
import { heldSurfaces } from '../../domain/moderation.ts';
// The kinds from the guard's types, not its index: the areas that import these schemas (every surface's routes) need no detector for them.
import { findingKinds } from '../../domain/pupil-guard/types.ts';
import { twinspaceTypes } from '../../domain/twinspace-types.ts';
import { pageQuery } from '../../lib/cursor.ts';
import { ulidString } from '../schemas.ts';
import { visibleText } from '../visible-text.ts';

/**
 * Every guarded surface's body takes this optional field: a teacher who got 409 PERSONAL_DATA_WARNING and confirmed
 * sends the same request again with it. Spread `personalDataAcknowledgement` into a body's z.object (strict bodies
 * refuse unknown fields).
 */
export const acknowledgePersonalData = z
  .literal(true)
  .optional()
  .describe('A teacher confirms personal data where pupils read it, after 409 PERSONAL_DATA_WARNING');
export const personalDataAcknowledgement = { acknowledgePersonalData };

const surface = z.enum(heldSurfaces);
const kind = z.enum(findingKinds);

/** What a pupil is told when their text is held (202 `{held}`). */
export const heldSummary = z.object({
  heldId: z.string(),
  surface,
  kinds: z.array(kind).describe('What the guard found, once each: the site says why in words for a child'),
  status: z.literal('held'),
});
export const heldResponse = z.object({ held: heldSummary }).describe('The text waits for a teacher: nothing was published');

const finding = z.object({
  kind,
  start: z.number().int().describe('UTF-16 offset into text: text.slice(start, end) is what was found'),
  end: z.number().int(),
});
const heldField = z.object({ field: z.string(), text: z.string(), findings: z.array(finding) });

const decisionFields = {
  projectId: z.string(),
  heldId: z.string(),
  surface,
  authorId: z.string(),
  authorName: z.string().describe('The pupil by first name'),
  authorType: z.enum(twinspaceTypes),
  heldAt: z.string(),
  target: z.record(z.string(), z.unknown()).describe("Where the text goes, in its surface's ids"),
  kinds: z.array(kind),
  status: z.enum(['held', 'released', 'edited', 'deleted']),
  decidedBy: z.string().optional(),
  decidedByName: z.string().optional(),
  decidedAt: z.string().optional(),
  clientId: z.string().optional(),
};

/** A held text as the teachers' queue shows it: the texts checked, with their findings to highlight. */
export const heldText = z.object({ ...decisionFields, fields: z.array(heldField) });
/** A decision as the project keeps it: who, when, what — not the pupil's words. */
export const heldDecision = z.object(decisionFields);
/** A pupil's own held text: while waiting, their own texts and findings; once decided, the outcome only. */
export const myHeldText = z.object({ ...decisionFields, fields: z.array(heldField).optional() });

export const pupilGuardSettings = z
  .object({
    allowAccountLinks: z.boolean().describe("Links to social accounts are not held (older pupils); e-mail, phone and address always are"),
    allowHandles: z.boolean().describe('@handles of social accounts are not held (older pupils)'),
  })
  .strict();

export const moderationPathParams = z.object({ projectId: ulidString });
export const heldPathParams = z.object({ projectId: ulidString, heldId: ulidString });

export const moderationQuery = pageQuery;
export const mineQuery = pageQuery.extend({ surface: surface.optional() });

export const moderationResponse = z.object({
  held: z.array(heldText).describe('Waiting, oldest first'),
  decided: z.array(heldDecision).describe('Decided, newest first, one page'),
  nextCursor: z.string().nullable().describe('The next page of decided'),
  settings: pupilGuardSettings,
});
export const mineResponse = z.object({ items: z.array(myHeldText), nextCursor: z.string().nullable() });

/** Edited texts must show something: a teacher who wants nothing published deletes instead. */
const editedText = visibleText({ max: 100_000, multiline: true });
export const releaseBody = z
  .object({
    fields: z
      .array(z.object({ field: z.string().min(1).max(100), text: editedText }).strict())
      .max(20)
      .optional()
      .describe("Without: released as written. With: the teacher's texts replace those fields (a rich document's field becomes paragraphs)"),
  })
  .strict();

export const decisionResponse = heldDecision;
