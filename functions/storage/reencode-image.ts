/**
 * An accepted image, re-encoded with sharp: turned upright by its EXIF
 * orientation, then written again in its own format. sharp writes no metadata
 * unless asked (withMetadata/keepExif: never used here), so EXIF — GPS
 * position, camera, time — and XMP/IPTC never leave this function: a pupil's
 * photo must not tell where it was taken. Thumbnails are WebP at the
 * nominal widths, never enlarged. Animated GIF and WebP keep their frames.
 */
import sharp, { type Sharp } from 'sharp';
import { thumbnailPlan, type ImageFormat, type ThumbnailPlan } from '../domain/material-files.ts';

export interface ReencodedImage {
  original: Buffer;
  /** Upright dimensions (one frame of an animation). */
  width: number;
  height: number;
  thumbnails: (ThumbnailPlan & { bytes: Buffer })[];
}

/** Re-encoding quality: close to the upload (it is the file people download), thumbnails lighter. */
const originalQuality = 90;
const thumbnailQuality = 80;

function encode(image: Sharp, format: ImageFormat): Sharp {
  switch (format) {
    case 'jpeg':
      return image.jpeg({ quality: originalQuality });
    case 'png':
      return image.png();
    case 'gif':
      return image.gif();
    case 'webp':
      return image.webp({ quality: originalQuality });
  }
}

/** Throws when sharp cannot decode the bytes (processing rejects them as unreadable). */
export async function reencodeImage(bytes: Uint8Array, format: ImageFormat): Promise<ReencodedImage> {
  const upright = sharp(bytes, { animated: format === 'gif' || format === 'webp' }).rotate();
  const { data: original, info } = await encode(upright.clone(), format).toBuffer({ resolveWithObject: true });
  const height = info.pageHeight ?? info.height;
  const thumbnails = await Promise.all(
    thumbnailPlan(info.width).map(async (plan) => ({
      ...plan,
      bytes: await upright.clone().resize({ width: plan.nominalWidth, withoutEnlargement: true }).webp({ quality: thumbnailQuality }).toBuffer(),
    })),
  );
  return { original, width: info.width, height, thumbnails };
}
