/**
 * The evaluators' daily digest job, run once as the scheduler runs it, on the
 * local stack: eval.es gets one e-mail (through the local SES) and one in-app
 * notification about Spain's waiting applications, overdue first; a second
 * firing the same day sends nothing; an evaluator with nothing waiting gets
 * nothing.
 */
import { ulid } from 'ulid';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { keys } from '../../functions/data/keys.ts';
import { listWaitingLabelApplications, putWaitingLabelApplication } from '../../functions/data/labels.ts';
import { listNotifications } from '../../functions/data/notifications.ts';
import { notificationExpiresAt } from '../../functions/domain/notifications.ts';
import { createUserProfile } from '../../functions/data/users.ts';
import { scheduledJobs } from '../../functions/routes.ts';
import type { DigestRun } from '../../functions/scheduled/notify-evaluators.ts';
import { applyHandlerEnv, invokeHandler } from '../../infra/local/lambda-runtime.ts';
import { demoToken, mailsTo, subOf, tableStoreOf } from '../support/clients.ts';
import { scheduledEvent } from '../../infra/local/scheduler.ts';

const endpoints = inject('endpoints');
const job = scheduledJobs.find((candidate) => candidate.name === 'notify-evaluators')!;
const dayMs = 24 * 60 * 60 * 1000;

describe('the evaluators’ daily digest', () => {
  const store = tableStoreOf(endpoints);
  // Whole seconds: the schedule's time has no milliseconds.
  const now = new Date(Math.floor(Date.now() / 1000) * 1000);
  const quietEvaluator = { userId: `test-evaluator-${ulid()}`, email: 'eval.pt@example.test' };
  let evalEsId: string;
  /** Every evaluator with something waiting got one on the first firing; the second firing skips exactly those. */
  let firstRunSent = 0;
  /** The digest's own fixtures: waiting applications with only what the digest reads, which the real form never makes. */
  const fixtureLabelIds: string[] = [];

  beforeAll(async () => {
    applyHandlerEnv(endpoints);
    evalEsId = subOf(await demoToken(endpoints, 'eval.es@demo.twinspace'));
    const application = (title: string, daysAgo: number) => {
      const labelId = ulid();
      fixtureLabelIds.push(labelId);
      return {
        labelId,
        projectId: ulid(),
        projectTitle: title,
        applicantName: 'Ana García',
        country: 'ES',
        submittedAt: new Date(now.getTime() - daysAgo * dayMs).toISOString(),
      };
    };
    await putWaitingLabelApplication(store, application('Recent rivers', 3));
    await putWaitingLabelApplication(store, application('Forgotten fountains', 45));
    await createUserProfile(store, {
      ...quietEvaluator,
      username: quietEvaluator.email,
      kind: 'evaluator',
      country: 'PT',
      displayName: 'Quiet Evaluator',
      version: 1,
      createdAt: now.toISOString(),
    });
  });

  // The evaluators' page lists whole applications: the fixtures must not outlive this file.
  afterAll(async () => {
    for (const labelId of fixtureLabelIds) await store.db.send(new DeleteCommand({ TableName: store.tableName, Key: keys.labelApplication(labelId) }));
  });

  it('sends eval.es one digest, overdue first, by e-mail and in the app', async () => {
    // Other tests (the label routes, the policy walk) may leave applications waiting in ES and evaluators of their own.
    const waitingInEs = (await listWaitingLabelApplications(store, 'ES')).length;
    const run = (await invokeHandler(job, scheduledEvent(job, now, endpoints.region))) as DigestRun;
    expect(run.failed).toBe(0);
    firstRunSent = run.sent;

    const [mail, ...more] = await mailsTo(endpoints, 'eval.es@demo.twinspace');
    expect(more).toHaveLength(0);
    expect(waitingInEs).toBeGreaterThanOrEqual(2);
    expect(mail.subject).toBe(`${waitingInEs} Quality Label applications waiting in ES (1 over 30 days)`);
    expect(mail.body.text!.indexOf('Forgotten fountains')).toBeLessThan(mail.body.text!.indexOf('Recent rivers'));
    expect(mail.body.text).toContain('the oldest has waited 45 days');

    const notifications = await listNotifications(store, evalEsId, 10);
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({ topic: 'evaluator-digest', title: mail.subject });
    // Kept 90 days, like every notification (the table's TTL).
    expect(notifications[0].expiresAt).toBe(notificationExpiresAt(notifications[0].createdAt));
  });

  it('sends nothing more when the schedule fires again the same day', async () => {
    const run = (await invokeHandler(job, scheduledEvent(job, now, endpoints.region))) as DigestRun;
    expect(run).toMatchObject({ sent: 0, alreadySentToday: firstRunSent });
    expect(await mailsTo(endpoints, 'eval.es@demo.twinspace')).toHaveLength(1);
    expect(await listNotifications(store, evalEsId, 10)).toHaveLength(1);
  });

  it('sends nothing to an evaluator whose country has nothing waiting', async () => {
    expect(await mailsTo(endpoints, quietEvaluator.email)).toHaveLength(0);
    expect(await listNotifications(store, quietEvaluator.userId, 10)).toHaveLength(0);
  });
});
