/** GET /projects/{projectId}: the project, its state, founders and partners. */
import { callerOf } from '../lib/claims.ts';
import { tableStore } from '../lib/clients.ts';
import { parseOr400 } from '../lib/errors.ts';
import { httpHandler, json } from '../lib/http.ts';
import { requireProjectReader } from './access.ts';
import { projectPathParams, type ProjectResponse } from './schemas.ts';

export const getProject = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { projectId } = parseOr400(projectPathParams, event.pathParameters ?? {}, 'path');
  const { project, membership } = await requireProjectReader(tableStore(), projectId, caller);
  const founders = new Set(project.founders);
  const body: ProjectResponse = {
    projectId: project.projectId,
    title: project.title,
    description: project.description,
    state: project.state,
    subjects: project.subjects,
    ages: project.ages,
    languages: project.languages,
    founders: project.partners.filter((partner) => founders.has(partner.userId)),
    partners: project.partners,
    createdAt: project.createdAt,
    version: project.version,
    myType: membership?.type ?? null,
  };
  return json(200, body);
});
