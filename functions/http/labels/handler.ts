/**
 * The Quality Label function (routes.ts; API.md and DOMAIN.md, "Quality
 * Labels").
 *
 * A teacher of the project applies for a National Quality Label; the
 * application goes to the evaluators of the applicant's country (GSI1
 * LABELS-WAITING#<country>, read by the daily digest and GET /evaluations).
 * The project's teachers list its applications, newest first, their own and
 * their partners' with the results (the label is the whole project's;
 * partners coordinate who applies).
 *
 * An evaluator lists their country's waiting applications, oldest first,
 * without those of their own school, which they may never score, and scores
 * one once: five criteria 0..6, three mandatory points 0..2, feedback per
 * criterion → granted when every mandatory point is at least 1 and the total
 * reaches the country's pass mark (15 by default). Who is an evaluator, and of
 * which country, comes from their profile in the table (kind 'evaluator').
 */
import { ulid } from 'ulid';
import { decodeIndexCursor } from '../../data/index-cursor.ts';
import { gsi1, keys, labelKeys } from '../../data/keys.ts';
import {
  getApplicationAndEvaluator,
  getLabelPassMark,
  listProjectLabelApplications,
  pageWaitingLabelApplications,
  recordLabelEvaluation,
  submitLabelApplication,
  type ApplicationRefusal,
  type LabelApplication,
  type LabelEvaluation,
} from '../../data/labels.ts';
import { getUserProfile } from '../../data/users.ts';
import { declinedDeclarations, evaluationRefusal, judgeLabel, maxApplicationsPerSchoolYear, schoolYearOf } from '../../domain/labels.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { conflict, forbidden, notFound, validationFailed } from '../../lib/errors.ts';
import { countOf } from '../../lib/observability.ts';
import { areaHandler } from '../area.ts';
import { labelsRoutes } from './routes.ts';
import { labelApplicationOut } from './schemas.ts';

function refusalText(refusal: ApplicationRefusal, schoolYear: string): string {
  switch (refusal) {
    case 'already-open':
      return 'You already have an open application for this project: apply again once it has been evaluated.';
    case 'yearly-limit':
      return `You have already made ${maxApplicationsPerSchoolYear} Quality Label applications in the school year ${schoolYear}: at most ${maxApplicationsPerSchoolYear} per teacher from 1 September to 31 August.`;
    case 'already-applied':
      return 'You have already applied for this project. If its label is not granted, you may ask once for a review of that application, naming the criteria to be judged again.';
    case 'already-reviewed':
      return 'You have already applied again for this project once after a label was not granted.';
    case 'not-reviewable':
      return 'A review is for your own application for this project whose label was not granted.';
  }
}

const evaluatorsOnly = () => forbidden('Only Quality Label evaluators evaluate applications.');
const alreadyEvaluated = () => conflict('This application has already been evaluated.');

export const handler = areaHandler(labelsRoutes, {
  applyForLabel: async ({ caller, params: { projectId }, body, twinspace: { project, membership, profile }, store }) => {
    const declined = declinedDeclarations(body.eligibility);
    if (declined.length > 0) {
      throw validationFailed(
        'Every eligibility declaration must be yes to apply for a Quality Label.',
        declined.map((declaration) => ({ field: `body.eligibility.${declaration}`, message: 'Must be yes (true) to apply.' })),
      );
    }
    // The applicant's school and country are their profile's, read in the gate's own round trip.

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
      eligibility: body.eligibility,
      evidence: body.evidence,
      reviewOf: body.reviewOf,
      submittedAt: now.toISOString(),
    };
    const outcome = await submitLabelApplication(store, application, { perSchoolYear: maxApplicationsPerSchoolYear });
    if (outcome !== 'submitted') throw conflict(refusalText(outcome, schoolYear));
    countOf('LabelApplications');
    return { status: 201, body: labelApplicationOut(application) };
  },

  listLabelApplications: async ({ params: { projectId }, query, store }) => {
    const startKey = decodeCursor(query.cursor, keys.projectPartition(projectId), labelKeys.projectLabelPrefix);
    const { applications, lastKey } = await listProjectLabelApplications(store, projectId, { limit: query.limit, startKey });
    return { status: 200, body: { items: applications.map(labelApplicationOut), nextCursor: encodeCursor(lastKey) } };
  },

  listPendingEvaluations: async ({ caller, query, store }) => {
    const evaluator = await getUserProfile(store, caller.userId);
    if (evaluator?.kind !== 'evaluator') throw evaluatorsOnly();
    const startKey = decodeIndexCursor(query.cursor, { gsi1pk: gsi1.labelsWaitingPartition(evaluator.country), pkPrefix: 'LABEL#' });
    const { applications, lastKey } = await pageWaitingLabelApplications(store, evaluator.country, {
      limit: query.limit,
      startKey,
      excludeSchoolId: evaluator.schoolId,
    });
    return { status: 200, body: { items: applications.map(labelApplicationOut), nextCursor: encodeCursor(lastKey) } };
  },

  evaluateLabel: async ({ caller, params: { labelId }, body, store }) => {
    const { application, evaluator } = await getApplicationAndEvaluator(store, labelId, caller.userId);
    if (evaluator?.kind !== 'evaluator') throw evaluatorsOnly();
    if (!application) throw notFound('No such Quality Label application.');
    const refusal = evaluationRefusal(evaluator, application);
    if (refusal === 'other-country') throw forbidden("An application is evaluated by the evaluators of the applicant's country.");
    if (refusal === 'own-school') throw forbidden('An evaluator never scores an application from their own school.');
    if (application.status !== 'waiting') throw alreadyEvaluated();

    const verdict = judgeLabel(body, await getLabelPassMark(store, application.country));
    const now = new Date();
    const evaluation: LabelEvaluation = {
      evaluatorId: caller.userId,
      evaluatorName: evaluator.displayName,
      scores: body.scores,
      mandatory: body.mandatory,
      feedback: body.feedback,
      total: verdict.total,
      passMark: verdict.passMark,
      granted: verdict.granted,
      evaluatedAt: now.toISOString(),
    };
    const outcome = await recordLabelEvaluation(store, application, evaluation, {
      notificationId: ulid(now.getTime()),
      userId: application.applicantId,
      topic: 'label-result',
      projectId: application.projectId,
      subjectId: application.labelId,
      params: { project: application.projectTitle, outcome: verdict.granted ? 'granted' : 'not-granted', total: verdict.total, passMark: verdict.passMark },
      title: verdict.granted
        ? `Quality Label granted: ${application.projectTitle}`
        : `Quality Label not granted: ${application.projectTitle}`,
      body: verdict.granted
        ? `Your application scored ${verdict.total} of 30 (pass mark ${verdict.passMark}). Read the evaluator's feedback per criterion in the project's Quality Labels.`
        : `${verdict.shortfalls.join(' ')} Read the evaluator's feedback per criterion; you may apply again for this project once, naming the criteria to review.`,
      createdAt: now.toISOString(),
    });
    if (outcome === 'already-evaluated') throw alreadyEvaluated();
    countOf('LabelsEvaluated');
    return { status: 200, body: labelApplicationOut({ ...application, status: verdict.granted ? 'granted' : 'not-granted', evaluation }) };
  },
});
