/**
 * GET /me/export (issue 11, GDPR): a person's own data as one JSON document, downloaded as a file.
 */
import * as z from 'zod';

const stored = z.record(z.string(), z.unknown());

export const myExportResponse = z.strictObject({
  format: z.literal('twinspace-export'),
  version: z.literal(1),
  exportedAt: z.string(),
  /** The profile as stored (no keys). */
  profile: stored,
  /** Every project I am a member of (my type there), founded or am invited to. */
  memberships: z.array(stored),
  /**
   * Everything the author index holds under me (data/README.md E1), oldest first: what I wrote (chat, forum, home,
   * pages, mail I sent, diary, materials, labels, agenda, reports) and what names me (mail sent to me).
   */
  written: z.array(stored.and(z.object({ entity: z.string().optional() }))),
});
export type MyExportResponse = z.infer<typeof myExportResponse>;
