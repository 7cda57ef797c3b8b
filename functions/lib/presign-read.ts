/**
 * A presigned GET of one object of the materials bucket, signed with SigV4
 * alone (@smithy/signature-v4 and node's crypto): exactly the URL the S3
 * client's presigner makes (lib/storage.ts presignRead; a unit test compares
 * the two), without the S3 client. The functions that only SHOW images —
 * pages, forum, diary, Home — presign their documents' image URLs with it and
 * stay within DESIGN.md's 400 KB bundle budget (the S3 client and its
 * presigner add about 180 KB to each of them).
 *
 * Presigning is local crypto: no request is made. Valid materialLimits.urlSeconds.
 */
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { fromEnv } from '@aws-sdk/credential-provider-env';
import { SignatureV4 } from '@smithy/signature-v4';
import type { SourceData } from '@smithy/types';
import { materialLimits } from '../domain/materials.ts';
import { optionalSetting, setting } from './config.ts';

const bytesOf = (data: SourceData): string | Uint8Array =>
  typeof data === 'string' ? data : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);

/** SHA-256 (or its HMAC with a secret) in the shape the signer asks for. */
class NodeSha256 {
  private hash: Hash | Hmac;
  constructor(private readonly secret?: SourceData) {
    this.hash = this.fresh();
  }
  private fresh(): Hash | Hmac {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', bytesOf(this.secret));
  }
  update(data: SourceData): void {
    this.hash.update(bytesOf(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    this.hash = this.fresh();
  }
}

let signer: SignatureV4 | undefined;

/** S3's signer: the path is signed as sent (S3 does not escape it twice), the payload is not signed. */
function s3Signer(): SignatureV4 {
  signer ??= new SignatureV4({ service: 's3', region: setting('region'), credentials: fromEnv(), sha256: NodeSha256, uriEscapePath: false, applyChecksum: false });
  return signer;
}

/** RFC 3986 escaping, as the SDK escapes keys and query values. */
const escapeUri = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Where the object is: locally the storage endpoint, path-style
 * (`<endpoint>/<bucket>/<key>`); on AWS the bucket's regional virtual host.
 */
function objectLocation(key: string): { protocol: string; hostname: string; port?: number; path: string } {
  const bucket = setting('materialsBucket');
  const escapedKey = key.split('/').map(escapeUri).join('/');
  const endpoint = optionalSetting('s3Endpoint');
  if (endpoint) {
    const url = new URL(endpoint);
    return { protocol: url.protocol, hostname: url.hostname, port: url.port ? Number(url.port) : undefined, path: `${url.pathname.replace(/\/$/, '')}/${bucket}/${escapedKey}` };
  }
  return { protocol: 'https:', hostname: `${bucket}.s3.${setting('region')}.amazonaws.com`, path: `/${escapedKey}` };
}

/**
 * A GET URL of `key` valid materialLimits.urlSeconds, served with
 * `contentType`, inline, or as an attachment named `download`. `signingDate`
 * only for tests (a fixed moment).
 */
export async function presignGet(key: string, options: { contentType: string; download?: string; signingDate?: Date }): Promise<string> {
  const { protocol, hostname, port, path } = objectLocation(key);
  const query: Record<string, string> = {
    'response-content-disposition': options.download ? `attachment; filename*=UTF-8''${encodeURIComponent(options.download)}` : 'inline',
    'response-content-type': options.contentType,
    // The S3 client names its operation so; kept, so both presigners make the same URL.
    'x-id': 'GetObject',
  };
  const signed = await s3Signer().presign(
    {
      method: 'GET',
      protocol,
      hostname,
      port,
      path,
      query,
      // As the S3 client sends a GetObject: the payload unsigned (S3's rule for presigned URLs), checksums asked for; the signer hoists both into the query.
      headers: { host: port === undefined ? hostname : `${hostname}:${port}`, 'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD', 'x-amz-checksum-mode': 'ENABLED' },
    },
    { expiresIn: materialLimits.urlSeconds, signingDate: options.signingDate, unsignableHeaders: new Set(['content-type']) },
  );
  const signedQuery = signed.query ?? {};
  const search = Object.keys(signedQuery)
    .sort()
    .map((name) => `${escapeUri(name)}=${escapeUri(String(signedQuery[name]))}`)
    .join('&');
  return `${protocol}//${hostname}${port === undefined ? '' : `:${port}`}${path}?${search}`;
}
