/**
 * Issue 10, "Processing: the upload is not trusted" and "Access", on the
 * local stack: a file uploaded through a presigned POST (a real multipart
 * POST to storage, as the browser makes it) is processed by the same handler
 * S3's notification invokes in the cloud. A photo comes out without its EXIF
 * and GPS, with both WebP thumbnails; a fake PNG, an oversized image and an
 * HTML page declared as text are rejected and their objects gone; the
 * project's usage settles. And no object is readable without a URL the API
 * would issue: unsigned, tampered and expired URLs get 403 from storage.
 *
 * The material and its pending file are written straight into the table (as
 * the upload request writes them), so this tests processing on its own.
 */
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { S3Event } from 'aws-lambda';
import sharp from 'sharp';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ulid } from 'ulid';
import { materialLimits, objectKeys } from '../../functions/domain/materials.ts';
import { storageHandlers } from '../../functions/routes.ts';
import { presignRead, presignUpload, storageClient, writeObject } from '../../functions/lib/storage.ts';
import { applyHandlerEnv, invokeHandler } from '../../infra/local/lambda-runtime.ts';
import {
  keysUnder,
  objectExists,
  readFileItem,
  readMaterialItem,
  seedMaterial,
  seedPendingFile,
  uploadWithForm,
  usedBytes,
  waitUntilGone,
  waitUntilSettled,
  type SeededFile,
  type SeededMaterial,
} from '../support/materials.ts';

const endpoints = inject('endpoints');

beforeAll(() => {
  // presignUpload/presignRead and the storage calls below use the handlers' settings (S3_ENDPOINT, MATERIALS_BUCKET, credentials).
  applyHandlerEnv(endpoints);
});

const gps = { IFD0: { Make: 'PupilPhone', Model: 'P1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '41/1 39/1 2/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 53/1 4/1' } };

/** Whether EXIF bytes hold a GPS IFD (IFD0 entry 0x8825), read from the TIFF structure. */
function exifHasGps(exif: Buffer): boolean {
  const tiff = exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? exif.subarray(6) : exif;
  const little = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd0 = u32(4);
  for (let entry = 0; entry < u16(ifd0); entry += 1) if (u16(ifd0 + 2 + entry * 12) === 0x8825) return true;
  return false;
}

async function solidImage(width: number, height: number) {
  return sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 190 } } });
}

/** Asks for the upload as the API answers it (presignUpload for the incoming key), then POSTs the bytes. */
async function upload(file: SeededFile, bytes: Uint8Array, contentType: string, fileName: string, kind: 'image' | 'file' = 'image') {
  const form = await presignUpload(file.incomingKey, contentType, materialLimits.bytes[kind]);
  const answer = await uploadWithForm(form, bytes, contentType, fileName);
  expect(answer.status, await answer.clone().text()).toBeLessThan(300);
  return form;
}

async function download(url: string) {
  const answer = await fetch(url);
  return { status: answer.status, contentType: answer.headers.get('content-type'), bytes: Buffer.from(await answer.arrayBuffer()) };
}

