/**
 * TwinSpace materials (keys.ts T1–T6): a material (album, folder or video
 * link) under its project, its uploaded files beside it, and the project's
 * bytes used. Every write is one TransactWriteItems (transact()) that also
 * checks the project is still approved ('closed') and the writer still has
 * the type the decision was made on ('typeChanged'); outcomes are words, never
 * HTTP errors. Objects in storage (lib/storage.ts) are deleted after the items,
 * so a material is gone for its readers the moment its transaction commits
 * (no URL is issued for an item that is gone); an object is only ever written
 * for a file item that exists first, so a material without files has none.
 */
import { BatchWriteCommand, type BatchWriteCommandInput, type BatchWriteCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { Area } from '../domain/areas.ts';
import { objectKeys, type FileStatus, type MaterialKind, type MaterialStatus, type RejectionReason, type UploadKind } from '../domain/materials.ts';
import type { VideoProvider } from '../domain/rich-text.ts';
import type { TwinspaceType } from '../domain/twinspace-types.ts';
import { decodeCursor } from '../lib/cursor.ts';
import { deleteObject, deletePrefix } from '../lib/storage.ts';
import { keys, prefixes, withAuthor, withoutKeys, type ItemKey } from './keys.ts';
import { noticesFor, type Notification } from './notifications.ts';
import { batchGet } from './projects.ts';
import { queryAll, queryPage } from './query.ts';
import type { TableStore } from './store.ts';
import { transact, type GuardedItem } from './transact.ts';
import { memberStillOfType, projectStillApproved } from './write-guards.ts';

/** Object keys of an image's three sizes (the thumbnails also keyed on the material, for its cover). */
export interface ObjectSet {
  original: string;
  small?: string;
  large?: string;
}

export interface Material {
  materialId: string;
  projectId: string;
  area: Area;
  kind: MaterialKind;
  title: string;
  description: string;
  status: MaterialStatus;
  authorId: string;
  /** Pupils by first name (as other members see them). */
  authorName: string;
  createdAt: string;
  publishedAt?: string;
  /** Videos: provider and id only, never the URL pasted. */
  video?: { provider: VideoProvider; videoId: string };
  /** Ready files: processing ADDs 1, deleting a ready file subtracts 1. */
  fileCount: number;
  /** The first ready image (processing sets it if none), for the album's cover. */
  coverFileId?: string;
  coverKeys?: { small: string; large: string; original: string };
}

export interface MaterialFile {
  fileId: string;
  materialId: string;
  projectId: string;
  kind: UploadKind;
  fileName: string;
  declaredType: string;
  declaredSize: number;
  /** Bytes reserved in the quota: the declared size while pending, what is stored once ready. */
  size: number;
  status: FileStatus;
  reason?: RejectionReason;
  /** Found in the bytes by processing. */
  contentType?: string;
  width?: number;
  height?: number;
  authorId: string;
  authorName: string;
  createdAt: string;
  processedAt?: string;
  objects?: ObjectSet;
}

/** The writer, as the decision was made: their id and their type in the project. */
export interface MaterialWriter {
  userId: string;
  type: TwinspaceType;
}

/** Why a write did not happen, besides the project closing or the writer's type changing. */
type WriteGuard = 'closed' | 'typeChanged';
export type MaterialWriteOutcome<Own extends string = never> = 'written' | Own | WriteGuard;

const fromItem = <T>(item: Record<string, unknown>): T => {
  const { entity: _entity, ...rest } = withoutKeys(item);
  return rest as T;
};

const isKey = (item: Record<string, unknown>, key: ItemKey) => item.PK === key.PK && item.SK === key.SK;

/** The material among items the gate read (T2), or undefined. */
export function materialAmong(found: Record<string, unknown>[], projectId: string, materialId: string): Material | undefined {
  const item = found.find((candidate) => isKey(candidate, keys.material(projectId, materialId)));
  return item ? fromItem<Material>(item) : undefined;
}

/** The file among items the gate read (T4), or undefined. */
export function fileAmong(found: Record<string, unknown>[], projectId: string, materialId: string, fileId: string): MaterialFile | undefined {
  const item = found.find((candidate) => isKey(candidate, keys.materialFile(projectId, materialId, fileId)));
  return item ? fromItem<MaterialFile>(item) : undefined;
}

/** The project's bytes used, among items the gate read (T6); none yet is 0. */
export function usedBytesAmong(found: Record<string, unknown>[], projectId: string): number {
  const item = found.find((candidate) => isKey(candidate, keys.materialsUsage(projectId)));
  return typeof item?.usedBytes === 'number' ? item.usedBytes : 0;
}

/** Runs a write with the guards every TwinSpace write carries; the outcome names the first guard that failed, the item's own first. */
async function guardedWrite<Own extends string>(
  store: TableStore,
  projectId: string,
  writer: MaterialWriter,
  items: GuardedItem<Own>[],
  ownFirst: readonly Own[],
): Promise<MaterialWriteOutcome<Own>> {
  const outcome = await transact<Own | WriteGuard>(store, [...items, projectStillApproved(store, projectId), memberStillOfType(store, projectId, writer.userId, writer.type)]);
  if (outcome.written) return 'written';
  const own = ownFirst.find((guard) => outcome.failed.includes(guard));
  if (own) return own;
  return outcome.failed.includes('closed') ? 'closed' : 'typeChanged';
}

const materialItem = (store: TableStore, material: Material) => ({
  TableName: store.tableName,
  Item: { ...withAuthor(keys.material(material.projectId, material.materialId), material.authorId, material.createdAt), entity: 'material', ...material },
});

/** A new material (a fresh ULID: its Put needs no condition); `notices` (a pupil member's material waiting: its teachers') are written with it. */
export async function createMaterial(store: TableStore, material: Material, writer: MaterialWriter, notices: readonly Notification[] = []): Promise<MaterialWriteOutcome> {
  // The material and the guards take 3 of the transaction's 100 items; teachers past those are told right after.
  const told = noticesFor(store, 3, notices);
  const outcome = await guardedWrite<never>(store, material.projectId, writer, [{ Put: materialItem(store, material) }, ...told.items], []);
  if (outcome === 'written') await told.writeRest();
  return outcome;
}

/** A list cursor back into its key (it must name a material of this project), or the 400. */
export const decodeMaterialCursor = (cursor: string | undefined, projectId: string) => decodeCursor(cursor, keys.projectPartition(projectId), prefixes.material);

/**
 * One page of an area's materials (T1), newest first (ULIDs order by time),
 * [only one kind]. The area and kind are a filter on the project's materials,
 * which are few beside the Limit: a page may come back short, its cursor still
 * given. Who may see a pending one is decided after the gate.
 */
export async function listMaterials(
  store: TableStore,
  projectId: string,
  filter: { area: Area; kind?: MaterialKind },
  page: { limit: number; startKey?: Record<string, unknown> },
): Promise<{ materials: Material[]; lastKey?: Record<string, unknown> }> {
  const { items, lastKey } = await queryPage(
    store,
    {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :material)',
      FilterExpression: filter.kind ? '#area = :area AND #kind = :kind' : '#area = :area',
      ExpressionAttributeNames: filter.kind ? { '#area': 'area', '#kind': 'kind' } : { '#area': 'area' },
      ExpressionAttributeValues: {
        ':pk': keys.projectPartition(projectId),
        ':material': prefixes.material,
        ':area': filter.area,
        ...(filter.kind ? { ':kind': filter.kind } : {}),
      },
      ScanIndexForward: false,
    },
    page,
  );
  return { materials: items.map((item) => fromItem<Material>(item)), lastKey };
}

