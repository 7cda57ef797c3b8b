/**
 * The resource library (keys.ts, patterns C8–C9), curated by the NSS. A
 * resource's META item is listed by language (GSI1PK = RESOURCES, GSI1SK =
 * <language>#<createdAt>#<id>); each of its tags has an index item under the
 * resource (SK = TAG#<tag>) carrying a copy of the resource, listed by tag
 * (GSI1PK = RESOURCES-TAG#<tag>, same GSI1SK). So "tag + language" is a key
 * condition, never a filter; META and its tag items are put in one transaction.
 *
 * Search (C10): each distinct normalised word of the title, the tags and the
 * description (functions/domain/resources.ts: lower case, no accents, no
 * stop words; English and Spanish alike) has an index item under the resource
 * (SK = WORD#<word>) carrying a copy of the resource and its `words`, listed
 * by word (GSI1PK = RESOURCES-WORD#<word>, same GSI1SK). A search queries the
 * partition of its longest word (the rarest, as a rule) and keeps, by a
 * FilterExpression on that one Query, the items whose `words` hold every
 * other word (and whose tags hold the tag asked for). One round trip, no Scan;
 * the copies make the answer, no BatchGet. Written in the same transaction as
 * META (at most maxSearchWords words, so at most 100 items).
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { resourceSearchWords, searchPlan } from '../domain/resources.ts';
import { communityIndex, communityKeys, gsi1, withoutKeys } from './keys.ts';
import type { TableStore } from './store.ts';
import { transact } from './transact.ts';

export interface Resource {
  resourceId: string;
  title: string;
  url: string;
  description: string;
  tags: string[];
  language: string;
  addedBy: string;
  addedByName: string;
  createdAt: string;
}

export { maxTags } from '../domain/resources.ts';

const toResource = (item: Record<string, unknown>) => {
  const { entity: _entity, tag: _tag, word: _word, words: _words, ...resource } = withoutKeys(item);
  return resource as unknown as Resource;
};

/** META, its tag items and its search word items, all new (guard 'exists': a new id, so never met). */
export async function createResource(store: TableStore, resource: Resource): Promise<void> {
  const newItem = 'attribute_not_exists(PK)';
  const words = resourceSearchWords(resource);
  const outcome = await transact(store, [
    {
      guard: 'exists',
      Put: {
        TableName: store.tableName,
        Item: {
          ...communityKeys.resource(resource.resourceId),
          ...communityIndex.resource(resource.language, resource.createdAt, resource.resourceId),
          entity: 'resource',
          ...resource,
        },
        ConditionExpression: newItem,
      },
    },
    ...resource.tags.map((tag) => ({
      guard: 'exists' as const,
      Put: {
        TableName: store.tableName,
        Item: {
          ...communityKeys.resourceTag(resource.resourceId, tag),
          ...communityIndex.resourceTag(tag, resource.language, resource.createdAt, resource.resourceId),
          entity: 'resourceTag',
          tag,
          ...resource,
        },
        ConditionExpression: newItem,
      },
    })),
    ...words.map((word) => ({
      guard: 'exists' as const,
      Put: {
        TableName: store.tableName,
        Item: {
          ...communityKeys.resourceWord(resource.resourceId, word),
          ...communityIndex.resourceWord(word, resource.language, resource.createdAt, resource.resourceId),
          entity: 'resourceWord',
          word,
          words,
          ...resource,
        },
        ConditionExpression: newItem,
      },
    })),
  ]);
  if (!outcome.written) throw new Error(`Resource id ${resource.resourceId} is already in use`);
}

export interface ResourceFilter {
  tag?: string;
  language?: string;
  /** Words to find in the title, tags or description (any case, with or without accents). */
  q?: string;
}

/**
 * Where a filter is served: the index partition and the GSI1SK range. A
 * search with no word to look for (only stop words) has no partition: nothing
 * is found.
 */
export function resourceScope(filter: ResourceFilter): { gsi1pk: string; gsi1skPrefix?: string; sk: string } {
  const plan = filter.q === undefined ? undefined : searchPlan(filter.q);
  if (plan) {
    return {
      gsi1pk: communityIndex.resourcesWordPartition(plan.key),
      gsi1skPrefix: filter.language === undefined ? undefined : `${filter.language}#`,
      sk: `WORD#${plan.key}`,
    };
  }
  return {
    gsi1pk: filter.tag === undefined ? communityIndex.resourcesPartition : communityIndex.resourcesTagPartition(filter.tag),
    gsi1skPrefix: filter.language === undefined ? undefined : `${filter.language}#`,
    sk: filter.tag === undefined ? 'META' : `TAG#${filter.tag}`,
  };
}

/**
 * Newest first within a language (C8, C9, C10); without a language, by
 * language, then newest first. A search filters its Query (C10), so a page can
 * come back shorter than `limit`, even empty, with a cursor to go on.
 */
export async function listResources(
  store: TableStore,
  filter: ResourceFilter,
  page: { limit: number; startKey?: Record<string, unknown> },
): Promise<{ resources: Resource[]; lastKey?: Record<string, unknown> }> {
  const plan = filter.q === undefined ? undefined : searchPlan(filter.q);
  if (filter.q !== undefined && !plan) return { resources: [] };
  const scope = resourceScope(filter);
  const byLanguage = scope.gsi1skPrefix !== undefined;
  // Within a word's partition, the other words and the tag are a filter on that one Query.
  const conditions: string[] = [];
  const filterValues: Record<string, string> = {};
  const filterNames: Record<string, string> = {};
  plan?.others.forEach((word, index) => {
    conditions.push(`contains(#words, :word${index})`);
    filterNames['#words'] = 'words';
    filterValues[`:word${index}`] = word;
  });
  if (plan && filter.tag !== undefined) {
    conditions.push('contains(#tags, :tag)');
    filterNames['#tags'] = 'tags';
    filterValues[':tag'] = filter.tag;
  }
  const result = await store.db.send(
    new QueryCommand({
      TableName: store.tableName,
      IndexName: gsi1.indexName,
      KeyConditionExpression: byLanguage ? 'GSI1PK = :pk AND begins_with(GSI1SK, :language)' : 'GSI1PK = :pk',
      ...(conditions.length ? { FilterExpression: conditions.join(' AND '), ExpressionAttributeNames: filterNames } : {}),
      ExpressionAttributeValues: { ':pk': scope.gsi1pk, ...(byLanguage ? { ':language': scope.gsi1skPrefix } : {}), ...filterValues },
      ScanIndexForward: false,
      Limit: page.limit,
      ExclusiveStartKey: page.startKey,
    }),
  );
  return { resources: (result.Items ?? []).map(toResource), lastKey: result.LastEvaluatedKey };
}
