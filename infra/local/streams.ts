/**
 * The local event source mappings of the table's stream: DynamoDB Local
 * implements the DynamoDB Streams API, so this poller reads the table's stream
 * every 250 ms, keeps the records that pass each stream handler's filters
 * (functions/routes.ts streamHandlers, the same patterns the cloud mapping
 * has), and invokes the handler through the local Lambda runtime with Lambda's
 * DynamoDB event, in batches of its batchSize. A batch that fails (throws, or
 * names failed records) is retried from its first failed record, up to the
 * handler's retryAttempts, then logged and passed over, as Lambda does.
 *
 * Shards open when the stack starts are read from LATEST (the demo data seeded
 * before is not replayed); shards that appear later, from their start.
 */
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamsRecord,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import { streamHandlers, type StreamHandler } from '../../functions/routes.ts';
import type { LocalEndpoints } from './endpoints.ts';
import { passesFilters } from './event-filter.ts';
import { invokeHandler } from './lambda-runtime.ts';

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

/** Lambda's limit for a stream handler: its function timeout (the CDK default here: 10 s, see infra/cdk/streams.ts). */
const handlerTimeoutMs = 60_000;
/** Shards are looked for again this often (DynamoDB Local rolls shards rarely). */
const rediscoverEveryPolls = 20;

export interface LocalStreams {
  /** Resolves once no poll is running and no more will start. */
  stop(): Promise<void>;
}

export interface StreamsOptions {
  handlers?: readonly StreamHandler[];
  intervalMs?: number;
}

/** A record of the Streams API as Lambda hands it to a function (ApproximateCreationDateTime in epoch seconds). */
export function lambdaRecord(record: StreamsRecord, streamArn: string, region: string): DynamoDBRecord {
  const { ApproximateCreationDateTime, ...dynamodb } = record.dynamodb ?? {};
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: record.awsRegion ?? region,
    dynamodb: {
      ...(dynamodb as DynamoDBRecord['dynamodb']),
      ...(ApproximateCreationDateTime ? { ApproximateCreationDateTime: Math.floor(new Date(ApproximateCreationDateTime).getTime() / 1000) } : {}),
    },
    eventSourceARN: streamArn,
  };
}

function failedFrom(records: DynamoDBRecord[], response: unknown): number {
  const failures = (response as DynamoDBBatchResponse | undefined)?.batchItemFailures ?? [];
  if (failures.length === 0) return -1;
  const failed = new Set(failures.map((failure) => failure.itemIdentifier));
  const index = records.findIndex((record) => failed.has(record.dynamodb?.SequenceNumber ?? ''));
  return index === -1 ? 0 : index;
}

/** One batch to one handler, with Lambda's retries: from the first failed record on. */
async function invokeBatch(handler: StreamHandler, records: DynamoDBRecord[]): Promise<void> {
  let pending = records;
  for (let attempt = 0; attempt <= handler.retryAttempts && pending.length > 0; attempt += 1) {
    try {
      const response = await invokeHandler(handler, { Records: pending } satisfies DynamoDBStreamEvent, handlerTimeoutMs);
      const failedAt = failedFrom(pending, response);
      if (failedAt === -1) return;
      pending = pending.slice(failedAt);
    } catch (error) {
      console.error(`[${handler.name}] stream batch failed (attempt ${attempt + 1}):`, error);
    }
  }
  if (pending.length > 0) console.error(`[${handler.name}] ${pending.length} stream record(s) given up after ${handler.retryAttempts} retries`);
}

export async function startStreams(endpoints: LocalEndpoints, options: StreamsOptions = {}): Promise<LocalStreams> {
  const handlers = options.handlers ?? streamHandlers;
  const intervalMs = options.intervalMs ?? 250;
  const config = { endpoint: endpoints.dynamodb, region: endpoints.region, credentials };
  const dynamodb = new DynamoDBClient(config);
  const streams = new DynamoDBStreamsClient(config);
  const table = await dynamodb.send(new DescribeTableCommand({ TableName: endpoints.table }));
  dynamodb.destroy();
  const streamArn = table.Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`Table ${endpoints.table} has no stream: infra/local/bootstrap.ts enables it`);

  /** Open shards being read, by id: the iterator of their next records and the last record read. */
  const positions = new Map<string, { iterator: string; lastSequenceNumber?: string }>();
  const seenShards = new Set<string>();

  const describeShards = async (): Promise<Shard[]> => {
    const shards: Shard[] = [];
    let exclusiveStartShardId: string | undefined;
    do {
      const described = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: exclusiveStartShardId }));
      shards.push(...(described.StreamDescription?.Shards ?? []));
      exclusiveStartShardId = described.StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStartShardId);
    return shards;
  };

  const follow = async (shardId: string, from: 'LATEST' | 'TRIM_HORIZON' | { after: string }) => {
    const iterator = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ...(typeof from === 'string' ? { ShardIteratorType: from } : { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: from.after }),
      }),
    );
    if (iterator.ShardIterator) positions.set(shardId, { iterator: iterator.ShardIterator, lastSequenceNumber: typeof from === 'string' ? undefined : from.after });
  };

  const discover = async (first: boolean) => {
    for (const shard of await describeShards()) {
      const shardId = shard.ShardId!;
      if (seenShards.has(shardId)) continue;
      seenShards.add(shardId);
      const closed = Boolean(shard.SequenceNumberRange?.EndingSequenceNumber);
      // At start: only open shards, from now on. Later: a new shard from its first record.
      if (first && closed) continue;
      await follow(shardId, first ? 'LATEST' : 'TRIM_HORIZON');
    }
  };

  const dispatch = async (records: DynamoDBRecord[]) => {
    for (const handler of handlers) {
      const matching = records.filter((record) => passesFilters(handler.filters, record as unknown as Record<string, unknown>));
      for (let start = 0; start < matching.length; start += handler.batchSize) {
        await invokeBatch(handler, matching.slice(start, start + handler.batchSize));
      }
    }
  };

  let polls = 0;
  const poll = async () => {
    polls += 1;
    let shardClosed = false;
    for (const [shardId, position] of [...positions]) {
      let page;
      try {
        page = await streams.send(new GetRecordsCommand({ ShardIterator: position.iterator, Limit: 1000 }));
      } catch (error) {
        if (!(error instanceof ExpiredIteratorException)) throw error;
        // Unused for too long: carry on after the last record read.
        await follow(shardId, position.lastSequenceNumber ? { after: position.lastSequenceNumber } : 'LATEST');
        continue;
      }
      const records = (page.Records ?? []).map((record) => lambdaRecord(record, streamArn, endpoints.region));
      const lastSequenceNumber = records.at(-1)?.dynamodb?.SequenceNumber ?? position.lastSequenceNumber;
      if (page.NextShardIterator) positions.set(shardId, { iterator: page.NextShardIterator, lastSequenceNumber });
      else {
        positions.delete(shardId);
        shardClosed = true;
      }
      if (records.length > 0) await dispatch(records);
    }
    if (shardClosed || polls % rediscoverEveryPolls === 0) await discover(false);
  };

  await discover(true);

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const plan = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = poll()
        .catch((error) => {
          if (!stopped) console.error('[streams] polling the table stream failed:', error);
        })
        .finally(plan);
    }, intervalMs);
    timer.unref();
  };
  plan();

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      streams.destroy();
    },
  };
}
