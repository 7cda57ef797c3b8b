/**
 * GET /public/projects/{projectId} (public, no token): what anyone may see of
 * a project whose TwinSpace exists (approved or closed): its description,
 * subjects, languages, pupils' ages, partner countries and schools, and the
 * PUBLISHED pages of its public area, newest first, paged. Never a person's
 * name (no authors, no teachers, no pupils) and nothing of the other areas
 * or of drafts. Any other project, or none, is 404: the same answer, so the
 * route tells nobody that a proposed or rejected project exists.
 */
import { decodePageCursor, listPages } from '../data/pages.ts';
import { getProject } from '../data/projects.ts';
import { hasTwinspace } from '../domain/project-lifecycle.ts';
import { tableStore } from '../lib/clients.ts';
import { encodeCursor } from '../lib/cursor.ts';
import { notFound, parseOr400 } from '../lib/errors.ts';
import { httpHandler, json } from '../lib/http.ts';
import { publicProjectPathParams, publicProjectQuery, type PublicProjectResponse } from './pages-schemas.ts';

export const getPublicProject = httpHandler(async (event) => {
  const { projectId } = parseOr400(publicProjectPathParams, event.pathParameters ?? {}, 'path');
  const query = parseOr400(publicProjectQuery, event.queryStringParameters ?? {}, 'query');
  const scope = { status: 'published' } as const;
  const startKey = decodePageCursor(query.cursor, projectId, 'public', scope);
  const store = tableStore();
  // Both reads at once: the pages of a project that is not shown are simply dropped.
  const [project, listed] = await Promise.all([
    getProject(store, projectId),
    listPages(store, projectId, 'public', scope, { limit: query.limit, startKey }),
  ]);
  if (!project || !hasTwinspace(project.state)) throw notFound('No such public project.');
  const body: PublicProjectResponse = {
    project: {
      projectId: project.projectId,
      title: project.title,
      description: project.description,
      state: project.state,
      subjects: project.subjects,
      ages: project.ages,
      languages: project.languages,
      partners: project.partners.map((partner) => (partner.school ? { country: partner.country, school: partner.school } : { country: partner.country })),
    },
    pages: {
      items: listed.pages.map((page) => ({ pageId: page.pageId, title: page.title, body: page.body, publishedAt: page.publishedAt ?? page.updatedAt, updatedAt: page.updatedAt })),
      nextCursor: encodeCursor(listed.lastKey),
    },
  };
  return json(200, body);
});
