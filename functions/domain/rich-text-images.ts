/**
 * Which images a rich-text document may show (issue 10). An image is a file
 * of one of the project's albums, and an album belongs to an area; a document
 * is read by the readers of ITS area. So a document may show an image only if
 * nobody who reads the document is kept out of the image's area: every type
 * that reads the document's area also reads the album's area (the policy
 * table, through areas.ts `mayReadArea`, over the five TwinSpace types).
 * Otherwise a pupils'-area photo in a public page would reach visitors and
 * the signed-out public page, whom the pupils' area is closed to.
 *
 * Beside the area, the image must be a READY image file of THIS project (a
 * pending upload is not checked yet; a rejected one never shows) in a
 * PUBLISHED album (a pupil member's waiting album is not shown to anyone but
 * its author and those who publish it).
 *
 * Pure: the handler reads the file (T4) and its album (T2) in one BatchGet
 * (functions/data/material-media.ts) and asks `imageRefusal`.
 */
import { mayReadArea, type Area } from './areas.ts';
import type { RichDoc, RichImage } from './rich-text.ts';
import { twinspaceTypes, type TwinspaceType } from './twinspace-types.ts';

/** Distinct images one document may show: one BatchGet reads them with their albums. */
export const documentImagesMax = 100;

/** The types that read an area (policy table). */
export function readersOf(area: Area): TwinspaceType[] {
  return twinspaceTypes.filter((type) => mayReadArea(type, area));
}

/** Every reader of the document's area also reads the album's area: readers(document) ⊆ readers(album). */
export function everyReaderSees(documentArea: Area, albumArea: Area): boolean {
  return readersOf(documentArea).every((type) => mayReadArea(type, albumArea));
}

/** What the rule needs of a stored image file (T4); undefined when there is none. */
export interface ImageFileFacts {
  projectId: string;
  materialId: string;
  kind: string;
  status: string;
}

/** What the rule needs of a stored material (T2); undefined when there is none. */
export interface AlbumFacts {
  projectId: string;
  kind: string;
  status: string;
  area: Area;
}

/** Why an image of another area may not be shown, by that area (a public album is seen by every reader). */
const areaRefusals: Record<Exclude<Area, 'public'>, string> = {
  pupils: "This image is in the pupils' area, which not every reader of this text may see. Choose an image of an album its readers all see.",
  teachers: "This image is in the teachers' area, which not every reader of this text may see. Choose an image of an album its readers all see.",
};

/**
 * Why this document (of `documentArea`, in project `projectId`) may not show
 * this image, or undefined when it may. `image` is the node's reference,
 * `file` and `album` what the table holds under it (undefined: nothing).
 */
export function imageRefusal(
  projectId: string,
  documentArea: Area,
  image: Pick<RichImage['attrs'], 'materialId'>,
  file: ImageFileFacts | undefined,
  album: AlbumFacts | undefined,
): string | undefined {
  const ofThisProject =
    file !== undefined &&
    album !== undefined &&
    file.projectId === projectId &&
    album.projectId === projectId &&
    file.materialId === image.materialId &&
    file.kind === 'image' &&
    album.kind === 'album';
  if (!ofThisProject) return "This image is not an image of this project's albums.";
  if (file.status !== 'ready') return 'This image is not ready: it is still being checked, or it was refused.';
  if (album.status !== 'published') return "This image's album is not published yet.";
  if (!everyReaderSees(documentArea, album.area)) return areaRefusals[album.area as Exclude<Area, 'public'>];
  return undefined;
}

/** An image node where it stands: its reference and its path inside the document (for the 400's details). */
export interface PlacedImage {
  attrs: RichImage['attrs'];
  path: (string | number)[];
}

/** Every image node of a document, in order, with its path (['content', 3] or ['content', 1, 'content', 0, 'content', 2]). */
export function placedImages(doc: RichDoc): PlacedImage[] {
  const found: PlacedImage[] = [];
  const walk = (nodes: readonly { type: string; content?: unknown; attrs?: unknown }[] | undefined, path: (string | number)[]) => {
    (nodes ?? []).forEach((node, index) => {
      const here = [...path, 'content', index];
      if (node.type === 'image') found.push({ attrs: node.attrs as RichImage['attrs'], path: here });
      else if (Array.isArray(node.content)) walk(node.content as typeof nodes, here);
    });
  };
  walk(doc.content, []);
  return found;
}

/** The distinct images a document shows, by material and file (a node naming a file of another album counts apart, and is checked apart). */
export function distinctImages(placed: readonly PlacedImage[]): PlacedImage[] {
  const seen = new Map<string, PlacedImage>();
  for (const image of placed) {
    const key = `${image.attrs.materialId}#${image.attrs.fileId}`;
    if (!seen.has(key)) seen.set(key, image);
  }
  return [...seen.values()];
}
