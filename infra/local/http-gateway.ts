/**
 * The local HTTP API: the route table served on 127.0.0.1, each request turned
 * into a payload 2.0 event for its handler, with the JWT authorizer and the
 * CORS preflight that the cloud HTTP API applies in front of the handlers.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { httpRoutes, type HttpRoute } from '../../functions/routes.ts';
import type { LocalEndpoints } from './endpoints.ts';
import { buildHttpEvent, flattenClaims, matchRoute, newRequestId, toHttpResponse, type PlainResponse } from './http-event.ts';
import { bearerToken, createTokenVerifier } from './jwt.ts';
import { invokeHandler } from './lambda-runtime.ts';
import { localHost } from './ports.ts';

/** The site's origin in both spellings (browsers may use either). */
export function allowedOrigins(endpoints: LocalEndpoints): Set<string> {
  const web = new URL(endpoints.web);
  return new Set([web.origin, web.origin.replace('//localhost', '//127.0.0.1'), web.origin.replace('//127.0.0.1', '//localhost')]);
}

const corsAllowHeaders = 'authorization,content-type';
const corsAllowMethods = 'GET,POST,PUT,PATCH,DELETE,OPTIONS';

function message(statusCode: number, text: string): PlainResponse {
  return { statusCode, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify({ message: text })) };
}

/** A path whose percent-encoding is broken: bad input, answered in the API's error format. */
function malformedPath(): PlainResponse {
  const body = { error: { code: 'VALIDATION_FAILED', message: 'The path is not valid.', details: [{ field: 'path', message: 'Malformed percent-encoding.' }] } };
  return { statusCode: 400, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(body)) };
}

/** API Gateway's integration timeout for HTTP APIs: past it the caller gets 504, whatever the function still does. */
export const integrationTimeoutMs = 29_000;

export interface HttpGatewayOptions {
  /** Replaces API Gateway's 29 s (tests). */
  timeoutMs?: number;
  /** Replaces the Lambda runtime (tests): how a matched route is invoked. */
  invoke?: (httpRoute: HttpRoute, event: unknown) => Promise<unknown>;
}

/** The handler's answer, or 504 once the integration timeout passes (the handler is not stopped, as in the cloud). */
function withinTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

export async function startHttpGateway(endpoints: LocalEndpoints, port: number, options: HttpGatewayOptions = {}): Promise<Server> {
  const timeoutMs = options.timeoutMs ?? integrationTimeoutMs;
  const invoke = options.invoke ?? ((httpRoute: HttpRoute, event: unknown) => invokeHandler(httpRoute.function, event, timeoutMs));
  const verifyToken = createTokenVerifier(endpoints);
  const origins = allowedOrigins(endpoints);

  async function respond(request: IncomingMessage): Promise<PlainResponse> {
    const method = request.method ?? 'GET';
    const url = request.url ?? '/';
    const origin = request.headers.origin;
    // CORS preflight is answered by API Gateway itself (CDK corsPreflight), never by a handler.
    if (method === 'OPTIONS' && origin && request.headers['access-control-request-method']) {
      if (!origins.has(origin)) return { statusCode: 204, headers: {}, body: Buffer.alloc(0) };
      return {
        statusCode: 204,
        headers: {
          'access-control-allow-origin': origin,
          'access-control-allow-headers': corsAllowHeaders,
          'access-control-allow-methods': corsAllowMethods,
          'access-control-max-age': '600',
        },
        body: Buffer.alloc(0),
      };
    }
    const rawPath = url.split('?')[0];
    let match: ReturnType<typeof matchRoute>;
    try {
      match = matchRoute(httpRoutes, method, rawPath);
    } catch (error) {
      if (error instanceof URIError) return malformedPath();
      throw error;
    }
    if (!match) return message(404, 'Not Found');
    const body = await readBody(request);
    let claims: Record<string, string> | undefined;
    if (match.route.auth === 'jwt') {
      const token = bearerToken(request.headers.authorization);
      const payload = token ? await verifyToken(token) : undefined;
      if (!payload) return message(401, 'Unauthorized');
      claims = flattenClaims(payload);
    }
    const event = buildHttpEvent(
      {
        method,
        url,
        rawHeaders: request.rawHeaders,
        body,
        sourceIp: request.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1',
        protocol: `HTTP/${request.httpVersion}`,
        now: new Date(),
        requestId: newRequestId(),
      },
      match,
      claims,
    );
    try {
      const answer = await withinTimeout(invoke(match.route, event), timeoutMs);
      if (answer === 'timeout') return message(504, 'Gateway Timeout');
      return toHttpResponse(answer);
    } catch (error) {
      console.error(`[${match.route.name}] handler failed:`, error);
      return message(500, 'Internal Server Error');
    }
  }

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    respond(request).then(
      (plain) => {
        const origin = request.headers.origin;
        if (origin && origins.has(origin) && !plain.headers['access-control-allow-origin']) {
          plain.headers['access-control-allow-origin'] = origin;
          // Appended, as API Gateway does: a handler's own Vary (Accept-Language) must survive.
          plain.headers.vary = plain.headers.vary ? `${plain.headers.vary}, Origin` : 'Origin';
        }
        response.writeHead(plain.statusCode, plain.headers);
        response.end(plain.body);
      },
      (error) => {
        console.error('local gateway error:', error);
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ message: 'Internal Server Error' }));
      },
    );
  });
  await listen(server, port);
  return server;
}

/** Listens on 127.0.0.1, rejecting (instead of crashing) if the port is taken. */
export function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, localHost, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
  });
}
