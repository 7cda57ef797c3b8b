/**
 * The Materials tab's rules, pure (no DOM; unit-tested in node): the strings
 * its island needs, which area it opens on, what the member's type may do
 * with a material (read from the one policy table: 'add-material',
 * 'publish-material', 'delete-material'), sizes and format names in words,
 * and the dictionary key of each status and rejection reason. The server
 * decides in the end; these rules only keep the page from offering what it
 * refuses. The new-material form's rule is in material-form-page.ts and an
 * upload's (file checks, progress) in upload-page.ts: a module's code goes
 * whole into the chunk that needs it, and those two load only on demand.
 */
import { areas, mayReadArea, type Area } from '../../../../../functions/domain/areas.ts';
import { materialLimits, type MaterialKind, type RejectionReason, type UploadKind } from '../../../../../functions/domain/materials.ts';
import { mayAddIn, mayDeleteFile as mayDeleteFileByRules, mayDeleteMaterial, mayPublishIn, mayUploadInto } from '../../../../../functions/domain/material-rules.ts';
import type { TwinspaceType } from '../../../../../functions/domain/twinspace-types.ts';
import type { MaterialFileResponse, MaterialResponse } from '../../../../../functions/http/materials/schemas.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { heldNoticeStrings, personalDataWarningStrings } from '../../common/held-words.ts';

/** Every dictionary entry the island reads (rendered into data-strings by the page). */
export const materialsStrings = [
  ...heldNoticeStrings,
  ...personalDataWarningStrings,
  'site.name',
  'twinspace.missingId',
  'twinspace.notFound',
  'common.loading',
  'common.busy',
  'common.error',
  'common.sessionExpired',
  'common.unreachable',
  'pagesArea.area',
  'pagesArea.area.public',
  'pagesArea.area.pupils',
  'pagesArea.area.teachers',
  'materials.title',
  'materials.titleOf',
  'materials.back',
  'materials.areas',
  'materials.list.album',
  'materials.list.folder',
  'materials.list.video',
  'materials.none.album',
  'materials.none.folder',
  'materials.none.video',
  'materials.more',
  'materials.new',
  'materials.kind',
  'materials.kind.album',
  'materials.kind.folder',
  'materials.kind.video',
  'materials.materialTitle',
  'materials.description',
  'materials.videoUrl',
  'materials.videoUrlHint',
  'materials.create',
  'materials.created',
  'materials.createdPending',
  'materials.titleMissing',
  'materials.titleTooLong',
  'materials.descriptionTooLong',
  'materials.videoUrlMissing',
  'materials.videoUrlInvalid',
  'materials.checkFields',
  'materials.by',
  'materials.addedOn',
  'materials.status.pending',
  'materials.status.published',
  'materials.images.one',
  'materials.images.other',
  'materials.files.one',
  'materials.files.other',
  'materials.publish',
  'materials.publishedDone',
  'materials.delete',
  'materials.confirmDelete',
  'materials.deleted',
  'materials.cancel',
  'materials.deleteFile',
  'materials.confirmDeleteFile',
  'materials.fileDeleted',
  'materials.backToList',
  'materials.whereYouAre',
  'materials.notFound',
  'materials.noArea',
  'materials.closed',
  'materials.notOpen',
  'materials.guide.pupil-member',
  'materials.guide.pupil-admin',
  'materials.noImages',
  'materials.noFiles',
  'materials.imagesHeading',
  'materials.filesHeading',
  'materials.showLarge',
  'materials.fileFacts',
  'materials.file.pending',
  'materials.file.rejected',
  'materials.upload.images',
  'materials.upload.files',
  'materials.upload.chooseImages',
  'materials.upload.chooseFiles',
  'materials.upload.imagesHint',
  'materials.upload.filesHint',
  'materials.upload.send',
  'materials.upload.nothingChosen',
  'materials.upload.list',
  'materials.upload.progressOf',
  'materials.upload.waiting',
  'materials.upload.sending',
  'materials.upload.checking',
  'materials.upload.ready',
  'materials.upload.failed',
  'materials.upload.slow',
  'materials.refused.too-large',
  'materials.refused.type.image',
  'materials.refused.type.file',
  'materials.refused.empty',
  'materials.rejected.type-mismatch.image',
  'materials.rejected.type-mismatch.file',
  'materials.rejected.unsupported-type',
  'materials.rejected.too-large',
  'materials.rejected.unreadable',
  'materials.videoTitle',
] as const satisfies readonly MessageKey[];

