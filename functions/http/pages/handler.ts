/**
 * TwinSpace pages: GET/POST /projects/{projectId}/pages, GET/PUT/DELETE
 * /projects/{projectId}/pages/{pageId}, POST .../pages/{pageId}/publish.
 *
 * Every route passes the TwinSpace gate (twinspace-access.ts) with the action
 * of the page's area, then enforces the table's conditions (functions/domain/
 * pages.ts): a member teacher edits their own pages of the public and
 * teachers' areas, a pupil member their own activities, a pupil administrator
 * publishes pupils'-area pages only. A page's area is read before the gate
 * (one GetItem), so a member learns nothing the gate would not tell them: a
 * missing page is 404 only after the gate let the caller in.
 */
import { ulid } from 'ulid';
import { createPage as storeNewPage, deletePage as deleteStoredPage, getPage as getStoredPage, listPages as listStoredPages } from '../data/pages.ts';
import { decodePageCursor, PageWriteConflict, replacePage, type Page, type PageListScope, type PageWriter } from '../data/pages.ts';
import type { TableStore } from '../data/store.ts';
import { editPagesActionOf, readActionOf } from '../domain/areas.ts';
import { editRefusal, pageVisibility, publishRefusal, seesAllDrafts, statusAfterEdit } from '../domain/pages.ts';
import type { Action } from '../domain/policy.ts';
import { sharedName } from '../domain/roster.ts';
import { callerOf, type Caller } from '../lib/claims.ts';
import { tableStore } from '../lib/clients.ts';
import { encodeCursor } from '../lib/cursor.ts';
import { conflict, forbidden, notFound, parseOr400 } from '../lib/errors.ts';
import { httpHandler, json, type HttpEvent } from '../lib/http.ts';
import { pageAreaOnly, pageCreateBody, pagePathParams, pagesQuery, pageUpdateBody, type PageResponse } from './pages-schemas.ts';
import { projectPathParams } from './schemas.ts';
import { requireTwinspaceAction, type TwinspaceAccess } from './twinspace-access.ts';

const noSuchPage = () => notFound('No such page in this project.');

/** A refused write in the API's words: nothing was saved. */
async function written(write: Promise<void>): Promise<void> {
  try {
    await write;
  } catch (error) {
    if (!(error instanceof PageWriteConflict)) throw error;
    if (error.reason === 'closed') throw conflict('The project is closed: its TwinSpace is read-only.');
    if (error.reason === 'type-changed') throw conflict('Your type in this project changed meanwhile: reload and try again.');
    throw conflict('The page was changed or deleted since you read it: reload it. Nothing was saved.');
  }
}

const writerOf = (caller: Caller, access: TwinspaceAccess): PageWriter => ({ userId: caller.userId, type: access.membership.type });

/**
 * The page and the gate: the page's area picks the action; a missing page
 * still passes the gate (as a reader of the public area) before its 404.
 */
async function pageBehindGate(
  store: TableStore,
  event: HttpEvent,
  actionOf: (page: Page) => Action,
  write: boolean,
): Promise<{ caller: Caller; page: Page; access: TwinspaceAccess }> {
  const caller = callerOf(event);
  const { projectId, pageId } = parseOr400(pagePathParams, event.pathParameters ?? {}, 'path');
  const page = await getStoredPage(store, projectId, pageId);
  const access = await requireTwinspaceAction(store, projectId, caller, page ? actionOf(page) : 'read-public-area', { write });
  if (!page) throw noSuchPage();
  return { caller, page, access };
}