/** Every file of a material (T3), oldest first. */
export async function listMaterialFiles(store: TableStore, projectId: string, materialId: string): Promise<MaterialFile[]> {
  const items = await queryAll(store, {
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :files)',
    ExpressionAttributeValues: { ':pk': keys.projectPartition(projectId), ':files': keys.materialFilesPrefix(materialId) },
  });
  return items.map((item) => fromItem<MaterialFile>(item));
}

/** The cover files of these albums (one BatchGetItem of T4 keys), by materialId. */
export async function coverFilesOf(store: TableStore, materials: readonly Material[]): Promise<Map<string, MaterialFile>> {
  const covered = materials.filter((material) => material.coverFileId !== undefined);
  if (covered.length === 0) return new Map();
  const found = await batchGet(
    store,
    covered.map((material) => keys.materialFile(material.projectId, material.materialId, material.coverFileId!)),
  );
  return new Map(found.map((item) => fromItem<MaterialFile>(item)).map((file) => [file.materialId, file]));
}

/** Publishes a waiting material, on condition it still waits (guard 'stale': published or deleted meanwhile). */
export function publishMaterial(store: TableStore, material: Material, publishedAt: string, writer: MaterialWriter): Promise<MaterialWriteOutcome<'stale'>> {
  return guardedWrite(store, material.projectId, writer, [
    {
      guard: 'stale',
      Update: {
        TableName: store.tableName,
        Key: keys.material(material.projectId, material.materialId),
        UpdateExpression: 'SET #status = :published, publishedAt = :at',
        ConditionExpression: '#status = :pending',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':published': 'published', ':pending': 'pending', ':at': publishedAt },
      },
    },
  ], ['stale']);
}

