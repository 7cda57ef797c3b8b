/**
 * What a scheduled job receives: EventBridge's "Scheduled Event" shape. On AWS
 * the EventBridge Scheduler schedule of functions/routes.ts scheduledJobs
 * builds it from the firing (infra/cdk/schedule.ts: `time` is the scheduled
 * time, `id` the execution id, `resources` the schedule's ARN); the local
 * scheduler sends the same shape.
 */
import * as z from 'zod/mini';

export const scheduledEvent = z.object({
  version: z.string(),
  id: z.string(),
  'detail-type': z.literal('Scheduled Event'),
  source: z.literal('aws.events'),
  account: z.string(),
  /** When the schedule fired (ISO 8601 UTC): the job's notion of "now" and of "today". */
  time: z.iso.datetime({ offset: true }),
  region: z.string(),
  resources: z.array(z.string()),
  detail: z.record(z.string(), z.unknown()),
});
export type ScheduledEvent = z.infer<typeof scheduledEvent>;
