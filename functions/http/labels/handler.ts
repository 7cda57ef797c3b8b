/**
 * Quality Label applications of a project (API.md, "Quality Labels";
 * DOMAIN.md, "Quality Labels").
 *
 * POST /projects/{projectId}/labels: a teacher of the project (the policy
 * table's 'apply-for-label') applies for a National Quality Label. The gate
 * runs with write: false: applying does not write the TwinSpace, and a closed
 * project is a finished one, exactly when DOMAIN.md advises applying. The
 * application goes to the evaluators of the applicant's country (GSI1
 * LABELS-WAITING#<country>, read by the daily digest and GET /evaluations).
 *
 * GET /projects/{projectId}/labels: the project's applications, newest first,
 * for those who may apply: the project's teachers see their own and their
 * partners' applications with the results (the label is the whole project's;
 * partners coordinate who applies). Pupils and visitors: 403.
 */
import { ulid } from 'ulid';
import { callerOf } from '../lib/claims.ts';
import { tableStore } from '../lib/clients.ts';
import { decodeCursor, encodeCursor } from '../lib/cursor.ts';
import { conflict, parseOr400, validationFailed } from '../lib/errors.ts';
import { httpHandler, json } from '../lib/http.ts';
import { keys, labelKeys } from '../data/keys.ts';
import { ApplicationRefused, listProjectLabelApplications, submitLabelApplication, type LabelApplication } from '../data/labels.ts';
import { getUserProfile } from '../data/users.ts';
import { declinedDeclarations, maxApplicationsPerSchoolYear, schoolYearOf } from '../domain/labels.ts';
import { applyBody, labelApplicationOut, labelsQuery, type LabelApplicationsPage } from './labels-schemas.ts';
import { projectPathParams } from './schemas.ts';
import { requireTwinspaceAction } from './twinspace-access.ts';

export const applyForLabel = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { projectId } = parseOr400(projectPathParams, event.pathParameters ?? {}, 'path');
  const store = tableStore();
  const [{ project, membership }, profile] = await Promise.all([
    requireTwinspaceAction(store, projectId, caller, 'apply-for-label', { write: false }),
    getUserProfile(store, caller.userId),
  ]);
  const request = parseOr400(applyBody, event.body ?? {}, 'body');
  const declined = declinedDeclarations(request.eligibility);
  if (declined.length > 0) {
    throw validationFailed(
      'Every eligibility declaration must be yes to apply for a Quality Label.',
      declined.map((declaration) => ({ field: `body.eligibility.${declaration}`, message: 'Must be yes (true) to apply.' })),
    );
  }

  const now = new Date();
  const schoolYear = schoolYearOf(now);
  const application: LabelApplication = {
    labelId: ulid(now.getTime()),
    projectId,
    projectTitle: project.title,
    applicantId: caller.userId,
    applicantName: profile?.displayName ?? membership.displayName,
    applicantSchoolId: profile?.schoolId,
    applicantSchool: profile?.school,
    country: profile?.country ?? membership.country,
    schoolYear,
    status: 'waiting',
    eligibility: request.eligibility,
    evidence: request.evidence,
    reviewOf: request.reviewOf,
    submittedAt: now.toISOString(),
  };
  try {
    await submitLabelApplication(store, application, { perSchoolYear: maxApplicationsPerSchoolYear });
  } catch (error) {
    if (error instanceof ApplicationRefused) throw conflict(refusalText(error, schoolYear));
    throw error;
  }
  return json(201, labelApplicationOut(application));
});

function refusalText({ refusal }: ApplicationRefused, schoolYear: string): string {
  switch (refusal) {
    case 'already-open':
      return 'You already have an open application for this project: apply again once it has been evaluated.';
    case 'yearly-limit':
      return `You have already made ${maxApplicationsPerSchoolYear} Quality Label applications in the school year ${schoolYear}: at most ${maxApplicationsPerSchoolYear} per teacher from 1 September to 31 August.`;
    case 'already-applied':
      return 'You have already applied for this project. After a label that was not granted you may apply again once, with reviewOf naming that application and the criteria to review.';
    case 'already-reviewed':
      return 'You have already applied again for this project once after a label was not granted.';
    case 'not-reviewable':
      return 'reviewOf must name your own application for this project whose label was not granted.';
  }
}

export const listLabelApplications = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { projectId } = parseOr400(projectPathParams, event.pathParameters ?? {}, 'path');
  const query = parseOr400(labelsQuery, event.queryStringParameters ?? {}, 'query');
  const startKey = decodeCursor(query.cursor, keys.projectPartition(projectId), labelKeys.projectLabelPrefix);
  const store = tableStore();
  await requireTwinspaceAction(store, projectId, caller, 'apply-for-label', { write: false });
  const { applications, lastKey } = await listProjectLabelApplications(store, projectId, { limit: query.limit, startKey });
  const body: LabelApplicationsPage = { items: applications.map(labelApplicationOut), nextCursor: encodeCursor(lastKey) };
  return json(200, body);
});
