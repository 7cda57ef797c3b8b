/**
 * The resource library (DOMAIN.md, "Desktop": curated by the NSS, searchable
 * by tag and language). GET /resources?tag=&language=: teachers and the NSS,
 * newest first, served by a key condition (see functions/data/resources.ts);
 * POST /resources: the NSS adds one (https links only).
 */
import { ulid } from 'ulid';
import { callerOf } from '../lib/claims.ts';
import { tableStore } from '../lib/clients.ts';
import { encodeCursor } from '../lib/cursor.ts';
import { forbidden, parseOr400 } from '../lib/errors.ts';
import { httpHandler, json } from '../lib/http.ts';
import { decodeIndexCursor } from '../data/index-cursor.ts';
import * as resourceStore from '../data/resources.ts';
import type { Resource } from '../data/resources.ts';
import { getUserProfile } from '../data/users.ts';
import { mayCurateResources, mayReadResources } from '../domain/resources.ts';
import { resourceCreateBody, resourcesQuery, type ResourceResponse, type ResourcesPage } from './community-schemas.ts';

const resourceView = (resource: Resource): ResourceResponse => ({
  resourceId: resource.resourceId,
  title: resource.title,
  url: resource.url,
  description: resource.description,
  tags: resource.tags,
  language: resource.language,
  addedBy: resource.addedByName,
  createdAt: resource.createdAt,
});

export const listResources = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { limit, cursor, ...filter } = parseOr400(resourcesQuery, event.queryStringParameters ?? {}, 'query');
  const startKey = decodeIndexCursor(cursor, { ...resourceStore.resourceScope(filter), pkPrefix: 'RESOURCE#' });
  const store = tableStore();
  const profile = await getUserProfile(store, caller.userId);
  if (!mayReadResources(profile?.kind)) throw forbidden('The resource library is for teachers.');
  const { resources, lastKey } = await resourceStore.listResources(store, filter, { limit, startKey });
  const body: ResourcesPage = { items: resources.map(resourceView), nextCursor: encodeCursor(lastKey) };
  return json(200, body);
});

export const createResource = httpHandler(async (event) => {
  const caller = callerOf(event);
  const input = parseOr400(resourceCreateBody, event.body ?? {}, 'body');
  const store = tableStore();
  const profile = await getUserProfile(store, caller.userId);
  if (!mayCurateResources(profile?.kind)) throw forbidden('Only the NSS adds resources to the library.');
  const resource: Resource = {
    resourceId: ulid(),
    ...input,
    addedBy: caller.userId,
    addedByName: profile!.displayName,
    createdAt: new Date().toISOString(),
  };
  await resourceStore.createResource(store, resource);
  return json(201, resourceView(resource), { location: `/resources/${resource.resourceId}` });
});
