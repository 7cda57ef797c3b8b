/**
 * The local S3 notifications (infra/local/storage-events.ts): s3rver's records
 * reach the storage handlers as S3 would send them — ObjectCreated only, by
 * prefix, one record per event, the key URL-encoded — one at a time, and a
 * failing handler does not stop the ones after it.
 */
import type { S3Event, S3EventRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { storageHandlers, type StorageHandler } from '../../functions/routes.ts';
import { handlersFor, notificationKey, s3Record, storageEventQueue } from '../../infra/local/storage-events.ts';

function s3rverRecord(key: string, eventName = 'ObjectCreated:Post'): S3EventRecord {
  return {
    eventVersion: '2.0',
    eventSource: 'aws:s3',
    awsRegion: 'us-east-1',
    eventTime: '2026-11-28T10:00:00.000Z',
    eventName,
    userIdentity: { principalId: 'AWS:X' },
    requestParameters: { sourceIPAddress: '127.0.0.1' },
    responseElements: { 'x-amz-request-id': 'R', 'x-amz-id-2': 'I' },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: 'testConfigId',
      bucket: { name: 'twinspace-materials', ownerIdentity: { principalId: 'P' }, arn: 'arn:aws:s3: : :twinspace-materials' },
      object: { key, size: 10, eTag: 'e', sequencer: '1' },
    },
  };
}

describe('which handlers an object wakes', () => {
  it('wakes processing for a new object under incoming/ only', () => {
    expect(handlersFor(storageHandlers, 'ObjectCreated:Post', 'incoming/P/M/F').map((handler) => handler.name)).toEqual(['process-upload']);
    expect(handlersFor(storageHandlers, 'ObjectCreated:Put', 'materials/P/M/F/original')).toEqual([]);
    expect(handlersFor(storageHandlers, 'ObjectRemoved:Delete', 'incoming/P/M/F')).toEqual([]);
  });
});

describe('a record as S3 sends it', () => {
  it('names the stack region, the bucket ARN and the URL-encoded key', () => {
    const record = s3Record(s3rverRecord('incoming/a b/ü+x'), 'eu-west-1');
    expect(record.awsRegion).toBe('eu-west-1');
    expect(record.s3.bucket.arn).toBe('arn:aws:s3:::twinspace-materials');
    expect(record.s3.object.key).toBe('incoming/a+b/%C3%BC%2Bx');
    expect(decodeURIComponent(notificationKey('x y+z').replaceAll('+', ' '))).toBe('x y+z');
  });
});

describe('the delivery queue', () => {
  const handler = (name: string, prefix: string): StorageHandler => ({ name, module: name, export: 'handler', prefix });

  it('delivers one record per event, in order, one at a time, past a failing handler', async () => {
    const calls: string[] = [];
    let running = 0;
    let allDelivered: () => void = () => {};
    const delivered = new Promise<void>((resolve) => (allDelivered = resolve));
    const queue = storageEventQueue([handler('first', 'incoming/'), handler('second', 'incoming/')], 'eu-west-1', async (target, event: S3Event) => {
      running += 1;
      expect(running).toBe(1);
      expect(event.Records).toHaveLength(1);
      calls.push(`${target.name} ${event.Records[0].s3.object.key}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
      if (calls.length === 4) allDelivered();
      if (target.name === 'first') throw new Error('boom');
    });
    const errors = console.error;
    console.error = () => {};
    try {
      queue.push({ Records: [s3rverRecord('incoming/1'), s3rverRecord('materials/x')] });
      queue.push({ Records: [s3rverRecord('incoming/2')] });
      await delivered;
      await queue.stop();
    } finally {
      console.error = errors;
    }
    expect(calls).toEqual(['first incoming/1', 'second incoming/1', 'first incoming/2', 'second incoming/2']);
  });
});
