/**
 * The local EventBridge schedule: the same expression string as the cloud
 * rule, parsed by cron-parser, and at each fire time the handler is invoked
 * with an EventBridge "Scheduled Event".
 */
import { randomUUID } from 'node:crypto';
import type { ScheduledEvent } from 'aws-lambda';
import { CronExpressionParser } from 'cron-parser';
import { scheduledJobs, type ScheduledJob } from '../../functions/routes.ts';
import { localAccountId } from './http-event.ts';
import { invokeHandler } from './lambda-runtime.ts';

const rateUnits: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** EventBridge day-of-week numbers are 1 (SUN) … 7 (SAT); cron-parser's 0 (SUN) … 6 (SAT). */
function standardDayOfWeek(field: string): string {
  // Only day numbers move: those at the start or after ',' or '-' (not the n of 'd#n').
  return field.replace(/(^|[,-])([1-7])/g, (_, before: string, day: string) => `${before}${Number(day) - 1}`);
}

/**
 * `cron(m h dom mon dow year)` → the five-field form cron-parser reads:
 * the year field dropped, '?' as '*', weekday numbers shifted.
 */
export function toStandardCron(expression: string): string {
  const inner = /^cron\((.+)\)$/.exec(expression.trim());
  if (!inner) throw new Error(`Not an EventBridge cron expression: ${expression}`);
  const fields = inner[1].trim().split(/\s+/);
  if (fields.length !== 6) throw new Error(`An EventBridge cron expression has six fields: ${expression}`);
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields.map((field) => (field === '?' ? '*' : field));
  return [minute, hour, dayOfMonth, month, standardDayOfWeek(dayOfWeek)].join(' ');
}

/** The first fire time strictly after `after`, for `cron(...)` and `rate(...)` expressions (UTC, as EventBridge). */
export function nextFireTime(expression: string, after: Date): Date {
  const rate = /^rate\((\d+)\s+(minute|hour|day)s?\)$/.exec(expression.trim());
  if (rate) return new Date(after.getTime() + Number(rate[1]) * rateUnits[rate[2]]);
  return CronExpressionParser.parse(toStandardCron(expression), { currentDate: after, tz: 'UTC' }).next().toDate();
}

export function scheduledEvent(job: ScheduledJob, fireTime: Date, region: string): ScheduledEvent {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: localAccountId,
    time: fireTime.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region,
    resources: [`arn:aws:events:${region}:${localAccountId}:rule/twinspace-${job.name}`],
    detail: {},
  };
}

export interface LocalScheduler {
  /** The next planned run of each job, for the banner. */
  nextRuns(): { name: string; at: Date }[];
  stop(): void;
}

export function startScheduler(region: string, jobs: readonly ScheduledJob[] = scheduledJobs): LocalScheduler {
  const timers = new Map<string, { timer: NodeJS.Timeout; at: Date }>();
  let stopped = false;
  const plan = (job: ScheduledJob) => {
    if (stopped) return;
    const at = nextFireTime(job.schedule, new Date());
    // setTimeout cannot wait longer than ~24.8 days; re-plan in steps.
    const delay = Math.min(at.getTime() - Date.now(), 2 ** 31 - 1);
    const timer = setTimeout(() => {
      if (Date.now() < at.getTime()) return plan(job);
      invokeHandler(job, scheduledEvent(job, at, region), 900_000)
        .catch((error) => console.error(`[${job.name}] scheduled run failed:`, error))
        .finally(() => plan(job));
    }, delay);
    timer.unref();
    timers.set(job.name, { timer, at });
  };
  jobs.forEach(plan);
  return {
    nextRuns: () => [...timers].map(([name, { at }]) => ({ name, at })),
    stop() {
      stopped = true;
      for (const { timer } of timers.values()) clearTimeout(timer);
    },
  };
}
