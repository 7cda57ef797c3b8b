/** GET /openapi.json descriptions of the TwinSpace pages routes and the public project page. */
import * as z from 'zod';
import type { Description } from './openapi-description.ts';
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
} from './pages-schemas.ts';
import { projectPathParams } from './schemas.ts';

export const pagesDescriptions: Record<string, Description> = {
  'list-pages': {
    summary:
      "An area's pages, newest first (area required; the area's readers only). status=published (default): the published pages; status=draft: the drafts I may see — all of them if I edit or publish any page of the area, else my own",
    request: { params: projectPathParams, query: pagesQuery },
    ok: pagesPage,
    errors: [400, 401, 403, 404, 409],
  },
  'create-page': {
    summary:
      "Write a page {area, title (1..200), body (≤ 20,000), submittedForPublishing?} as a draft of mine. Public and teachers' areas: the project's teachers; pupils' area: teachers and pupils. Answers 201; a closed project: 409",
    request: { params: projectPathParams, body: { content: { 'application/json': { schema: pageCreateBody } } } },
    ok: pageResponse,
    errors: [400, 401, 403, 404, 409],
  },
  'get-page': {
    summary: "One page, for the readers of its area; a draft only for its author and those who edit or publish any page of its area (404 for anyone else)",
    request: { params: pagePathParams },
    ok: pageResponse,
    errors: [400, 401, 403, 404, 409],
  },
  'update-page': {
    summary:
      "Edit a page with the version read (stale: 409, nothing saved). A member teacher edits their own pages of the public and teachers' areas, a pupil member their own activities. A published page edited by someone who may not publish it goes back to draft",
    request: { params: pagePathParams, body: { content: { 'application/json': { schema: pageUpdateBody } } } },
    ok: pageResponse,
    errors: [400, 401, 403, 404, 409],
  },
  'delete-page': {
    summary: 'Delete a page (whoever may edit it). Answers 204',
    request: { params: pagePathParams },
    ok: z.null(),
    errors: [400, 401, 403, 404, 409],
  },
  'publish-page': {
    summary:
      "Publish a draft: teachers any page, a pupil administrator pupils'-area pages only; pupil members mark theirs submittedForPublishing instead. Already published: 409",
    request: { params: pagePathParams },
    ok: pageResponse,
    errors: [400, 401, 403, 404, 409],
  },
  'get-public-project': {
    summary:
      "Public, no token: an approved or closed project's description and the published pages of its public area, newest first, paged. No person's name. Any other project: 404",
    request: { params: publicProjectPathParams, query: publicProjectQuery },
    ok: publicProjectResponse,
    errors: [400, 404],
  },
};
