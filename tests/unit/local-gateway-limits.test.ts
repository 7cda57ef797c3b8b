/**
 * What the local HTTP gateway does in API Gateway's place before and after a
 * handler: a path whose percent-encoding is broken is bad input (400 in the
 * API's error format), and a handler that outlives API Gateway's 29 s
 * integration timeout gets the caller a 504 (shortened here).
 */
import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { LocalEndpoints } from '../../infra/local/endpoints.ts';
import { closeServer, integrationTimeoutMs, startHttpGateway } from '../../infra/local/http-gateway.ts';
import { freePort } from '../../infra/local/ports.ts';

const endpoints: LocalEndpoints = {
  api: 'http://127.0.0.1:1',
  chat: 'ws://127.0.0.1:1',
  web: 'http://127.0.0.1:1',
  mail: 'http://127.0.0.1:1',
  dynamodb: 'http://127.0.0.1:1',
  storage: 'http://127.0.0.1:1',
  bucket: 'twinspace-materials',
  table: 'twinspace',
  region: 'eu-west-1',
  cognito: { endpoint: 'http://127.0.0.1:1', userPoolId: 'local_pool', clientId: 'client' },
};

let server: Server | undefined;
afterEach(async () => {
  if (server) await closeServer(server);
  server = undefined;
});

async function gateway(options: Parameters<typeof startHttpGateway>[2]) {
  const port = await freePort();
  server = await startHttpGateway(endpoints, port, options);
  return `http://127.0.0.1:${port}`;
}

describe('the local HTTP gateway', () => {
  it('answers a malformed percent-encoded path with 400 in the error format, invoking nothing', async () => {
    let invoked = 0;
    const base = await gateway({ invoke: async () => (invoked += 1) });
    const response = await fetch(`${base}/public/projects/%E0%A4%A/agenda.ics`);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details[0].field).toBe('path');
    expect(invoked).toBe(0);
  });

  it('gives up on a handler after the integration timeout with 504, as API Gateway does', async () => {
    const base = await gateway({ timeoutMs: 100, invoke: () => new Promise(() => {}) });
    const response = await fetch(`${base}/public/projects/01JF8Z3Q4W5X6Y7Z8A9B0C1D2E/agenda.ics`);
    expect(response.status).toBe(504);
  });

  it('uses API Gateway’s own limit by default: 29 seconds', () => {
    expect(integrationTimeoutMs).toBe(29_000);
  });
});
