/**
 * The Quality Label routes (DOMAIN.md, "Quality Labels"): the project's
 * teachers apply and list the project's applications ('apply-for-label');
 * the evaluators of the applicant's country list what waits and score it.
 * Applying passes the gate as a read (`writes: false`): it does not write the
 * TwinSpace, and a closed project is a finished one, exactly when DOMAIN.md
 * advises applying. Evaluators are not members: their gate is their profile.
 */
import { area, route } from '../../lib/route.ts';
import { projectPathParams } from '../schemas.ts';
import { applyBody, evaluationBody, evaluationsQuery, labelApplicationResponse, labelApplicationsPage, labelPathParams, labelsQuery } from './schemas.ts';

export const labelsRoutes = area('labels', {
  applyForLabel: route({
    name: 'apply-for-label',
    method: 'POST',
    path: '/projects/{projectId}/labels',
    auth: 'jwt',
    action: 'apply-for-label',
    writes: false,
    summary:
      "Apply for a National Quality Label (the project's teachers; also once the project is closed, i.e. finished). Every eligibility declaration must be true (400 names each false one); evidence per criterion. Goes to the evaluators of my country. Answers 201; an open application of mine for this project, a fifth application in the school year (1 Sep – 31 Aug), or a second review: 409. reviewOf: apply again once after a not-granted result, naming the criteria to review",
    params: projectPathParams,
    body: applyBody,
    responses: { 201: labelApplicationResponse },
  }),
  listLabelApplications: route({
    name: 'list-label-applications',
    method: 'GET',
    path: '/projects/{projectId}/labels',
    auth: 'jwt',
    action: 'apply-for-label',
    summary: "The project's Quality Label applications (mine and my partners'), newest first, with their results (the project's teachers)",
    params: projectPathParams,
    query: labelsQuery,
    responses: { 200: labelApplicationsPage },
  }),
  listPendingEvaluations: route({
    name: 'list-pending-evaluations',
    method: 'GET',
    path: '/evaluations',
    auth: 'jwt',
    summary: "My country's waiting applications, oldest first, without those of my own school (evaluators)",
    query: evaluationsQuery,
    responses: { 200: labelApplicationsPage },
    errors: ['FORBIDDEN'],
  }),
  evaluateLabel: route({
    name: 'evaluate-label',
    method: 'POST',
    path: '/labels/{labelId}/evaluation',
    auth: 'jwt',
    summary:
      "Score a waiting application of my country, once (evaluators; never one from my own school): scores 0..6 per criterion, mandatory points 0..2, feedback per criterion → granted when every mandatory point is at least 1 and the total reaches the country's pass mark (15 by default). The applicant is notified; an application already evaluated: 409",
    params: labelPathParams,
    body: evaluationBody,
    responses: { 200: labelApplicationResponse },
    errors: ['FORBIDDEN', 'NOT_FOUND', 'CONFLICT'],
  }),
});
