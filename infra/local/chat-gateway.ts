/**
 * The local WebSocket API on one port: upgrades go through the $connect
 * authorizer (the token only: one connection per signed-in tab, no projectId) and handler, frames to $default, closes to $disconnect, and
 * `/@connections/{id}` is the management API the handlers (and the real SDK
 * client) use to push to a connection.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { APIGatewayAuthorizerResult } from 'aws-lambda';
import { WebSocketServer, type WebSocket } from 'ws';
import { chatHandlers } from '../../functions/routes.ts';
import {
  authorizerOf,
  connectAuthorizerEvent,
  connectEvent,
  disconnectEvent,
  messageEvent,
  newConnectionId,
  type ChatConnectionInfo,
} from './chat-events.ts';
import type { LocalEndpoints } from './endpoints.ts';
import { closeServer, listen } from './http-gateway.ts';
import { invokeHandler } from './lambda-runtime.ts';

/** API Gateway WebSocket APIs: a message is at most 128 KB (frames of 32 KB). */
export const apiGatewayMaxMessageBytes = 128 * 1024;

interface LiveConnection {
  info: ChatConnectionInfo;
  socket: WebSocket;
  authorizer: ReturnType<typeof authorizerOf>;
  lastActiveAt: number;
  /** Frames of one connection reach $default in order. */
  queue: Promise<unknown>;
}

