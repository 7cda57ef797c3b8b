/**
 * The local stream poller hands a handler the records as Lambda does: the
 * Streams API's record with eventSource, the stream's ARN and the creation
 * time in epoch seconds, so the declared filters and the handler see the same
 * shape on the laptop and on AWS.
 */
import { describe, expect, it } from 'vitest';
import { streamHandlers } from '../../functions/routes.ts';
import { passesFilters } from '../../infra/local/event-filter.ts';
import { lambdaRecord } from '../../infra/local/streams.ts';

describe('a Streams API record, as Lambda delivers it', () => {
  const arn = 'arn:aws:dynamodb:ddblocal:000000000000:table/Twinspace/stream/2026-11-28T00:00:00.000';
  const record = lambdaRecord(
    {
      eventID: 'e1',
      eventName: 'INSERT',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'ddblocal',
      dynamodb: {
        ApproximateCreationDateTime: new Date('2026-11-28T10:00:01.500Z'),
        Keys: { PK: { S: 'USER#u1' }, SK: { S: 'NOTIFICATION#01' } },
        NewImage: { PK: { S: 'USER#u1' }, SK: { S: 'NOTIFICATION#01' }, entity: { S: 'notification' } },
        SequenceNumber: '000001',
        SizeBytes: 80,
        StreamViewType: 'NEW_IMAGE',
      },
    },
    arn,
    'eu-west-1',
  );

  it('carries the stream ARN and the creation time in epoch seconds', () => {
    expect(record).toMatchObject({ eventID: 'e1', eventName: 'INSERT', eventSource: 'aws:dynamodb', eventSourceARN: arn });
    expect(record.dynamodb?.ApproximateCreationDateTime).toBe(Date.parse('2026-11-28T10:00:01Z') / 1000);
    expect(record.dynamodb?.SequenceNumber).toBe('000001');
  });

  it('passes the deliver-notifications filter exactly as declared', () => {
    const [deliver] = streamHandlers;
    expect(passesFilters(deliver.filters, record as unknown as Record<string, unknown>)).toBe(true);
  });
});
