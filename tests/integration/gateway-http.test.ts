/**
 * The local HTTP API does what API Gateway's HTTP API does in front of the
 * handlers: the JWT authorizer (401 before any handler runs), 404 for an
 * unknown route, the CORS preflight for the site, and real handlers behind it.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { newSignedInUser, testPassword } from '../support/cognito-users.ts';

const endpoints = inject('endpoints');
let idToken: string;
let accessToken: string;

beforeAll(async () => {
  // No authenticator app: the checks here are the gateway's (401s) and GET /me, which staff reach without one.
  const user = await newSignedInUser(endpoints, ['nss'], { secondFactor: false });
  idToken = user.idToken;
  // The same sign-in's access token: a valid signature, but not the bearer token API.md names (the ID token).
  const cognito = new CognitoIdentityProviderClient({ endpoint: endpoints.cognito.endpoint, region: endpoints.region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const signedIn = await cognito.send(
    new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: endpoints.cognito.clientId, AuthParameters: { USERNAME: user.username, PASSWORD: testPassword } }),
  );
  cognito.destroy();
  accessToken = signedIn.AuthenticationResult!.AccessToken!;
});

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${endpoints.api}${path}`, { headers });
  return { status: response.status, headers: response.headers, body: await response.json().catch(() => undefined) };
}

describe('the JWT authorizer', () => {
  it('answers 401 Unauthorized without a token', async () => {
    expect(await get('/me')).toMatchObject({ status: 401, body: { message: 'Unauthorized' } });
  });

  it('answers 401 for a token that is not a JWT, or whose payload was altered', async () => {
    expect(await get('/me', { authorization: 'Bearer not-a-token' })).toMatchObject({ status: 401, body: { message: 'Unauthorized' } });
    const [header, payload, signature] = idToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, 'cognito:groups': ['nss', 'evaluator'] })).toString('base64url');
    expect(await get('/me', { authorization: `Bearer ${header}.${forged}.${signature}` })).toMatchObject({ status: 401 });
  });

  it('answers 401 for an access token: only the ID token is a bearer token (issue 11)', async () => {
    expect(await get('/me', { authorization: `Bearer ${accessToken}` })).toMatchObject({ status: 401, body: { message: 'Unauthorized' } });
  });

  it('lets a valid ID token through to the handler, which answers in the API error format', async () => {
    // A fresh account has no profile in the table: the /me handler itself says 404 NOT_FOUND.
    const me = await get('/me', { authorization: `Bearer ${idToken}` });
    expect(me).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
  });
});

describe('routes', () => {
  it('answers 404 Not Found, as API Gateway does, for a path or method not in the route table', async () => {
    expect(await get('/nowhere')).toMatchObject({ status: 404, body: { message: 'Not Found' } });
    const deleteMe = await fetch(`${endpoints.api}/me`, { method: 'DELETE' });
    expect(deleteMe.status).toBe(404);
  });

  it('serves the public OpenAPI document without a token', async () => {
    const openapi = await get('/openapi.json');
    expect(openapi.status).toBe(200);
    expect(openapi.body.openapi).toMatch(/^3\./);
    expect(Object.keys(openapi.body.paths)).toContain('/me');
  });
});

describe('CORS for the site', () => {
  it('answers the preflight from the site origin with the allowed headers', async () => {
    const preflight = await fetch(`${endpoints.api}/me`, {
      method: 'OPTIONS',
      headers: { origin: endpoints.web, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(endpoints.web);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('content-type');
  });

  it('does not allow another origin', async () => {
    const preflight = await fetch(`${endpoints.api}/me`, {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('marks an actual response from the site origin as readable by it', async () => {
    const response = await fetch(`${endpoints.api}/me`, { headers: { origin: endpoints.web } });
    expect(response.headers.get('access-control-allow-origin')).toBe(endpoints.web);
  });
});
