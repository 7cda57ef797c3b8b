/**
 * The table writes of upload processing (keys.ts T2, T4, T6). A file is
 * settled once: every write is conditional on the file still being pending,
 * so an S3 event delivered twice (S3 may) changes nothing the second time.
 *
 * Ready, in ONE transaction: the file (pending → ready, with what was stored),
 * its material (fileCount + 1, the first ready image as cover; guarded by the
 * material still existing) and the project's usage (the reserved declared size
 * becomes the bytes stored). Rejected, in one transaction: the file (pending →
 * rejected with the reason) and the usage (the reservation released).
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { RejectionReason } from '../domain/materials.ts';
import type { MaterialFile, ObjectSet } from './materials.ts';
import { keys, withoutKeys } from './keys.ts';
import type { TableStore } from './store.ts';
import { transact, type GuardedItem } from './transact.ts';

/** The object keys of a ready file: the original, and for images the two WebP thumbnails. */
export type FileObjects = ObjectSet;

/** A material file item (T4), as processing reads it: the one shape of materials.ts. */
export type MaterialFileItem = MaterialFile;

/** What processing stored for a ready file. */
export interface StoredFile {
  objects: FileObjects;
  /** Bytes stored: the original plus the thumbnails. */
  size: number;
  contentType: string;
  width?: number;
  height?: number;
  processedAt: string;
}

export interface FileRef {
  projectId: string;
  materialId: string;
  fileId: string;
}

/** The file item, read strongly: processing must see the upload request's write. */
export async function getMaterialFile(store: TableStore, ref: FileRef): Promise<MaterialFileItem | undefined> {
  const { Item } = await store.db.send(
    new GetCommand({ TableName: store.tableName, Key: keys.materialFile(ref.projectId, ref.materialId, ref.fileId), ConsistentRead: true }),
  );
  if (!Item) return undefined;
  const { entity: _entity, ...file } = withoutKeys(Item);
  return file as unknown as MaterialFileItem;
}

const stillPending = {
  ConditionExpression: '#status = :pending',
  ExpressionAttributeNames: { '#status': 'status' },
  ExpressionAttributeValues: { ':pending': 'pending' },
};

function usageMove(store: TableStore, projectId: string, delta: number): GuardedItem<never> {
  return {
    Update: {
      TableName: store.tableName,
      Key: keys.materialsUsage(projectId),
      UpdateExpression: 'ADD usedBytes :delta',
      ExpressionAttributeValues: { ':delta': delta },
    },
  };
}

/**
 * 'ready': written. 'already-settled': the file is no longer pending (another
 * delivery of the same event got there first, or it was deleted). 'material-gone':
 * the material was deleted meanwhile. In both refusals nothing was written.
 */
export type ReadyOutcome = 'ready' | 'already-settled' | 'material-gone';

export async function markFileReady(store: TableStore, file: MaterialFileItem, stored: StoredFile, usageDelta: number): Promise<ReadyOutcome> {
  const { projectId, materialId, fileId } = file;
  const fileUpdate: GuardedItem<'notPending'> = {
    guard: 'notPending',
    Update: {
      TableName: store.tableName,
      Key: keys.materialFile(projectId, materialId, fileId),
      // SIZE is a reserved word (and a function) in DynamoDB's expressions: every attribute goes by a name placeholder.
      UpdateExpression: `SET #status = :ready, #objects = :objects, #size = :size, #contentType = :contentType, #processedAt = :processedAt${
        stored.width === undefined ? '' : ', #width = :width, #height = :height'
      }`,
      ConditionExpression: stillPending.ConditionExpression,
      ExpressionAttributeNames: {
        ...stillPending.ExpressionAttributeNames,
        '#objects': 'objects',
        '#size': 'size',
        '#contentType': 'contentType',
        '#processedAt': 'processedAt',
        ...(stored.width === undefined ? {} : { '#width': 'width', '#height': 'height' }),
      },
      ExpressionAttributeValues: {
        ...stillPending.ExpressionAttributeValues,
        ':ready': 'ready',
        ':objects': stored.objects,
        ':size': stored.size,
        ':contentType': stored.contentType,
        ':processedAt': stored.processedAt,
        ...(stored.width === undefined ? {} : { ':width': stored.width, ':height': stored.height }),
      },
    },
  };
  // The first ready image becomes the album's cover; later ones leave it (if_not_exists).
  const cover = file.kind === 'image' && stored.objects.small && stored.objects.large ? { small: stored.objects.small, large: stored.objects.large, original: stored.objects.original } : undefined;
  const materialUpdate: GuardedItem<'materialGone'> = {
    guard: 'materialGone',
    Update: {
      TableName: store.tableName,
      Key: keys.material(projectId, materialId),
      UpdateExpression: cover
        ? 'ADD fileCount :one SET coverFileId = if_not_exists(coverFileId, :fileId), coverKeys = if_not_exists(coverKeys, :cover)'
        : 'ADD fileCount :one',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeValues: { ':one': 1, ...(cover ? { ':fileId': fileId, ':cover': cover } : {}) },
    },
  };
  const outcome = await transact(store, [fileUpdate, materialUpdate, usageMove(store, projectId, usageDelta)]);
  if (outcome.written) return 'ready';
  return outcome.failed.includes('materialGone') ? 'material-gone' : 'already-settled';
}

/** 'rejected': written; 'already-settled': the file is no longer pending (nothing written). */
export async function markFileRejected(
  store: TableStore,
  file: MaterialFileItem,
  reason: RejectionReason,
  processedAt: string,
  usageDelta: number,
): Promise<'rejected' | 'already-settled'> {
  const fileUpdate: GuardedItem<'notPending'> = {
    guard: 'notPending',
    Update: {
      TableName: store.tableName,
      Key: keys.materialFile(file.projectId, file.materialId, file.fileId),
      UpdateExpression: 'SET #status = :rejected, #reason = :reason, #processedAt = :processedAt',
      ConditionExpression: stillPending.ConditionExpression,
      ExpressionAttributeNames: { ...stillPending.ExpressionAttributeNames, '#reason': 'reason', '#processedAt': 'processedAt' },
      ExpressionAttributeValues: { ...stillPending.ExpressionAttributeValues, ':rejected': 'rejected', ':reason': reason, ':processedAt': processedAt },
    },
  };
  const outcome = await transact(store, [fileUpdate, usageMove(store, file.projectId, usageDelta)]);
  return outcome.written ? 'rejected' : 'already-settled';
}
