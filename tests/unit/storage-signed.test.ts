/**
 * The hand-signed storage calls (functions/lib/storage-signed.ts) against the
 * SDK they stand in for and the local front that checks them: the presigned
 * POST is field for field what @aws-sdk/s3-presigned-post makes at the same
 * instant; a presigned GET passes the front's SigV4 check (the same check S3
 * makes), and fails once tampered with or expired; on AWS the URLs name the
 * bucket's virtual-hosted address.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { materialLimits } from '../../functions/domain/materials.ts';
import { presignRead, presignUpload } from '../../functions/lib/storage-signed.ts';
import { SignatureChecker } from '../../infra/local/storage-signature.ts';

const region = 'eu-west-1';
const bucket = 'twinspace-materials';
const env = { MATERIALS_BUCKET: bucket, S3_ENDPOINT: 'http://localhost:4569', AWS_REGION: region, AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' };
let saved: Record<string, string | undefined>;

beforeEach(() => {
  saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
});
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  vi.useRealTimers();
});

/** The request as the front receives it from a browser opening the URL. */
const arrived = (url: string) => {
  const parsed = new URL(url);
  return { method: 'GET', url: `${parsed.pathname}${parsed.search}`, headers: { host: parsed.host } };
};

describe('presignUpload', () => {
  it('makes exactly the form the SDK makes: url, fields, policy and signature', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-28T10:15:30.456Z'));
    const key = 'incoming/01JF8Z3Q4W5X6Y7Z8A9B0C1D2E/01JF9A2B3C4D5E6F7G8H9J0K1M/01JF9B3C4D5E6F7G8H9J0K1M2N';
    const sdk = new S3Client({ region, endpoint: env.S3_ENDPOINT, forcePathStyle: true, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    const expected = await createPresignedPost(sdk, {
      Bucket: bucket,
      Key: key,
      Conditions: [['eq', '$key', key], ['content-length-range', 1, materialLimits.bytes.image], ['eq', '$Content-Type', 'image/png']],
      Fields: { 'Content-Type': 'image/png' },
      Expires: materialLimits.uploadSeconds,
    });
    const mine = await presignUpload(key, 'image/png', materialLimits.bytes.image);
    expect(mine.url).toBe(expected.url);
    expect(Object.entries(mine.fields)).toEqual(Object.entries(expected.fields));
  });

  it('carries the session token of a Lambda role in the fields and the policy', async () => {
    process.env.AWS_SESSION_TOKEN = 'token-of-the-role';
    try {
      const { fields } = await presignUpload('incoming/a/b/c', 'application/pdf', 5);
      expect(fields['X-Amz-Security-Token']).toBe('token-of-the-role');
      expect(JSON.parse(Buffer.from(fields.Policy!, 'base64').toString('utf8')).conditions).toContainEqual({ 'X-Amz-Security-Token': 'token-of-the-role' });
    } finally {
      delete process.env.AWS_SESSION_TOKEN;
    }
  });
});

describe('presignRead', () => {
  const checker = new SignatureChecker(region);

  it('passes the storage front’s signature check, names the type and the download, and lives urlSeconds', async () => {
    const url = await presignRead('materials/P/M/F/original', { contentType: 'application/pdf', download: 'Plan de mayo (1).pdf' });
    const parsed = new URL(url);
    expect(`${parsed.origin}${parsed.pathname}`).toBe(`http://localhost:4569/${bucket}/materials/P/M/F/original`);
    expect(parsed.searchParams.get('response-content-type')).toBe('application/pdf');
    expect(parsed.searchParams.get('response-content-disposition')).toBe("attachment; filename*=UTF-8''Plan%20de%20mayo%20(1).pdf");
    expect(parsed.searchParams.get('X-Amz-Expires')).toBe(String(materialLimits.urlSeconds));
    expect(await checker.check(arrived(url))).toEqual({ valid: true });
  });

  it('fails once tampered with, or after it expired', async () => {
    const url = await presignRead('materials/P/M/F/w320.webp', { contentType: 'image/webp' });
    expect(await checker.check(arrived(url.replace('w320.webp', 'w1280.webp')))).toMatchObject({ valid: false, code: 'SignatureDoesNotMatch' });
    expect(await checker.check(arrived(url.replace('image%2Fwebp', 'text%2Fhtml')))).toMatchObject({ valid: false, code: 'SignatureDoesNotMatch' });
    const later = new Date(Date.now() + (materialLimits.urlSeconds + 5) * 1000);
    expect(await checker.check(arrived(url), later)).toMatchObject({ valid: false, code: 'AccessDenied', message: 'Request has expired' });
  });

  it('on AWS, addresses the bucket by its virtual-hosted name in the function’s region', async () => {
    delete process.env.S3_ENDPOINT;
    const url = new URL(await presignRead('materials/P/M/F/original', { contentType: 'image/png' }));
    expect(url.origin).toBe(`https://${bucket}.s3.${region}.amazonaws.com`);
    expect(url.pathname).toBe('/materials/P/M/F/original');
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('host');
    expect((await presignUpload('incoming/a/b/c', 'image/png', 5)).url).toBe(`https://${bucket}.s3.${region}.amazonaws.com/`);
  });
});