function rejectHandshake(socket: Duplex, statusCode: number, text: string): void {
  const body = JSON.stringify({ message: text });
  socket.end(
    `HTTP/1.1 ${statusCode} ${text}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

function isAllowed(result: APIGatewayAuthorizerResult): boolean {
  const statements = result?.policyDocument?.Statement ?? [];
  return statements.length > 0 && statements.every((statement) => statement.Effect === 'Allow');
}

export interface ChatGateway {
  server: Server;
  close(): Promise<void>;
}

export async function startChatGateway(endpoints: LocalEndpoints, port: number): Promise<ChatGateway> {
  const connections = new Map<string, LiveConnection>();
  let stopping = false;
  // API Gateway's own limit on a message (128 KB): above it the connection is closed with 1009, as there.
  // The chat's 8 KB limit is the $default handler's (an error frame TOO_LARGE, the socket stays open).
  const sockets = new WebSocketServer({ noServer: true, maxPayload: apiGatewayMaxMessageBytes });

  function send(response: ServerResponse, statusCode: number, body?: unknown, headers: Record<string, string> = {}) {
    const text = body === undefined ? '' : JSON.stringify(body);
    response.writeHead(statusCode, { ...(text ? { 'content-type': 'application/json' } : {}), ...headers });
    response.end(text);
  }

  /** The @connections management API (POST data, GET info, DELETE). */
  function manage(request: IncomingMessage, response: ServerResponse) {
    const found = /^\/@connections\/([^/?]+)$/.exec((request.url ?? '').split('?')[0]);
    if (!found) return send(response, 404, { message: 'Not Found' });
    const connection = connections.get(decodeURIComponent(found[1]));
    if (!connection) return send(response, 410, { message: null }, { 'x-amzn-ErrorType': 'GoneException' });
    if (request.method === 'GET') {
      // The service's JSON names (the SDK maps them to ConnectedAt, Identity, LastActiveAt).
      return send(response, 200, {
        connectedAt: new Date(connection.info.connectedAt).toISOString(),
        identity: { sourceIp: connection.info.sourceIp, userAgent: connection.info.userAgent },
        lastActiveAt: new Date(connection.lastActiveAt).toISOString(),
      });
    }
    if (request.method === 'DELETE') {
      connection.socket.close(1000, 'Deleted by the management API');
      return send(response, 204);
    }
    if (request.method === 'POST') {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        connection.socket.send(Buffer.concat(chunks).toString('utf8'));
        send(response, 200);
      });
      return;
    }
    return send(response, 405, { message: 'Method Not Allowed' });
  }

  async function accept(request: IncomingMessage, socket: Duplex, head: Buffer) {
    const url = request.url ?? '/';
    const questionMark = url.indexOf('?');
    const info: ChatConnectionInfo = {
      connectionId: newConnectionId(),
      connectedAt: Date.now(),
      domainName: (request.headers.host ?? 'localhost').split(':')[0],
      sourceIp: request.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1',
      userAgent: request.headers['user-agent'] ?? '',
      rawHeaders: request.rawHeaders,
      rawQueryString: questionMark === -1 ? '' : url.slice(questionMark + 1),
      region: endpoints.region,
    };
    // The authorizer's identity source is the `token` query parameter: without it API Gateway
    // answers 401 and never calls the authorizer.
    if (!new URLSearchParams(info.rawQueryString).get('token')) return rejectHandshake(socket, 401, 'Unauthorized');
    let policy: APIGatewayAuthorizerResult;
    const authorizeStarted = Date.now();
    try {
      policy = (await invokeHandler(chatHandlers.authorize, connectAuthorizerEvent(info, new Date()))) as APIGatewayAuthorizerResult;
    } catch (error) {
      // A Lambda authorizer signals 401 by failing with exactly 'Unauthorized'.
      if (error instanceof Error && error.message === 'Unauthorized') return rejectHandshake(socket, 401, 'Unauthorized');
      console.error('[chat-authorize] failed:', error);
      return rejectHandshake(socket, 500, 'Internal Server Error');
    }
    if (!isAllowed(policy)) return rejectHandshake(socket, 403, 'Forbidden');
    const authorizer = authorizerOf(policy.principalId, policy.context, Date.now() - authorizeStarted);
    try {
      const result = (await invokeHandler(chatHandlers.connect, connectEvent(info, authorizer, new Date()))) as { statusCode?: number } | undefined;
      const statusCode = result?.statusCode ?? 200;
      if (statusCode < 200 || statusCode > 299) return rejectHandshake(socket, statusCode, 'Forbidden');
    } catch (error) {
      console.error('[chat-connect] failed:', error);
      return rejectHandshake(socket, 500, 'Internal Server Error');
    }
    sockets.handleUpgrade(request, socket, head, (webSocket) => {
      const connection: LiveConnection = { info, socket: webSocket, authorizer, lastActiveAt: Date.now(), queue: Promise.resolve() };
      connections.set(info.connectionId, connection);
      // Above API Gateway's message limit ws closes the socket with 1009 (as API Gateway does); nothing else to do.
      webSocket.on('error', (error) => console.warn(`[chat-gateway] connection ${info.connectionId}: ${error.message}`));
      webSocket.on('message', (frame, isBinary) => {
        // API Gateway stamps a frame when it arrives (requestTimeEpoch), not when $default gets to it.
        const arrivedAt = new Date();
        connection.lastActiveAt = arrivedAt.getTime();
        const body = isBinary ? Buffer.from(frame as Buffer).toString('base64') : frame.toString();
        // Route selection is $request.body.action, and only $default is defined: every frame goes there.
        connection.queue = connection.queue.then(() =>
          invokeHandler(chatHandlers.default, messageEvent(info, authorizer, body, isBinary, arrivedAt)).catch((error) =>
            console.error('[chat-default] failed:', error),
          ),
        );
      });
      webSocket.on('close', (statusCode, reason) => {
        connections.delete(info.connectionId);
        // When the whole stack stops, the database may already be gone.
        if (stopping) return;
        const close = { statusCode, reason: reason.toString() };
        connection.queue = connection.queue.then(() =>
          invokeHandler(chatHandlers.disconnect, disconnectEvent(info, authorizer, close, new Date())).catch((error) =>
            console.error('[chat-disconnect] failed:', error),
          ),
        );
      });
    });
  }

  const server = createServer(manage);
  server.on('upgrade', (request, socket, head) => {
    // A client that leaves mid-handshake must not crash the gateway.
    socket.on('error', () => socket.destroy());
    accept(request, socket, head).catch((error) => {
      console.error('local chat gateway error:', error);
      rejectHandshake(socket, 500, 'Internal Server Error');
    });
  });
  await listen(server, port);
  return {
    server,
    async close() {
      stopping = true;
      for (const connection of connections.values()) connection.socket.terminate();
      sockets.close();
      await closeServer(server);
    },
  };
}
