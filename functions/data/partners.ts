/**
 * Partner search (keys.ts pattern D3): one Query of the sparse PARTNERS
 * partition of GSI1, which holds only the profiles of teachers open to
 * partnership (pupils, guests and everyone else never carry that key).
 * The country narrows the key condition (GSI1SK begins with "<country>#");
 * subject, language and age are a FilterExpression on that Query, so a page
 * may hold fewer than `limit` results while `nextCursor` is still given.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { partnerFilterExpression, type PartnerFilter } from '../domain/desktop.ts';
import { decodeIndexCursor, type IndexKey } from './index-cursor.ts';
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

/**
 * A partner-search cursor must be a key of the PARTNERS index, of the
 * profile it names, and within the country being searched; anything else is a 400.
 */
export function decodePartnerCursor(cursor: string | undefined, country: string | undefined): IndexKey | undefined {
  return decodeIndexCursor(cursor, {
    gsi1pk: gsi1.partnersPartition,
    pkPrefix: 'USER#',
    sk: 'PROFILE',
    ...(country !== undefined ? { gsi1skPrefix: `${country}#` } : {}),
  });
}
