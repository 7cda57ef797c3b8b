/**
 * The kit's rich-text renderer and field as the pages use them, with the
 * page's words: `Body` shows an item's text (its document, else its plain
 * body as paragraphs), `TextField` is a form's rich-text field with the
 * project's albums as its picture source (album-source.ts), and `problemWords` says a text's
 * problem (rich-body.ts) in the page's language.
 */
import type { Area } from '../../../../functions/domain/areas.ts';
import type { RichDoc } from '../../../../functions/domain/rich-text-core.ts';
import { RichField } from '../../components/kit/RichField.tsx';
import { RichText, type DocumentMedia, type RichTextLabels } from '../../components/kit/RichText.tsx';
import type { ImageSource, RichEditorLabels } from '../../components/kit/rich-editor-types.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { fill, t } from './page.ts';
import { itemDoc, itemMedia, type DocProblem } from './rich-body.ts';

const readerLabels = (): RichTextLabels => ({ video: t('richText.video'), imageMissing: t('richText.imageMissing'), videoMissing: t('richText.videoMissing') });

/** An item's text: `headingLevel` is the level its headings start at here (one under the heading above it). */
export function Body({ item, headingLevel, id, class: className }: { item: { body: string }; headingLevel: number; id?: string; class?: string }) {
  return <RichText doc={itemDoc(item)} media={itemMedia(item)} labels={readerLabels()} headingLevel={headingLevel} id={id} class={className} />;
}

/**
 * The editor's words: each one is the dictionary's `richEditor.<name>`, read
 * when the editor shows it (a lookup, not an object of ~50 entries in every
 * page that edits). rich-body.ts checks that every name has its key.
 */
const editorLabels = new Proxy({} as RichEditorLabels, { get: (_, name) => t(`richEditor.${String(name)}` as MessageKey) });

/**
 * The picture source of a document of `area` (album-source.ts), fetched with
 * the image dialog's first question: pages that never open it never load it.
 */
function lazyAlbums(projectId: string, area: Area): ImageSource {
  const source = () => import('./album-source.ts').then((module) => module.albumSource(projectId, area));
  return { albums: () => source().then((read) => read.albums()), images: (materialId) => source().then((read) => read.images(materialId)) };
}

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: RichDoc;
  onChange: (doc: RichDoc) => void;
  media?: DocumentMedia;
  /** The project and the area the document is read in (its pictures come from there); without them, no image button. */
  pictures?: { projectId: string; area: Area };
  load?: 'now' | 'on-focus';
  rows?: number;
}

/** A form's rich-text field, with the page's words. */
export function TextField({ pictures, ...props }: FieldProps) {
  return <RichField {...props} labels={editorLabels} images={pictures ? lazyAlbums(pictures.projectId, pictures.area) : undefined} />;
}

/** A text's problem in words. */
export const problemWords = (problem: DocProblem): string =>
  problem.key === 'richEditor.tooLong' ? fill(problem.key, { max: String(problem.max), count: String(problem.count) }) : t(problem.key);
