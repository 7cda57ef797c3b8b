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

/** Decodes a cursor for a Query of partition `pk` over sort keys starting with `skPrefix`. */
export function decodeCursor(cursor: string | undefined, pk: string, skPrefix: string): TableKey | undefined {
  if (cursor === undefined) return undefined;
  const fail = () => validationFailed('The cursor is not valid.', [{ field: 'query.cursor', message: 'Not a cursor this list gave out.' }]);
  if (!/^[A-Za-z0-9_-]{1,2048}$/.test(cursor)) throw fail();
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw fail();
  }
  const parsed = tableKey.safeParse(decoded);
  if (!parsed.success || parsed.data.PK !== pk || !parsed.data.SK.startsWith(skPrefix)) throw fail();
  return parsed.data;
}

/** `?limit=&cursor=` of every list (API.md): limit 1..100, default 50. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().min(1).optional(),
});
export type PageQuery = z.infer<typeof pageQuery>;
