/**
 * The two ways repositories read a partition: one page for a list route (the
 * caller hands the LastEvaluatedKey back as a cursor), or every page for a
 * read that needs the whole partition (a Query stops at 1 MB, so a single
 * call could silently miss items). Callers give the key condition; the table
 * name, Limit and ExclusiveStartKey are set here.
 */
import { QueryCommand, type QueryCommandInput, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { TableStore } from './store.ts';

export type PartitionQuery = Omit<QueryCommandInput, 'TableName' | 'Limit' | 'ExclusiveStartKey'>;
/** An item as the document client returns it. */
type StoredItem = NonNullable<QueryCommandOutput['Items']>[number];

/** One page of `query`, from `page.startKey` (a decoded cursor). */
export async function queryPage(
  store: TableStore,
  query: PartitionQuery,
  page: { limit: number; startKey?: Record<string, unknown> },
): Promise<{ items: StoredItem[]; lastKey?: Record<string, unknown> }> {
  const result = await store.db.send(
    new QueryCommand({ TableName: store.tableName, ...query, Limit: page.limit, ExclusiveStartKey: page.startKey }),
  );
  return { items: result.Items ?? [], lastKey: result.LastEvaluatedKey };
}

/** Every item `query` matches, page after page, in key order. */
export async function queryAll(store: TableStore, query: PartitionQuery): Promise<StoredItem[]> {
  const items: StoredItem[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page: QueryCommandOutput = await store.db.send(new QueryCommand({ TableName: store.tableName, ...query, ExclusiveStartKey: startKey }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}
