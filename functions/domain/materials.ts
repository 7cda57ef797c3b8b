/**
 * TwinSpace materials (issue 10): image albums, file folders and video links,
 * each in an area, with a title and an optional description. The constants
 * every part shares — kinds, limits, accepted types, statuses, object keys —
 * live here; who may add, publish and delete is the policy table's
 * ('add-material', 'publish-material', 'delete-material') and its rules are in
 * functions/domain/material-rules.ts. Pure: no I/O.
 */

export const materialKinds = ['album', 'folder', 'video'] as const;
export type MaterialKind = (typeof materialKinds)[number];

/** What an upload is: an image (into an album) or a file (into a folder). */
export const uploadKinds = ['image', 'file'] as const;
export type UploadKind = (typeof uploadKinds)[number];
export const uploadKindOf: Readonly<Record<'album' | 'folder', UploadKind>> = { album: 'image', folder: 'file' };

/** A material: published, or waiting for a teacher or pupil administrator (a pupil member's). */
export const materialStatuses = ['published', 'pending'] as const;
export type MaterialStatus = (typeof materialStatuses)[number];

/** An uploaded file: pending until processing makes it ready or rejects it. */
export const fileStatuses = ['pending', 'ready', 'rejected'] as const;
export type FileStatus = (typeof fileStatuses)[number];

/** Why processing rejected an upload; the site words each for the uploader (en, es). */
export const rejectionReasons = ['type-mismatch', 'unsupported-type', 'too-large', 'unreadable'] as const;
export type RejectionReason = (typeof rejectionReasons)[number];

export const materialLimits = {
  title: 200,
  description: 2_000,
  fileName: 200,
  /** Bytes per upload, by kind. */
  bytes: { image: 10 * 1024 * 1024, file: 50 * 1024 * 1024 } satisfies Record<UploadKind, number>,
  /** A project's materials, unless the deployment says otherwise (MATERIALS_QUOTA_BYTES). */
  defaultQuotaBytes: 2 * 1024 * 1024 * 1024,
  /** Seconds a presigned POST may be used; a presigned GET lives as long. */
  uploadSeconds: 600,
  urlSeconds: 300,
  /** Widths of the WebP thumbnails made of every image. */
  thumbnailWidths: [320, 1280] as const,
} as const;

/**
 * Accepted media types by kind, as `file-type` names them from the bytes.
 * Plain text has no magic bytes: it is accepted when file-type finds nothing,
 * the declared type is text/plain, and the bytes are UTF-8 text that is not
 * markup (material-files.ts decides).
 */
export const acceptedTypes: Readonly<Record<UploadKind, readonly string[]>> = {
  image: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'],
  file: [
    'application/pdf',
    // Office (OOXML) and OpenDocument, as file-type reports them
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    'application/vnd.oasis.opendocument.text',
    'application/vnd.oasis.opendocument.spreadsheet',
    'application/vnd.oasis.opendocument.presentation',
    // Older Office files are OLE compound files
    'application/x-cfb',
    'text/plain',
    // Audio
    'audio/mpeg',
    'audio/ogg',
    'audio/wav',
    'audio/x-wav',
    'audio/aac',
    'audio/mp4',
    'audio/x-m4a',
    'audio/flac',
    'audio/x-flac',
    'audio/webm',
    'audio/opus',
  ],
};

/** Where the browser uploads (one key per upload, named by the API) and where processed objects live. */
export const objectKeys = {
  incomingPrefix: 'incoming/',
  materialsPrefix: 'materials/',
  incoming: (projectId: string, materialId: string, fileId: string) => `incoming/${projectId}/${materialId}/${fileId}`,
  /** The re-encoded image or the checked file. */
  original: (projectId: string, materialId: string, fileId: string) => `materials/${projectId}/${materialId}/${fileId}/original`,
  thumbnail: (projectId: string, materialId: string, fileId: string, width: number) => `materials/${projectId}/${materialId}/${fileId}/w${width}.webp`,
  /** Every object of a material (deleting it deletes them all). */
  materialPrefix: (projectId: string, materialId: string) => `materials/${projectId}/${materialId}/`,
};

/** The three ids an incoming key names, or undefined for any other key (processing ignores it). */
export function parseIncomingKey(key: string): { projectId: string; materialId: string; fileId: string } | undefined {
  const match = /^incoming\/([0-9A-HJKMNP-TV-Z]{26})\/([0-9A-HJKMNP-TV-Z]{26})\/([0-9A-HJKMNP-TV-Z]{26})$/.exec(key);
  return match ? { projectId: match[1], materialId: match[2], fileId: match[3] } : undefined;
}
