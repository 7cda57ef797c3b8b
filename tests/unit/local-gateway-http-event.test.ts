/**
 * The local HTTP gateway's event builder against API Gateway's documented
 * payload format 2.0 example (HTTP API Lambda integration guide): same
 * request in, same fields out.
 */
import { describe, expect, it } from 'vitest';
import { httpRoutes, type HttpRoute } from '../../functions/routes.ts';
import { buildHttpEvent, flattenClaims, matchRoute, toHttpResponse } from '../../infra/local/http-event.ts';

const myPath: HttpRoute = { method: 'POST', path: '/my/path', auth: 'jwt', name: 'x', summary: 'x', responses: {}, function: { name: 'x', module: 'x', export: 'handler' } };

const documentedRequest = {
  method: 'POST',
  url: '/my/path?parameter1=value1&parameter1=value2&parameter2=value',
  rawHeaders: ['Host', 'id.execute-api.us-east-1.amazonaws.com', 'Header1', 'value1', 'Header2', 'value1', 'Header2', 'value2', 'Cookie', 'cookie1; cookie2', 'Content-Type', 'text/plain', 'User-Agent', 'agent'],
  body: Buffer.from('Hello from Lambda'),
  sourceIp: '192.0.2.1',
  protocol: 'HTTP/1.1',
  now: new Date(Date.UTC(2020, 2, 12, 19, 3, 58)),
  requestId: 'id',
};

describe('the HTTP event builder', () => {
  const event = buildHttpEvent(documentedRequest, { route: myPath, pathParameters: {} }, { claim1: 'value1', claim2: 'value2' });

  it('fills the documented top-level fields of payload 2.0', () => {
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'POST /my/path',
      rawPath: '/my/path',
      rawQueryString: 'parameter1=value1&parameter1=value2&parameter2=value',
      cookies: ['cookie1', 'cookie2'],
      queryStringParameters: { parameter1: 'value1,value2', parameter2: 'value' },
      body: 'Hello from Lambda',
      isBase64Encoded: false,
    });
    expect(event.pathParameters).toBeUndefined();
  });

  it('lower-cases header names, joins repeated headers with commas and moves cookies out', () => {
    expect(event.headers).toMatchObject({ header1: 'value1', header2: 'value1,value2' });
    expect(event.headers.cookie).toBeUndefined();
  });

  it('fills requestContext like API Gateway, with the JWT claims under authorizer.jwt', () => {
    expect(event.requestContext).toMatchObject({
      domainName: 'id.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'id',
      http: { method: 'POST', path: '/my/path', protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'agent' },
      routeKey: 'POST /my/path',
      stage: '$default',
      time: '12/Mar/2020:19:03:58 +0000',
      timeEpoch: 1584039838000,
      authorizer: { jwt: { claims: { claim1: 'value1', claim2: 'value2' }, scopes: null } },
    });
  });

  it('gives a public route no authorizer and a binary body base64-encoded', () => {
    const binary = buildHttpEvent(
      { ...documentedRequest, url: '/my/path', rawHeaders: ['Content-Type', 'image/png'], body: Buffer.from([0, 255]) },
      { route: myPath, pathParameters: {} },
      undefined,
    );
    expect(binary.requestContext.authorizer).toBeUndefined();
    expect(binary.queryStringParameters).toBeUndefined();
    expect(binary).toMatchObject({ isBase64Encoded: true, body: 'AP8=' });
  });
});

describe('route matching', () => {
  it('finds the route template and decodes its path parameters', () => {
    const match = matchRoute(httpRoutes, 'GET', '/projects/01J%20X/members');
    expect(match?.route.path).toBe('/projects/{projectId}/members');
    expect(match?.pathParameters).toEqual({ projectId: '01J X' });
  });

  it('matches nothing for an unknown path or a method the path does not have', () => {
    expect(matchRoute(httpRoutes, 'GET', '/nowhere')).toBeUndefined();
    expect(matchRoute(httpRoutes, 'DELETE', '/me')).toBeUndefined();
  });
});

describe('JWT claims as the HTTP API hands them over', () => {
  it('turns arrays into "[a b]", numbers and booleans into strings, and leaves nulls out', () => {
    expect(
      flattenClaims({ sub: 'u1', 'cognito:groups': ['teacher-admin', 'nss'], exp: 1700000000, email_verified: true, nickname: null }),
    ).toEqual({ sub: 'u1', 'cognito:groups': '[teacher-admin nss]', exp: '1700000000', email_verified: 'true' });
  });
});

describe('handler results as HTTP responses', () => {
  it('sends a bare object as 200 JSON', () => {
    const response = toHttpResponse({ message: 'Hello from Lambda!' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.body.toString()).toBe('{"message":"Hello from Lambda!"}');
  });

  it('sends a bare string as the body of a 200 JSON response', () => {
    expect(toHttpResponse('Hello from Lambda!').body.toString()).toBe('Hello from Lambda!');
  });

  it('uses a structured result as given, cookies as set-cookie headers and base64 bodies decoded', () => {
    const response = toHttpResponse({
      statusCode: 409,
      headers: { 'Content-Type': 'text/plain' },
      cookies: ['a=1', 'b=2'],
      body: Buffer.from('stale').toString('base64'),
      isBase64Encoded: true,
    });
    expect(response).toMatchObject({ statusCode: 409, headers: { 'content-type': 'text/plain', 'set-cookie': ['a=1', 'b=2'] } });
    expect(response.body.toString()).toBe('stale');
  });
});
