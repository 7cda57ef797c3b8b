/**
 * Pure translation between a plain HTTP request and API Gateway HTTP API's
 * Lambda payload format 2.0, in both directions, filled the way API Gateway
 * fills it: lower-case headers with duplicates comma-joined, cookies split out,
 * duplicate query parameters comma-joined, JWT claims flattened to strings.
 */
import { randomBytes } from 'node:crypto';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
} from 'aws-lambda';
import type { HttpRoute } from '../../functions/routes.ts';

export const localAccountId = '123456789012';
export const localApiId = 'local';

export interface RouteMatch {
  route: HttpRoute;
  pathParameters: Record<string, string>;
}

function templatePattern(path: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = path
    .split('/')
    .map((segment) => {
      const parameter = /^\{(\w+)\}$/.exec(segment);
      if (!parameter) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(parameter[1]);
      return '([^/]+)';
    })
    .join('/');
  return { pattern: new RegExp(`^${source}$`), names };
}

/** The route whose method and path template match, with its decoded path parameters. */
export function matchRoute(routes: readonly HttpRoute[], method: string, rawPath: string): RouteMatch | undefined {
  for (const route of routes) {
    if (route.method !== method) continue;
    const { pattern, names } = templatePattern(route.path);
    const found = pattern.exec(rawPath);
    if (!found) continue;
    const pathParameters = Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(found[index + 1])]));
    return { route, pathParameters };
  }
  return undefined;
}

/**
 * JWT claims as API Gateway HTTP API hands them over: every value a string,
 * arrays as "[a b]", objects as JSON text, null claims left out.
 */
export function flattenClaims(payload: Record<string, unknown>): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) claims[name] = `[${value.map(String).join(' ')}]`;
    else if (typeof value === 'object') claims[name] = JSON.stringify(value);
    else claims[name] = String(value);
  }
  return claims;
}

/** "12/Mar/2020:19:03:58 +0000", the format of requestContext.time. */
export function requestTime(date: Date): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(date.getUTCDate())}/${months[date.getUTCMonth()]}/${date.getUTCFullYear()}:${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`;
}

/** API Gateway request ids look like "JKJaXmPLvHcESHA=". */
export function newRequestId(): string {
  return randomBytes(10).toString('base64');
}

/** Bodies of these types reach the handler as text; others base64-encoded. */
function isTextBody(contentType: string | undefined): boolean {
  if (!contentType) return true;
  return /^(text\/|application\/(json|xml|javascript|x-www-form-urlencoded)|[^;]*\+(json|xml))/i.test(contentType);
}

export interface PlainRequest {
  method: string;
  /** Path and query string as received, e.g. '/projects/a%20b?x=1&x=2'. */
  url: string;
  /** Node's rawHeaders: [name, value, name, value, ...]. */
  rawHeaders: string[];
  body: Buffer;
  sourceIp: string;
  /** 'HTTP/1.1' */
  protocol: string;
  now: Date;
  requestId: string;
}

/** Lower-case names; repeated headers joined with commas (payload 2.0). */
export function joinHeaders(rawHeaders: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let index = 0; index < rawHeaders.length; index += 2) {
    const name = rawHeaders[index].toLowerCase();
    const value = rawHeaders[index + 1];
    headers[name] = name in headers ? `${headers[name]},${value}` : value;
  }
  return headers;
}

function splitQuery(rawQueryString: string): Record<string, string> | undefined {
  if (!rawQueryString) return undefined;
  const parameters: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(rawQueryString)) {
    parameters[name] = name in parameters ? `${parameters[name]},${value}` : value;
  }
  return parameters;
}

export function buildHttpEvent(
  request: PlainRequest,
  match: RouteMatch,
  jwtClaims: Record<string, string> | undefined,
): APIGatewayProxyEventV2WithJWTAuthorizer {
  const questionMark = request.url.indexOf('?');
  const rawPath = questionMark === -1 ? request.url : request.url.slice(0, questionMark);
  const rawQueryString = questionMark === -1 ? '' : request.url.slice(questionMark + 1);
  const headers = joinHeaders(request.rawHeaders);
  const cookieHeader = headers.cookie;
  delete headers.cookie;
  const host = (headers.host ?? 'localhost').split(':');
  headers['x-forwarded-for'] = request.sourceIp;
  headers['x-forwarded-port'] = host[1] ?? '80';
  headers['x-forwarded-proto'] = 'http';
  const domainName = host[0];
  const routeKey = `${match.route.method} ${match.route.path}`;
  const hasBody = request.body.length > 0;
  const textBody = isTextBody(headers['content-type']);
  const event: APIGatewayProxyEventV2WithJWTAuthorizer = {
    version: '2.0',
    routeKey,
    rawPath,
    rawQueryString,
    headers,
    requestContext: {
      accountId: localAccountId,
      apiId: localApiId,
      // Public routes have no authorizer on AWS; the type requires the field, so it is set only for JWT routes.
      authorizer: jwtClaims ? { jwt: { claims: jwtClaims, scopes: null } } : (undefined as never),
      domainName,
      domainPrefix: domainName.split('.')[0],
      http: {
        method: request.method,
        path: rawPath,
        protocol: request.protocol,
        sourceIp: request.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: request.requestId,
      routeKey,
      stage: '$default',
      time: requestTime(request.now),
      timeEpoch: request.now.getTime(),
    },
    isBase64Encoded: hasBody && !textBody,
  };
  if (!jwtClaims) delete (event.requestContext as { authorizer?: unknown }).authorizer;
  if (cookieHeader) event.cookies = cookieHeader.split(/;\s*/).filter(Boolean);
  const queryStringParameters = splitQuery(rawQueryString);
  if (queryStringParameters) event.queryStringParameters = queryStringParameters;
  if (Object.keys(match.pathParameters).length > 0) event.pathParameters = match.pathParameters;
  if (hasBody) event.body = textBody ? request.body.toString('utf8') : request.body.toString('base64');
  return event;
}

export interface PlainResponse {
  statusCode: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/**
 * A handler's result as API Gateway turns it into an HTTP response (payload
 * 2.0): a structured result is used as given; anything else — a string, an
 * object — is a 200 with content-type application/json.
 */
export function toHttpResponse(result: unknown): PlainResponse {
  if (result && typeof result === 'object' && 'statusCode' in result) {
    const structured = result as APIGatewayProxyStructuredResultV2;
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(structured.headers ?? {})) headers[name.toLowerCase()] = String(value);
    if (structured.cookies?.length) headers['set-cookie'] = structured.cookies;
    const body = structured.body ?? '';
    return {
      statusCode: structured.statusCode ?? 200,
      headers,
      body: Buffer.from(body, structured.isBase64Encoded ? 'base64' : 'utf8'),
    };
  }
  const body = typeof result === 'string' ? result : (JSON.stringify(result) ?? '');
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(body) };
}
