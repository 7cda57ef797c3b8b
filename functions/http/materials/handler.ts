/**
 * The Materials function (routes.ts): list, add, read, publish and delete an
 * area's albums, folders and video links; ask for an upload; read and delete
 * one file.
 *
 * Every route passes the TwinSpace gate with its action; a route about one
 * material reads it (and its file, or the project's usage) in the gate's own
 * BatchGetItem (alongWith), and a list or a material's files are read while
 * the gate checks (whileGated). Then the material's area and the table's
 * conditions (functions/domain/material-rules.ts): someone else's pending
 * material does not exist for a caller who may not publish it (404); an area
 * the caller's type does not read is 403. Reads: 1–2 round trips (a list's
 * covers are one BatchGetItem after the page); writes: 2 (the gate, one
 * transaction), a file that was its album's cover 3 (its successor is read).
 * URLs are presigned only after all of that (views.ts).
 *
 * A new material's title and description pass the pupil guard
 * (guarded-write.ts) last: a pupil's with a finding is held for a teacher
 * (202, nothing written; the release adds it through create-material.ts, as
 * here), a teacher's in an area pupils read is a 409 warning until acknowledged.
 */
import { ulid } from 'ulid';
import {
  coverFilesOf,
  decodeMaterialCursor,
  deleteMaterial,
  deleteMaterialFile,
  fileAmong,
  listMaterialFiles,
  listMaterials,
  materialAmong,
  publishMaterial,
  recordUpload,
  usedBytesAmong,
  type Material,
  type MaterialFile,
  type MaterialWriteOutcome,
  type MaterialWriter,
} from '../../data/materials.ts';
import { keys } from '../../data/keys.ts';
import { readActionOf } from '../../domain/areas.ts';
import {
  declaredTypeOf,
  deleteRefusal,
  fileDeleteRefusal,
  fitsQuota,
  materialVisibility,
  mayPublishIn,
  publishRefusal,
  quotaRefusal,
  seesFile,
  sizeRefusal,
  typeRefusal,
  uploadRefusal,
} from '../../domain/material-rules.ts';
import { materialLimits, objectKeys } from '../../domain/materials.ts';
import { sharedName } from '../../domain/roster.ts';
import type { Caller } from '../../lib/claims.ts';
import { optionalSetting } from '../../lib/config.ts';
import { encodeCursor } from '../../lib/cursor.ts';
import { conflict, forbidden, HttpError, notFound, validationFailed } from '../../lib/errors.ts';
import { countOf } from '../../lib/observability.ts';
import { presignUpload } from '../../lib/storage.ts';
import { areaHandler } from '../area.ts';
import { guardWrite } from '../guarded-write.ts';
import { gated } from '../router.ts';
import { refusalOf, type TwinspaceAccess } from '../twinspace-access.ts';
import { newMaterial, pupilsReadMaterialsOf, waitingNotices, writeMaterial, type MaterialAuthor } from './create-material.ts';
import { materialsRoutes } from './routes.ts';
import { fileView, materialView } from './views.ts';

const noSuchMaterial = () => notFound('No such material in this project.');
const noSuchFile = () => notFound('No such file in this material.');

/** The project's quota in bytes: the deployment's setting, else 2 GB. A setting that is no positive whole number is a deployment fault. */
function quotaBytes(): number {
  const configured = optionalSetting('materialsQuotaBytes');
  if (configured === undefined) return materialLimits.defaultQuotaBytes;
  const bytes = Number(configured);
  if (!Number.isSafeInteger(bytes) || bytes <= 0) throw new Error(`MATERIALS_QUOTA_BYTES must be a positive whole number of bytes, not ${configured}`);
  return bytes;
}

const writerOf = (caller: Caller, access: TwinspaceAccess): MaterialWriter => ({ userId: caller.userId, type: access.membership.type });

/**
 * The material the gate read, as this caller may see it: none (or someone
 * else's pending one they may not publish) is 404; an area their type does
 * not read is 403 in the gate's words.
 */
function seenMaterial(access: TwinspaceAccess, caller: Caller, material: Material | undefined): Material {
  if (!material) throw noSuchMaterial();
  const seen = materialVisibility(access.membership.type, caller.userId, material);
  if (seen === 'area') throw forbidden(refusalOf(readActionOf[material.area]));
  if (seen === 'pending') throw noSuchMaterial();
  return material;
}

