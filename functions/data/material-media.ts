/**
 * The images a rich-text document shows (issue 10; keys.ts T5). Saving a
 * document reads, in ONE BatchGet, each image's file (T4) and its album (T2),
 * asks the pure rule (domain/rich-text-images.ts) whether this document may
 * show it, and keeps the object keys of those it may: the document's `media`,
 * stored beside it. Reading a document then needs no read at all: its URLs
 * are presigned from the stored keys, which is local crypto (lib/storage-signed.ts:
 * the same URLs as lib/storage.ts presignRead, without the S3 client).
 *
 * A URL is issued only for what the stored document shows, to whoever the
 * surface's handler let read the document; the rule at saving time made sure
 * every such reader may read the image's area.
 */
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { Area } from '../domain/areas.ts';
import { distinctImages, documentImagesMax, imageRefusal, placedImages, type AlbumFacts, type ImageFileFacts } from '../domain/rich-text-images.ts';
import type { RichDoc } from '../domain/rich-text.ts';
import { presignRead } from '../lib/storage-signed.ts';
import { keys, type ItemKey } from './keys.ts';
import type { TableStore } from './store.ts';

/**
 * What a document keeps of one image it shows: the object keys of the WebP
 * thumbnails and of the re-encoded original, and the original's type (found
 * in its bytes by processing), so a read presigns without reading the file.
 */
export interface StoredImage {
  small: string;
  large: string;
  original: string;
  contentType: string;
}

/** A document's images by fileId. */
export type StoredMedia = Record<string, StoredImage>;

/** Why a document cannot be saved as it is: the first image it may not show, where it stands, and why. */
export interface ImageProblem {
  /** The node's path inside the document, e.g. ['content', 2] */
  path: (string | number)[];
  message: string;
}

/** The URLs of a document's images by fileId (the wire's DocumentMedia, functions/http/materials/schemas.ts). */
export type PresignedMedia = Record<string, { small: string; large: string; original: string }>;

export type ResolvedImages = { media: StoredMedia } | { problem: ImageProblem };

/** BatchGetItem takes 100 keys at a time: the chunks go at once (one round trip of time) and unprocessed keys again. */
async function batchGet(store: TableStore, itemKeys: ItemKey[]): Promise<Record<string, unknown>[]> {
  const chunks: ItemKey[][] = [];
  for (let start = 0; start < itemKeys.length; start += 100) chunks.push(itemKeys.slice(start, start + 100));
  const found: Record<string, unknown>[] = [];
  await Promise.all(
    chunks.map(async (chunk) => {
      let request: Record<string, { Keys: ItemKey[] }> | undefined = { [store.tableName]: { Keys: chunk } };
      for (let attempt = 0; request && Object.keys(request).length > 0; attempt++) {
        if (attempt > 5) throw new Error('DynamoDB left material items unread after retries');
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
        const result = await store.db.send(new BatchGetCommand({ RequestItems: request }));
        found.push(...(result.Responses?.[store.tableName] ?? []));
        request = result.UnprocessedKeys as typeof request;
      }
    }),
  );
  return found;
}

const keyOf = (key: ItemKey) => `${key.PK}|${key.SK}`;

/** The keys a ready image's processing wrote; thumbnails fall back to the original should one be missing. */
function storedImageOf(file: Record<string, unknown>): StoredImage {
  const objects = (file.objects ?? {}) as { original?: string; small?: string; large?: string };
  const original = objects.original ?? '';
  return { small: objects.small ?? original, large: objects.large ?? original, original, contentType: (file.contentType as string | undefined) ?? 'application/octet-stream' };
}

/**
 * Checks every image of `doc` for a document of `documentArea` in project
 * `projectId` and answers the object keys to store with it, or the first
 * image it may not show. A document without images costs no read.
 */
export async function resolveDocumentImages(store: TableStore, projectId: string, doc: RichDoc, documentArea: Area): Promise<ResolvedImages> {
  const images = distinctImages(placedImages(doc));
  if (images.length === 0) return { media: {} };
  if (images.length > documentImagesMax) {
    return { problem: { path: images[documentImagesMax].path, message: `A text shows at most ${documentImagesMax} images.` } };
  }
  const fileKeys = images.map(({ attrs }) => keys.materialFile(projectId, attrs.materialId, attrs.fileId));
  const albumKeys = [...new Set(images.map(({ attrs }) => attrs.materialId))].map((materialId) => keys.material(projectId, materialId));
  const byKey = new Map((await batchGet(store, [...fileKeys, ...albumKeys])).map((item) => [keyOf(item as ItemKey), item]));

  const media: StoredMedia = {};
  for (const [index, image] of images.entries()) {
    const file = byKey.get(keyOf(fileKeys[index]));
    const album = byKey.get(keyOf(keys.material(projectId, image.attrs.materialId)));
    const refused = imageRefusal(projectId, documentArea, image.attrs, file as ImageFileFacts | undefined, album as AlbumFacts | undefined);
    if (refused) return { problem: { path: image.path, message: refused } };
    media[image.attrs.fileId] = storedImageOf(file!);
  }
  return { media };
}

/**
 * Short-lived URLs of a document's images (lib/storage-signed.ts; no request
 * is made): the thumbnails as WebP, the original as the type its
 * bytes have. Undefined when the document shows no image.
 */
export async function presignMedia(stored: StoredMedia | undefined): Promise<PresignedMedia | undefined> {
  const entries = Object.entries(stored ?? {});
  if (entries.length === 0) return undefined;
  const signed = await Promise.all(
    entries.map(async ([fileId, image]) => {
      const [small, large, original] = await Promise.all([
        presignRead(image.small, { contentType: image.small === image.original ? image.contentType : 'image/webp' }),
        presignRead(image.large, { contentType: image.large === image.original ? image.contentType : 'image/webp' }),
        presignRead(image.original, { contentType: image.contentType }),
      ]);
      return [fileId, { small, large, original }] as const;
    }),
  );
  return Object.fromEntries(signed);
}
