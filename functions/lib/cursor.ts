/**
 * Opaque pagination cursors: base64url of DynamoDB's LastEvaluatedKey. On the
 * way back in a cursor is validated and must point into the partition being
 * queried (and the same kind of item), so a tampered cursor is a 400, never a
 * peek at someone else's partition.
 */
import * as z from 'zod';
import { validationFailed } from './errors.ts';

const tableKey = z.object({ PK: z.string().min(1), SK: z.string().min(1) }).strict();
export type TableKey = z.infer<typeof tableKey>;

export function encodeCursor(lastEvaluatedKey: Record<string, unknown> | undefined): string | null {
  if (!lastEvaluatedKey) return null;
  return Buffer.from(JSON.stringify(lastEvaluatedKey), 'utf8').toString('base64url');
}

/** The one answer to a cursor this API did not give out (or gave out for another list). */
export const cursorRefused = () =>
  validationFailed('The cursor is not valid.', [{ field: 'query.cursor', message: 'Not a cursor this list gave out.' }]);

/** Reads a cursor's key into `keyShape`, or throws the 400; the caller still checks it points into its own list. */
export function parseCursorKey<Key>(cursor: string, keyShape: z.ZodType<Key>): Key {
  if (!/^[A-Za-z0-9_-]{1,2048}$/.test(cursor)) throw cursorRefused();
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw cursorRefused();
  }
  const parsed = keyShape.safeParse(decoded);
  if (!parsed.success) throw cursorRefused();
  return parsed.data;
}

/** Decodes a cursor for a Query of partition `pk` over sort keys starting with `skPrefix`. */
export function decodeCursor(cursor: string | undefined, pk: string, skPrefix: string): TableKey | undefined {
  if (cursor === undefined) return undefined;
  const key = parseCursorKey(cursor, tableKey);
  if (key.PK !== pk || !key.SK.startsWith(skPrefix)) throw cursorRefused();
  return key;
}

/** `?limit=&cursor=` of every list (API.md): limit 1..100, default 50. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().min(1).optional(),
});
export type PageQuery = z.infer<typeof pageQuery>;
