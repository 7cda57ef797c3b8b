/**
 * PostToConnection and DeleteConnection of the WebSocket API's @connections
 * management API, sent as the SDK would send them (POST / DELETE <callback
 * URL>/@connections/<id>, signed with SigV4 for `execute-api`), without the
 * SDK's client: that client and the REST protocol code it brings cost a
 * function 29 KB minified and pushed the members function past the 400 KB
 * bundle budget (DESIGN.md), while the signer is already in every bundle for
 * the DynamoDB client. The same IAM action (execute-api:ManageConnections)
 * and the same answers: 2xx done, 410 GoneException when the connection no
 * longer exists. Used by the chat functions' broadcast and by the HTTP
 * functions that post frames (functions/chat/broadcast.ts).
 *
 * Requests share one keep-alive agent of at most `maxSockets` sockets: a
 * broadcast to a room of hundreds reuses connections instead of opening
 * one TLS session per post.
 */
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { SignatureV4 } from '@smithy/signature-v4';
import { setting } from './config.ts';
import { environmentCredentials, Sha256 } from './sigv4.ts';

/** Sockets a function keeps open to @connections (a broadcast's parallel posts queue beyond that). */
export const maxSockets = 64;
const agents = { http: new HttpAgent({ keepAlive: true, maxSockets }), https: new HttpsAgent({ keepAlive: true, maxSockets }) };

/** As long as the SDK clients wait for an answer (functions/lib/clients.ts): a stalled API does not hold the request. */
const requestTimeoutMs = 1_500;

/** What the SDK's REST serializer does to a path label. */
const encodeLabel = (label: string) => encodeURIComponent(label).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** A failure of the @connections API, shaped as the SDK's errors (name, $metadata.httpStatusCode). */
export class ConnectionsApiError extends Error {
  readonly $metadata: { httpStatusCode: number };
  constructor(statusCode: number, name: string) {
    super(`@connections answered ${statusCode}${name ? ` (${name})` : ''}`);
    this.name = name || 'ConnectionsApiError';
    this.$metadata = { httpStatusCode: statusCode };
  }
}

let signer: SignatureV4 | undefined;

function signerOf(region: string): SignatureV4 {
  signer ??= new SignatureV4({
    service: 'execute-api',
    region,
    sha256: Sha256,
    // The function's role, as the SDK's environment provider reads it inside Lambda.
    credentials: environmentCredentials,
  });
  return signer;
}

/** Sends one signed request to @connections/<id>; throws a ConnectionsApiError (410: GoneException) unless 2xx. */
async function callConnection(method: 'POST' | 'DELETE', connectionId: string, body?: string): Promise<void> {
  const base = new URL(setting('chatCallbackUrl'));
  const region = setting('region');
  const path = `${base.pathname.replace(/\/$/, '')}/@connections/${encodeLabel(connectionId)}`;
  const headers: Record<string, string> = { host: base.host };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(body));
  }
  const signed = await signerOf(region).sign({
    method,
    protocol: base.protocol,
    hostname: base.hostname,
    port: base.port ? Number(base.port) : undefined,
    path,
    query: {},
    headers,
    body,
  });
  const secure = base.protocol === 'https:';
  const send = secure ? httpsRequest : httpRequest;
  await new Promise<void>((resolve, reject) => {
    const outgoing = send(
      {
        method,
        hostname: base.hostname,
        port: base.port || undefined,
        path,
        headers: signed.headers,
        timeout: requestTimeoutMs,
        agent: secure ? agents.https : agents.http,
      },
      (response) => {
        response.resume();
        const status = response.statusCode ?? 0;
        if (status >= 200 && status < 300) return resolve();
        const errorType = String(response.headers['x-amzn-errortype'] ?? '').split(':')[0];
        reject(new ConnectionsApiError(status, errorType || (status === 410 ? 'GoneException' : '')));
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(Object.assign(new Error('@connections did not answer in time'), { name: 'TimeoutError' })));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** Posts one payload (a frame, as JSON text) to one connection. Throws a ConnectionsApiError (410: GoneException) otherwise. */
export async function postToConnection(connectionId: string, payload: string): Promise<void> {
  await callConnection('POST', connectionId, payload);
}

/** Closes one connection (API Gateway then runs its $disconnect). Throws a ConnectionsApiError (410: GoneException) otherwise. */
export async function deleteConnection(connectionId: string): Promise<void> {
  await callConnection('DELETE', connectionId);
}

/** Whether a failure says the connection no longer exists (410, GoneException). */
export function isGoneConnection(error: unknown): boolean {
  const failure = error as { $metadata?: { httpStatusCode?: number }; name?: string };
  return failure?.$metadata?.httpStatusCode === 410 || failure?.name === 'GoneException';
}
