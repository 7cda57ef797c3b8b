/**
 * The resource library (DOMAIN.md, "Desktop": curated by the NSS, searchable
 * by tag and language). GET /resources?q=&tag=&language=: teachers and the
 * NSS, newest first, served by a key condition (see functions/data/resources.ts;
 * q: words of the title, tags or description, in English or Spanish alike);
 * POST /resources: the NSS adds one (https links only).
 */
import { ulid } from 'ulid';
import { encodeCursor } from '../../lib/cursor.ts';
import { forbidden } from '../../lib/errors.ts';
import { countOf } from '../../lib/observability.ts';
import { decodeIndexCursor } from '../../data/index-cursor.ts';
import * as resourceStore from '../../data/resources.ts';
import type { Resource } from '../../data/resources.ts';
import { getUserProfile } from '../../data/users.ts';
import { mayCurateResources, mayReadResources } from '../../domain/resources.ts';
import type { Reply, RouteRequest } from '../router.ts';
import type { communityRoutes } from './routes.ts';
import type { ResourceResponse } from './schemas.ts';

type Routes = (typeof communityRoutes)['routes'];
type Handler<K extends keyof Routes> = (request: RouteRequest<Routes[K]>) => Promise<Reply<Routes[K]>>;

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

export const listResources: Handler<'listResources'> = async ({ caller, query: { limit, cursor, ...filter }, store }) => {
  const startKey = decodeIndexCursor(cursor, { ...resourceStore.resourceScope(filter), pkPrefix: 'RESOURCE#' });
  const profile = await getUserProfile(store, caller.userId);
  if (!mayReadResources(profile?.kind)) throw forbidden('The resource library is for teachers.');
  const { resources, lastKey } = await resourceStore.listResources(store, filter, { limit, startKey });
  return { status: 200, body: { items: resources.map(resourceView), nextCursor: encodeCursor(lastKey) } };
};

export const createResource: Handler<'createResource'> = async ({ caller, body: input, store }) => {
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
  countOf('CommunityActions');
  return { status: 201, body: resourceView(resource), headers: { location: `/resources/${resource.resourceId}` } };
};
