/**
 * The light presigner of the functions that show images (functions/lib/
 * storage-signed.ts presignRead) makes exactly the URL the S3 client's presigner makes for
 * the same GetObject (lib/storage.ts presignRead: the same client settings),
 * locally (path-style, the storage endpoint) and on AWS (the bucket's virtual
 * host), so whatever checks one checks the other: the local storage front,
 * and S3.
 */
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { materialLimits } from '../../functions/domain/materials.ts';
import { presignRead } from '../../functions/lib/storage-signed.ts';

const signingDate = new Date('2026-11-29T10:00:00Z');
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

/** The S3 client's URL, with the client configured as lib/storage.ts configures it. */
function sdkUrl(endpoint: string | undefined, key: string, contentType: string, download?: string) {
  const client = new S3Client({ region: 'eu-west-1', endpoint, forcePathStyle: endpoint !== undefined, credentials });
  const command = new GetObjectCommand({
    Bucket: 'twinspace-materials',
    Key: key,
    ResponseContentType: contentType,
    ResponseContentDisposition: download ? `attachment; filename*=UTF-8''${encodeURIComponent(download)}` : 'inline',
  });
  return getSignedUrl(client, command, { expiresIn: materialLimits.urlSeconds, signingDate });
}

beforeEach(() => {
  vi.stubEnv('AWS_REGION', 'eu-west-1');
  vi.stubEnv('MATERIALS_BUCKET', 'twinspace-materials');
  vi.stubEnv('AWS_ACCESS_KEY_ID', credentials.accessKeyId);
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', credentials.secretAccessKey);
  vi.stubEnv('AWS_SESSION_TOKEN', '');
});
afterEach(() => vi.unstubAllEnvs());

const cases: [string, string, string | undefined][] = [
  ['materials/01JF8Z3Q4W5X6Y7Z8A9B0C1D2E/01JG2M8A1C3E5G7J9K1M3P5R7S/01JG2M8A1C3E5G7J9K1M3P5R7T/w320.webp', 'image/webp', undefined],
  ['materials/01JF8Z3Q4W5X6Y7Z8A9B0C1D2E/01JG2M8A1C3E5G7J9K1M3P5R7S/01JG2M8A1C3E5G7J9K1M3P5R7T/original', 'image/png', undefined],
  ['materials/a b/ü(1)!.pdf', 'application/pdf', 'Río (final).pdf'],
];

describe.each([
  ['locally, path-style through the storage endpoint', 'http://localhost:4569'],
  ['on AWS, the bucket’s virtual host', undefined],
])('a presigned GET %s', (_where, endpoint) => {
  it.each(cases)('of %s is the S3 client’s own URL', async (key, contentType, download) => {
    if (endpoint) vi.stubEnv('S3_ENDPOINT', endpoint);
    else vi.stubEnv('S3_ENDPOINT', '');
    const mine = await presignRead(key, { contentType, download, signingDate });
    expect(mine).toBe(await sdkUrl(endpoint, key, contentType, download));
    const url = new URL(mine);
    expect(url.searchParams.get('X-Amz-Expires')).toBe(String(materialLimits.urlSeconds));
    expect(url.searchParams.get('response-content-type')).toBe(contentType);
  });
});
