/**
 * Cursors of lists served by GSI1 (groups, encounters, resources, partner
 * search, the NSS's pending projects and teachers): base64url
 * of the index's LastEvaluatedKey, which carries the item's PK/SK and its
 * GSI1PK/GSI1SK. On the way back in the key must belong to the index
 * partition being listed, within the range asked for, and name the same item
 * in both keys (GSI1SK ends with the item's id); anything else is a 400.
 */
import * as z from 'zod';
import { cursorRefused, parseCursorKey } from '../lib/cursor.ts';

const indexKey = z.object({ PK: z.string().min(1), SK: z.string().min(1), GSI1PK: z.string().min(1), GSI1SK: z.string().min(1) }).strict();
export type IndexKey = z.infer<typeof indexKey>;

export interface IndexCursorScope {
  /** The index partition listed, e.g. 'GROUPS'. */
  gsi1pk: string;
  /** The item partition's prefix, e.g. 'GROUP#' (PK = prefix + the id GSI1SK ends with). */
  pkPrefix: string;
  /** A range inside the partition (e.g. '<language>#'). */
  gsi1skPrefix?: string;
  /** The items' SK (META unless an index item lives elsewhere, e.g. TAG#<tag>). */
  sk?: string;
}

export function decodeIndexCursor(cursor: string | undefined, scope: IndexCursorScope): IndexKey | undefined {
  if (cursor === undefined) return undefined;
  const key = parseCursorKey(cursor, indexKey);
  const id = key.GSI1SK.slice(key.GSI1SK.lastIndexOf('#') + 1);
  const inScope =
    key.GSI1PK === scope.gsi1pk && key.GSI1SK.startsWith(scope.gsi1skPrefix ?? '') && id.length > 0 && key.SK === (scope.sk ?? 'META') && key.PK === `${scope.pkPrefix}${id}`;
  if (!inScope) throw cursorRefused();
  return key;
}
