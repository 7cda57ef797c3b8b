/**
 * The second-factor rule (issue 11, "NSS officers and evaluators must use
 * TOTP"): a staff account — Cognito group `nss` or `evaluator` — gets 403
 * MFA_REQUIRED on every route until its ID token carries `twinspace:mfa` =
 * `totp`, except who one is (GET /me) and the header's unread count; teachers
 * and pupils are never asked. Driven through the real middleware stack (the
 * router every area runs) with HTTP API-shaped claims.
 */
import { readFileSync } from 'node:fs';
import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { areaHandler } from '../../functions/http/area.ts';
import { buildOpenApiDocument } from '../../functions/http/openapi/document.ts';
import { callerFromClaims, needsSecondFactor, routesWithoutSecondFactor } from '../../functions/lib/claims.ts';
import type { HttpEvent } from '../../functions/lib/http.ts';
import { area, errorCodesOf, route, routeKeyOf } from '../../functions/lib/route.ts';
import { httpRoutes } from '../../functions/routes.ts';

const sample = JSON.parse(readFileSync(new URL('../../events/samples/get-me.json', import.meta.url), 'utf8')) as HttpEvent;
const context = {} as Context;

/** Two routes: one any caller reaches, and GET /me, which a staff account needs before enrolling. */
const staffArea = area('test', {
  projects: route({ name: 'projects', method: 'GET', path: '/nss/projects', auth: 'jwt', summary: 'x', responses: { 200: null } }),
  me: route({ name: 'me', method: 'GET', path: '/me', auth: 'jwt', summary: 'x', responses: { 200: null } }),
});
const handler = areaHandler(staffArea, { projects: async () => ({ status: 200 }), me: async () => ({ status: 200 }) });

function eventAs(routeKey: string, claims: Record<string, string>, language?: string): HttpEvent {
  return {
    ...sample,
    routeKey,
    headers: language ? { 'accept-language': language } : {},
    requestContext: { ...sample.requestContext, authorizer: { jwt: { claims: { sub: 'u-1', 'cognito:username': 'someone', ...claims }, scopes: null } } },
  } as HttpEvent;
}

const call = async (routeKey: string, claims: Record<string, string>, language?: string) => {
  const response = await handler(eventAs(routeKey, claims, language), context);
  return { status: response.statusCode, body: response.body ? JSON.parse(response.body) : undefined };
};

describe('staff accounts need a second factor', () => {
  it.each(['[nss]', '[evaluator]', '[teacher-admin nss]'])('answers 403 MFA_REQUIRED to %s without the claim', async (groups) => {
    const answer = await call('GET /nss/projects', { 'cognito:groups': groups });
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('MFA_REQUIRED');
    expect(answer.body.error.message).toMatch(/second sign-in step/);
    expect(answer.body.error.message).toMatch(/Security page/);
  });

  it('says it in Spanish for a Spanish reader', async () => {
    const answer = await call('GET /nss/projects', { 'cognito:groups': '[nss]' }, 'es-ES');
    expect(answer.body.error.code).toBe('MFA_REQUIRED');
    expect(answer.body.error.message).toMatch(/segundo paso/);
  });

  it('lets staff through once the token carries twinspace:mfa = totp', async () => {
    expect((await call('GET /nss/projects', { 'cognito:groups': '[nss]', 'twinspace:mfa': 'totp' })).status).toBe(200);
    expect((await call('GET /nss/projects', { 'cognito:groups': '[evaluator]', 'twinspace:mfa': 'totp' })).status).toBe(200);
  });

  it('takes no other value of the claim as a second factor', async () => {
    for (const value of ['', 'sms', 'TOTP', 'true']) {
      expect((await call('GET /nss/projects', { 'cognito:groups': '[nss]', 'twinspace:mfa': value })).status, value).toBe(403);
    }
  });

  it('lets staff without it read who they are (GET /me), which the site needs first', async () => {
    expect((await call('GET /me', { 'cognito:groups': '[nss]' })).status).toBe(200);
  });

  it('never asks teachers, guests or pupils', async () => {
    for (const groups of ['[teacher-admin]', '[member-teacher visitor]', '[pupil-admin]', '[]']) {
      expect((await call('GET /nss/projects', { 'cognito:groups': groups })).status, groups).toBe(200);
    }
  });

  it('reads the claim into the caller', () => {
    expect(callerFromClaims({ sub: 'a', 'cognito:username': 'b', 'cognito:groups': '[nss]', 'twinspace:mfa': 'totp' }).secondFactor).toBe('totp');
    expect(needsSecondFactor(callerFromClaims({ sub: 'a', 'cognito:username': 'b', 'cognito:groups': '[nss]' }))).toBe(true);
  });
});

describe('the exempt routes and the contract', () => {
  const keys = new Set(httpRoutes.map(routeKeyOf));

  it('names only routes that exist, and only reads of the caller’s own account', () => {
    for (const key of routesWithoutSecondFactor) {
      expect(keys.has(key), key).toBe(true);
      expect(key).toMatch(/^GET \/me(\/|$)/);
    }
  });

  it('declares MFA_REQUIRED on every signed-in route but the exempt ones, and on no public route', () => {
    for (const declaration of httpRoutes) {
      const expected = declaration.auth === 'jwt' && !routesWithoutSecondFactor.has(routeKeyOf(declaration));
      expect(errorCodesOf(declaration).includes('MFA_REQUIRED'), routeKeyOf(declaration)).toBe(expected);
    }
  });

  it('documents the 403 in the OpenAPI document of a staff route', () => {
    const operation = buildOpenApiDocument().paths?.['/nss/projects']?.get;
    expect(JSON.stringify(operation?.responses?.['403'])).toContain('MFA_REQUIRED');
  });
});
