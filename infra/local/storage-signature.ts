/**
 * The check the local storage front (storage-local.ts) makes before s3rver,
 * which verifies no signature at all: a request reaches an object only with a
 * valid AWS Signature Version 4, as on S3. The signature is recomputed by
 * @smithy/signature-v4 (the signer the SDK itself uses) with the local
 * credentials and region, from the parts of the request the client signed,
 * and compared; the date and the expiry are checked as S3 checks them.
 *
 * Two forms: a presigned URL (the query carries X-Amz-Signature; what the API
 * hands the browser) and an Authorization header (the SDK calls of handlers).
 */
import { createHash, createHmac, timingSafeEqual, type Hash, type Hmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { SignatureV4 } from '@smithy/signature-v4';

/** What the local stack's handlers sign with (infra/local/endpoints.ts handlerEnv). */
export const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

/** S3 refuses a signed request whose date is further than this from its clock. */
export const allowedSkewMs = 15 * 60 * 1000;
/** A presigned URL lives at most a week (SigV4's limit). */
const maxExpiresSeconds = 7 * 24 * 60 * 60;

const algorithm = 'AWS4-HMAC-SHA256';
const presignParams = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-SignedHeaders', 'X-Amz-Signature'] as const;
const unsignedPayload = 'UNSIGNED-PAYLOAD';

/** SignatureV4's hash interface over node:crypto, as @smithy/hash-node provides it: the signer computes, this only adapts. */
class Sha256 {
  private hash: Hash | Hmac;
  constructor(private readonly secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = Sha256.create(secret);
  }
  private static create(secret?: string | ArrayBuffer | ArrayBufferView): Hash | Hmac {
    return secret === undefined ? createHash('sha256') : createHmac('sha256', Sha256.bytes(secret));
  }
  private static bytes(data: string | ArrayBuffer | ArrayBufferView): Buffer {
    if (typeof data === 'string') return Buffer.from(data, 'utf8');
    if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    return Buffer.from(data);
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(Sha256.bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    this.hash = Sha256.create(this.secret);
  }
}

/** The request as it arrived: method, the raw target (path and query, percent-encoded as sent) and the headers. */
export interface ArrivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

/** S3's error codes for a refused signature (all 403). */
export type Refusal = { code: 'AccessDenied' | 'SignatureDoesNotMatch' | 'InvalidAccessKeyId' | 'RequestTimeTooSkewed'; message: string };
export type SignatureCheck = { valid: true } | ({ valid: false } & Refusal);

type SignableRequest = Parameters<SignatureV4['presign']>[0];

const refuse = (code: Refusal['code'], message: string): SignatureCheck => ({ valid: false, code, message });

/** 20261128T101500Z → a Date; anything else → undefined. */
export function parseAmzDate(value: string | undefined): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? '');
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match.map(Number);
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The raw path (as sent: S3 signs it without re-encoding) and the decoded query, repeated names as arrays. */
function splitTarget(url: string): { path: string; query: Record<string, string | string[]> } {
  const at = url.indexOf('?');
  const path = at === -1 ? url : url.slice(0, at);
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(at === -1 ? '' : url.slice(at + 1))) {
    const seen = query[name];
    query[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return { path, query };
}

const single = (value: string | string[] | null | undefined): string | undefined => (Array.isArray(value) || value === null ? undefined : value);

/** The headers the client signed, with the values that arrived; undefined when one is missing. */
function signedHeaders(names: string[], headers: IncomingHttpHeaders): Record<string, string> | undefined {
  const picked: Record<string, string> = {};
  for (const name of names) {
    const value = headers[name];
    if (value === undefined) return undefined;
    picked[name] = Array.isArray(value) ? value.join(',') : value;
  }
  return picked;
}

/** Checks requests against the local credentials in one region. */
export class SignatureChecker {
  private readonly signer: SignatureV4;

  constructor(private readonly region: string) {
    // S3 signs the path as sent (no second encoding) and takes the payload hash from x-amz-content-sha256.
    this.signer = new SignatureV4({ credentials: localCredentials, region, service: 's3', sha256: Sha256, uriEscapePath: false, applyChecksum: false });
  }

  /** Whether the request carries a signature at all (a presigned query or an Authorization header). */
  static isSigned(request: ArrivedRequest): boolean {
    return request.headers.authorization !== undefined || /[?&]X-Amz-Signature=/.test(request.url);
  }

  async check(request: ArrivedRequest, now = new Date()): Promise<SignatureCheck> {
    if (request.headers.authorization !== undefined) return this.checkHeader(request, now);
    if (/[?&]X-Amz-Algorithm=/.test(request.url)) return this.checkPresigned(request, now);
    return refuse('AccessDenied', 'Access Denied');
  }

  /** A presigned URL: recompute the whole query signature for the same date and expiry, compare. */
  private async checkPresigned(request: ArrivedRequest, now: Date): Promise<SignatureCheck> {
    const { path, query } = splitTarget(request.url);
    const given = Object.fromEntries(presignParams.map((name) => [name, single(query[name])])) as Record<(typeof presignParams)[number], string | undefined>;
    if (presignParams.some((name) => given[name] === undefined)) {
      return refuse('AccessDenied', `Query-string authentication requires the ${presignParams.join(', ')} parameters`);
    }
    if (given['X-Amz-Algorithm'] !== algorithm) return refuse('AccessDenied', `X-Amz-Algorithm only supports "${algorithm}"`);
    const signingDate = parseAmzDate(given['X-Amz-Date']);
    if (!signingDate) return refuse('AccessDenied', 'X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd\'T\'HHmmss\'Z\'"');
    const expiresIn = Number(given['X-Amz-Expires']);
    if (!Number.isInteger(expiresIn) || expiresIn < 1 || expiresIn > maxExpiresSeconds) {
      return refuse('AccessDenied', 'X-Amz-Expires must be a whole number of seconds between 1 and 604800');
    }
    if (signingDate.getTime() - now.getTime() > allowedSkewMs) return refuse('AccessDenied', 'Request is not valid yet');
    if (now.getTime() > signingDate.getTime() + expiresIn * 1000) return refuse('AccessDenied', 'Request has expired');
    const accessKeyId = given['X-Amz-Credential']!.split('/')[0];
    if (accessKeyId !== localCredentials.accessKeyId) return refuse('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');

    const names = given['X-Amz-SignedHeaders']!.split(';');
    const headers = signedHeaders(names, request.headers);
    if (!headers) return refuse('SignatureDoesNotMatch', 'A header named in X-Amz-SignedHeaders was not sent.');
    const unsigned = Object.fromEntries(Object.entries(query).filter(([name]) => !(presignParams as readonly string[]).includes(name)));
    // The SDK presigns S3 URLs for an unsigned payload, carried as a hoisted X-Amz-Content-Sha256; without it S3 assumes the same.
    // Put back as the header it was hoisted from, under the same name (the query's names are signed as spelt).
    const hoistedName = Object.keys(unsigned).find((name) => name.toLowerCase() === 'x-amz-content-sha256');
    const payloadHash = hoistedName === undefined ? undefined : single(unsigned[hoistedName]);
    if (hoistedName !== undefined) delete unsigned[hoistedName];
    const hoisted = payloadHash !== undefined;
    const signable: SignableRequest = {
      method: request.method,
      protocol: 'http:',
      hostname: 'localhost',
      path,
      query: unsigned,
      headers: { ...headers, [hoistedName ?? 'x-amz-content-sha256']: payloadHash ?? unsignedPayload },
    };
    const keepAsHeader = new Set(names.filter((name) => name.startsWith('x-amz-')));
    if (!hoisted) keepAsHeader.add('x-amz-content-sha256');
    const expected = await this.signer.presign(signable, {
      signingDate,
      expiresIn,
      signableHeaders: new Set(names),
      unsignableHeaders: hoisted ? undefined : new Set(['x-amz-content-sha256']),
      unhoistableHeaders: keepAsHeader,
    });
    const computed = expected.query ?? {};
    const same =
      single(computed['X-Amz-Credential']) === given['X-Amz-Credential'] &&
      single(computed['X-Amz-SignedHeaders']) === given['X-Amz-SignedHeaders'] &&
      sameText(single(computed['X-Amz-Signature']) ?? '', given['X-Amz-Signature']!);
    return same ? { valid: true } : refuse('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
  }

  /** An Authorization header: re-sign the signed headers at the request's x-amz-date, compare. */
  private async checkHeader(request: ArrivedRequest, now: Date): Promise<SignatureCheck> {
    const authorization = String(request.headers.authorization);
    const match = /^AWS4-HMAC-SHA256 Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]+)$/.exec(authorization);
    if (!match) return refuse('AccessDenied', 'The authorization header is not an AWS4-HMAC-SHA256 signature.');
    const [, credential, signedNames, signature] = match;
    if (credential.split('/')[0] !== localCredentials.accessKeyId) {
      return refuse('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
    }
    const signingDate = parseAmzDate(single(request.headers['x-amz-date'] as string | string[] | undefined));
    if (!signingDate) return refuse('AccessDenied', 'AWS authentication requires a valid Date or x-amz-date header');
    if (Math.abs(signingDate.getTime() - now.getTime()) > allowedSkewMs) {
      return refuse('RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.');
    }
    const names = signedNames.split(';');
    const headers = signedHeaders(names, request.headers);
    if (!headers || headers['x-amz-content-sha256'] === undefined) {
      return refuse('SignatureDoesNotMatch', 'A signed header, or x-amz-content-sha256, was not sent.');
    }
    const { path, query } = splitTarget(request.url);
    const signed = await this.signer.sign(
      { method: request.method, protocol: 'http:', hostname: 'localhost', path, query, headers } satisfies SignableRequest,
      { signingDate, signableHeaders: new Set(names) },
    );
    const recomputed = /Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]+)$/.exec(String(signed.headers.authorization));
    const same = recomputed !== null && recomputed[1] === credential && recomputed[2] === signedNames && sameText(recomputed[3], signature);
    return same ? { valid: true } : refuse('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
  }
}
