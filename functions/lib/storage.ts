/**
 * The materials bucket (issue 10): presigned POSTs for the browser's uploads,
 * short-lived presigned GETs for reading, and the object calls processing and
 * deletion make. Locally the endpoint is the storage front of
 * infra/local/storage-local.ts (s3rver behind a check of every request's
 * signature and expiry), path-style; on AWS the bucket's own address.
 *
 * Presigning and deleting are signed by hand (storage-signed.ts): the S3
 * client would cost every HTTP function that issues a URL ~235 KB of its
 * 400 KB budget. Only processing reads and writes bytes, through the S3 client
 * below (a function that imports neither readObject nor writeObject bundles
 * none of it: the SDK's packages are side-effect free).
 *
 * Presigning is local crypto (no request), so issuing URLs costs no round trip.
 */
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { clientLimits } from './clients.ts';
import { optionalSetting, setting } from './config.ts';
import { tracer } from './observability.ts';

export { deleteObject, deletePrefix, presignRead, presignUpload, type UploadForm } from './storage-signed.ts';

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

/** The whole object (processing reads at most the kind's limit). */
export async function readObject(key: string): Promise<{ bytes: Uint8Array; size: number }> {
  const answer = await storageClient().send(new GetObjectCommand({ Bucket: bucket(), Key: key }));
  const bytes = await answer.Body!.transformToByteArray();
  return { bytes, size: bytes.byteLength };
}

export async function writeObject(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
  await storageClient().send(new PutObjectCommand({ Bucket: bucket(), Key: key, Body: bytes, ContentType: contentType }));
}