/** A write's outcome in the API's words: a refused one changed nothing. */
function refuseUnlessWritten(outcome: MaterialWriteOutcome<'stale' | 'gone' | 'changed' | 'full'>, refusals: { full?: string } = {}): void {
  if (outcome === 'written') {
    countOf('MaterialsWritten');
    return;
  }
  if (outcome === 'closed') throw conflict('The project is closed: its TwinSpace is read-only.');
  if (outcome === 'typeChanged') throw conflict('Your type in this project changed meanwhile: reload and try again.');
  if (outcome === 'gone') throw noSuchMaterial();
  if (outcome === 'full') throw conflict(refusals.full ?? "The project's materials are full.");
  if (outcome === 'stale') throw conflict('The material is already published.');
  throw conflict('The material changed meanwhile: reload it and try again.');
}

const materialKey = ({ params }: { params: { projectId: string; materialId: string } }) => [keys.material(params.projectId, params.materialId)];

export const handler = areaHandler(materialsRoutes, {
  // The page is read while the gate checks; which pending materials the reader sees, and the albums' covers, follow the gate.
  listMaterials: gated({
    whileGated: ({ params: { projectId }, query, store }) =>
      listMaterials(store, projectId, { area: query.area, kind: query.kind }, { limit: query.limit, startKey: decodeMaterialCursor(query.cursor, projectId) }),
    handle: async ({ caller, twinspace, store }, { materials, lastKey }) => {
      const shown = materials.filter((material) => materialVisibility(twinspace.membership.type, caller.userId, material) === 'visible');
      const covers = await coverFilesOf(store, shown);
      const items = await Promise.all(shown.map((material) => materialView(material, covers.get(material.materialId))));
      return { status: 200, body: { items, nextCursor: encodeCursor(lastKey) } };
    },
  }),

  createMaterial: async ({ caller, params: { projectId }, body: { acknowledgePersonalData, ...creation }, twinspace, store }) => {
    const author: MaterialAuthor = { userId: caller.userId, type: twinspace.membership.type, name: sharedName(twinspace.membership) };
    const material = newMaterial(projectId, author, creation);
    // The teachers to tell of a waiting material are read while the guard reads the members: one round trip of time.
    const [guarded, notices] = await Promise.all([
      guardWrite({
        store,
        project: twinspace.project,
        caller: { userId: caller.userId, type: author.type, displayName: twinspace.membership.displayName },
        surface: 'material',
        target: { area: creation.area, kind: creation.kind },
        draft: { ...creation },
        texts: { title: creation.title, description: creation.description },
        pupilsRead: pupilsReadMaterialsOf(creation.area),
        acknowledgePersonalData,
      }),
      waitingNotices(store, material),
    ]);
    if (guarded.outcome === 'held') return { status: 202, body: { held: guarded.held } };
    refuseUnlessWritten(await writeMaterial(store, material, author, notices));
    return { status: 201, body: await materialView(material) };
  },

  // The material in the gate's read, its files at the same time: one round trip of time.
  getMaterial: gated({
    alongWith: materialKey,
    whileGated: ({ params: { projectId, materialId }, store }) => listMaterialFiles(store, projectId, materialId),
    handle: async ({ caller, params: { projectId, materialId }, twinspace }, files) => {
      const material = seenMaterial(twinspace, caller, materialAmong(twinspace.alongside, projectId, materialId));
      const shown = files.filter((file) => seesFile(twinspace.membership.type, caller.userId, file));
      const cover = files.find((file) => file.fileId === material.coverFileId);
      const [view, fileViews] = await Promise.all([materialView(material, cover), Promise.all(shown.map(fileView))]);
      return { status: 200, body: { ...view, files: fileViews } };
    },
  }),

  deleteMaterial: gated({
    alongWith: materialKey,
    whileGated: ({ params: { projectId, materialId }, store }) => listMaterialFiles(store, projectId, materialId),
    handle: async ({ caller, params: { projectId, materialId }, twinspace, store }, files) => {
      const material = seenMaterial(twinspace, caller, materialAmong(twinspace.alongside, projectId, materialId));
      const refused = deleteRefusal(twinspace.membership.type, caller.userId, material);
      if (refused) throw forbidden(refused);
      refuseUnlessWritten(await deleteMaterial(store, material, files, writerOf(caller, twinspace)));
      return { status: 204 };
    },
  }),

  publishMaterial: gated({
    alongWith: materialKey,
    handle: async ({ caller, params: { projectId, materialId }, twinspace, store }) => {
      const material = seenMaterial(twinspace, caller, materialAmong(twinspace.alongside, projectId, materialId));
      const refused = publishRefusal(twinspace.membership.type, material.area);
      if (refused) throw forbidden(refused);
      if (material.status === 'published') throw conflict('The material is already published.');
      const publishedAt = new Date().toISOString();
      refuseUnlessWritten(await publishMaterial(store, material, publishedAt, writerOf(caller, twinspace)));
      return { status: 200, body: await materialView({ ...material, status: 'published', publishedAt }) };
    },
  }),

  // The material and the project's usage in the gate's read; then one transaction: the pending file, the material's check, the quota.
  requestUpload: gated({
    alongWith: ({ params: { projectId }, body }) => [keys.material(projectId, body.materialId), keys.materialsUsage(projectId)],
    handle: async ({ caller, params: { projectId }, body, twinspace, store }) => {
      const type = twinspace.membership.type;
      const material = seenMaterial(twinspace, caller, materialAmong(twinspace.alongside, projectId, body.materialId));
      const refused = uploadRefusal(type, caller.userId, material, body.kind);
      if (refused?.answer === 'invalid') throw validationFailed('The body is not valid.', [{ field: refused.field ?? 'body', message: refused.message }]);
      if (refused?.answer === 'forbidden') throw forbidden(refused.message);
      if (refused) throw conflict(refused.message);
      const tooLarge = sizeRefusal(body.kind, body.size);
      if (tooLarge) throw new HttpError('TOO_LARGE', tooLarge);
      const contentType = declaredTypeOf(body.kind, body.contentType);
      if (!contentType) throw validationFailed('The body is not valid.', [{ field: 'body.contentType', message: typeRefusal(body.kind) }]);
      const quota = quotaBytes();
      const usedBytes = usedBytesAmong(twinspace.alongside, projectId);
      if (!fitsQuota(usedBytes, quota, body.size)) throw conflict(quotaRefusal(usedBytes, quota, body.size));

      const file: MaterialFile = {
        fileId: ulid(),
        materialId: material.materialId,
        projectId,
        kind: body.kind,
        fileName: body.fileName,
        declaredType: contentType,
        declaredSize: body.size,
        size: body.size,
        status: 'pending',
        authorId: caller.userId,
        authorName: sharedName(twinspace.membership),
        createdAt: new Date().toISOString(),
      };
      // Signed first (local crypto): a form that cannot be made leaves no pending file holding bytes of the quota.
      const upload = await presignUpload(objectKeys.incoming(projectId, material.materialId, file.fileId), contentType, materialLimits.bytes[body.kind]);
      // An author who may not publish here uploads only while their material waits: the transaction checks it still does.
      const onlyWhilePending = !mayPublishIn(type, material.area);
      refuseUnlessWritten(await recordUpload(store, file, { quotaBytes: quota, onlyWhilePending }, writerOf(caller, twinspace)), {
        full: quotaRefusal(usedBytes, quota, body.size),
      });
      return { status: 201, body: { file: await fileView(file), upload, remainingBytes: Math.max(0, quota - usedBytes - body.size) } };
    },
  }),

  getMaterialFile: gated({
    alongWith: ({ params: { projectId, materialId, fileId } }) => [keys.material(projectId, materialId), keys.materialFile(projectId, materialId, fileId)],
    handle: async ({ caller, params: { projectId, materialId, fileId }, twinspace }) => {
      seenMaterial(twinspace, caller, materialAmong(twinspace.alongside, projectId, materialId));
      const file = fileAmong(twinspace.alongside, projectId, materialId, fileId);
      if (!file || !seesFile(twinspace.membership.type, caller.userId, file)) throw noSuchFile();
      return { status: 200, body: await fileView(file) };
    },
  }),

  deleteMaterialFile: gated({
    alongWith: ({ params: { projectId, materialId, fileId } }) => [keys.material(projectId, materialId), keys.materialFile(projectId, materialId, fileId)],
    handle: async ({ caller, params: { projectId, materialId, fileId }, twinspace, store }) => {
      const type = twinspace.membership.type;
      const material = seenMaterial(twinspace, caller, materialAmong(twinspace.alongside, projectId, materialId));
      const file = fileAmong(twinspace.alongside, projectId, materialId, fileId);
      if (!file || !seesFile(type, caller.userId, file)) throw noSuchFile();
      const refused = fileDeleteRefusal(type, caller.userId, file, material);
      if (refused) throw forbidden(refused);
      // The album's cover goes with it: the next ready image takes its place (one more read, only then).
      const nextCover =
        material.coverFileId === fileId
          ? (await listMaterialFiles(store, projectId, materialId)).find((other) => other.fileId !== fileId && other.kind === 'image' && other.status === 'ready')
          : undefined;
      refuseUnlessWritten(await deleteMaterialFile(store, material, file, nextCover, writerOf(caller, twinspace)));
      return { status: 204 };
    },
  }),
});
