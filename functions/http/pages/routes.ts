/**
 * The TwinSpace pages' routes (by area: public, pupils, teachers; drafts until
 * published, versioned) and the public project page. Listing and writing a
 * page are gated by the area the request names. The routes of one page decide
 * their action from the page itself (its area), so they declare no `action`:
 * the handler reads the page and runs the TwinSpace gate with the action of its
 * area, and the gate's refusals (404, 403, 409) are declared as errors.
 */
import { editPagesActionOf, readActionOf, type Area } from '../../domain/areas.ts';
import { area, route } from '../../lib/route.ts';
import { heldResponse } from '../moderation/schemas.ts';
import { projectPathParams } from '../schemas.ts';
import {
  pageCreateBody,
  pagePathParams,
  pageResponse,
  pagesPage,
  pagesQuery,
  pageUpdateBody,
  publicProjectPathParams,
  publicProjectQuery,
  publicProjectResponse,
} from './schemas.ts';

/** What the gate inside a page route's handler can refuse: unknown project or page 404, not a member or type denied 403, no TwinSpace yet or closed 409. */
const gatedInHandler = ['NOT_FOUND', 'FORBIDDEN', 'CONFLICT'] as const;

export const pagesRoutes = area('pages', {
  listPages: route({
    name: 'list-pages',
    method: 'GET',
    path: '/projects/{projectId}/pages',
    auth: 'jwt',
    summary:
      "An area's pages, newest first (area required; the area's readers only). status=published (default): the published pages; status=draft: the drafts I may see — all of them if I edit or publish any page of the area, else my own",
    action: ({ query }) => readActionOf[query.area as Area],
    params: projectPathParams,
    query: pagesQuery,
    responses: { 200: pagesPage },
  }),
  createPage: route({
    name: 'create-page',
    method: 'POST',
    path: '/projects/{projectId}/pages',
    auth: 'jwt',
    summary:
      "Write a page {area, title (1..200), body (a rich-text document or plain text, ≤ 20,000 characters; images whose area every reader of the page reads), submittedForPublishing?} as a draft of mine. Public and teachers' areas: the project's teachers; pupils' area: teachers and pupils. Answers 201; a closed project: 409. A pupil's title or text with personal data or abuse is held for a teacher: 202 {held}, nothing written. A teacher's in an area pupils read (public, pupils'): 409 PERSONAL_DATA_WARNING unless acknowledgePersonalData",
    action: ({ body }) => editPagesActionOf[body.area as Area],
    params: projectPathParams,
    body: pageCreateBody,
    responses: { 201: pageResponse, 202: heldResponse },
    errors: ['PERSONAL_DATA_WARNING'],
  }),
  getPage: route({
    name: 'get-page',
    method: 'GET',
    path: '/projects/{projectId}/pages/{pageId}',
    auth: 'jwt',
    summary:
      "One page, for the readers of its area (gated in the handler by the page's area); a draft only for its author and those who edit or publish any page of its area (404 for anyone else)",
    params: pagePathParams,
    responses: { 200: pageResponse },
    errors: gatedInHandler,
  }),
  updatePage: route({
    name: 'update-page',
    method: 'PUT',
    path: '/projects/{projectId}/pages/{pageId}',
    auth: 'jwt',
    summary:
      "Edit a page with the version read (stale: 409, nothing saved; gated in the handler by the page's area). A member teacher edits their own pages of the public and teachers' areas, a pupil member their own activities. A published page edited by someone who may not publish it goes back to draft. A pupil's new title or text with personal data or abuse is held for a teacher: 202 {held}, nothing saved; a teacher's in an area pupils read: 409 PERSONAL_DATA_WARNING unless acknowledgePersonalData",
    params: pagePathParams,
    body: pageUpdateBody,
    responses: { 200: pageResponse, 202: heldResponse },
    errors: [...gatedInHandler, 'PERSONAL_DATA_WARNING'],
  }),
  deletePage: route({
    name: 'delete-page',
    method: 'DELETE',
    path: '/projects/{projectId}/pages/{pageId}',
    auth: 'jwt',
    summary: "Delete a page (whoever may edit it; gated in the handler by the page's area). Answers 204",
    params: pagePathParams,
    responses: { 204: null },
    errors: gatedInHandler,
  }),
  publishPage: route({
    name: 'publish-page',
    method: 'POST',
    path: '/projects/{projectId}/pages/{pageId}/publish',
    auth: 'jwt',
    summary:
      "Publish a draft: teachers any page, a pupil administrator pupils'-area pages only (gated in the handler, after the page is read); pupil members mark theirs submittedForPublishing instead. Already published: 409",
    params: pagePathParams,
    responses: { 200: pageResponse },
    errors: gatedInHandler,
  }),
  getPublicProject: route({
    name: 'get-public-project',
    method: 'GET',
    path: '/public/projects/{projectId}',
    auth: 'public',
    summary:
      "Public, no token: an approved or closed project's description, the published pages of its public area (newest first, paged by cursor), its Project Diary's public entries (newest first, paged by diaryCursor; never restricted, private or hidden ones) and its granted Quality Labels (one national badge per country). No person's name. Any other project: 404",
    params: publicProjectPathParams,
    query: publicProjectQuery,
    responses: { 200: publicProjectResponse },
    errors: ['NOT_FOUND'],
  }),
});
