/**
 * The editor's Tiptap schema, built so that getJSON() is EXACTLY a document
 * of functions/domain/rich-text.ts: the node and mark names of the schema,
 * headings 2–4 only, no hard break, no other node. Three pieces are our own,
 * because Tiptap's would store what the document must not hold:
 * - `image` {materialId, fileId, alt}: a picture of the project's materials;
 *   its address is never stored (presigned URLs expire), the editor shows it
 *   from `editorImages`, filled by the page with the URLs the API issued;
 * - `video` {provider, videoId}: shown in the editor as a labelled box (no
 *   iframe while writing); the reader embeds it through videoEmbedUrl;
 * - `link` {href}: https and mailto only, no autolink (no linkifyjs), and a
 *   pasted link with any other address is pasted as plain text.
 * `toRichDoc` then drops what Tiptap adds that the schema does not hold
 * (defaults, nulls, the trailing empty paragraph). No DOM is needed to build
 * the schema (tests/unit/rich-editor-schema.test.ts uses it in node).
 */
import { Mark, Node, type Editor, type JSONContent } from '@tiptap/core';
import Blockquote from '@tiptap/extension-blockquote';
import Bold from '@tiptap/extension-bold';
import Document from '@tiptap/extension-document';
import Heading from '@tiptap/extension-heading';
import Italic from '@tiptap/extension-italic';
import { BulletList, ListItem, ListKeymap, OrderedList } from '@tiptap/extension-list';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import Underline from '@tiptap/extension-underline';
import { Gapcursor } from '@tiptap/extensions/gap-cursor';
import { TrailingNode } from '@tiptap/extensions/trailing-node';
import { UndoRedo } from '@tiptap/extensions/undo-redo';
import { TextSelection } from '@tiptap/pm/state';
import { isAllowedHref, richTextLimits, videoIdPatterns, videoProviders, type RichDoc, type VideoProvider } from '../../../../functions/domain/rich-text-core.ts';
import type { MediaUrls } from './RichText.tsx';

/** The URLs of the images the editor shows, by fileId (from the document's `media` and from the picker). */
export const editorImages = new Map<string, MediaUrls>();

/** The words shown inside the editing area (set by the editor from its labels). */
export const editorWords = { imageMissing: 'Image', video: 'Video: {provider} {id}' };

const ulid = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const providerNames: Record<VideoProvider, string> = { youtube: 'YouTube', vimeo: 'Vimeo' };

export const ImageNode = Node.create({
  name: 'image',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    // Not rendered as attributes of their own: renderHTML below decides what the editing area shows.
    return { materialId: { default: null, rendered: false }, fileId: { default: null, rendered: false }, alt: { default: null, rendered: false } };
  },
  parseHTML() {
    // Only what this editor rendered (cut and paste inside it): a pasted <img> from elsewhere is dropped.
    return [
      {
        tag: 'figure[data-file-id]',
        getAttrs: (element) => {
          const materialId = element.getAttribute('data-material-id') ?? '';
          const fileId = element.getAttribute('data-file-id') ?? '';
          if (!ulid.test(materialId) || !ulid.test(fileId)) return false;
          return { materialId, fileId, alt: (element.getAttribute('data-alt') ?? '').slice(0, richTextLimits.alt) || null };
        },
      },
    ];
  },
  renderHTML({ node }) {
    const { materialId, fileId, alt } = node.attrs as { materialId: string; fileId: string; alt: string | null };
    const frame = { class: 'rich-image', 'data-material-id': materialId, 'data-file-id': fileId, 'data-alt': alt ?? '' };
    const urls = editorImages.get(fileId);
    if (!urls) return ['figure', { ...frame, class: 'rich-image rich-missing' }, ['p', {}, alt || editorWords.imageMissing]];
    return ['figure', frame, ['img', { src: urls.small || urls.large, alt: alt ?? '' }]];
  },
});