describe('a photo uploaded through the presigned POST', () => {
  let album: SeededMaterial;
  let first: SeededFile;

  beforeAll(async () => {
    album = await seedMaterial(endpoints, { kind: 'album' });
  });

  it('is served without its EXIF and GPS, with WebP thumbnails 320 and 1280 wide', async () => {
    const photo = await (await solidImage(1600, 900)).withExif(gps).png().toBuffer();
    const before = await sharp(photo).metadata();
    expect(before.exif && exifHasGps(before.exif), 'the test photo carries GPS').toBe(true);

    first = await seedPendingFile(endpoints, album, { kind: 'image', fileName: 'river.png', declaredType: 'image/png', declaredSize: photo.byteLength });
    await upload(first, photo, 'image/png', 'river.png');
    const file = await waitUntilSettled(endpoints, first);
    expect(file).toMatchObject({ status: 'ready', contentType: 'image/png', width: 1600, height: 900 });
    expect(file.objects).toEqual({
      original: objectKeys.original(first.projectId, first.materialId, first.fileId),
      small: objectKeys.thumbnail(first.projectId, first.materialId, first.fileId, 320),
      large: objectKeys.thumbnail(first.projectId, first.materialId, first.fileId, 1280),
    });

    const original = await download(await presignRead(file.objects!.original, { contentType: 'image/png' }));
    expect(original).toMatchObject({ status: 200, contentType: 'image/png' });
    const served = await sharp(original.bytes).metadata();
    expect(served).toMatchObject({ format: 'png', width: 1600, height: 900 });
    expect(served.exif).toBeUndefined();
    expect(served.xmp).toBeUndefined();

    const sizes = [original.bytes.byteLength];
    for (const [key, width] of [[file.objects!.small!, 320], [file.objects!.large!, 1280]] as const) {
      const thumbnail = await download(await presignRead(key, { contentType: 'image/webp' }));
      expect(thumbnail).toMatchObject({ status: 200, contentType: 'image/webp' });
      const metadata = await sharp(thumbnail.bytes).metadata();
      expect(metadata).toMatchObject({ format: 'webp', width });
      expect(metadata.exif).toBeUndefined();
      sizes.push(thumbnail.bytes.byteLength);
    }

    // The size stored is what the three objects hold; the usage holds exactly that; the upload itself is gone.
    expect(file.size).toBe(sizes.reduce((sum, size) => sum + size, 0));
    expect(await usedBytes(endpoints, album.projectId)).toBe(file.size);
    await waitUntilGone(first.incomingKey);
    expect(await readMaterialItem(endpoints, album)).toMatchObject({ fileCount: 1, coverFileId: first.fileId, coverKeys: file.objects });
  });

  it('turns a photo upright by its EXIF orientation and never enlarges a thumbnail; the cover stays the first', async () => {
    const photo = await (await solidImage(600, 400)).withExif({ IFD3: gps.IFD3 }).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const second = await seedPendingFile(endpoints, album, { kind: 'image', fileName: 'bank.jpg', declaredType: 'image/jpeg', declaredSize: photo.byteLength });
    await upload(second, photo, 'image/jpeg', 'bank.jpg');
    const file = await waitUntilSettled(endpoints, second);
    expect(file).toMatchObject({ status: 'ready', contentType: 'image/jpeg', width: 400, height: 600 });
    const original = await sharp((await download(await presignRead(file.objects!.original, { contentType: 'image/jpeg' }))).bytes).metadata();
    expect(original).toMatchObject({ format: 'jpeg', width: 400, height: 600 });
    expect(original.exif).toBeUndefined();
    expect(original.orientation).toBeUndefined();
    const large = await sharp((await download(await presignRead(file.objects!.large!, { contentType: 'image/webp' }))).bytes).metadata();
    expect(large.width).toBe(400);
    expect(await readMaterialItem(endpoints, album)).toMatchObject({ fileCount: 2, coverFileId: first.fileId });
  });

  it('is left as it is when the same event comes again, or the same form is posted again with other bytes', async () => {
    const settled = await readFileItem(endpoints, first);
    const usage = await usedBytes(endpoints, album.projectId);
    const material = await readMaterialItem(endpoints, album);
    const [processUpload] = storageHandlers;
    const again: S3Event = {
      Records: [
        {
          eventVersion: '2.1',
          eventSource: 'aws:s3',
          awsRegion: endpoints.region,
          eventTime: new Date().toISOString(),
          eventName: 'ObjectCreated:Post',
          userIdentity: { principalId: 'AWS:LOCAL' },
          requestParameters: { sourceIPAddress: '127.0.0.1' },
          responseElements: { 'x-amz-request-id': 'R', 'x-amz-id-2': 'I' },
          s3: {
            s3SchemaVersion: '1.0',
            configurationId: 'process-upload',
            bucket: { name: endpoints.bucket, ownerIdentity: { principalId: 'P' }, arn: `arn:aws:s3:::${endpoints.bucket}` },
            object: { key: first.incomingKey, size: settled!.declaredSize, eTag: 'e', sequencer: '1' },
          },
        },
      ],
    };
    await invokeHandler(processUpload, again);

    // The presigned form lives 10 minutes: posting an HTML page with it now changes nothing either.
    await upload(first, new TextEncoder().encode('<html><script>alert(1)</script></html>'), 'image/png', 'river.png');
    await waitUntilGone(first.incomingKey);

    expect(await readFileItem(endpoints, first)).toEqual(settled);
    expect(await usedBytes(endpoints, album.projectId)).toBe(usage);
    expect(await readMaterialItem(endpoints, album)).toEqual(material);
    const served = await download(await presignRead(settled!.objects!.original, { contentType: 'image/png' }));
    expect((await sharp(served.bytes).metadata()).format).toBe('png');
  });
});

