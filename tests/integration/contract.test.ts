/**
 * The served contract is the declarations: every route of the route table is
 * called through the local gateway (signed in as a teacher, and signed out),
 * with ids that point nowhere and an empty body, and every answer must be one
 * its declaration names (tests/support/contract.ts; apiSend checks each answer,
 * so a violation fails here). Success bodies are checked the same way by every
 * other integration test. And GET /openapi.json documents exactly the
 * declared statuses of every route.
 */
import { ulid } from 'ulid';
import { describe, expect, inject, it } from 'vitest';
import { errorStatusesOf } from '../../functions/lib/route.ts';
import { httpRoutes } from '../../functions/routes.ts';
import { apiGet, apiSend, demoToken } from '../support/clients.ts';
import { contractViolation } from '../support/contract.ts';

const endpoints = inject('endpoints');

/** The route's path with every parameter an id of nothing (so no call here changes anything). */
const pathOf = (path: string) => path.replace(/\{\w+\}/g, () => ulid());

describe('every declared route answers as declared', () => {
  it.each(httpRoutes.map((route) => [route.name, route] as const))('%s', async (_name, route) => {
    const token = await demoToken(endpoints, 'ana@demo.twinspace');
    const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : {};
    // apiSend asserts the contract of each answer; the statuses are printed only when one breaks it.
    const signedIn = await apiSend(endpoints, route.method, pathOf(route.path), token, body);
    const signedOut = await apiSend(endpoints, route.method, pathOf(route.path), undefined, body);
    expect(signedIn.status).not.toBe(500);
    if (route.auth === 'jwt') expect(signedOut.status).toBe(401);
  });
});

describe('the contract check itself', () => {
  const agendaList = { method: 'GET', url: `/projects/${ulid()}/agenda`, contentType: 'application/json' };

  it('refuses a status the route does not declare', () => {
    expect(contractViolation({ ...agendaList, status: 201, body: { items: [], nextCursor: null } })).toMatch(/does not declare 201/);
  });

  it('refuses a body that does not match the schema', () => {
    expect(contractViolation({ ...agendaList, status: 200, body: { items: 'none' } })).toMatch(/does not match/);
  });

  it('refuses an error code the route does not declare, and any 500', () => {
    const error = (code: string) => ({ error: { code, message: 'x', details: [] } });
    expect(contractViolation({ method: 'GET', url: '/openapi.json', contentType: 'application/json', status: 403, body: error('FORBIDDEN') })).toMatch(/does not declare FORBIDDEN/);
    expect(contractViolation({ ...agendaList, status: 500, body: error('INTERNAL') })).toMatch(/500/);
  });

  it('accepts a declared answer', () => {
    expect(contractViolation({ ...agendaList, status: 200, body: { items: [], nextCursor: null } })).toBeUndefined();
  });
});

describe('GET /openapi.json', () => {
  it('documents each declared route with exactly its success statuses and error statuses', async () => {
    const { body: document } = await apiGet(endpoints, '/openapi.json');
    for (const route of httpRoutes) {
      const operation = document.paths[route.path.replace(/\{(\w+)\}/g, '{$1}')]?.[route.method.toLowerCase()];
      expect(operation, route.name).toBeDefined();
      const documented = Object.keys(operation.responses).map(Number).sort();
      const declared = [...Object.keys(route.responses).map(Number), ...errorStatusesOf(route)].sort();
      expect(documented, route.name).toEqual(declared);
    }
  });
});