export const VideoNode = Node.create({
  name: 'video',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    return { provider: { default: null, rendered: false }, videoId: { default: null, rendered: false } };
  },
  parseHTML() {
    return [
      {
        tag: 'div[data-video-id]',
        getAttrs: (element) => {
          const provider = element.getAttribute('data-video-provider') as VideoProvider;
          const videoId = element.getAttribute('data-video-id') ?? '';
          return videoProviders.includes(provider) && videoIdPatterns[provider].test(videoId) ? { provider, videoId } : false;
        },
      },
    ];
  },
  renderHTML({ node }) {
    const { provider, videoId } = node.attrs as { provider: VideoProvider; videoId: string };
    const words = editorWords.video.replace('{provider}', providerNames[provider] ?? provider).replace('{id}', videoId);
    return ['div', { class: 'rich-video-box', 'data-video-provider': provider, 'data-video-id': videoId }, words];
  },
});

export const LinkMark = Mark.create({
  name: 'link',
  // Outermost, as the renderer draws it; typing at its end does not extend it.
  priority: 1000,
  inclusive: false,
  addAttributes() {
    return { href: { default: null } };
  },
  parseHTML() {
    return [
      {
        tag: 'a[href]',
        getAttrs: (element) => {
          const href = element.getAttribute('href') ?? '';
          return isAllowedHref(href) ? { href } : false;
        },
      },
    ];
  },
  renderHTML({ HTMLAttributes }) {
    return ['a', { href: HTMLAttributes.href as string, rel: 'noopener noreferrer nofollow' }, 0];
  },
});

/** Every extension of the editor, in one list (the editor and the unit test build the same schema). */
export function richExtensions() {
  return [
    Document,
    Paragraph,
    Text,
    Heading.configure({ levels: [2, 3, 4] }),
    Bold,
    Italic,
    Underline,
    BulletList,
    OrderedList,
    ListItem,
    ListKeymap,
    Blockquote,
    ImageNode,
    VideoNode,
    LinkMark,
    UndoRedo,
    // A place for the caret before and after a picture or a video, and always a paragraph at the end to type in.
    Gapcursor,
    TrailingNode,
  ];
}

/**
 * Puts a picture or a video where the caret is, and the caret in a paragraph
 * after it (one is made when none follows): left selected, the next picture
 * or video would replace it.
 */
export function insertBlock(editor: Editor, node: { type: 'image' | 'video'; attrs: Record<string, string> }): void {
  editor
    .chain()
    .insertContent(node)
    .command(({ tr }) => {
      const after = tr.selection.to;
      if (!tr.doc.resolve(after).nodeAfter?.isTextblock) tr.insert(after, tr.doc.type.schema.nodes.paragraph!.create());
      tr.setSelection(TextSelection.create(tr.doc, after + 1));
      return true;
    })
    .run();
}

/** A document as the editor opens it: an empty one gets the one empty paragraph the editor's schema needs to type in. */
export const toEditorContent = (doc: RichDoc): JSONContent => (doc.content.length ? doc : { type: 'doc', content: [{ type: 'paragraph' }] });

/**
 * The editor's JSON as the document schema holds it: attributes outside the
 * schema (an ordered list's `type`, a start of 1, empty alt texts) dropped,
 * and the empty paragraphs the editor keeps at the end left out.
 */
export function toRichDoc(json: JSONContent): RichDoc {
  const content = (json.content ?? []).map(clean);
  while (content.length > 0 && isEmptyParagraph(content[content.length - 1]!)) content.pop();
  return { type: 'doc', content } as RichDoc;
}

const isEmptyParagraph = (node: JSONContent) => node.type === 'paragraph' && !(node.content ?? []).length;

function clean(node: JSONContent): JSONContent {
  const out: JSONContent = { type: node.type };
  if (node.type === 'text') {
    out.text = node.text;
    const marks = (node.marks ?? []).map((mark) => (mark.type === 'link' ? { type: 'link', attrs: { href: String(mark.attrs?.href ?? '') } } : { type: mark.type }));
    if (marks.length) out.marks = marks;
    return out;
  }
  const attrs = node.attrs ?? {};
  if (node.type === 'heading') out.attrs = { level: attrs.level };
  else if (node.type === 'orderedList') {
    const start = attrs.start;
    if (typeof start === 'number' && Number.isInteger(start) && start > 1 && start <= 100_000) out.attrs = { start };
  } else if (node.type === 'image') {
    out.attrs = { materialId: attrs.materialId, fileId: attrs.fileId, ...(attrs.alt ? { alt: String(attrs.alt) } : {}) };
  } else if (node.type === 'video') out.attrs = { provider: attrs.provider, videoId: attrs.videoId };
  if (node.content?.length) out.content = node.content.map(clean);
  return out;
}
