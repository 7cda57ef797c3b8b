/**
 * Every morning (07:00 UTC): yesterday's notifications, one summary e-mail per
 * person who chose the daily digest (issue 9). The stream handler marked each
 * such person's day due (keys.ts N3) with the notifications it holds; this job
 * reads that one partition, lists each person's notifications of the day (N4:
 * the ULID range of the day, kept to the ids the mark names, so one sent at
 * once never comes again in the summary) and queues the summary in the
 * account-mail outbox, which send-account-mail sends. Queuing sets the mark's
 * `sentAt` in the same transaction: however often the job runs, one summary
 * per person and day.
 */
import { scheduledEvent } from '../../events/schedule.ts';
import { dropDigestDue, getMailReader, listDigestsDue, listNotificationsOfDay, queueDigestMail } from '../data/notification-mail.ts';
import { digestMail, previousDay, stillWantsDigest } from '../domain/notification-mail.ts';
import { tableStore } from '../lib/clients.ts';
import { logger, observedHandler } from '../lib/observability.ts';

export interface NotificationDigestRun {
  day: string;
  due: number;
  queued: number;
  alreadyQueued: number;
  skipped: number;
}

async function handle(event: unknown): Promise<NotificationDigestRun> {
  const firing = scheduledEvent.parse(event);
  const now = new Date(firing.time);
  const day = previousDay(now);
  const store = tableStore();
  const due = await listDigestsDue(store, day);
  const run: NotificationDigestRun = { day, due: due.length, queued: 0, alreadyQueued: 0, skipped: 0 };
  for (const person of due) {
    const reader = await getMailReader(store, person.userId);
    const wanted = new Set(person.notificationIds);
    const notifications = (await listNotificationsOfDay(store, person.userId, day)).filter((notification) => wanted.has(notification.notificationId));
    const mail = digestMail(day, notifications);
    if (!stillWantsDigest(reader) || !mail) {
      run.skipped += 1;
      await dropDigestDue(store, person, now);
      continue;
    }
    const queued = await queueDigestMail(store, person, { to: reader!.email!, ...mail, createdAt: now.toISOString() }, now);
    if (queued) run.queued += 1;
    else run.alreadyQueued += 1;
  }
  logger.info('Notification digests', { ...run });
  return run;
}

export const handler = observedHandler(handle);
