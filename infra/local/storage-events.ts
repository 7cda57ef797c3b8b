/**
 * The local S3 event notifications: s3rver's `event` emitter hands over a
 * record in S3's event shape for every object written; this delivers each
 * ObjectCreated record to every storage handler whose prefix matches
 * (functions/routes.ts storageHandlers, the same prefix the cloud
 * notification has), through the local Lambda runtime, with `{Records:[record]}`
 * as S3 sends one record per event. One delivery at a time, in order; a
 * failing handler is logged and passed over, never stops the stack.
 */
import type { S3Event, S3EventRecord } from 'aws-lambda';
import type { StorageHandler } from '../../functions/routes.ts';
import { invokeHandler } from './lambda-runtime.ts';

/** The processing function's limit on AWS is its timeout; locally this only bounds the Lambda-like context. */
const handlerTimeoutMs = 60_000;

/** S3 URL-encodes the key in notifications (a space as '+', slashes kept). */
export function notificationKey(key: string): string {
  return encodeURIComponent(key).replaceAll('%2F', '/').replaceAll('%20', '+');
}

/** s3rver's record as S3 sends it: the stack's region, the bucket's ARN, the key URL-encoded. */
export function s3Record(record: S3EventRecord, region: string): S3EventRecord {
  const bucket = record.s3.bucket.name;
  return {
    ...record,
    awsRegion: region,
    s3: {
      ...record.s3,
      bucket: { ...record.s3.bucket, arn: `arn:aws:s3:::${bucket}` },
      object: { ...record.s3.object, key: notificationKey(record.s3.object.key) },
    },
  };
}

/** The handlers an S3 notification (OBJECT_CREATED with a prefix filter) would invoke for this raw key. */
export function handlersFor(handlers: readonly StorageHandler[], eventName: string, rawKey: string): StorageHandler[] {
  if (!eventName.startsWith('ObjectCreated:')) return [];
  return handlers.filter((handler) => rawKey.startsWith(handler.prefix));
}

export interface StorageEventQueue {
  push(event: S3Event): void;
  /** Resolves once the delivery under way is done; those still queued are dropped (the stack is stopping). */
  stop(): Promise<void>;
}

export type Invoke = (handler: StorageHandler, event: S3Event) => Promise<unknown>;

export function storageEventQueue(handlers: readonly StorageHandler[], region: string, invoke: Invoke = (handler, event) => invokeHandler(handler, event, handlerTimeoutMs)): StorageEventQueue {
  let stopped = false;
  let queue: Promise<void> = Promise.resolve();
  const deliver = async (record: S3EventRecord) => {
    for (const handler of handlersFor(handlers, record.eventName, record.s3.object.key)) {
      if (stopped) return;
      try {
        await invoke(handler, { Records: [s3Record(record, region)] });
      } catch (error) {
        console.error(`[${handler.name}] ${record.eventName} ${record.s3.object.key} failed:`, error);
      }
    }
  };
  return {
    push(event) {
      if (stopped) return;
      for (const record of event.Records) queue = queue.then(() => deliver(record));
    },
    async stop() {
      stopped = true;
      await queue;
    },
  };
}
