/**
 * TwinSpace materials (issue 10): who adds in which area, who publishes, who
 * deletes, who uploads into which album or folder, who sees a pending
 * material or file, and the status a new material starts with. Pure rules
 * over the policy table ('add-material', 'publish-material',
 * 'delete-material'); functions/http/materials/handler.ts applies them after
 * the TwinSpace gate. Rules decided here where DOMAIN.md and the issue are
 * silent (also in functions/domain/README.md):
 *
 * - Teachers add anywhere, pupils in the pupils' area only. A material starts
 *   published when its author may publish materials of its area, else pending
 *   (a pupil member's), as pages wait for a publisher.
 * - A pending material is seen by its author and by whoever may publish
 *   materials of its area (so teachers see everything pupils add); anyone
 *   else is told it does not exist.
 * - Uploading into an album or folder is adding to it: 'add-material' for its
 *   area, and being its author or one who may publish there. A pupil member
 *   adds to their own material only while it waits: once published it is
 *   frozen for them (a teacher reviewed it; new photos would skip the review).
 * - Files: a ready file is seen by every reader of its material; a pending or
 *   rejected one by its uploader and the project's teachers. A file is deleted
 *   by its uploader or by whoever may delete its material.
 * - Declared types: the browser's names. Older Office files (.doc, .xls, .ppt)
 *   are declared by their own media types, which the bytes then show as an OLE
 *   compound file (accepted); a declared type's parameters are dropped.
 */
import { mayReadArea, type Area } from './areas.ts';
import { acceptedTypes, materialLimits, uploadKindOf, type FileStatus, type MaterialKind, type MaterialStatus, type UploadKind } from './materials.ts';
import { may } from './policy.ts';
import type { VideoProvider } from './rich-text-core.ts';
import { parseVideoUrl } from './video-url.ts';
import type { Action } from './policy.ts';
import type { TwinspaceType } from './twinspace-types.ts';

/** What the rules need to know of a material. */
export interface MaterialFacts {
  area: Area;
  kind: MaterialKind;
  status: MaterialStatus;
  authorId: string;
}

/** What the rules need to know of an uploaded file. */
export interface FileFacts {
  authorId: string;
  status: FileStatus;
}

/** A refusal and the answer it deserves: 400 (invalid), 403 (forbidden), 409 (conflict) or 413 (too large). */
export interface Refusal {
  answer: 'invalid' | 'forbidden' | 'conflict' | 'too-large';
  message: string;
  /** The request field at fault, for a 400's details. */
  field?: string;
}

/** The project's teachers: those who publish materials of every area (everything a pupil adds stays visible to them). */
export const isProjectTeacher = (type: TwinspaceType): boolean => may(type, 'publish-material') === 'allow';

/*
 * Each rule is a yes/no (used by the API and by the site's Materials tab, which
 * shows only what a member may do) and, for the API, a refusal in words.
 */

/** The table's answer for an action in an area: allowed, or allowed in the pupils' area only and this is it. */
function mayIn(type: TwinspaceType, action: Action, area: Area): boolean {
  const permission = may(type, action);
  return permission === 'allow' || (permission === 'pupils area only' && area === 'pupils');
}

export const mayAddIn = (type: TwinspaceType, area: Area): boolean => mayIn(type, 'add-material', area);
export const mayPublishIn = (type: TwinspaceType, area: Area): boolean => mayIn(type, 'publish-material', area);

/** Why this type may not add a material to the area, or undefined when it may. */
export function addRefusal(type: TwinspaceType, area: Area): string | undefined {
  if (mayAddIn(type, area)) return undefined;
  return may(type, 'add-material') === 'deny' ? 'Visitors do not add materials.' : "Pupils add materials to the pupils' area only.";
}

/** Why this type may not publish a material of the area, or undefined when it may. */
export function publishRefusal(type: TwinspaceType, area: Area): string | undefined {
  if (mayPublishIn(type, area)) return undefined;
  return may(type, 'publish-material') === 'deny'
    ? 'A teacher or a pupil administrator publishes materials: yours waits for one of them.'
    : "A pupil administrator publishes materials of the pupils' area only.";
}

/** A new material is published at once when its author may publish in its area; otherwise it waits. */
export const statusAtCreation = (type: TwinspaceType, area: Area): MaterialStatus => (mayPublishIn(type, area) ? 'published' : 'pending');

/** Whether this member sees the material: 'area' = not a reader of its area; 'pending' = someone else's waiting material. */
export function materialVisibility(type: TwinspaceType, userId: string, material: MaterialFacts): 'visible' | 'area' | 'pending' {
  if (!mayReadArea(type, material.area)) return 'area';
  if (material.status === 'published' || material.authorId === userId || mayPublishIn(type, material.area)) return 'visible';
  return 'pending';
}

/** Teacher administrators delete any material, others their own. */
export function mayDeleteMaterial(type: TwinspaceType, userId: string, material: Pick<MaterialFacts, 'authorId'>): boolean {
  const permission = may(type, 'delete-material');
  return permission === 'allow' || (permission === 'own materials' && material.authorId === userId);
}

/** Why `userId` (of `type`) may not delete this material, or undefined when they may. */
export function deleteRefusal(type: TwinspaceType, userId: string, material: MaterialFacts): string | undefined {
  return mayDeleteMaterial(type, userId, material) ? undefined : 'Only its author or a teacher administrator deletes a material.';
}

