/**
 * Fan-out at scale (issue 9, item 5), two tables:
 *
 * 1. A room of 300 real WebSockets on the local chat gateway. Each socket
 *    connects as ana (authorizer, $connect); the room's connection items are
 *    written for their ids (keys.chatConnection); then broadcast() runs the
 *    real path — the Query of the room, the SDK's @connections client, the
 *    local gateway's /@connections/{id}, the socket. Beside it, in the same
 *    run, a bare `ws` server sends the same payload to 300 other sockets.
 *    Rounds alternate between the two; the time is from the call to each
 *    socket's arrival, every round's 300 times pooled. Target: p99 ≤ 1 s.
 * 2. A room of 1,000 against an @connections stand-in (20–40 ms a POST):
 *    how long broadcast() takes, how many posts fail, the heap it needs and
 *    the CPU it burns, as the code was (every post at once, the SDK's default
 *    pool of 50 sockets) and as it is (50 in flight, the pool sized to match).
 *
 * The sockets and the stand-in live in a child process (bench/fanout-peer.ts).
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ApiGatewayManagementApiClient, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { WebSocketServer, type WebSocket } from 'ws';
import type { MessageFrame } from '../events/chat-frames.ts';
import { broadcast, broadcastConcurrency, type Room, type SendToConnection } from '../functions/chat/broadcast.ts';
import { connectionTtlSeconds } from '../functions/data/chat.ts';
import { keys, prefixes } from '../functions/data/keys.ts';
import { logger } from '../functions/lib/logger.ts';
import { clientLimits } from '../functions/lib/clients.ts';
import { maxSockets, postToConnection } from '../functions/lib/connections-api.ts';
import { envNames } from '../functions/lib/config.ts';
import { connectionsPool, newConnectionsClient } from './sdk-connections.ts';
import { demoProjectId, demoToken, subOf, tableStoreOf } from '../tests/support/clients.ts';
import { epochNow, type PeerCommand, type PeerReport } from './fanout-peer.ts';
import { chatBroadcastMemoryMb } from '../infra/cdk/chat-api.ts';
import { benchStack, whenStackStops } from './stack.ts';
import type { Table } from './table.ts';

const roomSize = Number(process.env.BENCH_FANOUT_ROOM ?? 300);
const rounds = Number(process.env.BENCH_FANOUT_ROUNDS ?? 10);
const warmupRounds = 3;
const largeRoom = Number(process.env.BENCH_FANOUT_LARGE_ROOM ?? 1_000);
const standInLatencyMs: [number, number] = [20, 40];
const meanLatencyMs = (standInLatencyMs[0] + standInLatencyMs[1]) / 2;
/** Lambda gives a function one vCPU at 1,769 MB, and CPU in proportion below that. */
const fullVcpuMb = 1_769;

/** A child process running bench/fanout-peer.ts, with a way to wait for its next report of a kind. */
class Peer {
  private readonly child: ChildProcess;
  private readonly waiting: { kind: PeerReport['kind']; group?: string; resolve: (report: PeerReport) => void }[] = [];
  private failure?: Error;

  constructor() {
    // fork() passes this process's execArgv, so tsx loads the TypeScript child too.
    this.child = fork(fileURLToPath(new URL('./fanout-peer.ts', import.meta.url)), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (report: PeerReport) => {
      if (report.kind === 'failed') {
        this.failure = new Error(`fan-out peer: ${report.message}`);
        return;
      }
      const index = this.waiting.findIndex((each) => each.kind === report.kind && (each.group === undefined || each.group === (report as { group?: string }).group));
      if (index >= 0) this.waiting.splice(index, 1)[0].resolve(report);
    });
  }

  send(command: PeerCommand): void {
    this.child.send(command);
  }

  next<K extends PeerReport['kind']>(kind: K, group?: string, timeoutMs = 60_000): Promise<Extract<PeerReport, { kind: K }>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(this.failure ?? new Error(`fan-out peer: no ${kind} within ${timeoutMs} ms`)), timeoutMs);
      this.waiting.push({ kind, group, resolve: (report) => (clearTimeout(timer), resolve(report as Extract<PeerReport, { kind: K }>)) });
    });
  }

  stop(): void {
    if (this.child.connected) this.send({ kind: 'exit' });
  }
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

const ms = (value: number) => value.toFixed(1);

function messageFrame(projectId: string, authorId: string): MessageFrame {
  return {
    type: 'message',
    message: {
      id: '01JBENCHFANOUT0000000000000',
      projectId,
      authorId,
      authorName: 'Ana',
      authorType: 'teacher-admin',
      text: 'The river samples are in: pH 7.2 upstream and 6.8 below the mill. Who takes the photos on Thursday? '.repeat(2).trim(),
      sentAt: new Date().toISOString(),
    },
  };
}

