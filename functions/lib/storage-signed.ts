/**
 * The materials bucket's presigned URLs and deletions, signed by hand with
 * SigV4 exactly as the SDK signs them, without the S3 client: that client,
 * its XML protocol and the presigned-POST package cost an HTTP function about
 * 235 KB minified and pushed the Materials function to 629 KB, past the 400 KB
 * bundle budget (DESIGN.md); every function that shows an image (pages, forum,
 * diary, home) would pay the same. The signer is already in every bundle for
 * the DynamoDB client (as for connections-api.ts).
 *
 * - presignRead: a GET URL as @aws-sdk/s3-request-presigner makes it (an
 *   unsigned payload, the host signed, the response's type and disposition
 *   in the query), valid for materialLimits.urlSeconds.
 * - presignUpload: a POST policy as @aws-sdk/s3-presigned-post makes it (the
 *   same fields and conditions, in the same order).
 * - deleteObject, deletePrefix: DeleteObject, ListObjectsV2 and DeleteObjects
 *   as signed requests (S3's own REST calls, the same IAM actions).
 *
 * Locally the bucket is path-style under S3_ENDPOINT (the storage front of
 * infra/local/storage-local.ts, which checks these signatures); on AWS it is
 * the bucket's virtual-hosted address in the function's region.
 */
import { createHash } from 'node:crypto';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { createScope, getSigningKey, SignatureV4 } from '@smithy/signature-v4';
import { materialLimits } from '../domain/materials.ts';
import { clientLimits } from './clients.ts';
import { optionalSetting, setting } from './config.ts';
import { environmentCredentials, Sha256 } from './sigv4.ts';

/** Object reads and deletions in one request stay well under a minute; as the S3 client's 30 s request timeout did. */
const requestTimeoutMs = 30_000;
const agents = { http: new HttpAgent({ keepAlive: true, maxSockets: 32 }), https: new HttpsAgent({ keepAlive: true, maxSockets: 32 }) };
const unsignedPayload = 'UNSIGNED-PAYLOAD';

interface BucketAddress {
  protocol: 'http:' | 'https:';
  hostname: string;
  port?: number;
  /** '' on AWS (virtual-hosted), '/<bucket>' locally (path-style). */
  pathPrefix: string;
}

/** Where the bucket answers: path-style under the local storage endpoint, else its virtual-hosted address. */
function bucketAddress(): BucketAddress {
  const bucket = setting('materialsBucket');
  const endpoint = optionalSetting('s3Endpoint');
  if (!endpoint) return { protocol: 'https:', hostname: `${bucket}.s3.${setting('region')}.amazonaws.com`, pathPrefix: '' };
  const url = new URL(endpoint);
  return { protocol: url.protocol === 'https:' ? 'https:' : 'http:', hostname: url.hostname, port: url.port ? Number(url.port) : undefined, pathPrefix: `/${bucket}` };
}

const hostOf = (address: BucketAddress) => `${address.hostname}${address.port === undefined ? '' : `:${address.port}`}`;
const originOf = (address: BucketAddress) => `${address.protocol}//${hostOf(address)}`;

