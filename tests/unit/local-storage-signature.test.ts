/**
 * The local storage front's signature check (infra/local/storage-signature.ts):
 * what S3 accepts, it accepts — a URL the SDK presigned, an SDK call signed in
 * its Authorization header — and what S3 refuses, it refuses: no signature, a
 * changed signature or key, another access key, an expired or not-yet-valid URL.
 */
import { GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { SignatureChecker } from '../../infra/local/storage-signature.ts';

const region = 'eu-west-1';
const endpoint = 'http://localhost:4569';
const checker = new SignatureChecker(region);

function client(accessKeyId = 'local', secretAccessKey = 'local', handler?: S3Client['config']['requestHandler']) {
  return new S3Client({ endpoint, region, forcePathStyle: true, credentials: { accessKeyId, secretAccessKey }, ...(handler ? { requestHandler: handler } : {}) });
}

const objectKey = 'materials/01KB5Z0000PR0JECTSAMP1E000/01KB5Z0000MATER1ALSAMP1E0/01KB5Z0000F1LESAMP1E00000/w320.webp';

/** The request a presigned URL makes when the browser follows it. */
function arrived(url: string, method = 'GET') {
  const parsed = new URL(url);
  return { method, url: `${parsed.pathname}${parsed.search}`, headers: { host: parsed.host } };
}

function presigned(options: { signingDate?: Date; expiresIn?: number; accessKeyId?: string; secret?: string; key?: string } = {}) {
  return getSignedUrl(
    client(options.accessKeyId, options.secret),
    new GetObjectCommand({ Bucket: 'twinspace-materials', Key: options.key ?? objectKey, ResponseContentType: 'image/webp', ResponseContentDisposition: 'inline' }),
    { expiresIn: options.expiresIn ?? 300, ...(options.signingDate ? { signingDate: options.signingDate } : {}) },
  );
}

describe('a presigned GET', () => {
  it('is accepted as issued, until it expires', async () => {
    const url = await presigned();
    expect(await checker.check(arrived(url))).toEqual({ valid: true });
    expect(await checker.check(arrived(url), new Date(Date.now() + 299_000))).toEqual({ valid: true });
    expect(await checker.check(arrived(url), new Date(Date.now() + 301_000))).toMatchObject({ valid: false, code: 'AccessDenied', message: 'Request has expired' });
  });

  it('is refused when signed in the past and already expired', async () => {
    const url = await presigned({ signingDate: new Date(Date.now() - 10 * 60_000), expiresIn: 300 });
    expect(await checker.check(arrived(url))).toMatchObject({ valid: false, code: 'AccessDenied', message: 'Request has expired' });
  });

  it('is refused when dated in the future', async () => {
    const url = await presigned({ signingDate: new Date(Date.now() + 60 * 60_000) });
    expect(await checker.check(arrived(url))).toMatchObject({ valid: false, code: 'AccessDenied' });
  });

  it('is refused with a changed signature, key, response type or lifetime', async () => {
    const url = await presigned();
    const signature = new URL(url).searchParams.get('X-Amz-Signature')!;
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`;
    const variants = [
      url.replace(signature, flipped),
      url.replace('/w320.webp', '/w1280.webp'),
      url.replace('response-content-type=image%2Fwebp', 'response-content-type=text%2Fhtml'),
      url.replace('X-Amz-Expires=300', 'X-Amz-Expires=3000'),
    ];
    for (const variant of variants) {
      expect(variant).not.toBe(url);
      expect(await checker.check(arrived(variant)), variant).toMatchObject({ valid: false, code: 'SignatureDoesNotMatch' });
    }
  });

  it('is refused when used for another method or host than signed', async () => {
    const url = await presigned();
    expect(await checker.check(arrived(url, 'DELETE'))).toMatchObject({ valid: false, code: 'SignatureDoesNotMatch' });
    expect(await checker.check({ ...arrived(url), headers: { host: 'localhost:9999' } })).toMatchObject({ valid: false, code: 'SignatureDoesNotMatch' });
  });

  it('is refused when signed with other credentials', async () => {
    expect(await checker.check(arrived(await presigned({ accessKeyId: 'someone' })))).toMatchObject({ valid: false, code: 'InvalidAccessKeyId' });
    expect(await checker.check(arrived(await presigned({ secret: 'guessed' })))).toMatchObject({ valid: false, code: 'SignatureDoesNotMatch' });
  });

  it('is refused without a signature, or with part of one', async () => {
    const bare = `${endpoint}/twinspace-materials/${objectKey}`;
    expect(await checker.check(arrived(bare))).toMatchObject({ valid: false, code: 'AccessDenied' });
    const url = new URL(await presigned());
    url.searchParams.delete('X-Amz-Signature');
    expect(await checker.check(arrived(url.href))).toMatchObject({ valid: false, code: 'AccessDenied' });
  });
});

describe('an SDK call signed in its Authorization header', () => {
  /** The request the SDK would send, caught before it leaves. */
  async function signedHead(accessKeyId = 'local', secret = 'local') {
    let caught: { method: string; path: string; query?: Record<string, unknown>; headers: Record<string, string> } | undefined;
    const catcher = {
      handle: async (request: typeof caught) => {
        caught = request;
        return { response: { statusCode: 200, headers: {}, body: Readable.from([]) } };
      },
    };
    const sdk = client(accessKeyId, secret, catcher as unknown as S3Client['config']['requestHandler']);
    await sdk.send(new HeadObjectCommand({ Bucket: 'twinspace-materials', Key: objectKey }));
    const headers = Object.fromEntries(Object.entries(caught!.headers).map(([name, value]) => [name.toLowerCase(), value]));
    const search = new URLSearchParams(caught!.query as Record<string, string>).toString();
    return { method: caught!.method, url: `${caught!.path}${search ? `?${search}` : ''}`, headers };
  }

  it('is accepted as sent', async () => {
    expect(await checker.check(await signedHead())).toEqual({ valid: true });
  });

  it('is refused with another method, a changed signed header, or another secret', async () => {
    const request = await signedHead();
    expect(await checker.check({ ...request, method: 'DELETE' })).toMatchObject({ valid: false, code: 'SignatureDoesNotMatch' });
    expect(await checker.check({ ...request, headers: { ...request.headers, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } })).toMatchObject({ valid: false });
    expect(await checker.check(await signedHead('local', 'guessed'))).toMatchObject({ valid: false, code: 'SignatureDoesNotMatch' });
  });

  it('is refused when its date is too far from now', async () => {
    const request = await signedHead();
    expect(await checker.check(request, new Date(Date.now() + 20 * 60_000))).toMatchObject({ valid: false, code: 'RequestTimeTooSkewed' });
  });
});