/** Bytes a file holds in the quota: a rejected one was already given back by processing. */
const reservedBytes = (file: MaterialFile) => (file.status === 'rejected' ? 0 : file.size);

/** ADD `delta` bytes to the project's usage (T6), no condition: giving bytes back never fails. */
const usageChange = (store: TableStore, projectId: string, delta: number): GuardedItem<never> => ({
  Update: {
    TableName: store.tableName,
    Key: keys.materialsUsage(projectId),
    UpdateExpression: 'SET #entity = :entity ADD usedBytes :delta',
    ExpressionAttributeNames: { '#entity': 'entity' },
    ExpressionAttributeValues: { ':entity': 'materials-usage', ':delta': delta },
  },
});

/** A file's item deleted on condition it still has the status read (guard 'changed': processing settled it meanwhile, or it went). */
const fileDelete = (store: TableStore, file: MaterialFile): GuardedItem<'changed'> => ({
  guard: 'changed',
  Delete: {
    TableName: store.tableName,
    Key: keys.materialFile(file.projectId, file.materialId, file.fileId),
    ConditionExpression: '#status = :read',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':read': file.status },
  },
});

/** Items in one transaction besides the files: the material, the usage, the two guards. */
const fixedItemsOfDeletion = 4;
const transactionLimit = 100;

async function deleteKeys(store: TableStore, itemKeys: ItemKey[]): Promise<void> {
  for (let start = 0; start < itemKeys.length; start += 25) {
    let requests: BatchWriteCommandInput['RequestItems'] = {
      [store.tableName]: itemKeys.slice(start, start + 25).map((Key) => ({ DeleteRequest: { Key } })),
    };
    // BatchWrite may leave some unprocessed under throttling; send those again.
    for (let attempt = 0; requests && Object.keys(requests).length > 0; attempt++) {
      if (attempt > 5) throw new Error('DynamoDB left material files undeleted after retries');
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
      const result: BatchWriteCommandOutput = await store.db.send(new BatchWriteCommand({ RequestItems: requests }));
      requests = result.UnprocessedItems;
    }
  }
}

/**
 * Deletes a material with its files: one TransactWriteItems of the material
 * (guard 'gone'), its files on condition of the status read, and the usage
 * given back (the bytes of every file not rejected). A file that processing
 * settled meanwhile changes its bytes, so the files are read again and the
 * transaction sent again (a few times). Files beyond one transaction's 100
 * items are deleted right after it (their bytes are given back in it; the
 * material is already gone, so nobody reads them). Then the objects.
 */
export async function deleteMaterial(
  store: TableStore,
  material: Material,
  filesRead: MaterialFile[],
  writer: MaterialWriter,
): Promise<MaterialWriteOutcome<'gone' | 'changed'>> {
  const { projectId, materialId } = material;
  let files = filesRead;
  for (let attempt = 1; ; attempt++) {
    const inTransaction = files.slice(0, transactionLimit - fixedItemsOfDeletion);
    const released = files.reduce((sum, file) => sum + reservedBytes(file), 0);
    const outcome = await guardedWrite<'gone' | 'changed'>(
      store,
      projectId,
      writer,
      [
        { guard: 'gone', Delete: { TableName: store.tableName, Key: keys.material(projectId, materialId), ConditionExpression: 'attribute_exists(PK)' } },
        ...(released > 0 ? [usageChange(store, projectId, -released)] : []),
        ...inTransaction.map((file) => fileDelete(store, file)),
      ],
      ['gone', 'changed'],
    );
    if (outcome === 'changed' && attempt < 3) {
      files = await listMaterialFiles(store, projectId, materialId);
      continue;
    }
    if (outcome !== 'written') return outcome;
    const rest = files.slice(inTransaction.length);
    await deleteKeys(store, rest.map((file) => keys.materialFile(projectId, materialId, file.fileId)));
    await deleteMaterialObjects(material, files);
    return 'written';
  }
}

/**
 * A material's objects: everything under its prefix (processed originals and
 * thumbnails) and the uploads of files still pending (processing deletes a
 * rejected file's upload itself). No file, no object: nothing to ask storage.
 */
async function deleteMaterialObjects(material: Material, files: readonly MaterialFile[]): Promise<void> {
  if (files.length === 0) return;
  const { projectId, materialId } = material;
  const pending = files.filter((file) => file.status === 'pending');
  await Promise.all([
    deletePrefix(objectKeys.materialPrefix(projectId, materialId)),
    ...pending.map((file) => deleteObject(objectKeys.incoming(projectId, materialId, file.fileId))),
  ]);
}

