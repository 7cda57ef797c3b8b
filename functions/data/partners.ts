/**
 * Partner search (keys.ts pattern D3): one Query of the sparse PARTNERS
 * partition of GSI1, which holds only the profiles of teachers open to
 * partnership (pupils, guests and everyone else never carry that key).
 * The country narrows the key condition (GSI1SK begins with "<country>#");
 * subject, language and age are a FilterExpression on that Query, so a page
 * may hold fewer than `limit` results while `nextCursor` is still given.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { partnerFilterExpression, type PartnerFilter } from '../domain/desktop.ts';
import { validationFailed } from '../lib/errors.ts';
import { gsi1 } from './keys.ts';
import type { TableStore } from './store.ts';
import { toUserProfile, type UserProfile } from './users.ts';

export async function searchPartnerProfiles(
  store: TableStore,
  filter: PartnerFilter,
  callerId: string,
  page: { limit: number; startKey?: Record<string, unknown> },
): Promise<{ partners: UserProfile[]; lastKey?: Record<string, unknown> }> {
  const { expression, names, values } = partnerFilterExpression(filter, callerId);
  const byCountry = filter.country !== undefined;
  const result = await store.db.send(
    new QueryCommand({
      TableName: store.tableName,
      IndexName: gsi1.indexName,
      KeyConditionExpression: byCountry ? 'GSI1PK = :partners AND begins_with(GSI1SK, :country)' : 'GSI1PK = :partners',
      FilterExpression: expression,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: {
        ...values,
        ':partners': gsi1.partnersPartition,
        ...(byCountry ? { ':country': `${filter.country}#` } : {}),
      },
      Limit: page.limit,
      ExclusiveStartKey: page.startKey,
    }),
  );
  return { partners: (result.Items ?? []).map(toUserProfile), lastKey: result.LastEvaluatedKey };
}

const partnerIndexKey = z
  .object({
    PK: z.string().regex(/^USER#[^#]+$/),
    SK: z.literal('PROFILE'),
    GSI1PK: z.literal(gsi1.partnersPartition),
    GSI1SK: z.string().regex(/^[A-Z]{2}#[^#]+$/),
  })
  .strict();

/**
 * A partner-search cursor (base64url of the GSI's LastEvaluatedKey) must be
 * a key of the PARTNERS index, of the profile it names, and within the
 * country being searched; anything else is a 400.
 */
export function decodePartnerCursor(cursor: string | undefined, country: string | undefined): Record<string, string> | undefined {
  if (cursor === undefined) return undefined;
  const fail = () => validationFailed('The cursor is not valid.', [{ field: 'query.cursor', message: 'Not a cursor this list gave out.' }]);
  if (!/^[A-Za-z0-9_-]{1,2048}$/.test(cursor)) throw fail();
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw fail();
  }
  const parsed = partnerIndexKey.safeParse(decoded);
  if (!parsed.success) throw fail();
  const key = parsed.data;
  const [keyCountry, userId] = key.GSI1SK.split('#');
  if (key.PK !== `USER#${userId}` || (country !== undefined && keyCountry !== country)) throw fail();
  return key;
}
