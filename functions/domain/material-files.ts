/**
 * What processing makes of an upload (issue 10, "the upload is not trusted").
 * The browser named the file and declared its type and size; none of that is
 * believed. The bytes decide: their size against the kind's limit, their type
 * as `file-type` reads it from them, and for plain text (which has no magic
 * bytes) that they really are UTF-8 text and not markup a browser would render.
 * Pure: no I/O; process-upload.ts reads the bytes and runs sharp.
 */
import { acceptedTypes, materialLimits, type RejectionReason, type UploadKind } from './materials.ts';

/** What the uploader said (the pending file item), and what was found. */
export interface UploadFacts {
  kind: UploadKind;
  declaredType: string;
  /** The bytes stored under incoming/. */
  bytes: Uint8Array;
  /** `file-type`'s media type for the bytes; undefined when it recognised nothing. */
  detectedType: string | undefined;
}

export type UploadVerdict =
  /** Keep it, served as `contentType` (always a type read from the bytes). */
  | { accepted: true; contentType: string }
  | { accepted: false; reason: RejectionReason };

/** The type without its parameters: file-type names Opus 'audio/ogg; codecs=opus'. */
export function mediaTypeEssence(type: string): string {
  return type.split(';')[0].trim().toLowerCase();
}

/**
 * Markup a browser would render or run, at the start of the text (as a
 * browser's content sniffing looks for it) or anywhere for the dangerous ones.
 * A text file that only mentions "<b>" passes; one that is a page does not.
 */
const markupAtStart = /^(?:\ufeff)?\s*<(?:!doctype\s+html|html|head|body|script|iframe|svg|style|title|table|div|font|a|b|p|br|h1|!--|\?xml)[\s>/]/i;
const markupAnywhere = /<(?:script|iframe|svg|html|!doctype|object|embed)[\s>/]/i;

export function looksLikeMarkup(text: string): boolean {
  return markupAtStart.test(text) || markupAnywhere.test(text);
}

/** Plain text: valid UTF-8, no NUL (binary), and not markup. */
export function isPlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  return !text.includes('\u0000') && !looksLikeMarkup(text);
}

/** The type the bytes are, if it is one this kind accepts; plain text only when declared so and really text. */
function acceptedTypeOf(facts: UploadFacts): string | undefined {
  const accepted = acceptedTypes[facts.kind];
  if (facts.detectedType !== undefined) {
    const found = mediaTypeEssence(facts.detectedType);
    return accepted.includes(found) ? found : undefined;
  }
  const textDeclared = mediaTypeEssence(facts.declaredType) === 'text/plain';
  return textDeclared && accepted.includes('text/plain') && isPlainText(facts.bytes) ? 'text/plain' : undefined;
}

/**
 * The verdict on an upload's bytes. Too big is said first (S3 would have
 * refused the POST; s3rver does not). A type the kind does not accept is a
 * `type-mismatch` when the declared type was an accepted one (the bytes are
 * not what they claim: an HTML page named x.png), else `unsupported-type`.
 */
export function judgeUpload(facts: UploadFacts): UploadVerdict {
  if (facts.bytes.byteLength > materialLimits.bytes[facts.kind]) return { accepted: false, reason: 'too-large' };
  if (facts.bytes.byteLength === 0) return { accepted: false, reason: 'unreadable' };
  const contentType = acceptedTypeOf(facts);
  if (contentType !== undefined) return { accepted: true, contentType };
  const declaredAccepted = acceptedTypes[facts.kind].includes(mediaTypeEssence(facts.declaredType));
  return { accepted: false, reason: declaredAccepted ? 'type-mismatch' : 'unsupported-type' };
}

/** The size the S3 event announced, before reading: too big is refused without loading it. */
export function tooLargeToRead(kind: UploadKind, announcedBytes: number): boolean {
  return announcedBytes > materialLimits.bytes[kind];
}

/** sharp's output format for an accepted image type: an image is re-encoded in its own format. */
export type ImageFormat = 'jpeg' | 'png' | 'gif' | 'webp';
const imageFormats: Readonly<Record<string, ImageFormat>> = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/gif': 'gif', 'image/webp': 'webp' };

export function imageFormatOf(contentType: string): ImageFormat | undefined {
  return imageFormats[contentType];
}

/** A thumbnail to make: its name (the object key's width) and its real width (never enlarged). */
export interface ThumbnailPlan {
  size: 'small' | 'large';
  /** The nominal width that names the object (w320.webp, w1280.webp). */
  nominalWidth: number;
  /** What it comes out at: the nominal width, or the image's own when narrower. */
  width: number;
}

export function thumbnailPlan(imageWidth: number): ThumbnailPlan[] {
  const [small, large] = materialLimits.thumbnailWidths;
  return [
    { size: 'small', nominalWidth: small, width: Math.min(small, imageWidth) },
    { size: 'large', nominalWidth: large, width: Math.min(large, imageWidth) },
  ];
}

/**
 * How the project's usage moves when the file is settled: the upload request
 * reserved the declared size; a ready file holds what was stored (original +
 * thumbnails), a rejected one nothing.
 */
export function usageDelta(declaredSize: number, outcome: { storedBytes: number } | 'rejected'): number {
  return outcome === 'rejected' ? -declaredSize : outcome.storedBytes - declaredSize;
}