/** Whether this member sees the file of a material they see: ready ones all readers, others their uploader and the teachers. */
export function seesFile(type: TwinspaceType, userId: string, file: FileFacts): boolean {
  return file.status === 'ready' || file.authorId === userId || isProjectTeacher(type);
}

/** A file is deleted by its uploader, and by whoever may delete its material. */
export const mayDeleteFile = (type: TwinspaceType, userId: string, file: Pick<FileFacts, 'authorId'>, material: Pick<MaterialFacts, 'authorId'>): boolean =>
  file.authorId === userId || mayDeleteMaterial(type, userId, material);

/** Why `userId` may not delete this file, or undefined when they may. */
export function fileDeleteRefusal(type: TwinspaceType, userId: string, file: FileFacts, material: MaterialFacts): string | undefined {
  return mayDeleteFile(type, userId, file, material) ? undefined : 'Only its uploader, the author of its material or a teacher administrator deletes a file.';
}

/**
 * Adding files to an album or folder: 'add-material' for its area, and being
 * one who publishes there, or its author while it still waits.
 */
export const mayUploadInto = (type: TwinspaceType, userId: string, material: MaterialFacts): boolean =>
  material.kind !== 'video' && mayAddIn(type, material.area) && (mayPublishIn(type, material.area) || (material.authorId === userId && material.status === 'pending'));

/**
 * Why `userId` may not upload a file of `kind` into this material, or
 * undefined when they may: the right container (an album takes images, a
 * folder files), 'add-material' for its area, its author or a publisher of
 * its area, and for an author who may not publish there, only while it waits.
 */
export function uploadRefusal(type: TwinspaceType, userId: string, material: MaterialFacts, kind: UploadKind): Refusal | undefined {
  if (material.kind === 'video') return { answer: 'invalid', field: 'body.materialId', message: 'A video link takes no uploads.' };
  if (uploadKindOf[material.kind] !== kind) return { answer: 'invalid', field: 'body.kind', message: 'Images go into an album, files into a folder.' };
  const refused = addRefusal(type, material.area);
  if (refused) return { answer: 'forbidden', message: refused };
  if (mayPublishIn(type, material.area)) return undefined;
  if (material.authorId !== userId) return { answer: 'forbidden', message: 'You add files to your own albums and folders only.' };
  if (material.status === 'published') return { answer: 'conflict', message: 'This material is published: a teacher or a pupil administrator adds to it now.' };
  return undefined;
}

const megabytes = (bytes: number) => Math.round(bytes / (1024 * 1024));

/** A declared size over the kind's limit: 413 before anything is recorded. */
export function sizeRefusal(kind: UploadKind, size: number): string | undefined {
  const limit = materialLimits.bytes[kind];
  if (size <= limit) return undefined;
  return kind === 'image' ? `An image is at most ${megabytes(limit)} MB.` : `A file is at most ${megabytes(limit)} MB.`;
}

/** The browser's names of older Office files; their bytes are OLE compound files (application/x-cfb, accepted). */
const legacyOfficeTypes = ['application/msword', 'application/vnd.ms-excel', 'application/vnd.ms-powerpoint'];

/**
 * The declared media type as the upload will carry it (lower case, without
 * parameters such as charset), or undefined when the kind does not take it.
 * Only a declaration: processing reads the real type from the bytes.
 */
export function declaredTypeOf(kind: UploadKind, contentType: string): string | undefined {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (acceptedTypes[kind].includes(type)) return type;
  if (kind === 'file' && legacyOfficeTypes.includes(type)) return type;
  return undefined;
}

/** Why a declared type is refused (400), in words the uploader acts on. */
export const typeRefusal = (kind: UploadKind): string =>
  kind === 'image'
    ? 'An image is a JPEG, PNG, GIF or WebP file.'
    : 'A folder takes PDF, office and OpenDocument documents, plain text and audio files.';

/** Bytes as a person reads them: MB with one decimal below 1 GB, GB with two beyond. */
export function sizeInWords(bytes: number): string {
  const gb = bytes / 1024 ** 3;
  if (gb >= 1) return `${Number(gb.toFixed(2))} GB`;
  return `${Number((bytes / 1024 ** 2).toFixed(1))} MB`;
}

/** The project's quota is full for this upload: the 409's words. */
export const quotaRefusal = (usedBytes: number, quotaBytes: number, size: number): string =>
  `The project's materials are full: ${sizeInWords(usedBytes)} of ${sizeInWords(quotaBytes)} are used, and this file needs ${sizeInWords(size)}.`;

/** Whether `size` more bytes fit when `usedBytes` are used (the same sum the usage item's condition makes). */
export const fitsQuota = (usedBytes: number, quotaBytes: number, size: number): boolean => size <= quotaBytes && usedBytes <= quotaBytes - size;

/**
 * The video of a new material: a video needs a YouTube or Vimeo link (kept as
 * provider and id only, never the URL pasted); an album or folder has none.
 */
export function videoOf(kind: MaterialKind, videoUrl: string | undefined): { video?: { provider: VideoProvider; videoId: string } } | { problem: string } {
  if (kind !== 'video') return videoUrl === undefined ? {} : { problem: 'Albums and folders have no video link.' };
  if (videoUrl === undefined || videoUrl.trim() === '') return { problem: 'A video needs its YouTube or Vimeo link.' };
  const video = parseVideoUrl(videoUrl);
  return video ? { video } : { problem: 'Only YouTube and Vimeo links are videos here.' };
}
