/**
 * A service that accepts connections and never answers (a stalled DynamoDB or
 * Cognito) must cost a request a bounded wait and a 503 UNAVAILABLE with
 * Retry-After, never a hang until API Gateway gives up. The handler runs
 * in-process against a server on 127.0.0.1 that swallows every request.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { readFileSync } from 'node:fs';
import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTransientFault } from '../../functions/lib/errors.ts';

let stalled: Server;
const sockets = new Set<Socket>();

beforeAll(async () => {
  stalled = createServer((socket) => {
    sockets.add(socket);
    socket.on('data', () => {}); // read the request, answer nothing
  });
  await new Promise<void>((resolve) => stalled.listen(0, '127.0.0.1', resolve));
  const { port } = stalled.address() as { port: number };
  Object.assign(process.env, {
    TABLE_NAME: 'twinspace',
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    DYNAMODB_ENDPOINT: `http://127.0.0.1:${port}`,
    COGNITO_ENDPOINT: `http://127.0.0.1:${port}`,
    POWERTOOLS_TRACE_ENABLED: 'false',
    POWERTOOLS_METRICS_DISABLED: 'true',
    POWERTOOLS_LOG_LEVEL: 'ERROR',
  });
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => stalled.close(resolve));
});

const sample = (name: string) => JSON.parse(readFileSync(new URL(`../../events/samples/${name}.json`, import.meta.url), 'utf8'));

describe('a stalled service', () => {
  it('DynamoDB: the agenda answers 503 UNAVAILABLE with Retry-After instead of hanging', { timeout: 10_000 }, async () => {
    const { handler } = await import('../../functions/http/agenda/handler.ts');
    const context = { functionName: 'http-agenda', awsRequestId: 'stalled', getRemainingTimeInMillis: () => 29_000 } as never;
    const answer = (await handler(sample('list-agenda'), context)) as { statusCode: number; headers: Record<string, string>; body: string };
    expect(answer.statusCode).toBe(503);
    expect(answer.headers['retry-after']).toBeDefined();
    expect(JSON.parse(answer.body).error.code).toBe('UNAVAILABLE');
  });

  it('Cognito: an admin call fails as a transient fault (503 to the caller) instead of hanging', { timeout: 10_000 }, async () => {
    const { cognito } = await import('../../functions/lib/clients.ts');
    const failure = await cognito()
      .send(new AdminGetUserCommand({ UserPoolId: 'eu-west-1_x', Username: 'pupil.marta' }))
      .catch((error: unknown) => error);
    expect(isTransientFault(failure)).toBe(true);
  });

  it('the clients’ limits bound the wait well under 5 s: attempts × request timeout, plus one backoff', async () => {
    const { clientLimits } = await import('../../functions/lib/clients.ts');
    const worstCaseMs = clientLimits.maxAttempts * (clientLimits.requestHandler.connectionTimeout + clientLimits.requestHandler.requestTimeout);
    expect(worstCaseMs).toBeLessThanOrEqual(5_000);
  });
});
