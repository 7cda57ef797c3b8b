/**
 * The resource library (keys.ts, patterns C8–C9), curated by the NSS. A
 * resource's META item is listed by language (GSI1PK = RESOURCES, GSI1SK =
 * <language>#<createdAt>#<id>); each of its tags has an index item under the
 * resource (SK = TAG#<tag>) carrying a copy of the resource, listed by tag
 * (GSI1PK = RESOURCES-TAG#<tag>, same GSI1SK). So "tag + language" is a key
 * condition, never a filter; META and its tag items are put in one transaction.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
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
  const { entity: _entity, tag: _tag, ...resource } = withoutKeys(item);
  return resource as unknown as Resource;
};

/** META and its tag items, all new (guard 'exists': a new id, so never met). */
export async function createResource(store: TableStore, resource: Resource): Promise<void> {
  const newItem = 'attribute_not_exists(PK)';
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
  ]);
  if (!outcome.written) throw new Error(`Resource id ${resource.resourceId} is already in use`);
}

export interface ResourceFilter {
  tag?: string;
  language?: string;
}

/** Where a filter is served: the index partition and the GSI1SK range. */
export function resourceScope(filter: ResourceFilter): { gsi1pk: string; gsi1skPrefix?: string; sk: string } {
  return {
    gsi1pk: filter.tag === undefined ? communityIndex.resourcesPartition : communityIndex.resourcesTagPartition(filter.tag),
    gsi1skPrefix: filter.language === undefined ? undefined : `${filter.language}#`,
    sk: filter.tag === undefined ? 'META' : `TAG#${filter.tag}`,
  };
}

/** Newest first within a language (C8, C9); without a language, by language, then newest first. */
export async function listResources(
  store: TableStore,
  filter: ResourceFilter,
  page: { limit: number; startKey?: Record<string, unknown> },
): Promise<{ resources: Resource[]; lastKey?: Record<string, unknown> }> {
  const scope = resourceScope(filter);
  const byLanguage = scope.gsi1skPrefix !== undefined;
  const result = await store.db.send(
    new QueryCommand({
      TableName: store.tableName,
      IndexName: gsi1.indexName,
      KeyConditionExpression: byLanguage ? 'GSI1PK = :pk AND begins_with(GSI1SK, :language)' : 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': scope.gsi1pk, ...(byLanguage ? { ':language': scope.gsi1skPrefix } : {}) },
      ScanIndexForward: false,
      Limit: page.limit,
      ExclusiveStartKey: page.startKey,
    }),
  );
  return { resources: (result.Items ?? []).map(toResource), lastKey: result.LastEvaluatedKey };
}
