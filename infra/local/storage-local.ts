/**
 * The materials bucket on one laptop (issue 10): s3rver, on an internal port
 * of 127.0.0.1, with its data under <dataDir>/storage, the bucket made at
 * start with CORS for the site's origin; and in front of it, on STORAGE_PORT,
 * a small proxy that is the only way in.
 *
 * Why the front: s3rver verifies no signature, so on its own any object would
 * be readable by its key alone and an expired URL would still work. The front
 * refuses (403, S3's XML error) every request without a valid SigV4 signature
 * (storage-signature.ts) — presigned URLs and the handlers' SDK calls alike —
 * except the browser's form upload (a multipart POST to the bucket: S3 checks
 * its policy in the cloud; locally processing checks size and type again) and
 * CORS preflights. Everything else passes through untouched.
 *
 * Every object s3rver stores is announced on its `event` emitter; those are
 * delivered to the storage handlers (storage-events.ts).
 */
import { mkdirSync } from 'node:fs';
import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import S3rver from 's3rver';
import s3rverAccounts from 's3rver/lib/models/account.js';
import { storageHandlers, type StorageHandler } from '../../functions/routes.ts';
import { closeServer, listen } from './http-gateway.ts';
import { localHost } from './ports.ts';
import { storageEventQueue } from './storage-events.ts';
import { localCredentials, SignatureChecker, type Refusal } from './storage-signature.ts';

/** The local materials bucket (endpoints.json `bucket`; the handlers' MATERIALS_BUCKET). */
export const localMaterialsBucket = 'twinspace-materials';

export interface StorageOptions {
  /** The front's port: the storage endpoint everyone uses. */
  port: number;
  /** s3rver's data folder (<dataDir>/storage). */
  folder: string;
  bucket?: string;
  region: string;
  /** Origins the site is served from (CORS for its uploads and reads). */
  siteOrigins: string[];
  handlers?: readonly StorageHandler[];
}

export interface LocalStorage {
  /** Resolves once the delivery under way is done and both servers are closed. */
  stop(): Promise<void>;
}

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (character) => `&#${character.charCodeAt(0)};`);

function corsConfiguration(origins: string[]): string {
  const allowed = origins.map((origin) => `<AllowedOrigin>${escapeXml(origin)}</AllowedOrigin>`).join('');
  const methods = ['GET', 'POST', 'PUT', 'HEAD'].map((method) => `<AllowedMethod>${method}</AllowedMethod>`).join('');
  return `<CORSConfiguration><CORSRule>${allowed}${methods}<AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule></CORSConfiguration>`;
}

/** The browser's upload: a multipart form POSTed to the bucket itself, its signature inside the form's policy. */
function isFormUpload(incoming: IncomingMessage, bucket: string): boolean {
  const path = (incoming.url ?? '').split('?')[0];
  return (
    incoming.method === 'POST' &&
    (path === `/${bucket}` || path === `/${bucket}/`) &&
    !(incoming.url ?? '').includes('?') &&
    incoming.headers.authorization === undefined &&
    (incoming.headers['content-type'] ?? '').startsWith('multipart/form-data')
  );
}

/** S3's error document; a HEAD gets the status alone. */
function refuse(incoming: IncomingMessage, answer: ServerResponse, refusal: Refusal, corsOrigin: string | undefined): void {
  const requestId = randomBytes(8).toString('hex').toUpperCase();
  const resource = (incoming.url ?? '/').split('?')[0];
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${refusal.code}</Code><Message>${escapeXml(refusal.message)}</Message><Resource>${escapeXml(resource)}</Resource><RequestId>${requestId}</RequestId></Error>`;
  answer.writeHead(403, {
    'content-type': 'application/xml',
    'content-length': Buffer.byteLength(body),
    'x-amz-request-id': requestId,
    ...(corsOrigin ? { 'access-control-allow-origin': corsOrigin, vary: 'Origin' } : {}),
  });
  answer.end(incoming.method === 'HEAD' ? undefined : body);
  incoming.resume();
}

export async function startStorage(options: StorageOptions): Promise<LocalStorage> {
  const bucket = options.bucket ?? localMaterialsBucket;
  mkdirSync(options.folder, { recursive: true });
  // s3rver parses (never checks) signatures and knows only its own access key: teach it the local one.
  s3rverAccounts.DUMMY_ACCOUNT.createKeyPair(localCredentials.accessKeyId, localCredentials.secretAccessKey);
  const s3rver = new S3rver({
    address: localHost,
    port: 0,
    silent: true,
    directory: options.folder,
    vhostBuckets: false,
    configureBuckets: [{ name: bucket, configs: [corsConfiguration(options.siteOrigins)] }],
  });
  const events = storageEventQueue(options.handlers ?? storageHandlers, options.region);
  s3rver.on('event', (event) => events.push(event));
  const { port: innerPort } = await s3rver.run();

  const checker = new SignatureChecker(options.region);
  // No kept-alive sockets to s3rver: it closes idle ones after 5 s, and a request sent on one just closed got a 502.
  const agent = new Agent({ keepAlive: false });
  const passThrough = (incoming: IncomingMessage, answer: ServerResponse) => {
    const upstream = request({ host: localHost, port: innerPort, method: incoming.method, path: incoming.url, headers: incoming.headers, agent }, (inner) => {
      answer.writeHead(inner.statusCode ?? 502, inner.headers);
      inner.pipe(answer);
    });
    upstream.on('error', (error) => {
      if (answer.headersSent) answer.destroy(error);
      else answer.writeHead(502).end();
    });
    incoming.pipe(upstream);
  };
  const front = createServer((incoming, answer) => {
    const origin = incoming.headers.origin;
    const corsOrigin = origin && options.siteOrigins.includes(origin) ? origin : undefined;
    if (incoming.method === 'OPTIONS' || isFormUpload(incoming, bucket)) return passThrough(incoming, answer);
    checker.check({ method: incoming.method ?? 'GET', url: incoming.url ?? '/', headers: incoming.headers }).then(
      (verdict) => (verdict.valid ? passThrough(incoming, answer) : refuse(incoming, answer, verdict, corsOrigin)),
      (error: unknown) => {
        console.error('[storage] checking a signature failed:', error);
        refuse(incoming, answer, { code: 'AccessDenied', message: 'Access Denied' }, corsOrigin);
      },
    );
  });
  try {
    await listen(front, options.port);
  } catch (error) {
    await s3rver.close();
    throw error;
  }

  return {
    async stop() {
      // The handler under way still reads and writes through the front: let it finish first.
      await events.stop();
      await closeServer(front);
      agent.destroy();
      await s3rver.close();
    },
  };
}
