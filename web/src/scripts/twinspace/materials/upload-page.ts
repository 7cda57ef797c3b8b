/**
 * An upload's rules, pure (unit-tested in node): the type a chosen file is
 * declared as (as the server names types), the file input's `accept`, why a
 * file is not sent at all (empty, not an accepted type, over the limit: the
 * server would refuse it; it and processing check again), the progress in
 * whole percent, and how often to ask whether processing is done. Its own
 * module because the uploader's code is loaded only when a member opens it
 * (the page's 30 KB budget).
 */
import { acceptedTypes, materialLimits, type UploadKind } from '../../../../../functions/domain/materials.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { extensionOf } from './materials-page.ts';

/**
 * Types browsers name differently from file-type (which the server's lists
 * follow): old Office files are OLE compound files, an MP3 may come as
 * audio/mp3. The declared type is sent as the server names it.
 */
const typeAliases: Readonly<Record<string, string>> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'application/msword': 'application/x-cfb',
  'application/vnd.ms-excel': 'application/x-cfb',
  'application/vnd.ms-powerpoint': 'application/x-cfb',
  'audio/mp3': 'audio/mpeg',
  'audio/vnd.wave': 'audio/wav',
  'audio/wave': 'audio/wav',
};

/** When the browser names no type (or only "bytes"), the name's ending says what the file claims to be. */
const typeOfExtension: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  doc: 'application/x-cfb',
  xls: 'application/x-cfb',
  ppt: 'application/x-cfb',
  txt: 'text/plain',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  opus: 'audio/opus',
  wav: 'audio/wav',
  aac: 'audio/aac',
  m4a: 'audio/x-m4a',
  flac: 'audio/flac',
  weba: 'audio/webm',
};

/** The type to declare for a chosen file: the browser's, as the server names it, or the name's ending's. */
export function declaredType(file: { name: string; type: string }): string {
  const browser = file.type.toLowerCase().split(';')[0]!.trim();
  if (browser && browser !== 'application/octet-stream') return typeAliases[browser] ?? browser;
  return typeOfExtension[extensionOf(file.name)] ?? (browser || 'application/octet-stream');
}

/** The file input's `accept`: the accepted types, and the endings of those browsers name otherwise (old Office, audio). */
export function acceptAttribute(kind: UploadKind): string {
  const endings = Object.entries(typeOfExtension)
    .filter(([, type]) => acceptedTypes[kind].includes(type))
    .map(([ending]) => `.${ending}`);
  return [...acceptedTypes[kind], ...endings].join(',');
}

/** Why a chosen file is not sent at all (the server would refuse it), as a dictionary key; undefined when it may go. */
export function fileRefusal(kind: UploadKind, file: { name: string; size: number; type: string }): MessageKey | undefined {
  if (file.size <= 0) return 'materials.refused.empty';
  if (!acceptedTypes[kind].includes(declaredType(file))) return `materials.refused.type.${kind}`;
  if (file.size > materialLimits.bytes[kind]) return 'materials.refused.too-large';
  return undefined;
}

/** Whole percent of an upload sent so far, 0–100 (an unknown total is 0). */
export function progressPercent(loaded: number, total: number): number {
  if (!(total > 0) || !(loaded > 0)) return 0;
  return Math.min(100, Math.floor((loaded / total) * 100));
}

/** How long to wait before asking again whether processing is done: soon at first, then less often. */
export function pollDelay(attempt: number): number {
  return Math.min(500 * 1.5 ** attempt, 5_000);
}

/** Processing that takes longer than this is said to be slow (the file is still checked; a later look shows it). */
export const pollPatienceMs = 120_000;