/** Every room connection's id, whichever item $connect writes (today the room's; after issue 9 the person's). */
async function connectedIds(endpoints: Parameters<typeof tableStoreOf>[0], userId: string, projectId: string): Promise<string[]> {
  const store = tableStoreOf(endpoints);
  const ids = new Set<string>();
  for (const partition of [keys.livePartition(userId), keys.roomPartition(projectId)]) {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await store.db.send(
        new QueryCommand({
          TableName: store.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :conn)',
          ExpressionAttributeValues: { ':pk': partition, ':conn': prefixes.chatConnection },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) ids.add(item.connectionId as string);
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  }
  return [...ids];
}

/** The room's connection items for these ids, written directly (what `join` writes). */
async function writeRoomItems(endpoints: Parameters<typeof tableStoreOf>[0], projectId: string, userId: string, ids: string[]): Promise<void> {
  const store = tableStoreOf(endpoints);
  const now = new Date();
  const expiresAt = Math.floor(now.getTime() / 1000) + connectionTtlSeconds;
  for (let start = 0; start < ids.length; start += 25) {
    const items = ids.slice(start, start + 25).map((connectionId) => ({
      PutRequest: {
        Item: {
          ...keys.chatConnection(projectId, connectionId),
          entity: 'chatConnection',
          connectionId,
          projectId,
          userId,
          name: 'Ana',
          type: 'teacher-admin',
          connectedAt: now.toISOString(),
          joinedAt: now.toISOString(),
          expiresAt,
        },
      },
    }));
    let unprocessed: Record<string, any> | undefined = { [store.tableName]: items };
    while (unprocessed && Object.keys(unprocessed).length > 0) {
      unprocessed = (await store.db.send(new BatchWriteCommand({ RequestItems: unprocessed }))).UnprocessedItems;
    }
  }
}

/** 300 sockets through the real broadcast path, beside a bare ws broadcast to 300 sockets. */
export async function roomFanout(): Promise<Table> {
  const stack = await benchStack();
  const peer = new Peer();
  const bare = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  try {
    const { endpoints } = stack;
    const idToken = await demoToken(endpoints, 'ana@demo.twinspace');
    const userId = subOf(idToken);
    const projectId = await demoProjectId(endpoints);
    const payloadFrame = messageFrame(projectId, userId);
    const payload = JSON.stringify(payloadFrame);

    // The real room: sockets through the authorizer and $connect (a projectId in the query is ignored after issue 9).
    const opened = peer.next('clients-open', 'room', 180_000);
    peer.send({ kind: 'clients', group: 'room', url: `${endpoints.chat}/?token=${encodeURIComponent(idToken)}&projectId=${encodeURIComponent(projectId)}`, count: roomSize });
    await opened;
    const ids = await connectedIds(endpoints, userId, projectId);
    if (ids.length !== roomSize) throw new Error(`expected ${roomSize} connection items, found ${ids.length}`);
    await writeRoomItems(endpoints, projectId, userId, ids);

    // The bare side: a plain ws server, the same payload, the same number of sockets.
    await new Promise<void>((resolve) => (bare.address() ? resolve() : bare.once('listening', () => resolve())));
    const bareSockets: WebSocket[] = [];
    bare.on('connection', (socket) => bareSockets.push(socket));
    const bareOpened = peer.next('clients-open', 'bare');
    peer.send({ kind: 'clients', group: 'bare', url: `ws://127.0.0.1:${(bare.address() as AddressInfo).port}`, count: roomSize });
    await bareOpened;

    const sides = {
      room: async () => {
        const arrived = peer.next('arrivals', 'room');
        const cpuBefore = process.cpuUsage();
        const start = epochNow();
        const result = await broadcast(projectId, payloadFrame);
        const returned = epochNow() - start;
        const cpu = process.cpuUsage(cpuBefore);
        if (result.sent !== roomSize) throw new Error(`broadcast sent ${result.sent} of ${roomSize}`);
        return { start, returned, cpuMs: (cpu.user + cpu.system) / 1000, arrivals: (await arrived).arrivals };
      },
      bare: async () => {
        const arrived = peer.next('arrivals', 'bare');
        const cpuBefore = process.cpuUsage();
        const start = epochNow();
        for (const socket of bareSockets) socket.send(payload);
        const returned = epochNow() - start;
        const cpu = process.cpuUsage(cpuBefore);
        return { start, returned, cpuMs: (cpu.user + cpu.system) / 1000, arrivals: (await arrived).arrivals };
      },
    };
    const times = { room: [] as number[], bare: [] as number[] };
    const returned = { room: [] as number[], bare: [] as number[] };
    const cpuMs = { room: [] as number[], bare: [] as number[] };
    for (let round = 0; round < warmupRounds + rounds; round += 1) {
      for (const side of ['room', 'bare'] as const) {
        const measured = await sides[side]();
        if (round < warmupRounds) continue;
        times[side].push(...measured.arrivals.map((arrival) => arrival - measured.start));
        returned[side].push(measured.returned);
        cpuMs[side].push(measured.cpuMs);
      }
    }
    const stats = (side: 'room' | 'bare') => {
      const sorted = [...times[side]].sort((a, b) => a - b);
      const calls = [...returned[side]].sort((a, b) => a - b);
      const cpu = [...cpuMs[side]].sort((a, b) => a - b);
      return { p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), max: sorted[sorted.length - 1], call: quantile(calls, 0.5), cpu: quantile(cpu, 0.5) };
    };
    const room = stats('room');
    const plain = stats('bare');
    return {
      title: `Fan-out to a room of ${roomSize} WebSockets, ${rounds} rounds each after ${warmupRounds} to warm up (load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores; ${payload.length}-byte message frame; time from the call to each socket's frame, the rounds' ${roomSize * rounds} times pooled; CPU: this process, which also runs the local gateway; target p99 ≤ 1 s)`,
      columns: ['path', 'p50 ms', 'p99 ms', 'max ms', 'call returns ms (median)', 'CPU ms until it returns (median)', 'within 1 s'],
      rows: [
        [
          `broadcast(): room Query, @connections client (${broadcastConcurrency} in flight), local gateway`,
          ms(room.p50),
          ms(room.p99),
          ms(room.max),
          ms(room.call),
          ms(room.cpu),
          room.p99 <= 1_000 ? 'yes' : 'NO',
        ],
        ['bare ws server, socket.send() to each', ms(plain.p50), ms(plain.p99), ms(plain.max), ms(plain.call), ms(plain.cpu), plain.p99 <= 1_000 ? 'yes' : 'NO'],
        ['ratio broadcast() / bare', `${(room.p50 / plain.p50).toFixed(1)} ×`, `${(room.p99 / plain.p99).toFixed(1)} ×`, `${(room.max / plain.max).toFixed(1)} ×`, '', '', ''],
      ],
    };
  } finally {
    // The room's sockets stay open until the stack has stopped: 300 $disconnects now would run during the next table.
    peer.send({ kind: 'close-clients', group: 'bare' });
    whenStackStops(() => peer.stop());
    bare.close();
  }
}

