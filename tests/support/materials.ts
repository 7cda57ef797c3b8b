/**
 * Materials for the tests (issue 10): an album or folder and a pending file
 * written straight into the table, as the API's upload request writes them
 * (the file and the usage reservation in one transaction); the browser's
 * upload as a real multipart POST to a presigned form; and reads of the
 * table and the bucket to wait for processing and check what it left.
 *
 * The storage calls go through functions/lib/storage.ts, so the test process
 * needs the handlers' settings: call applyHandlerEnv(endpoints) first.
 */
import { HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { GetCommand, TransactWriteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import type { MaterialFileItem } from '../../functions/data/material-processing.ts';
import { keys } from '../../functions/data/keys.ts';
import type { Area } from '../../functions/domain/areas.ts';
import { objectKeys, type MaterialKind, type MaterialStatus, type UploadKind } from '../../functions/domain/materials.ts';
import { storageClient, type UploadForm } from '../../functions/lib/storage.ts';
import type { LocalEndpoints } from '../../infra/local/endpoints.ts';
import { tableStoreOf } from './clients.ts';

export interface SeededMaterial {
  projectId: string;
  materialId: string;
}

export interface SeededFile extends SeededMaterial {
  fileId: string;
  /** Where the browser uploads it: incoming/<projectId>/<materialId>/<fileId>. */
  incomingKey: string;
}

const author = { authorId: '00000000-0000-4000-8000-00000000a11c', authorName: 'Ana' };

/** A material (T2) as the API creates it: published by default, no files yet. */
export async function seedMaterial(
  endpoints: LocalEndpoints,
  options: { projectId?: string; kind?: MaterialKind; area?: Area; status?: MaterialStatus; title?: string } = {},
): Promise<SeededMaterial> {
  const projectId = options.projectId ?? ulid();
  const materialId = ulid();
  const status = options.status ?? 'published';
  const createdAt = new Date().toISOString();
  const store = tableStoreOf(endpoints);
  await store.db.send(
    new PutCommand({
      TableName: store.tableName,
      Item: {
        ...keys.material(projectId, materialId),
        entity: 'material',
        materialId,
        projectId,
        area: options.area ?? 'teachers',
        kind: options.kind ?? 'album',
        title: options.title ?? 'River photos',
        description: '',
        status,
        ...author,
        createdAt,
        ...(status === 'published' ? { publishedAt: createdAt } : {}),
        fileCount: 0,
      },
    }),
  );
  return { projectId, materialId };
}

/** A pending file (T4) and its reservation of the declared size in the project's usage (T6), in one transaction. */
export async function seedPendingFile(
  endpoints: LocalEndpoints,
  material: SeededMaterial,
  file: { kind: UploadKind; fileName: string; declaredType: string; declaredSize: number },
): Promise<SeededFile> {
  const fileId = ulid();
  const { projectId, materialId } = material;
  const store = tableStoreOf(endpoints);
  await store.db.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: store.tableName,
            Item: {
              ...keys.materialFile(projectId, materialId, fileId),
              entity: 'material-file',
              fileId,
              materialId,
              projectId,
              ...file,
              size: file.declaredSize,
              status: 'pending',
              ...author,
              createdAt: new Date().toISOString(),
            },
          },
        },
        {
          Update: {
            TableName: store.tableName,
            Key: keys.materialsUsage(projectId),
            UpdateExpression: 'ADD usedBytes :size',
            ExpressionAttributeValues: { ':size': file.declaredSize },
          },
        },
      ],
    }),
  );
  return { ...material, fileId, incomingKey: objectKeys.incoming(projectId, materialId, fileId) };
}

/** The browser's upload: the form's fields, then the file, as one multipart POST straight to storage. */
export async function uploadWithForm(form: UploadForm, bytes: Uint8Array, contentType: string, fileName = 'upload'): Promise<Response> {
  const body = new FormData();
  for (const [name, value] of Object.entries(form.fields)) body.append(name, value);
  body.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: contentType }), fileName);
  return fetch(form.url, { method: 'POST', body, signal: AbortSignal.timeout(30_000) });
}

export async function readFileItem(endpoints: LocalEndpoints, file: SeededFile): Promise<MaterialFileItem | undefined> {
  const store = tableStoreOf(endpoints);
  const { Item } = await store.db.send(
    new GetCommand({ TableName: store.tableName, Key: keys.materialFile(file.projectId, file.materialId, file.fileId), ConsistentRead: true }),
  );
  return Item as MaterialFileItem | undefined;
}

/** Polls the file item until processing has settled it (ready or rejected). */
export async function waitUntilSettled(endpoints: LocalEndpoints, file: SeededFile, timeoutMs = 20_000): Promise<MaterialFileItem> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const item = await readFileItem(endpoints, file);
    if (item && item.status !== 'pending') return item;
    if (Date.now() > deadline) throw new Error(`File ${file.fileId} still ${item?.status ?? 'missing'} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function readMaterialItem(endpoints: LocalEndpoints, material: SeededMaterial): Promise<Record<string, any> | undefined> {
  const store = tableStoreOf(endpoints);
  const { Item } = await store.db.send(new GetCommand({ TableName: store.tableName, Key: keys.material(material.projectId, material.materialId), ConsistentRead: true }));
  return Item;
}

/** The project's bytes of materials (0 when nothing was ever reserved). */
export async function usedBytes(endpoints: LocalEndpoints, projectId: string): Promise<number> {
  const store = tableStoreOf(endpoints);
  const { Item } = await store.db.send(new GetCommand({ TableName: store.tableName, Key: keys.materialsUsage(projectId), ConsistentRead: true }));
  return (Item?.usedBytes as number | undefined) ?? 0;
}

/** Whether an object exists (a signed HEAD, as a handler would make it). */
export async function objectExists(key: string): Promise<boolean> {
  try {
    await storageClient().send(new HeadObjectCommand({ Bucket: process.env.MATERIALS_BUCKET, Key: key }));
    return true;
  } catch (error) {
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
    throw error;
  }
}

/** Every object key under a prefix. */
export async function keysUnder(prefix: string): Promise<string[]> {
  const page = await storageClient().send(new ListObjectsV2Command({ Bucket: process.env.MATERIALS_BUCKET, Prefix: prefix }));
  return (page.Contents ?? []).flatMap((object) => (object.Key ? [object.Key] : []));
}

/** Polls until the object is gone (processing deletes the incoming object just after settling the item). */
export async function waitUntilGone(key: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (await objectExists(key)) {
    if (Date.now() > deadline) throw new Error(`${key} still exists after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
