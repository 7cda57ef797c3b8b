/**
 * The shapes of the Materials routes (issue 10): albums, folders and video
 * links of a TwinSpace, the uploads into them, and the short-lived URLs that
 * are the only way to an object. Handlers parse with them, the OpenAPI
 * document is generated from them, the site imports their types.
 */
import * as z from 'zod';
import { visibleText } from '../visible-text.ts';
import { areas } from '../../domain/areas.ts';
import { fileStatuses, materialKinds, materialLimits, materialStatuses, rejectionReasons, uploadKinds } from '../../domain/materials.ts';
import { videoProviders } from '../../domain/rich-text.ts';
import { pageQuery } from '../../lib/cursor.ts';
import { ulidString } from '../schemas.ts';
import { personalDataAcknowledgement } from '../moderation/schemas.ts';

const title = visibleText({
  max: materialLimits.title,
  messages: { empty: 'A material needs a title.', tooLong: `A title is at most ${materialLimits.title} characters.` },
});
const description = visibleText({
  max: materialLimits.description,
  multiline: true,
  allowEmpty: true,
  messages: { tooLong: `A description is at most ${materialLimits.description} characters.` },
});

export const materialPathParams = z.object({ projectId: ulidString, materialId: ulidString });
export const materialFilePathParams = z.object({ projectId: ulidString, materialId: ulidString, fileId: ulidString });

export const materialsQuery = pageQuery.extend({
  area: z.enum(areas),
  /** Only albums (the editor's image picker), folders or videos. */
  kind: z.enum(materialKinds).optional(),
});

/** A video is a YouTube or Vimeo link (watch, share or embed URL); an album or folder has no link. */
export const materialCreateBody = z
  .object({
    area: z.enum(areas),
    kind: z.enum(materialKinds),
    title,
    description: description.default(''),
    videoUrl: z.string().max(500).optional(),
    ...personalDataAcknowledgement,
  })
  .strict();
export type MaterialCreateBodyInput = z.input<typeof materialCreateBody>;

/** Ask for an upload into an album (images) or a folder (files): name, size and type as the browser declares them. */
export const uploadRequestBody = z
  .object({
    materialId: ulidString,
    kind: z.enum(uploadKinds),
    fileName: visibleText({
      max: materialLimits.fileName,
      messages: { empty: 'A file needs a name.', tooLong: `A file name is at most ${materialLimits.fileName} characters.` },
    }),
    size: z.number().int().min(1, 'The file is empty.'),
    contentType: z.string().trim().min(1).max(200),
  })
  .strict();
export type UploadRequestBodyInput = z.input<typeof uploadRequestBody>;

/** Presigned URLs of an image: the WebP thumbnails (320 and 1280 px wide) and the re-encoded original. */
export const imageUrls = z.object({ small: z.string(), large: z.string(), original: z.string() });
export type ImageUrls = z.infer<typeof imageUrls>;

export const materialFileResponse = z.object({
  fileId: z.string(),
  materialId: z.string(),
  kind: z.enum(uploadKinds),
  fileName: z.string(),
  /** Bytes: as declared while pending, as stored once ready. */
  size: z.number().int(),
  status: z.enum(fileStatuses),
  /** Rejected: why (the site words it for the uploader). */
  reason: z.enum(rejectionReasons).optional(),
  /** Ready: the type found in the bytes. */
  contentType: z.string().optional(),
  width: z.number().int().optional(),
  height: z.number().int().optional(),
  authorId: z.string(),
  authorName: z.string(),
  createdAt: z.string(),
  /** Ready files only, for callers who may read the material: a download URL (files) or the image's URLs; minutes-long. */
  url: z.string().optional(),
  image: imageUrls.optional(),
});
export type MaterialFileResponse = z.infer<typeof materialFileResponse>;

export const materialResponse = z.object({
  materialId: z.string(),
  projectId: z.string(),
  area: z.enum(areas),
  kind: z.enum(materialKinds),
  title: z.string(),
  description: z.string(),
  status: z.enum(materialStatuses),
  authorId: z.string(),
  /** Pupils by first name. */
  authorName: z.string(),
  createdAt: z.string(),
  publishedAt: z.string().optional(),
  /** Videos: the provider, its id and the privacy-enhanced embed URL (the only iframe source the site renders). */
  video: z.object({ provider: z.enum(videoProviders), videoId: z.string(), embedUrl: z.string() }).optional(),
  /** Albums and folders: ready files in it. */
  fileCount: z.number().int(),
  /** Albums: the first ready image's URLs, for the list. */
  cover: imageUrls.optional(),
});
export type MaterialResponse = z.infer<typeof materialResponse>;

export const materialsPage = z.object({ items: z.array(materialResponse), nextCursor: z.string().nullable() });
export type MaterialsPage = z.output<typeof materialsPage>;

/** One material with its files (the uploader also sees their pending and rejected ones; others see ready files only). */
export const materialDetailResponse = materialResponse.extend({ files: z.array(materialFileResponse) });
export type MaterialDetailResponse = z.infer<typeof materialDetailResponse>;

/** The answer to an upload request: the pending file, and the form the browser POSTs straight to storage. */
export const uploadResponse = z.object({
  file: materialFileResponse,
  upload: z.object({ url: z.string(), fields: z.record(z.string(), z.string()) }),
  /** Bytes the project still has after this upload. */
  remainingBytes: z.number().int(),
});
export type UploadResponse = z.infer<typeof uploadResponse>;

/** The images a rich-text document shows, by fileId: presigned URLs for whoever may read the document. */
export const documentMedia = z.record(z.string(), imageUrls);
export type DocumentMedia = z.infer<typeof documentMedia>;