export const listPages = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { projectId } = parseOr400(projectPathParams, event.pathParameters ?? {}, 'path');
  const query = parseOr400(pagesQuery, event.queryStringParameters ?? {}, 'query');
  const store = tableStore();
  const { membership } = await requireTwinspaceAction(store, projectId, caller, readActionOf[query.area], { write: false });
  const scope: PageListScope =
    query.status === 'published'
      ? { status: 'published' }
      : seesAllDrafts(membership.type, query.area)
        ? { status: 'draft' }
        : { status: 'draft', authorId: caller.userId };
  const startKey = decodePageCursor(query.cursor, projectId, query.area, scope);
  const { pages, lastKey } = await listStoredPages(store, projectId, query.area, scope, { limit: query.limit, startKey });
  return json(200, { items: pages satisfies PageResponse[], nextCursor: encodeCursor(lastKey) });
});

export const createPage = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { projectId } = parseOr400(projectPathParams, event.pathParameters ?? {}, 'path');
  const { area } = parseOr400(pageAreaOnly, event.body ?? {}, 'body');
  const store = tableStore();
  const access = await requireTwinspaceAction(store, projectId, caller, editPagesActionOf[area], { write: true });
  // Any allowance (own pages, own activities) lets a member write a page of their own.
  const input = parseOr400(pageCreateBody, event.body, 'body');
  const now = new Date().toISOString();
  const page: Page = {
    pageId: ulid(),
    projectId,
    area,
    title: input.title,
    body: input.body,
    status: 'draft',
    authorId: caller.userId,
    authorName: sharedName(access.membership),
    submittedForPublishing: input.submittedForPublishing,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await written(storeNewPage(store, page, writerOf(caller, access)));
  return json(201, page satisfies PageResponse);
});

export const getPage = httpHandler(async (event) => {
  const { caller, page, access } = await pageBehindGate(tableStore(), event, (found) => readActionOf[found.area], false);
  // Someone else's draft the caller may not see does not exist for them.
  if (pageVisibility(access.membership.type, caller.userId, page) !== 'visible') throw noSuchPage();
  return json(200, page satisfies PageResponse);
});

export const updatePage = httpHandler(async (event) => {
  const store = tableStore();
  const { caller, page, access } = await pageBehindGate(store, event, (found) => editPagesActionOf[found.area], true);
  const refused = editRefusal(access.membership.type, caller.userId, page);
  if (refused) throw forbidden(refused);
  const input = parseOr400(pageUpdateBody, event.body, 'body');
  if (input.version !== page.version) throw conflict(`The page is at version ${page.version}, you sent ${input.version}: reload it. Nothing was saved.`);
  const { publishedAt, ...unpublished } = page;
  const status = statusAfterEdit(access.membership.type, page);
  const next: Page = {
    ...unpublished,
    ...(status === 'published' ? { publishedAt } : {}),
    title: input.title ?? page.title,
    body: input.body ?? page.body,
    submittedForPublishing: input.submittedForPublishing ?? page.submittedForPublishing,
    status,
    version: page.version + 1,
    updatedAt: new Date().toISOString(),
  };
  await written(replacePage(store, next, page.version, writerOf(caller, access)));
  return json(200, next satisfies PageResponse);
});

export const deletePage = httpHandler(async (event) => {
  const store = tableStore();
  const { caller, page, access } = await pageBehindGate(store, event, (found) => editPagesActionOf[found.area], true);
  const refused = editRefusal(access.membership.type, caller.userId, page);
  if (refused) throw forbidden(refused);
  await written(deleteStoredPage(store, page, writerOf(caller, access)));
  return { statusCode: 204 };
});

export const publishPage = httpHandler(async (event) => {
  const store = tableStore();
  const { caller, page, access } = await pageBehindGate(store, event, () => 'publish-page', true);
  const refused = publishRefusal(access.membership.type, page.area);
  if (refused) throw forbidden(refused);
  if (page.status === 'published') throw conflict('The page is already published.');
  const now = new Date().toISOString();
  const next: Page = { ...page, status: 'published', publishedAt: now, updatedAt: now, submittedForPublishing: false, version: page.version + 1 };
  await written(replacePage(store, next, page.version, writerOf(caller, access)));
  return json(200, next satisfies PageResponse);
});