/** A garbage collection on demand, so each case starts from the same heap. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

interface PoolCase {
  name: string;
  concurrency: number;
  /** A sender to `endpoint` (posts one payload to one connection) and how to let it go after the case. */
  sender: (endpoint: string) => { send: SendToConnection; destroy(): void };
  pool: string;
}

/** 1,000 connections against the @connections stand-in: the code as it was beside the code as it is. */
export async function largeRoomFanout(): Promise<Table> {
  // The SDK wants credentials and a region; the stand-in checks neither.
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  process.env.AWS_REGION ??= 'eu-west-1';
  const gc = collector();
  // A failed post is logged once each; the table counts them instead.
  const warn = logger.warn;
  logger.warn = () => undefined;
  const peer = new Peer();
  try {
    const listening = peer.next('stand-in-listening');
    peer.send({ kind: 'stand-in', latencyMs: standInLatencyMs });
    const endpoint = `http://127.0.0.1:${(await listening).port}`;
    const frame = messageFrame('P1', 'U1');
    const sdk = (client: ApiGatewayManagementApiClient) => ({
      send: async (connectionId: string, payload: string) => {
        await client.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: payload }));
      },
      destroy: () => client.destroy(),
    });
    const cases: PoolCase[] = [
      {
        name: 'SDK client, every post at once (as it was)',
        concurrency: Number.POSITIVE_INFINITY,
        sender: (url) => sdk(new ApiGatewayManagementApiClient({ region: 'eu-west-1', endpoint: url, ...clientLimits })),
        pool: 'SDK default (50)',
      },
      { name: 'SDK client, 50 in flight', concurrency: 50, sender: (url) => sdk(newConnectionsClient(url)), pool: String(connectionsPool.maxSockets) },
      {
        // The production path: functions/lib/connections-api.ts (signed by hand, one keep-alive agent).
        name: `as it is: the signed client, ${broadcastConcurrency} in flight`,
        concurrency: broadcastConcurrency,
        sender: (url) => {
          process.env[envNames.chatCallbackUrl] = url;
          return { send: postToConnection, destroy: () => undefined };
        },
        pool: String(maxSockets),
      },
    ];
    const rows: string[][] = [];
    for (const size of [largeRoom, largeRoom * 3]) {
      for (const each of cases) {
        const ids = Array.from({ length: size }, (_, index) => `conn-${index}`);
        /** A room of `ids` posting through a fresh client; `onPost(n)` runs as the n-th post starts. */
        const roomOf = (client: { send: SendToConnection }, onPost: (count: number) => void = () => undefined): Room => {
          let posts = 0;
          return {
            connections: async () => ids,
            send: async (connectionId, payload) => {
              posts += 1;
              onPost(posts);
              await client.send(connectionId, payload);
            },
            forget: async () => undefined,
          };
        };
        const run = async (onPost?: (count: number) => void) => {
          const client = each.sender(endpoint);
          // One small warm-up broadcast (the SDK's first request resolves its config), then the stand-in's counters start afresh.
          await broadcast('P1', frame, { ...roomOf(client), connections: async () => ids.slice(0, 5) }, each.concurrency);
          const reset = peer.next('stand-in-stats');
          peer.send({ kind: 'stand-in-stats' });
          await reset;
          gc();
          const cpuBefore = process.cpuUsage();
          const start = performance.now();
          const result = await broadcast('P1', frame, roomOf(client, onPost), each.concurrency);
          const wallMs = performance.now() - start;
          const cpu = process.cpuUsage(cpuBefore);
          const stats = peer.next('stand-in-stats');
          peer.send({ kind: 'stand-in-stats' });
          const seen = await stats;
          client.destroy();
          return { wallMs, failed: size - result.sent, cpuMs: (cpu.user + cpu.system) / 1000, seen };
        };
        // The timed pass, then a pass that collects garbage as the 1/4th, 2/4th and 3/4th post starts: the heap the broadcast holds alive.
        const timed = await run();
        gc();
        const baseline = process.memoryUsage().heapUsed;
        let liveMb = 0;
        const checkpoints = new Set([Math.floor(size / 4), Math.floor(size / 2), Math.floor((3 * size) / 4)]);
        await run((count) => {
          if (!checkpoints.has(count)) return;
          gc();
          liveMb = Math.max(liveMb, (process.memoryUsage().heapUsed - baseline) / 1024 / 1024);
        });
        const cpuPerPost = timed.cpuMs / size;
        // On Lambda: the posts are bound by the waiting (in flight ÷ latency) or by the CPU the memory buys, whichever is slower.
        const inFlight = Math.min(each.concurrency, timed.seen.mostAtOnce);
        const onLambda = (memoryMb: number) => Math.max((size * meanLatencyMs) / inFlight, size * cpuPerPost * (fullVcpuMb / memoryMb)) / 1000;
        rows.push([
          String(size),
          each.name,
          each.pool,
          String(timed.seen.mostAtOnce),
          ms(timed.wallMs),
          String(timed.failed),
          liveMb.toFixed(1),
          cpuPerPost.toFixed(2),
          timed.failed > 0 ? 'posts fail' : onLambda(512).toFixed(1),
          timed.failed > 0 ? 'posts fail' : onLambda(chatBroadcastMemoryMb).toFixed(1),
        ]);
      }
    }
    return {
      title: `broadcast() to a large room through the SDK's @connections client, against a stand-in answering each POST in ${standInLatencyMs[0]}–${standInLatencyMs[1]} ms (a fresh client per case; timeouts as in clients.ts: 1 s connection, 1.5 s request, 2 attempts; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores). Live heap: after a collection at a quarter, half and three quarters of the posts. On Lambda, estimated: the slower of the waiting (connections × ${meanLatencyMs} ms ÷ in flight) and this CPU per post stretched to the vCPU share of 512 MB (as it was) / ${chatBroadcastMemoryMb} MB (infra/cdk/chat-api.ts)`,
      columns: ['connections', 'loop', 'sockets', 'most at once (stand-in)', 'wall ms', 'failed posts', 'live heap MB', 'CPU ms per post', 'on Lambda 512 MB s', `on Lambda ${chatBroadcastMemoryMb} MB s`],
      rows,
    };
  } finally {
    logger.warn = warn;
    peer.stop();
  }
}
