/**
 * The evaluators' daily digest (DOMAIN.md, "Evaluators are notified on a
 * schedule"). For each evaluator (one GSI1 Query lists them all), their
 * country's waiting applications (one GSI1 Query per country, shared by the
 * country's evaluators); nothing waiting → nothing sent. The day's dedup mark
 * is claimed before sending, so however often the schedule fires an
 * evaluator gets at most one digest a day; if sending fails the claim is
 * released so a later firing can try again.
 */
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { ulid } from 'ulid';
import { scheduledEvent } from '../../events/schedule.ts';
import { mail, tableStore } from '../lib/clients.ts';
import { setting } from '../lib/config.ts';
import { countOf, logger, observedHandler } from '../lib/observability.ts';
import { getLabelTargetDays, listWaitingLabelApplications } from '../data/labels.ts';
import { claimDigestDay, putNotification, releaseDigestDay } from '../data/notifications.ts';
import { listEvaluators, type UserProfile } from '../data/users.ts';
import { composeDigest, type Digest } from '../domain/digest.ts';

export interface DigestRun {
  evaluators: number;
  sent: number;
  nothingWaiting: number;
  alreadySentToday: number;
  failed: number;
}

async function deliver(evaluator: UserProfile, digest: Digest, now: Date): Promise<void> {
  if (evaluator.email) {
    await mail().send(
      new SendEmailCommand({
        FromEmailAddress: setting('mailFrom'),
        Destination: { ToAddresses: [evaluator.email] },
        Content: { Simple: { Subject: { Data: digest.subject }, Body: { Text: { Data: digest.text } } } },
      }),
    );
  }
  await putNotification(tableStore(), {
    notificationId: ulid(now.getTime()),
    userId: evaluator.userId,
    topic: 'evaluator-digest',
    title: digest.subject,
    body: digest.text,
    createdAt: now.toISOString(),
  });
}

async function handle(event: unknown): Promise<DigestRun> {
  const firing = scheduledEvent.parse(event);
  const now = new Date(firing.time);
  const store = tableStore();
  const evaluators = await listEvaluators(store);
  const countries = new Map<string, Promise<{ applications: Awaited<ReturnType<typeof listWaitingLabelApplications>>; targetDays: number }>>();
  const run: DigestRun = { evaluators: evaluators.length, sent: 0, nothingWaiting: 0, alreadySentToday: 0, failed: 0 };

  for (const evaluator of evaluators) {
    if (!countries.has(evaluator.country)) {
      countries.set(
        evaluator.country,
        Promise.all([listWaitingLabelApplications(store, evaluator.country), getLabelTargetDays(store, evaluator.country)]).then(
          ([applications, targetDays]) => ({ applications, targetDays }),
        ),
      );
    }
    const { applications, targetDays } = await countries.get(evaluator.country)!;
    const digest = composeDigest({ country: evaluator.country, applications, now, targetDays });
    if (!digest) {
      run.nothingWaiting++;
      continue;
    }
    if (!(await claimDigestDay(store, evaluator.userId, digest.day, now))) {
      run.alreadySentToday++;
      continue;
    }
    try {
      await deliver(evaluator, digest, now);
      run.sent++;
      countOf('DigestsSent');
    } catch (error) {
      run.failed++;
      logger.error('Digest not delivered; releasing the day so a later firing retries', { userId: evaluator.userId, error: error as Error });
      await releaseDigestDay(store, evaluator.userId, digest.day);
    }
  }
  logger.info('Evaluator digests', { ...run });
  return run;
}

export const handler = observedHandler(handle);
