/**
 * Materials and files as the API answers them, with their presigned URLs.
 * Called only once the gate has read the caller's membership and the rules
 * have let them see the material (handler.ts): a URL is the only way to an
 * object, so it is issued after the table check and never stored. Presigning
 * is local crypto: no round trip.
 */
import type { Material, MaterialFile } from '../../data/materials.ts';
import { videoEmbedUrl } from '../../domain/rich-text.ts';
import { presignRead } from '../../lib/storage.ts';
import type { ImageUrls, MaterialFileResponse, MaterialResponse } from './schemas.ts';

const thumbnail = { contentType: 'image/webp' } as const;

/** A ready image's three URLs (a missing thumbnail falls back to the original). */
async function imageUrlsOf(file: MaterialFile): Promise<ImageUrls | undefined> {
  const objects = file.objects;
  if (file.status !== 'ready' || file.kind !== 'image' || !objects || !file.contentType) return undefined;
  const [original, small, large] = await Promise.all([
    presignRead(objects.original, { contentType: file.contentType }),
    objects.small ? presignRead(objects.small, thumbnail) : undefined,
    objects.large ? presignRead(objects.large, thumbnail) : undefined,
  ]);
  return { small: small ?? large ?? original, large: large ?? original, original };
}

/** A file as its reader sees it; a ready one with its URLs (images: three sizes; files: a download named as uploaded). */
export async function fileView(file: MaterialFile): Promise<MaterialFileResponse> {
  const view: MaterialFileResponse = {
    fileId: file.fileId,
    materialId: file.materialId,
    kind: file.kind,
    fileName: file.fileName,
    size: file.size,
    status: file.status,
    ...(file.reason ? { reason: file.reason } : {}),
    ...(file.contentType ? { contentType: file.contentType } : {}),
    ...(file.width !== undefined ? { width: file.width } : {}),
    ...(file.height !== undefined ? { height: file.height } : {}),
    authorId: file.authorId,
    authorName: file.authorName,
    createdAt: file.createdAt,
  };
  if (file.status !== 'ready' || !file.objects || !file.contentType) return view;
  if (file.kind === 'image') return { ...view, image: await imageUrlsOf(file) };
  return { ...view, url: await presignRead(file.objects.original, { contentType: file.contentType, download: file.fileName }) };
}

/** A material as its reader sees it; an album with its cover's URLs when `cover` (its cover file) is given. */
export async function materialView(material: Material, cover?: MaterialFile): Promise<MaterialResponse> {
  const coverUrls = cover ? await imageUrlsOf(cover) : undefined;
  return {
    materialId: material.materialId,
    projectId: material.projectId,
    area: material.area,
    kind: material.kind,
    title: material.title,
    description: material.description,
    status: material.status,
    authorId: material.authorId,
    authorName: material.authorName,
    createdAt: material.createdAt,
    ...(material.publishedAt ? { publishedAt: material.publishedAt } : {}),
    ...(material.video ? { video: { ...material.video, embedUrl: videoEmbedUrl(material.video.provider, material.video.videoId) } } : {}),
    fileCount: material.fileCount,
    ...(coverUrls ? { cover: coverUrls } : {}),
  };
}
