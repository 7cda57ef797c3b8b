/**
 * Local API latency against bare DynamoDB Local calls of the same kind, in
 * the same run (DESIGN.md: p50 ≤ 1.5 ×), and the DynamoDB round trips each
 * request makes (≤ 2 for reads). The bare side makes the same calls the
 * handler makes, one after another, straight from a client: the ratio is the
 * cost of the gateway, the token check, middy and the handler itself. The stack is the one `npm start` runs, on
 * free ports with an in-memory table (bench/stack.ts); the handlers run in this process, so a
 * middleware on their shared document client counts their round trips.
 */
import { BatchGetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { agendaIndex, gsi1, keys, pageIndex } from '../functions/data/keys.ts';
import { tableStore } from '../functions/lib/clients.ts';
import { httpRoutes } from '../functions/routes.ts';
import { buildHttpEvent, flattenClaims, matchRoute, newRequestId } from '../infra/local/http-event.ts';
import { createTokenVerifier } from '../infra/local/jwt.ts';
import { invokeHandler } from '../infra/local/lambda-runtime.ts';
import { benchStack } from './stack.ts';
import { demoToken, demoProjectId, subOf, tableStoreOf } from '../tests/support/clients.ts';
import type { Table } from './table.ts';

const iterations = Number(process.env.BENCH_API_ITERATIONS ?? 200);
const warmup = 20;
/** Rounds of every case before any is measured. */
const warmupRounds = Number(process.env.BENCH_API_WARMUP ?? 150);

async function p50(run: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < warmup; i += 1) await run();
  const times: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export async function apiLatency(): Promise<Table> {
  const stack = await benchStack();
  const { endpoints } = stack;
  const idToken = await demoToken(endpoints, 'ana@demo.twinspace');
  const userId = subOf(idToken);
  const projectId = await demoProjectId(endpoints);
  const bare = tableStoreOf(endpoints);

  // Count the handlers' DynamoDB round trips (their client is this process's tableStore()).
  let roundTrips = 0;
  tableStore().db.middlewareStack.add((next) => (args) => ((roundTrips += 1), next(args)), { step: 'initialize', name: 'countRoundTrips' });

  const get = (path: string) => async () => {
    const response = await fetch(`${endpoints.api}${path}`, { headers: { authorization: `Bearer ${idToken}` } });
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    await response.arrayBuffer();
  };
  // The same request handed straight to its area's function in this process: no HTTP, no token check.
  const claims = flattenClaims((await createTokenVerifier(endpoints)(idToken))!);
  const direct = (path: string) => {
    const match = matchRoute(httpRoutes, 'GET', path.split('?')[0])!;
    return async () => {
      const request = { method: 'GET', url: path, rawHeaders: ['host', 'localhost'], body: Buffer.alloc(0), sourceIp: '127.0.0.1', protocol: 'HTTP/1.1', now: new Date(), requestId: newRequestId() };
      const answer = (await invokeHandler(match.route.function, buildHttpEvent(request, match, claims))) as { statusCode: number };
      if (answer.statusCode >= 300) throw new Error(`${path} answered ${answer.statusCode} in process`);
    };
  };
  const userQuery = () =>
    bare.db.send(new QueryCommand({ TableName: bare.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.userPartition(userId) } }));
  const projectAccess = () =>
    bare.db.send(
      new BatchGetCommand({
        RequestItems: { [bare.tableName]: { Keys: [keys.project(projectId), keys.membership(projectId, userId), keys.userProfile(userId)] } },
      }),
    );
  const indexQuery = (partition: string) =>
    bare.db.send(
      new QueryCommand({ TableName: bare.tableName, IndexName: gsi1.indexName, KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': partition }, Limit: 50 }),
    );
  const cases: { route: string; path: string; bareKind: string; bareCall: () => Promise<unknown> }[] = [
    {
      route: 'GET /me',
      path: '/me',
      bareKind: 'Query USER#, BatchGet its projects',
      bareCall: async () => {
        const mine = await userQuery();
        const projectIds = (mine.Items ?? []).map((item) => item.projectId).filter((id): id is string => typeof id === 'string');
        if (projectIds.length === 0) return;
        await bare.db.send(new BatchGetCommand({ RequestItems: { [bare.tableName]: { Keys: [...new Set(projectIds)].map((id) => keys.project(id)) } } }));
      },
    },
    { route: 'GET /projects/{projectId}', path: `/projects/${projectId}`, bareKind: 'BatchGet project+member+profile', bareCall: projectAccess },
    {
      route: 'GET /projects/{projectId}/members',
      path: `/projects/${projectId}/members`,
      bareKind: 'BatchGet access ‖ Query members',
      bareCall: () =>
        Promise.all([
          projectAccess(),
          bare.db.send(
            new QueryCommand({
              TableName: bare.tableName,
              KeyConditionExpression: 'PK = :pk AND begins_with(SK, :member)',
              ExpressionAttributeValues: { ':pk': keys.projectPartition(projectId), ':member': 'MEMBER#' },
            }),
          ),
        ]),
    },
    // TwinSpace lists: the gate's BatchGet and the list's Query run at once, so the bare side does the same.
    {
      route: 'GET /projects/{projectId}/pages?area=public',
      path: `/projects/${projectId}/pages?area=public`,
      bareKind: 'BatchGet access ‖ Query GSI1',
      bareCall: () => Promise.all([projectAccess(), indexQuery(pageIndex.partition(projectId, 'public', 'published'))]),
    },
    {
      route: 'GET /projects/{projectId}/agenda',
      path: `/projects/${projectId}/agenda`,
      bareKind: 'BatchGet access ‖ Query GSI1',
      bareCall: () => Promise.all([projectAccess(), indexQuery(agendaIndex.partition(projectId))]),
    },
  ];

  // Warm everything first (node's JIT, and DynamoDB Local's: it is Java), so no case is measured colder than the next.
  for (const measured of cases) {
    for (let i = 0; i < warmupRounds; i += 1) await Promise.all([get(measured.path)(), direct(measured.path)(), measured.bareCall()]);
  }
  const rows: string[][] = [];
  for (const measured of cases) {
    const api = get(measured.path);
    roundTrips = 0;
    await api();
    const tripsPerRequest = roundTrips;
    const apiMs = await p50(api);
    const inProcessMs = await p50(direct(measured.path));
    const bareMs = await p50(measured.bareCall);
    const ratio = apiMs / bareMs;
    rows.push([
      measured.route,
      String(tripsPerRequest),
      apiMs.toFixed(2),
      measured.bareKind,
      bareMs.toFixed(2),
      ratio.toFixed(2),
      ratio <= 1.5 ? 'yes' : 'NO',
      // Where the time goes: the HTTP hop (fetch, node's server, token check, event mapping), then the function beyond its calls.
      (apiMs - inProcessMs).toFixed(2),
      (inProcessMs - bareMs).toFixed(2),
    ]);
  }
  return {
    title: `Local API p50 vs the same DynamoDB Local calls made directly (${iterations} requests each; budget 1.5 ×; round trips ≤ 2 for reads). Where the time goes: the gateway hop = API − the same event handed to the function in process; the function's own = that − the bare calls`,
    columns: ['route', 'DynamoDB round trips', 'API p50 ms', 'the same calls, direct', 'direct p50 ms', 'ratio', 'within budget', 'gateway hop ms', "function's own ms"],
    rows,
  };
}
