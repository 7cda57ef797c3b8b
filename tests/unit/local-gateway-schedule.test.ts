/** The local scheduler reads the cloud rule's EventBridge expression itself. */
import { describe, expect, it } from 'vitest';
import { scheduledJobs } from '../../functions/routes.ts';
import { nextFireTime, scheduledEvent, toStandardCron } from '../../infra/local/scheduler.ts';

describe('EventBridge schedule expressions', () => {
  it('fires the evaluators digest at the next 06:00 UTC', () => {
    const job = scheduledJobs.find((candidate) => candidate.name === 'notify-evaluators')!;
    expect(nextFireTime(job.schedule, new Date('2026-11-28T12:00:00Z')).toISOString()).toBe('2026-11-29T06:00:00.000Z');
    expect(nextFireTime(job.schedule, new Date('2026-11-28T05:59:00Z')).toISOString()).toBe('2026-11-28T06:00:00.000Z');
  });

  it('drops the year, reads ? as * and counts weekdays from SUN=1 as EventBridge does', () => {
    expect(toStandardCron('cron(0 6 * * ? *)')).toBe('0 6 * * *');
    // 2026-11-28 is a Saturday; EventBridge 2 is Monday.
    expect(nextFireTime('cron(30 8 ? * 2 *)', new Date('2026-11-28T12:00:00Z')).toISOString()).toBe('2026-11-30T08:30:00.000Z');
    expect(nextFireTime('cron(0 9 ? * MON-FRI *)', new Date('2026-11-28T12:00:00Z')).toISOString()).toBe('2026-11-30T09:00:00.000Z');
  });

  it('understands rate expressions', () => {
    expect(nextFireTime('rate(5 minutes)', new Date('2026-11-28T12:00:00Z')).toISOString()).toBe('2026-11-28T12:05:00.000Z');
  });

  it('hands the handler an EventBridge Scheduled Event', () => {
    const job = scheduledJobs[0];
    expect(scheduledEvent(job, new Date('2026-11-29T06:00:00.000Z'), 'eu-west-1')).toMatchObject({
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      time: '2026-11-29T06:00:00Z',
      region: 'eu-west-1',
      resources: [expect.stringMatching(/^arn:aws:events:eu-west-1:\d{12}:rule\//)],
      detail: {},
    });
  });
});