/** RFC 3986 encoding, as S3 and the SDK encode path segments and query values. */
const encodeRfc3986 = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const objectPath = (address: BucketAddress, key: string) => `${address.pathPrefix}/${key.split('/').map(encodeRfc3986).join('/')}`;
const queryString = (query: Record<string, string | string[] | null>) =>
  Object.entries(query)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${encodeRfc3986(name)}=${encodeRfc3986(String(value ?? ''))}`)
    .join('&');

let signer: SignatureV4 | undefined;
function s3Signer(): SignatureV4 {
  // S3 signs the path as sent (no second encoding) and takes the payload's hash from x-amz-content-sha256.
  signer ??= new SignatureV4({ service: 's3', region: setting('region'), credentials: environmentCredentials, sha256: Sha256, uriEscapePath: false, applyChecksum: false });
  return signer;
}

/**
 * A GET URL valid for materialLimits.urlSeconds. The response's type is the
 * one processing found in the bytes; files are served as attachments (named as
 * uploaded), images inline.
 */
export async function presignRead(key: string, options: { contentType: string; download?: string; signingDate?: Date }): Promise<string> {
  const address = bucketAddress();
  const path = objectPath(address, key);
  const query = {
    'response-content-type': options.contentType,
    'response-content-disposition': options.download ? `attachment; filename*=UTF-8''${encodeURIComponent(options.download)}` : 'inline',
    // The S3 client names its operation so; kept, so this URL is byte for byte the SDK presigner's (tests/unit/presign-read.test.ts).
    'x-id': 'GetObject',
  };
  const signed = await s3Signer().presign(
    {
      method: 'GET',
      protocol: address.protocol,
      hostname: address.hostname,
      port: address.port,
      path,
      query,
      // As the S3 client sends a GetObject: the payload unsigned, checksums asked for; the signer hoists both into the query.
      headers: { host: hostOf(address), 'X-Amz-Content-Sha256': unsignedPayload, 'x-amz-checksum-mode': 'ENABLED' },
    },
    // signingDate: tests only (a fixed moment).
    { expiresIn: materialLimits.urlSeconds, signingDate: options.signingDate, unsignableHeaders: new Set(['content-type']) },
  );
  return `${originOf(address)}${path}?${queryString(signed.query as Record<string, string>)}`;
}

/** Where the browser POSTs the multipart form, and the form's fields in order, before the `file` field. */
export interface UploadForm {
  url: string;
  fields: Record<string, string>;
}

const iso8601 = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * A presigned POST for exactly one key, at most `maxBytes`, with this
 * Content-Type, valid for materialLimits.uploadSeconds. S3 enforces the
 * conditions; s3rver does not, which is why processing checks size and type
 * again.
 */
export async function presignUpload(key: string, contentType: string, maxBytes: number, now = new Date()): Promise<UploadForm> {
  const address = bucketAddress();
  const bucket = setting('materialsBucket');
  const region = setting('region');
  const credentials = await environmentCredentials();
  const signingDate = iso8601(now).replace(/[-:]/g, '');
  const shortDate = signingDate.slice(0, 8);
  const fields: Record<string, string> = {
    'Content-Type': contentType,
    bucket,
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': `${credentials.accessKeyId}/${createScope(shortDate, region, 's3')}`,
    'X-Amz-Date': signingDate,
    ...(credentials.sessionToken ? { 'X-Amz-Security-Token': credentials.sessionToken } : {}),
  };
  const conditions: unknown[] = [
    ['eq', '$key', key],
    ['content-length-range', 1, maxBytes],
    ['eq', '$Content-Type', contentType],
    ...Object.entries(fields).map(([name, value]) => ({ [name]: value })),
    { key },
  ];
  const expiration = iso8601(new Date(now.getTime() + materialLimits.uploadSeconds * 1000));
  const policy = Buffer.from(JSON.stringify({ expiration, conditions }), 'utf8').toString('base64');
  const signingKey = await getSigningKey(Sha256, credentials, shortDate, region, 's3');
  const signature = new Sha256(signingKey);
  signature.update(policy);
  const hex = Buffer.from(await signature.digest()).toString('hex');
  return {
    url: `${originOf(address)}${address.pathPrefix || '/'}`,
    fields: { ...fields, key, Policy: policy, 'X-Amz-Signature': hex },
  };
}

/** A refused or failed storage call, shaped as the SDK's errors: a 5xx counts as a passing fault (503, lib/errors.ts). */
export class StorageError extends Error {
  readonly $metadata: { httpStatusCode: number };
  constructor(statusCode: number, what: string, detail: string) {
    super(`Storage answered ${statusCode} to ${what}${detail ? `: ${detail}` : ''}`);
    this.name = 'StorageError';
    this.$metadata = { httpStatusCode: statusCode };
  }
}

const sha256Hex = (body: string) => createHash('sha256').update(body).digest('hex');

/** A fault a second attempt may cure: a 5xx, a connection reset (a kept-alive socket the other side had closed), no answer in time. */
const passing = (error: unknown) => {
  const fault = error as { $metadata?: { httpStatusCode?: number }; code?: string; name?: string };
  return (fault.$metadata?.httpStatusCode ?? 0) >= 500 || ['ECONNRESET', 'EPIPE', 'ECONNREFUSED'].includes(fault.code ?? '') || fault.name === 'TimeoutError';
};

/**
 * Sends one request signed in its Authorization header; the answer's body as
 * text, or a StorageError unless 2xx. Every call here is idempotent (a read,
 * a deletion), so a passing fault gets a second attempt, as the SDK clients
 * get (clientLimits.maxAttempts).
 */
async function send(method: 'GET' | 'POST' | 'DELETE', path: string, query: Record<string, string>, body = '', extraHeaders: Record<string, string> = {}): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await sendOnce(method, path, query, body, extraHeaders);
    } catch (error) {
      if (attempt >= clientLimits.maxAttempts || !passing(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
    }
  }
}

async function sendOnce(method: 'GET' | 'POST' | 'DELETE', path: string, query: Record<string, string>, body: string, extraHeaders: Record<string, string>): Promise<string> {
  const address = bucketAddress();
  const signed = await s3Signer().sign({
    method,
    protocol: address.protocol,
    hostname: address.hostname,
    port: address.port,
    path,
    query,
    headers: { host: hostOf(address), 'x-amz-content-sha256': sha256Hex(body), ...(body ? { 'content-length': String(Buffer.byteLength(body)) } : {}), ...extraHeaders },
    body: body || undefined,
  });
  const secure = address.protocol === 'https:';
  const search = Object.keys(query).length > 0 ? `?${queryString(query)}` : '';
  return new Promise<string>((resolve, reject) => {
    const outgoing = (secure ? httpsRequest : httpRequest)(
      { method, hostname: address.hostname, port: address.port, path: `${path}${search}`, headers: signed.headers, timeout: requestTimeoutMs, agent: secure ? agents.https : agents.http },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = response.statusCode ?? 0;
          if (status >= 200 && status < 300) return resolve(text);
          reject(new StorageError(status, `${method} ${path}`, /<Code>([^<]*)<\/Code>/.exec(text)?.[1] ?? ''));
        });
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(Object.assign(new Error('Storage did not answer in time'), { name: 'TimeoutError' })));
    outgoing.on('error', reject);
    outgoing.end(body || undefined);
  });
}

export async function deleteObject(key: string): Promise<void> {
  await send('DELETE', objectPath(bucketAddress(), key), {});
}

const xmlEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const xmlText = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) =>
    name.startsWith('#x') || name.startsWith('#X') ? String.fromCodePoint(parseInt(name.slice(2), 16)) : name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : (xmlEntities[name] ?? entity),
  );
const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Deletes every object under a prefix (a material's objects): ListObjectsV2 a page of 1,000 at a time, then one DeleteObjects each. */
export async function deletePrefix(prefix: string): Promise<number> {
  const address = bucketAddress();
  const listPath = `${address.pathPrefix}/`;
  let deleted = 0;
  let token: string | undefined;
  do {
    const listed = await send('GET', listPath, { 'list-type': '2', prefix, ...(token ? { 'continuation-token': token } : {}) });
    const keys = [...listed.matchAll(/<Key>([^<]*)<\/Key>/g)].map((match) => xmlText(match[1]!));
    if (keys.length > 0) {
      const body = `<?xml version="1.0" encoding="UTF-8"?><Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Quiet>true</Quiet>${keys
        .map((key) => `<Object><Key>${escapeXml(key)}</Key></Object>`)
        .join('')}</Delete>`;
      // S3 wants a checksum of a DeleteObjects body (Content-MD5 is what every S3 and s3rver accept).
      await send('POST', listPath, { delete: '' }, body, { 'content-md5': createHash('md5').update(body).digest('base64'), 'content-type': 'application/xml' });
      deleted += keys.length;
    }
    const truncated = /<IsTruncated>true<\/IsTruncated>/.test(listed);
    token = truncated ? xmlText(/<NextContinuationToken>([^<]*)<\/NextContinuationToken>/.exec(listed)?.[1] ?? '') || undefined : undefined;
  } while (token);
  return deleted;
}
