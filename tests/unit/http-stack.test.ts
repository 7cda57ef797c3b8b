/**
 * The middy stack every area function runs (functions/http/router.ts): input
 * parsed by the route's declaration, errors in the API.md shape, never a 500
 * for bad input; and the sample events and the OpenAPI document cover every
 * handler and route of the route table.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { httpRoutes, invocables } from '../../functions/routes.ts';
import { forbidden } from '../../functions/lib/errors.ts';
import type { HttpEvent } from '../../functions/lib/http.ts';
import { area, route } from '../../functions/lib/route.ts';
import { areaHandler } from '../../functions/http/area.ts';
import { buildOpenApiDocument } from '../../functions/http/openapi/document.ts';
import { clientFrame } from '../../events/chat-frames.ts';
import { scheduledEvent } from '../../events/schedule.ts';

const sample = (name: string) => JSON.parse(readFileSync(new URL(`../../events/samples/${name}.json`, import.meta.url), 'utf8'));
const context = {} as Context;
const event = (overrides: Partial<HttpEvent> = {}): HttpEvent => ({ ...sample('get-me'), routeKey: 'POST /echo', ...overrides });

/** One route that throws what it is given, and one that echoes its parsed body and caller. */
function testArea(fault?: unknown) {
  const testRoutes = area('test', {
    echo: route({
      name: 'echo',
      method: 'POST',
      path: '/echo',
      auth: 'jwt',
      summary: 'echo',
      body: z.object({ title: z.string().min(1) }),
      responses: { 201: z.object({ title: z.string(), username: z.string() }) },
    }),
  });
  return areaHandler(testRoutes, {
    echo: async ({ body, caller }) => {
      if (fault) throw fault;
      return { status: 201, body: { title: body.title, username: caller.username } };
    },
  });
}

describe('the HTTP middleware stack', () => {
  const echo = testArea();

  it('parses a JSON body and answers JSON with a content type', async () => {
    const response = await echo(event({ body: '{"title":"Rivers"}', headers: { 'Content-Type': 'application/json' } }), context);
    expect(response.statusCode).toBe(201);
    expect(response.headers?.['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(response.body!)).toEqual({ title: 'Rivers', username: 'ana@demo.twinspace' });
  });

  it('answers 400 VALIDATION_FAILED for malformed JSON', async () => {
    const response = await echo(event({ body: '{"title":', headers: { 'content-type': 'application/json' } }), context);
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body!).error.code).toBe('VALIDATION_FAILED');
  });

  it('names each invalid field', async () => {
    const response = await echo(event({ body: '{"title":""}', headers: { 'content-type': 'application/json' } }), context);
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body!).error.details.map((detail: { field: string }) => detail.field)).toEqual(['body.title']);
  });

  it('maps an HttpError to its status and the error body', async () => {
    const refuse = testArea(forbidden('Members only.'));
    const response = await refuse(event({ body: '{"title":"x"}' }), context);
    expect(response.statusCode).toBe(403);
    expect(JSON.parse(response.body!)).toEqual({ error: { code: 'FORBIDDEN', message: 'Members only.', details: [] } });
  });

  it('answers 401 when the claims carry no user', async () => {
    const anonymous = event();
    anonymous.requestContext = { ...anonymous.requestContext, authorizer: { jwt: { claims: {}, scopes: null } } };
    const response = await echo({ ...anonymous, body: '{"title":"x"}' }, context);
    expect(response.statusCode).toBe(401);
  });

  it('answers 503 with Retry-After when the database cannot be reached or throttles', async () => {
    const faults = [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { code: 'ECONNREFUSED' }),
      Object.assign(new Error('Throughput exceeds the current capacity'), { name: 'ThrottlingException', $retryable: { throttling: true }, $metadata: { httpStatusCode: 400 } }),
      Object.assign(new Error('Internal server error'), { name: 'InternalServerError', $metadata: { httpStatusCode: 500 } }),
    ];
    for (const fault of faults) {
      const unavailable = testArea(fault);
      const response = await unavailable(event({ body: '{"title":"x"}' }), context);
      expect(response.statusCode, fault.message).toBe(503);
      expect(response.headers?.['retry-after']).toBe('2');
      expect(JSON.parse(response.body!).error.code).toBe('UNAVAILABLE');
    }
  });

  it('hides the details of an unexpected failure behind a generic 500', async () => {
    const broken = testArea(new Error('connection string with secrets'));
    const response = await broken(event({ body: '{"title":"x"}' }), context);
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('secrets');
  });
});

describe('the per-address limit', () => {
  const limitedRoutes = area('limited', {
    join: route({
      name: 'join',
      method: 'POST',
      path: '/join',
      auth: 'public',
      summary: 'join',
      rateLimit: { scope: 'join', limit: 1, windowSeconds: 60 },
      responses: { 201: z.object({ joined: z.boolean() }) },
    }),
  });

  it('cannot be declared on a route of an area built without it (the limit would silently not apply)', () => {
    expect(() => areaHandler(limitedRoutes, { join: async () => ({ status: 201, body: { joined: true } }) })).toThrow(/join declare a rate limit: build the area with rateLimitedAreaHandler/);
  });

  it('is bound by the rate-limited areas only, so no other bundle carries its secret', () => {
    const limitedAreas = new Set(httpRoutes.filter((declared) => declared.rateLimit).map((declared) => declared.function.module));
    for (const module of new Set(httpRoutes.map((declared) => declared.function.module))) {
      const source = readFileSync(new URL(`../../functions/${module}.ts`, import.meta.url), 'utf8');
      expect(source.includes('rateLimitedAreaHandler'), module).toBe(limitedAreas.has(module));
    }
  });
});

describe('the contracts of the route table', () => {
  it('has a sample event for every route, chat handler and job, named as in functions/routes.ts', () => {
    for (const { name } of invocables) expect(existsSync(new URL(`../../events/samples/${name}.json`, import.meta.url)), name).toBe(true);
  });

  it('has samples that pass the schemas they are meant for', () => {
    expect(scheduledEvent.parse(sample('notify-evaluators')).time).toBe('2026-11-28T06:00:00Z');
    expect(clientFrame.parse(JSON.parse(sample('chat-default').body)).action).toBe('sendMessage');
    for (const route of httpRoutes) {
      const routeSample = sample(route.name);
      expect(routeSample.routeKey).toBe(`${route.method} ${route.path}`);
      expect(Boolean(routeSample.requestContext.authorizer)).toBe(route.auth === 'jwt');
    }
  });

  it('documents every route with its auth in the OpenAPI document', () => {
    const document = buildOpenApiDocument();
    for (const route of httpRoutes) {
      const operation = document.paths?.[route.path]?.[route.method.toLowerCase() as 'get'];
      expect(operation, `${route.method} ${route.path}`).toBeDefined();
      expect(operation!.security).toEqual(route.auth === 'jwt' ? [{ cognitoIdToken: [] }] : []);
    }
  });
});
