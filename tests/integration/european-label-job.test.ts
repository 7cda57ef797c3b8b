/**
 * The yearly European Quality Label proposal (DOMAIN.md, "Quality Labels"),
 * run as the scheduler runs it, on the local stack. National labels are
 * granted through the data layer's own evaluation write (which files each
 * grant under its school year) for a school year of their own, in countries
 * no other test uses, so the selection sees exactly this file's labels.
 * Expected: the project labelled in two countries with the best average is
 * proposed by both; the other eligible one is left out by the quarter; the
 * public page shows the European badge beside the national ones; a second
 * firing proposes nothing new.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { listEuropeanLabels } from '../../functions/data/european-labels.ts';
import { labelKeys } from '../../functions/data/keys.ts';
import { putWaitingLabelApplication, recordLabelEvaluation, type WaitingLabelApplication } from '../../functions/data/labels.ts';
import { labelCriteria, mandatoryPoints, type LabelApplication, type LabelCriterion, type MandatoryPoint } from '../../functions/domain/labels.ts';
import { scheduledJobs } from '../../functions/routes.ts';
import type { EuropeanProposalRun } from '../../functions/scheduled/propose-european-labels.ts';
import { applyHandlerEnv, invokeHandler } from '../../infra/local/lambda-runtime.ts';
import { scheduledEvent } from '../../infra/local/scheduler.ts';
import { apiGet, tableStoreOf } from '../support/clients.ts';
import { newTwinspace } from '../support/twinspace.ts';

const endpoints = inject('endpoints');
const job = scheduledJobs.find((candidate) => candidate.name === 'propose-european-labels')!;
const schoolYear = '2091-2092';
describe('the yearly European Quality Label proposal', () => {
  const store = tableStoreOf(endpoints);
  let best: string;
  const second = `project-${ulid()}`;

  /** One National Quality Label granted to `projectId` by `country`'s evaluators with this total. */
  async function grantNational(projectId: string, country: string, total: number) {
    const application = {
      labelId: ulid(),
      projectId,
      projectTitle: 'Rivers',
      applicantId: `teacher-${ulid()}`,
      applicantName: 'A teacher',
      country,
      schoolYear,
      submittedAt: '2092-03-01T10:00:00.000Z',
    };
    await putWaitingLabelApplication(store, application as WaitingLabelApplication);
    // The project's copy, as applying writes it (the public page reads that one).
    await store.db.send(
      new PutCommand({ TableName: store.tableName, Item: { ...labelKeys.projectLabel(projectId, application.labelId), entity: 'projectLabel', status: 'waiting', ...application } }),
    );
    const each = <T,>(value: T) => Object.fromEntries(labelCriteria.map((criterion) => [criterion, value])) as Record<LabelCriterion, T>;
    const outcome = await recordLabelEvaluation(
      store,
      { ...application, status: 'waiting' } as unknown as LabelApplication,
      {
        evaluatorId: 'evaluator',
        evaluatorName: 'An evaluator',
        scores: each(total / 5),
        mandatory: Object.fromEntries(mandatoryPoints.map((point) => [point, 2])) as Record<MandatoryPoint, number>,
        feedback: each('Fine.'),
        total,
        passMark: 15,
        granted: true,
        evaluatedAt: '2092-03-15T10:00:00.000Z',
      },
      { notificationId: ulid(), userId: application.applicantId, topic: 'label-result', title: 'Granted', body: 'Granted', createdAt: '2092-03-15T10:00:00.000Z' },
    );
    expect(outcome).toBe('recorded');
  }

  beforeAll(async () => {
    applyHandlerEnv(endpoints);
    best = (await newTwinspace(endpoints, `European rivers ${Date.now().toString(36)}`)).projectId;
    // LU holds 4 NQL projects (a quarter: one), MT 4 (one), CY 1 (none).
    await grantNational(best, 'LU', 25);
    await grantNational(best, 'MT', 25); // average 25
    await grantNational(second, 'LU', 23);
    await grantNational(second, 'MT', 21); // average 22: eligible, but each country's one place goes to the better
    await grantNational(`project-${ulid()}`, 'LU', 30); // one country only: never eligible
    await grantNational(`project-${ulid()}`, 'LU', 20);
    const twenty = `project-${ulid()}`;
    await grantNational(twenty, 'MT', 20);
    await grantNational(twenty, 'CY', 20); // average exactly 20: not above
    await grantNational(`project-${ulid()}`, 'MT', 18);
  }, 60_000);

  it('proposes the best eligible project of each country, within its quarter', async () => {
    const run = (await invokeHandler(job, scheduledEvent(job, new Date('2092-09-01T05:00:00Z'), endpoints.region))) as EuropeanProposalRun;
    expect(run).toEqual({ schoolYear, nationalLabels: 9, proposed: 1, alreadyProposed: 0 });
    expect(await listEuropeanLabels(store, best)).toEqual([
      expect.objectContaining({ schoolYear, averageScore: 25, countries: ['LU', 'MT'], proposedBy: ['LU', 'MT'] }),
    ]);
    expect(await listEuropeanLabels(store, second)).toEqual([]);
  });

  it('shows the European badge on the public page, beside the national ones', async () => {
    const page = await apiGet(endpoints, `/public/projects/${best}`);
    expect(page.status).toBe(200);
    const european = page.body.labels.filter((label: { level: string }) => label.level === 'european');
    expect(european).toEqual([expect.objectContaining({ level: 'european', schoolYear, countries: ['LU', 'MT'] })]);
    const national = page.body.labels.filter((label: { level: string }) => label.level === 'national').map((label: { country: string }) => label.country);
    expect(national.sort()).toEqual(['LU', 'MT']);
    expect(JSON.stringify(page.body.labels)).not.toMatch(/teacher|evaluator/i);
  });

  it('proposes nothing new when the schedule fires again', async () => {
    const again = (await invokeHandler(job, scheduledEvent(job, new Date('2092-09-01T05:30:00Z'), endpoints.region))) as EuropeanProposalRun;
    expect(again).toMatchObject({ schoolYear, proposed: 0, alreadyProposed: 1 });
    expect(await listEuropeanLabels(store, best)).toHaveLength(1);
  });
});
