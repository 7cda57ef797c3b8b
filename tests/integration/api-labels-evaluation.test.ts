/**
 * Evaluating Quality Label applications through the real API (DOMAIN.md,
 * "Quality Labels"): an evaluator of the applicant's country lists the
 * waiting applications and scores one once; not granted → the teacher may
 * apply again for the project once, naming the criteria to review. Fresh
 * accounts of their own country (DE), so other tests' evaluators and quotas
 * are untouched.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { listWaitingLabelApplications } from '../../functions/data/labels.ts';
import { newTestAccount } from '../support/accounts.ts';
import { apiGet, apiSend, demoToken, tableStoreOf } from '../support/clients.ts';
import { labelApplicationForm } from '../support/labels.ts';
import { newTwinspace, type TestTwinspace } from '../support/twinspace.ts';

const endpoints = inject('endpoints');
const country = 'DE';
const school = { schoolId: '01JG3SCHOOLBERLIN000000000', school: 'Schule am Fluss' };

type Account = Awaited<ReturnType<typeof newTestAccount>>;

let space: TestTwinspace;
let hans: Account;
let evaluator: Account;
let sameSchoolEvaluator: Account;

const scores = (each: number) => ({ collaboration: each, technology: each, pedagogy: each, curriculum: each, results: each });
const feedback = {
  collaboration: 'The schools really worked together.',
  technology: 'Tools fit the tasks.',
  pedagogy: 'Inquiry in mixed teams.',
  curriculum: 'Linked to both curricula.',
  results: 'Well documented.',
};
const evaluate = (labelId: string, idToken: string | undefined, body: unknown) =>
  apiSend(endpoints, 'POST', `/labels/${labelId}/evaluation`, idToken, body);
const apply = (idToken: string, extra: Record<string, unknown> = {}) =>
  apiSend(endpoints, 'POST', `/projects/${space.projectId}/labels`, idToken, labelApplicationForm(space.projectId, extra));
const pendingIds = async (idToken: string) => {
  const answer = await apiGet(endpoints, '/evaluations?status=pending&limit=100', idToken);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.items.map((application: { labelId: string }) => application.labelId) as string[];
};

beforeAll(async () => {
  space = await newTwinspace(endpoints, 'Labels: the evaluation');
  hans = await newTestAccount(endpoints, { kind: 'teacher', country, displayName: 'Hans Weber', extra: school });
  const added = await apiSend(endpoints, 'POST', `/projects/${space.projectId}/members`, space.members['teacher-admin'].idToken, {
    username: hans.username,
    type: 'member-teacher',
  });
  expect(added.status).toBe(201);
  evaluator = await newTestAccount(endpoints, { kind: 'evaluator', country, displayName: 'Erika Evaluator' });
  sameSchoolEvaluator = await newTestAccount(endpoints, { kind: 'evaluator', country, displayName: 'Otto Colleague', extra: school });
});

describe('evaluating a Quality Label application', () => {
  let labelId: string;

  it("lists the country's waiting applications for its evaluators, never those of their own school", async () => {
    const applied = await apply(hans.idToken);
    expect(applied.status).toBe(201);
    labelId = applied.body.labelId;
    expect(await pendingIds(evaluator.idToken)).toContain(labelId);
    expect(await pendingIds(sameSchoolEvaluator.idToken)).not.toContain(labelId);
    expect(await pendingIds(await demoToken(endpoints, 'eval.es@demo.twinspace'))).not.toContain(labelId);
    expect((await apiGet(endpoints, '/evaluations', space.members['teacher-admin'].idToken)).status).toBe(403);
  });

  it('refuses a colleague of the same school, an evaluator of another country and a teacher', async () => {
    const body = { scores: scores(4), mandatory: { pupilCollaboration: 1, ictUse: 1, safety: 1 }, feedback };
    const colleague = await evaluate(labelId, sameSchoolEvaluator.idToken, body);
    expect(colleague.status).toBe(403);
    expect(colleague.body.error.message).toBe('An evaluator never scores an application from their own school.');
    expect((await evaluate(labelId, await demoToken(endpoints, 'eval.es@demo.twinspace'), body)).status).toBe(403);
    expect((await evaluate(labelId, hans.idToken, body)).status).toBe(403);
    const outOfRange = await evaluate(labelId, evaluator.idToken, { ...body, scores: { ...scores(4), results: 7 } });
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body.error.details.map((detail: { field: string }) => detail.field)).toEqual(['body.scores.results']);
  });

  it('does not grant with a mandatory point at 0, whatever the total; once only', async () => {
    const scored = await evaluate(labelId, evaluator.idToken, { scores: scores(6), mandatory: { pupilCollaboration: 2, ictUse: 2, safety: 0 }, feedback });
    expect(scored.status, JSON.stringify(scored.body)).toBe(200);
    expect(scored.body).toMatchObject({ status: 'not-granted', evaluation: { total: 30, passMark: 15, granted: false, evaluatorName: 'Erika Evaluator' } });
    expect((await evaluate(labelId, evaluator.idToken, { scores: scores(6), mandatory: { pupilCollaboration: 2, ictUse: 2, safety: 2 }, feedback })).status).toBe(409);
    // No longer waiting: neither the evaluators' list nor the digest's.
    expect(await pendingIds(evaluator.idToken)).not.toContain(labelId);
    expect((await listWaitingLabelApplications(tableStoreOf(endpoints), country)).map((waiting) => waiting.labelId)).not.toContain(labelId);
  });

  it('the teacher sees the result with the feedback, and is notified', async () => {
    const listed = await apiGet(endpoints, `/projects/${space.projectId}/labels`, hans.idToken);
    const mine = listed.body.items.find((application: { labelId: string }) => application.labelId === labelId);
    expect(mine).toMatchObject({ status: 'not-granted', evaluation: { feedback: { results: 'Well documented.' } } });
    const notifications = await apiGet(endpoints, '/me/notifications', hans.idToken);
    expect(notifications.body.items[0]).toMatchObject({
      topic: 'label-result',
      title: 'Quality Label not granted: Labels: the evaluation',
    });
  });

  it('after a result that was not granted the teacher applies again once, naming the criteria to review', async () => {
    const plainAgain = await apply(hans.idToken);
    expect(plainAgain.status).toBe(409);
    expect(plainAgain.body.error.message).toMatch(/already applied for this project/);

    const review = await apply(hans.idToken, { reviewOf: { labelId, criteria: ['technology', 'results'] } });
    expect(review.status, JSON.stringify(review.body)).toBe(201);
    expect(review.body.reviewOf).toEqual({ labelId, criteria: ['technology', 'results'] });

    const granted = await evaluate(review.body.labelId, evaluator.idToken, { scores: scores(4), mandatory: { pupilCollaboration: 1, ictUse: 1, safety: 1 }, feedback });
    expect(granted.body).toMatchObject({ status: 'granted', evaluation: { total: 20, granted: true } });

    const secondReview = await apply(hans.idToken, { reviewOf: { labelId, criteria: ['pedagogy'] } });
    expect(secondReview.status).toBe(409);
    expect(secondReview.body.error.message).toMatch(/already applied again for this project once/);
  });

  it("refuses a review of someone else's application", async () => {
    const eva = space.members['member-teacher'];
    const review = await apply(eva.idToken!, { reviewOf: { labelId, criteria: ['results'] } });
    expect(review.status).toBe(409);
    expect(review.body.error.message).toMatch(/A review is for your own application for this project whose label was not granted/);
    expect(review.body.error.message).not.toMatch(/reviewOf/);
  });
});

describe('evaluations sent at once', () => {
  it('of one waiting application: exactly one is recorded (200), the others find it evaluated (409), and the applicant is told once', async () => {
    const rush = await newTestAccount(endpoints, { kind: 'teacher', country, displayName: 'Rita Eilig' });
    const added = await apiSend(endpoints, 'POST', `/projects/${space.projectId}/members`, space.members['teacher-admin'].idToken, {
      username: rush.username,
      type: 'member-teacher',
    });
    expect(added.status).toBe(201);
    const applied = await apply(rush.idToken);
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    const body = { scores: scores(4), mandatory: { pupilCollaboration: 1, ictUse: 1, safety: 1 }, feedback };

    const answers = await Promise.all(Array.from({ length: 8 }, () => evaluate(applied.body.labelId, evaluator.idToken, body)));
    expect(answers.map((answer) => answer.status).sort(), JSON.stringify(answers.map((answer) => answer.body))).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    for (const refused of answers.filter((answer) => answer.status === 409)) {
      expect(refused.body.error.message).toBe('This application has already been evaluated.');
    }

    const notifications = await apiGet(endpoints, '/me/notifications', rush.idToken);
    expect(notifications.body.items.filter((notification: { topic: string }) => notification.topic === 'label-result')).toHaveLength(1);
    expect(await pendingIds(evaluator.idToken)).not.toContain(applied.body.labelId);
  });
});