describe('an upload that is not what it claims', () => {
  let album: SeededMaterial;
  let folder: SeededMaterial;

  beforeAll(async () => {
    const projectId = ulid();
    album = await seedMaterial(endpoints, { projectId, kind: 'album' });
    folder = await seedMaterial(endpoints, { projectId, kind: 'folder' });
  });

  it('is rejected when an HTML page is named x.png and declared image/png; its object is gone and nothing reaches materials/', async () => {
    const before = await usedBytes(endpoints, album.projectId);
    const page = new TextEncoder().encode('<!DOCTYPE html><html><body><script>document.location="https://evil.example"</script></body></html>');
    const fake = await seedPendingFile(endpoints, album, { kind: 'image', fileName: 'x.png', declaredType: 'image/png', declaredSize: page.byteLength });
    expect(await usedBytes(endpoints, album.projectId)).toBe(before + page.byteLength);
    await upload(fake, page, 'image/png', 'x.png');
    expect(await waitUntilSettled(endpoints, fake)).toMatchObject({ status: 'rejected', reason: 'type-mismatch' });
    await waitUntilGone(fake.incomingKey);
    expect(await keysUnder(`materials/${fake.projectId}/${fake.materialId}/${fake.fileId}/`)).toEqual([]);
    expect(await usedBytes(endpoints, album.projectId)).toBe(before);
    expect((await readMaterialItem(endpoints, album))?.fileCount).toBe(0);
  });

  it('is rejected as too large when 11 MB are posted anyway (s3rver does not enforce content-length-range)', async () => {
    const before = await usedBytes(endpoints, album.projectId);
    const small = await (await solidImage(64, 64)).png().toBuffer();
    const big = Buffer.concat([small, Buffer.alloc(11 * 1024 * 1024)]);
    // The uploader declared a small photo; the bytes that arrived are 11 MB.
    const file = await seedPendingFile(endpoints, album, { kind: 'image', fileName: 'big.png', declaredType: 'image/png', declaredSize: small.byteLength });
    await upload(file, big, 'image/png', 'big.png');
    expect(await waitUntilSettled(endpoints, file)).toMatchObject({ status: 'rejected', reason: 'too-large' });
    await waitUntilGone(file.incomingKey);
    expect(await keysUnder(`materials/${file.projectId}/${file.materialId}/${file.fileId}/`)).toEqual([]);
    expect(await usedBytes(endpoints, album.projectId)).toBe(before);
  });

  it('keeps a plain text file, served as text/plain to download under its name', async () => {
    const before = await usedBytes(endpoints, folder.projectId);
    const notes = new TextEncoder().encode('Ebro, 28 November: 12 °C at 9:00, 14 °C at noon.\nMañana medimos otra vez.\n');
    const file = await seedPendingFile(endpoints, folder, { kind: 'file', fileName: 'notes.txt', declaredType: 'text/plain', declaredSize: notes.byteLength });
    await upload(file, notes, 'text/plain', 'notes.txt', 'file');
    const settled = await waitUntilSettled(endpoints, file);
    expect(settled).toMatchObject({ status: 'ready', contentType: 'text/plain', size: notes.byteLength });
    expect(settled.objects).toEqual({ original: objectKeys.original(file.projectId, file.materialId, file.fileId) });
    const served = await fetch(await presignRead(settled.objects!.original, { contentType: 'text/plain', download: 'notes.txt' }));
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('text/plain');
    expect(served.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''notes.txt");
    expect(Buffer.from(await served.arrayBuffer()).equals(Buffer.from(notes))).toBe(true);
    expect(await usedBytes(endpoints, folder.projectId)).toBe(before + notes.byteLength);
    expect((await readMaterialItem(endpoints, folder))?.fileCount).toBe(1);
  });

  it('rejects an HTML page declared text/plain', async () => {
    const before = await usedBytes(endpoints, folder.projectId);
    const page = new TextEncoder().encode('<html><body><h1>Hi</h1><script>alert(document.cookie)</script></body></html>');
    const file = await seedPendingFile(endpoints, folder, { kind: 'file', fileName: 'notes.txt', declaredType: 'text/plain', declaredSize: page.byteLength });
    await upload(file, page, 'text/plain', 'notes.txt', 'file');
    expect(await waitUntilSettled(endpoints, file)).toMatchObject({ status: 'rejected', reason: 'type-mismatch' });
    await waitUntilGone(file.incomingKey);
    expect(await usedBytes(endpoints, folder.projectId)).toBe(before);
  });
});

describe('reading an object', () => {
  const key = objectKeys.original(ulid(), ulid(), ulid());
  let objectUrl: string;

  beforeAll(async () => {
    await writeObject(key, await (await solidImage(32, 32)).png().toBuffer(), 'image/png');
    objectUrl = `${endpoints.storage}/${endpoints.bucket}/${key}`;
  });

  async function refusal(url: string, method = 'GET') {
    const answer = await fetch(url, { method });
    return { status: answer.status, body: await answer.text() };
  }

  it('works with a URL presigned as the API issues them, with the type processing found', async () => {
    const answer = await fetch(await presignRead(key, { contentType: 'image/png' }));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('image/png');
    expect((await sharp(Buffer.from(await answer.arrayBuffer())).metadata()).format).toBe('png');
  });

  it('is refused without a signature: the object, its HEAD and the bucket listing', async () => {
    const bare = await refusal(objectUrl);
    expect(bare.status).toBe(403);
    expect(bare.body).toMatch(/<Error><Code>AccessDenied<\/Code>/);
    expect((await refusal(objectUrl, 'HEAD')).status).toBe(403);
    expect((await refusal(`${endpoints.storage}/${endpoints.bucket}?list-type=2&prefix=materials/`)).status).toBe(403);
  });

  it('is refused with a tampered signature or for another key', async () => {
    const url = await presignRead(key, { contentType: 'image/png' });
    const signature = new URL(url).searchParams.get('X-Amz-Signature')!;
    const tampered = url.replace(signature, `${signature.slice(0, -4)}${signature.endsWith('beef') ? 'f00d' : 'beef'}`);
    const answer = await refusal(tampered);
    expect(answer.status).toBe(403);
    expect(answer.body).toMatch(/<Code>SignatureDoesNotMatch<\/Code>/);
    expect((await refusal(url.replace('/original?', '/w320.webp?'))).status).toBe(403);
  });

  it('is refused once the URL has expired', async () => {
    const expired = await getSignedUrl(storageClient(), new GetObjectCommand({ Bucket: endpoints.bucket, Key: key, ResponseContentType: 'image/png' }), {
      expiresIn: materialLimits.urlSeconds,
      signingDate: new Date(Date.now() - (materialLimits.urlSeconds + 60) * 1000),
    });
    const answer = await refusal(expired);
    expect(answer.status).toBe(403);
    expect(answer.body).toMatch(/<Code>AccessDenied<\/Code><Message>Request has expired<\/Message>/);
  });

  it('still lets the handlers (signed SDK calls) read and list', async () => {
    expect(await objectExists(key)).toBe(true);
    expect(await keysUnder(key)).toEqual([key]);
  });
});
