/**
 * Evaluating Quality Label applications (API.md, "Quality Labels").
 *
 * GET /evaluations?status=pending: an evaluator's country's waiting
 * applications, oldest first (the same GSI1 list the daily digest counts),
 * without those of the evaluator's own school, which they may never score.
 *
 * POST /labels/{labelId}/evaluation: an evaluator of the applicant's country
 * scores a waiting application once: five criteria 0..6, three mandatory
 * points 0..2, feedback per criterion → granted when every mandatory point is
 * at least 1 and the total reaches the country's pass mark (15 by default).
 * Who is an evaluator, and of which country, comes from their profile in the
 * table (kind 'evaluator'), like every role.
 */
import { ulid } from 'ulid';
import { callerOf } from '../lib/claims.ts';
import { tableStore } from '../lib/clients.ts';
import { encodeCursor } from '../lib/cursor.ts';
import { conflict, forbidden, notFound, parseOr400 } from '../lib/errors.ts';
import { httpHandler, json } from '../lib/http.ts';
import { decodeIndexCursor } from '../data/index-cursor.ts';
import { gsi1 } from '../data/keys.ts';
import {
  getApplicationAndEvaluator,
  getLabelPassMark,
  pageWaitingLabelApplications,
  recordLabelEvaluation,
  type LabelEvaluation,
} from '../data/labels.ts';
import { getUserProfile } from '../data/users.ts';
import { evaluationRefusal, judgeLabel } from '../domain/labels.ts';
import {
  evaluationBody,
  evaluationsQuery,
  labelApplicationOut,
  labelPathParams,
  type LabelApplicationResponse,
  type LabelApplicationsPage,
} from './labels-schemas.ts';

const evaluatorsOnly = () => forbidden('Only Quality Label evaluators evaluate applications.');

export const listPendingEvaluations = httpHandler(async (event) => {
  const caller = callerOf(event);
  const query = parseOr400(evaluationsQuery, event.queryStringParameters ?? {}, 'query');
  const store = tableStore();
  const evaluator = await getUserProfile(store, caller.userId);
  if (evaluator?.kind !== 'evaluator') throw evaluatorsOnly();
  const startKey = decodeIndexCursor(query.cursor, { gsi1pk: gsi1.labelsWaitingPartition(evaluator.country), pkPrefix: 'LABEL#' });
  const { applications, lastKey } = await pageWaitingLabelApplications(store, evaluator.country, {
    limit: query.limit,
    startKey,
    excludeSchoolId: evaluator.schoolId,
  });
  const body: LabelApplicationsPage = { items: applications.map(labelApplicationOut), nextCursor: encodeCursor(lastKey) };
  return json(200, body);
});

export const evaluateLabel = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { labelId } = parseOr400(labelPathParams, event.pathParameters ?? {}, 'path');
  const store = tableStore();
  const { application, evaluator } = await getApplicationAndEvaluator(store, labelId, caller.userId);
  if (evaluator?.kind !== 'evaluator') throw evaluatorsOnly();
  if (!application) throw notFound('No such Quality Label application.');
  const refusal = evaluationRefusal(evaluator, application);
  if (refusal === 'other-country') throw forbidden("An application is evaluated by the evaluators of the applicant's country.");
  if (refusal === 'own-school') throw forbidden('An evaluator never scores an application from their own school.');
  if (application.status !== 'waiting') throw conflict('This application has already been evaluated.');
  const request = parseOr400(evaluationBody, event.body ?? {}, 'body');

  const verdict = judgeLabel(request, await getLabelPassMark(store, application.country));
  const now = new Date();
  const evaluation: LabelEvaluation = {
    evaluatorId: caller.userId,
    evaluatorName: evaluator.displayName,
    scores: request.scores,
    mandatory: request.mandatory,
    feedback: request.feedback,
    total: verdict.total,
    passMark: verdict.passMark,
    granted: verdict.granted,
    evaluatedAt: now.toISOString(),
  };
  const recorded = await recordLabelEvaluation(store, application, evaluation, {
    notificationId: ulid(now.getTime()),
    userId: application.applicantId,
    topic: 'label-result',
    projectId: application.projectId,
    title: verdict.granted
      ? `Quality Label granted: ${application.projectTitle}`
      : `Quality Label not granted: ${application.projectTitle}`,
    body: verdict.granted
      ? `Your application scored ${verdict.total} of 30 (pass mark ${verdict.passMark}). Read the evaluator's feedback per criterion in the project's Quality Labels.`
      : `${verdict.shortfalls.join(' ')} Read the evaluator's feedback per criterion; you may apply again for this project once, naming the criteria to review.`,
    createdAt: now.toISOString(),
  });
  if (!recorded) throw conflict('This application has already been evaluated.');
  const body: LabelApplicationResponse = labelApplicationOut({ ...application, status: verdict.granted ? 'granted' : 'not-granted', evaluation });
  return json(200, body);
});