/** The area's name in the dictionary (the pages' words: the same three areas). */
export const areaKey = (area: Area): MessageKey => `pagesArea.area.${area}`;

/** The kinds in the order the tab lists them. */
export const kindsShown = ['album', 'folder', 'video'] as const satisfies readonly MaterialKind[];

/** The areas this type reads and adds materials to (teachers: all three; pupils: theirs; visitors: none). */
export function addableAreas(type: TwinspaceType): Area[] {
  return areas.filter((area) => mayReadArea(type, area) && mayAddIn(type, area));
}

/**
 * The area the tab shows: the one in the address when this type reads it;
 * otherwise the first area the member adds to (a pupil: the pupils' area),
 * else the public one. `refused`: an area was asked for that this type does not read.
 */
export function chosenArea(type: TwinspaceType, requested: string | null): { area: Area; refused: boolean } {
  const asked = areas.find((area) => area === requested && mayReadArea(type, area));
  if (asked) return { area: asked, refused: false };
  return { area: addableAreas(type)[0] ?? 'public', refused: !!requested };
}

/** One sentence for pupils on what happens to what they add (the table's publish-material row); none for others. */
export function guidanceFor(type: TwinspaceType): MessageKey | undefined {
  if (type === 'pupil-member' || type === 'pupil-admin') return `materials.guide.${type}`;
  return undefined;
}

/** What a material offers this member: nothing in a project that is not open (`writable` false). */
export interface MaterialControls {
  publish: boolean;
  delete: boolean;
  /** Upload images (album) or files (folder) into it. */
  upload: boolean;
}

type MaterialFacts = Pick<MaterialResponse, 'area' | 'kind' | 'status' | 'authorId'>;

/** The API's own rules (functions/domain/material-rules.ts), so the tab offers exactly what the API then accepts. */
export function materialControls(type: TwinspaceType, me: string, material: MaterialFacts, writable: boolean): MaterialControls {
  if (!writable) return { publish: false, delete: false, upload: false };
  return {
    publish: material.status === 'pending' && mayPublishIn(type, material.area),
    delete: mayDeleteMaterial(type, me, material),
    // Into one's own album or folder, or any of an area one publishes in; a pupil member's published one is frozen for them.
    upload: mayUploadInto(type, me, material),
  };
}

/** Who may delete one file: its uploader, or whoever may delete the material it is in. */
export function mayDeleteFile(type: TwinspaceType, me: string, material: MaterialFacts, file: Pick<MaterialFileResponse, 'authorId'>, writable: boolean): boolean {
  return writable && mayDeleteFileByRules(type, me, file, material);
}

/** The status badge's words. */
export const statusKey = (status: MaterialResponse['status']): MessageKey => `materials.status.${status}`;

/** A file name's ending, lower case ('' when it has none). */
export const extensionOf = (fileName: string): string => /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';

/** The sentence for a file processing removed; `{format}` is what it claimed to be, `{limit}` the kind's limit. */
export const rejectionKey = (reason: RejectionReason, kind: UploadKind): MessageKey =>
  reason === 'type-mismatch' ? `materials.rejected.type-mismatch.${kind}` : `materials.rejected.${reason}`;

/** Short names of the formats (the same in both languages). */
const formatNames: Readonly<Record<string, string>> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/gif': 'GIF',
  'image/webp': 'WebP',
  'application/pdf': 'PDF',
  'text/plain': 'TXT',
  'audio/mpeg': 'MP3',
};

/** A file's format in a word: from its type when it is a well-known one, else its name's ending (e.g. DOCX). */
export function formatName(contentType: string | undefined, fileName: string): string {
  const known = contentType ? formatNames[contentType] : undefined;
  if (known) return known;
  const ending = extensionOf(fileName);
  if (ending) return ending.toUpperCase();
  return contentType?.split('/')[1]?.toUpperCase() ?? '?';
}

const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** A size in the reader's words: bytes, kB, MB or GB (powers of 1,024, as the limits are), one decimal at most. */
export function formatSize(bytes: number, locale: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
}

/** The limit of a kind in words (10 MB, 50 MB). */
export const limitText = (kind: UploadKind, locale: string): string => formatSize(materialLimits.bytes[kind], locale);
