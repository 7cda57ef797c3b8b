/** GET /openapi.json: the Quality Label routes (functions/http/labels.ts, evaluations.ts). */
import type { Description } from './openapi-description.ts';
import {
  applyBody,
  evaluationBody,
  evaluationsQuery,
  labelApplicationResponse,
  labelApplicationsPage,
  labelPathParams,
  labelsQuery,
} from './labels-schemas.ts';
import { projectPathParams } from './schemas.ts';

export const labelsDescriptions: Record<string, Description> = {
  'apply-for-label': {
    summary:
      "Apply for a National Quality Label (the project's teachers; also once the project is closed, i.e. finished). Every eligibility declaration must be true (400 names each false one); evidence per criterion. Goes to the evaluators of my country. Answers 201; an open application of mine for this project, a fifth application in the school year (1 Sep – 31 Aug), or a second review: 409. reviewOf: apply again once after a not-granted result, naming the criteria to review",
    request: { params: projectPathParams, body: { content: { 'application/json': { schema: applyBody } } } },
    ok: labelApplicationResponse,
    errors: [400, 401, 403, 404, 409],
  },
  'list-label-applications': {
    summary: "The project's Quality Label applications (mine and my partners'), newest first, with their results (the project's teachers)",
    request: { params: projectPathParams, query: labelsQuery },
    ok: labelApplicationsPage,
    errors: [400, 401, 403, 404, 409],
  },
  'list-pending-evaluations': {
    summary: "My country's waiting applications, oldest first, without those of my own school (evaluators)",
    request: { query: evaluationsQuery },
    ok: labelApplicationsPage,
    errors: [400, 401, 403],
  },
  'evaluate-label': {
    summary:
      "Score a waiting application of my country, once (evaluators; never one from my own school): scores 0..6 per criterion, mandatory points 0..2, feedback per criterion → granted when every mandatory point is at least 1 and the total reaches the country's pass mark (15 by default). The applicant is notified",
    request: { params: labelPathParams, body: { content: { 'application/json': { schema: evaluationBody } } } },
    ok: labelApplicationResponse,
    errors: [400, 401, 403, 404, 409],
  },
};
