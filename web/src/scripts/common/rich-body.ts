/**
 * Rich text as the pages use it, pure (no DOM; unit-tested in node): the
 * dictionary keys the renderer and the editor read, the document an item
 * shows (its `content`, or its plain `body` read as paragraphs: items written
 * before rich text, and answers of an API not yet sending `content`), a
 * text's problem before it is sent (the same limits the API's schema
 * checks).
 */
import { isEmptyDoc, plainToDoc, richTextLimits, walkDoc, type RichDoc } from '../../../../functions/domain/rich-text-core.ts';
import type { DocumentMedia } from '../../components/kit/RichText.tsx';
import type { RichEditorLabels } from '../../components/kit/rich-editor-types.ts';
import type { MessageKey } from '../../i18n/index.ts';

/** What the renderer reads (every page that shows a text). */
export const richTextStrings = ['richText.video', 'richText.imageMissing', 'richText.videoMissing'] as const satisfies readonly MessageKey[];

/**
 * What the editor reads (pages with a form that writes a text): given to the
 * page's <Base strings> beside the island's own list (spread into that list,
 * the bundler would keep the whole array in the page's script).
 */
export const richEditorStrings = [
  'richEditor.toolbar',
  'richEditor.textStyle',
  'richEditor.paragraph',
  'richEditor.heading2',
  'richEditor.heading3',
  'richEditor.heading4',
  'richEditor.bold',
  'richEditor.boldShort',
  'richEditor.italic',
  'richEditor.italicShort',
  'richEditor.underline',
  'richEditor.underlineShort',
  'richEditor.bulletList',
  'richEditor.orderedList',
  'richEditor.blockquote',
  'richEditor.link',
  'richEditor.image',
  'richEditor.video',
  'richEditor.undo',
  'richEditor.redo',
  'richEditor.cancel',
  'richEditor.linkHeading',
  'richEditor.linkAddress',
  'richEditor.linkHint',
  'richEditor.linkRefused',
  'richEditor.linkApply',
  'richEditor.linkRemove',
  'richEditor.videoHeading',
  'richEditor.videoAddress',
  'richEditor.videoHint',
  'richEditor.videoRefused',
  'richEditor.videoInsert',
  'richEditor.imageHeading',
  'richEditor.albums',
  'richEditor.loadingAlbums',
  'richEditor.noAlbums',
  'richEditor.albumImages',
  'richEditor.noImages',
  'richEditor.backToAlbums',
  'richEditor.alt',
  'richEditor.altHint',
  'richEditor.altMissing',
  'richEditor.chooseImage',
  'richEditor.imageInsert',
  'richEditor.imageMissing',
  'richEditor.videoBox',
  'richEditor.loading',
  'richEditor.loadFailed',
  'richEditor.imageCount.one',
  'richEditor.imageCount.other',
  'richEditor.empty',
  'richEditor.tooLong',
  'richEditor.tooDeep',
  'richEditor.tooManyParts',
  'pagesArea.area.public',
  'pagesArea.area.pupils',
  'pagesArea.area.teachers',
  ...richTextStrings,
] as const satisfies readonly MessageKey[];

// Every word the editor asks for (RichEditorLabels, read as `richEditor.<name>`) is in the list above, so in the page's strings.
type MissingWord = Exclude<`richEditor.${keyof RichEditorLabels}`, (typeof richEditorStrings)[number]>;
export const everyEditorWordListed: [MissingWord] extends [never] ? true : MissingWord = true;

/** An item with a text as the API answers it: `content` (and `media`) once it sends them, `body` always. */
export interface RichItem {
  body: string;
  content?: RichDoc;
  media?: DocumentMedia;
}

/** The document an item shows: its content, else its plain text as paragraphs. */
export function itemDoc(item: { body: string }): RichDoc {
  const content = (item as RichItem).content;
  return content && Array.isArray(content.content) ? content : plainToDoc(item.body ?? '');
}

export const itemMedia = (item: { body: string }): DocumentMedia | undefined => (item as RichItem).media;

/**
 * A request whose `body` is a document. The API takes a document or a plain
 * string there (richBodyInput); this names the document side, whichever the
 * generated input type says today.
 */
export type WithRichBody<Request extends { body?: unknown }> = Omit<Request, 'body'> & ({} extends Pick<Request, 'body'> ? { body?: RichDoc } : { body: RichDoc });

export const emptyDoc = (): RichDoc => ({ type: 'doc', content: [] });

/** A text's problem before it is sent, as the API would answer it: empty (when it must not be), too long, too deep, too many parts. */
export type DocProblem = { key: 'richEditor.empty' | 'richEditor.tooDeep' | 'richEditor.tooManyParts' } | { key: 'richEditor.tooLong'; max: number; count: number };

export function docProblem(doc: RichDoc, { maxChars, required }: { maxChars: number; required: boolean }): DocProblem | undefined {
  if (required && isEmptyDoc(doc)) return { key: 'richEditor.empty' };
  let nodes = 0;
  let chars = 0;
  let deepest = 0;
  walkDoc(doc, (node, depth) => {
    nodes += 1;
    deepest = Math.max(deepest, depth);
    if (node.type === 'text') chars += [...node.text].length;
  });
  if (chars > maxChars) return { key: 'richEditor.tooLong', max: maxChars, count: chars };
  if (deepest > richTextLimits.depth) return { key: 'richEditor.tooDeep' };
  if (nodes > richTextLimits.nodes) return { key: 'richEditor.tooManyParts' };
  return undefined;
}
