/**
 * Processing of an upload (issue 10, "the upload is not trusted"). Invoked
 * by the bucket's ObjectCreated notification for incoming/ (locally by the
 * storage's event delivery, infra/local/storage-events.ts), one S3 record per
 * event as a rule.
 *
 * Per record: the key names the file (other keys are ignored); a file that is
 * no longer pending (S3 may deliver an event twice) only has its incoming
 * object removed. Otherwise the bytes decide (domain/material-files.ts):
 * too big, not of an accepted type, or not decodable → rejected with the
 * reason, the incoming object deleted, the reservation released. Accepted →
 * images re-encoded without metadata with their thumbnails
 * (reencode-image.ts), files copied as they are, under materials/; then ONE
 * transaction makes the file ready (data/material-processing.ts), and only
 * then is the incoming object deleted: a failure before that leaves the upload
 * where a retry of the same event finds it.
 */
import type { S3Event, S3EventRecord } from 'aws-lambda';
import { fileTypeFromBuffer } from 'file-type';
import {
  getMaterialFile,
  markFileReady,
  markFileRejected,
  type FileObjects,
  type MaterialFileItem,
} from '../data/material-processing.ts';
import type { TableStore } from '../data/store.ts';
import { imageFormatOf, judgeUpload, tooLargeToRead, usageDelta } from '../domain/material-files.ts';
import { objectKeys, parseIncomingKey, type RejectionReason } from '../domain/materials.ts';
import { tableStore } from '../lib/clients.ts';
import { logger, observedHandler } from '../lib/observability.ts';
import { deleteObject, readObject, writeObject } from '../lib/storage.ts';
import { reencodeImage } from './reencode-image.ts';

/** What became of one record (logged; the tests read the table, not this). */
export type RecordOutcome = 'ignored' | 'ready' | 'rejected' | 'already-settled' | 'gone';

/** S3 URL-encodes the key in notifications (a space as '+'). */
export function objectKeyOf(record: S3EventRecord): string {
  return decodeURIComponent(record.s3.object.key.replaceAll('+', ' '));
}

const isMissingObject = (error: unknown) => (error as { name?: string } | undefined)?.name === 'NoSuchKey';

async function reject(store: TableStore, file: MaterialFileItem, incomingKey: string, reason: RejectionReason): Promise<RecordOutcome> {
  const outcome = await markFileRejected(store, file, reason, new Date().toISOString(), usageDelta(file.declaredSize, 'rejected'));
  // Deleted after the item says why: a failure in between leaves the object for a retry to find (and the bucket's lifecycle to expire).
  await deleteObject(incomingKey);
  return outcome;
}

/** What will be stored: the bytes as they came (files) or re-encoded with thumbnails (images). Throws when sharp cannot decode them. */
async function prepare(kind: MaterialFileItem['kind'], bytes: Uint8Array, contentType: string) {
  const format = imageFormatOf(contentType);
  if (kind !== 'image' || !format) return { original: bytes, thumbnails: [] as Awaited<ReturnType<typeof reencodeImage>>['thumbnails'] };
  return reencodeImage(bytes, format);
}

/** Writes the prepared objects under materials/: their keys and the bytes stored. */
async function writeObjects(ref: { projectId: string; materialId: string; fileId: string }, prepared: Awaited<ReturnType<typeof prepare>>, contentType: string) {
  const { projectId, materialId, fileId } = ref;
  const objects: FileObjects = { original: objectKeys.original(projectId, materialId, fileId) };
  await writeObject(objects.original, prepared.original, contentType);
  for (const thumbnail of prepared.thumbnails) {
    const key = objectKeys.thumbnail(projectId, materialId, fileId, thumbnail.nominalWidth);
    await writeObject(key, thumbnail.bytes, 'image/webp');
    objects[thumbnail.size] = key;
  }
  const size = prepared.original.byteLength + prepared.thumbnails.reduce((sum, thumbnail) => sum + thumbnail.bytes.byteLength, 0);
  return { objects, size };
}

export async function processRecord(store: TableStore, record: S3EventRecord): Promise<RecordOutcome> {
  const incomingKey = objectKeyOf(record);
  const ref = parseIncomingKey(incomingKey);
  if (!ref) return 'ignored';
  const file = await getMaterialFile(store, ref);
  if (!file || file.status !== 'pending') {
    await deleteObject(incomingKey);
    return 'already-settled';
  }
  // S3 announces the size: an object far over the limit is refused without being read into memory.
  if (tooLargeToRead(file.kind, record.s3.object.size ?? 0)) return reject(store, file, incomingKey, 'too-large');

  let bytes: Uint8Array;
  try {
    ({ bytes } = await readObject(incomingKey));
  } catch (error) {
    // Pending but no object: deleted with its file meanwhile; nothing to settle.
    if (isMissingObject(error)) return 'gone';
    throw error;
  }
  const detected = await fileTypeFromBuffer(bytes);
  const verdict = judgeUpload({ kind: file.kind, declaredType: file.declaredType, bytes, detectedType: detected?.mime });
  if (!verdict.accepted) return reject(store, file, incomingKey, verdict.reason);

  let prepared: Awaited<ReturnType<typeof prepare>>;
  try {
    prepared = await prepare(file.kind, bytes, verdict.contentType);
  } catch (error) {
    // sharp could not decode what file-type recognised (truncated, corrupt, past sharp's pixel limit).
    logger.info('Upload not decodable', { ...ref, error: (error as Error).message });
    return reject(store, file, incomingKey, 'unreadable');
  }
  const stored = await writeObjects(ref, prepared, verdict.contentType);
  const dimensions = 'width' in prepared ? { width: prepared.width, height: prepared.height } : {};

  const outcome = await markFileReady(
    store,
    file,
    { objects: stored.objects, size: stored.size, contentType: verdict.contentType, ...dimensions, processedAt: new Date().toISOString() },
    usageDelta(file.declaredSize, { storedBytes: stored.size }),
  );
  if (outcome !== 'ready') {
    // Another delivery of this event made it ready with the same objects: keep them. Deleted meanwhile: remove what was written.
    const now = await getMaterialFile(store, ref);
    if (now?.status !== 'ready') await removeObjects(stored.objects);
  }
  await deleteObject(incomingKey);
  return outcome === 'ready' ? 'ready' : outcome === 'material-gone' ? 'gone' : 'already-settled';
}

async function removeObjects(objects: FileObjects): Promise<void> {
  for (const key of [objects.original, objects.small, objects.large]) if (key) await deleteObject(key);
}

/** Every record of the event; one failing does not stop the others, and the invocation fails after (S3 retries it). */
export async function processUploads(event: S3Event, store: TableStore = tableStore()): Promise<RecordOutcome[]> {
  const outcomes: RecordOutcome[] = [];
  let failure: unknown;
  for (const record of event.Records) {
    try {
      const outcome = await processRecord(store, record);
      outcomes.push(outcome);
      logger.info('Upload processed', { key: record.s3.object.key, outcome });
    } catch (error) {
      logger.error('Upload processing failed', { key: record.s3.object.key, error: error as Error });
      failure ??= error;
    }
  }
  if (failure) throw failure;
  return outcomes;
}

export const handler = observedHandler((event: S3Event) => processUploads(event));
