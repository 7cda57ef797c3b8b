/**
 * The materials bucket (issue 10), through the S3 SDK: presigned POSTs for
 * the browser's uploads, short-lived presigned GETs for reading, and the few
 * object calls processing and deletion make. Locally the endpoint is the
 * storage front of infra/local/storage-local.ts (s3rver behind a check of
 * every GET's signature and expiry), path-style; on AWS the SDK finds S3.
 *
 * Presigning is local crypto (no request), so issuing URLs costs no round trip.
 */
import { DeleteObjectsCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client, DeleteObjectCommand } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { materialLimits } from '../domain/materials.ts';
import { clientLimits } from './clients.ts';
import { optionalSetting, setting } from './config.ts';
import { tracer } from './observability.ts';

let client: S3Client | undefined;

export function storageClient(): S3Client {
  const endpoint = optionalSetting('s3Endpoint');
  client ??= tracer.captureAWSv3Client(
    new S3Client({
      region: optionalSetting('region'),
      endpoint,
      forcePathStyle: endpoint !== undefined,
      // Uploads and reads of up to 50 MB take longer than a table call: a longer request timeout, same connect limit.
      maxAttempts: clientLimits.maxAttempts,
      requestHandler: { ...clientLimits.requestHandler, requestTimeout: 30_000 },
    }),
  );
  return client;
}

const bucket = () => setting('materialsBucket');

export interface UploadForm {
  /** Where the browser POSTs the multipart form. */
  url: string;
  /** The form's fields, in order, before the `file` field. */
  fields: Record<string, string>;
}

/**
 * A presigned POST for exactly one key, at most `maxBytes`, with this
 * Content-Type. S3 enforces the conditions; s3rver does not, which is why
 * processing checks size and type again.
 */
export async function presignUpload(key: string, contentType: string, maxBytes: number): Promise<UploadForm> {
  const { url, fields } = await createPresignedPost(storageClient(), {
    Bucket: bucket(),
    Key: key,
    Conditions: [['eq', '$key', key], ['content-length-range', 1, maxBytes], ['eq', '$Content-Type', contentType]],
    Fields: { 'Content-Type': contentType },
    Expires: materialLimits.uploadSeconds,
  });
  return { url, fields };
}

/**
 * A presigned GET valid for materialLimits.urlSeconds. The response's type
 * is the one processing found in the bytes; files are served as attachments
 * (named as uploaded), images inline.
 */
export function presignRead(key: string, options: { contentType: string; download?: string }): Promise<string> {
  return getSignedUrl(
    storageClient(),
    new GetObjectCommand({
      Bucket: bucket(),
      Key: key,
      ResponseContentType: options.contentType,
      ResponseContentDisposition: options.download ? `attachment; filename*=UTF-8''${encodeURIComponent(options.download)}` : 'inline',
    }),
    { expiresIn: materialLimits.urlSeconds },
  );
}

/** The whole object (processing reads at most the kind's limit). */
export async function readObject(key: string): Promise<{ bytes: Uint8Array; size: number }> {
  const answer = await storageClient().send(new GetObjectCommand({ Bucket: bucket(), Key: key }));
  const bytes = await answer.Body!.transformToByteArray();
  return { bytes, size: bytes.byteLength };
}

export async function writeObject(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
  await storageClient().send(new PutObjectCommand({ Bucket: bucket(), Key: key, Body: bytes, ContentType: contentType }));
}

export async function deleteObject(key: string): Promise<void> {
  await storageClient().send(new DeleteObjectCommand({ Bucket: bucket(), Key: key }));
}

/** Deletes every object under a prefix (a material's objects), a page of 1,000 at a time. */
export async function deletePrefix(prefix: string): Promise<number> {
  let deleted = 0;
  let token: string | undefined;
  do {
    const page = await storageClient().send(new ListObjectsV2Command({ Bucket: bucket(), Prefix: prefix, ContinuationToken: token }));
    const objects = (page.Contents ?? []).flatMap((object) => (object.Key ? [{ Key: object.Key }] : []));
    if (objects.length > 0) {
      await storageClient().send(new DeleteObjectsCommand({ Bucket: bucket(), Delete: { Objects: objects, Quiet: true } }));
      deleted += objects.length;
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return deleted;
}