/** One file's objects: its original and thumbnails, or its upload while pending. */
async function deleteFileObjects(file: MaterialFile): Promise<void> {
  const { original, small, large } = file.objects ?? {};
  const objects = [original, small, large].filter((key): key is string => key !== undefined);
  if (file.status === 'pending') objects.push(objectKeys.incoming(file.projectId, file.materialId, file.fileId));
  await Promise.all(objects.map((key) => deleteObject(key)));
}

/**
 * Deletes one file: its item (on condition of the status read, guard
 * 'changed'), its bytes given back, and on the material (guard 'gone') one
 * ready file fewer and, when it was the cover, the next cover (or none).
 * Then its objects.
 */
export async function deleteMaterialFile(
  store: TableStore,
  material: Material,
  file: MaterialFile,
  nextCover: MaterialFile | undefined,
  writer: MaterialWriter,
): Promise<MaterialWriteOutcome<'gone' | 'changed'>> {
  const { projectId, materialId } = material;
  const wasCover = material.coverFileId === file.fileId;
  const set: string[] = [];
  const values: Record<string, unknown> = {};
  const updates: string[] = [];
  if (file.status === 'ready') {
    updates.push('ADD fileCount :minusOne');
    values[':minusOne'] = -1;
  }
  if (wasCover && nextCover?.objects?.small && nextCover.objects.large) {
    set.push('coverFileId = :cover', 'coverKeys = :coverKeys');
    values[':cover'] = nextCover.fileId;
    values[':coverKeys'] = { small: nextCover.objects.small, large: nextCover.objects.large, original: nextCover.objects.original };
  }
  if (set.length > 0) updates.unshift(`SET ${set.join(', ')}`);
  if (wasCover && set.length === 0) updates.push('REMOVE coverFileId, coverKeys');
  const materialChange: GuardedItem<'gone'> = updates.length > 0
    ? {
        guard: 'gone',
        Update: {
          TableName: store.tableName,
          Key: keys.material(projectId, materialId),
          UpdateExpression: updates.join(' '),
          ConditionExpression: 'attribute_exists(PK)',
          ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
        },
      }
    : { guard: 'gone', ConditionCheck: { TableName: store.tableName, Key: keys.material(projectId, materialId), ConditionExpression: 'attribute_exists(PK)' } };
  const released = reservedBytes(file);
  const outcome = await guardedWrite<'gone' | 'changed'>(
    store,
    projectId,
    writer,
    [fileDelete(store, file), materialChange, ...(released > 0 ? [usageChange(store, projectId, -released)] : [])],
    ['gone', 'changed'],
  );
  if (outcome === 'written') await deleteFileObjects(file);
  return outcome;
}

/**
 * Records an upload that is about to happen: ONE TransactWriteItems of the
 * pending file, a ConditionCheck that its material still exists (and, for an
 * author who may not publish there, still waits: guard 'changed'), and the
 * project's usage reserving the declared size (guard 'full': the quota is
 * `attribute_not_exists(usedBytes) OR usedBytes <= quota − size`).
 */
export function recordUpload(
  store: TableStore,
  file: MaterialFile,
  options: { quotaBytes: number; onlyWhilePending: boolean },
  writer: MaterialWriter,
): Promise<MaterialWriteOutcome<'changed' | 'full'>> {
  const { projectId, materialId } = file;
  return guardedWrite<'changed' | 'full'>(
    store,
    projectId,
    writer,
    [
      {
        guard: 'changed',
        ConditionCheck: {
          TableName: store.tableName,
          Key: keys.material(projectId, materialId),
          ...(options.onlyWhilePending
            ? {
                ConditionExpression: 'attribute_exists(PK) AND #status = :pending',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':pending': 'pending' },
              }
            : { ConditionExpression: 'attribute_exists(PK)' }),
        },
      },
      {
        Put: {
          TableName: store.tableName,
          Item: { ...withAuthor(keys.materialFile(projectId, materialId, file.fileId), file.authorId, file.createdAt), entity: 'material-file', ...file },
        },
      },
      {
        guard: 'full',
        Update: {
          TableName: store.tableName,
          Key: keys.materialsUsage(projectId),
          UpdateExpression: 'SET #entity = :entity ADD usedBytes :size',
          ConditionExpression: 'attribute_not_exists(usedBytes) OR usedBytes <= :limit',
          ExpressionAttributeNames: { '#entity': 'entity' },
          ExpressionAttributeValues: { ':entity': 'materials-usage', ':size': file.size, ':limit': options.quotaBytes - file.size },
        },
      },
    ],
    ['changed', 'full'],
  );
}
