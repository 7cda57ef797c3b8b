/**
 * The rich-text document (issue 10) without its schema: the types, the
 * video and link rules, and the pure helpers. Kept free of zod on purpose:
 * the site bundles these (the renderer and the editor check links and videos
 * with the same functions the API does) and zod would add ~25 KB gzipped to
 * every page that shows a text. The schema itself, which re-exports all of
 * this, is functions/domain/rich-text.ts.
 *
 * Pure: no I/O.
 */

import { hasVisibleText } from './visible-text.ts';

/** Video providers shown through their privacy-enhanced embeds only. */
export const videoProviders = ['youtube', 'vimeo'] as const;
export type VideoProvider = (typeof videoProviders)[number];

/** A YouTube id is 11 characters of [A-Za-z0-9_-]; a Vimeo id is digits. */
export const videoIdPatterns: Readonly<Record<VideoProvider, RegExp>> = {
  youtube: /^[A-Za-z0-9_-]{11}$/,
  vimeo: /^\d{1,12}$/,
};

/** The only iframe sources ever rendered: youtube-nocookie and Vimeo with do-not-track. */
export function videoEmbedUrl(provider: VideoProvider, videoId: string): string {
  return provider === 'youtube' ? `https://www.youtube-nocookie.com/embed/${videoId}` : `https://player.vimeo.com/video/${videoId}?dnt=1`;
}

/** Links: https and mailto only (no javascript:, data:, http: or relative links). */
export const allowedLinkProtocols = ['https:', 'mailto:'] as const;
export function isAllowedHref(href: string): boolean {
  if (href.length > 2_000 || /[\s\u0000-\u001f]/.test(href)) return false;
  try {
    const url = new URL(href);
    return (allowedLinkProtocols as readonly string[]).includes(url.protocol) && (url.protocol === 'mailto:' || url.hostname.length > 0);
  } catch {
    return false;
  }
}

export const richTextLimits = {
  /** Nodes (text runs included) in one document. */
  nodes: 5_000,
  /** Lists and quotes nest at most this deep. */
  depth: 8,
  /** Characters of alt text on an image. */
  alt: 300,
} as const;

/** A mark on a run of text. */
export type RichMark = { type: 'bold' } | { type: 'italic' } | { type: 'underline' } | { type: 'link'; attrs: { href: string } };

/** A run of text with its marks. */
export interface RichText {
  type: 'text';
  text: string;
  marks?: RichMark[];
}

export interface RichParagraph {
  type: 'paragraph';
  content?: RichText[];
}
export interface RichHeading {
  type: 'heading';
  attrs: { level: 2 | 3 | 4 };
  content?: RichText[];
}
export interface RichListItem {
  type: 'listItem';
  content: RichBlock[];
}
export interface RichBulletList {
  type: 'bulletList';
  content: RichListItem[];
}
export interface RichOrderedList {
  type: 'orderedList';
  attrs?: { start?: number; type?: null };
  content: RichListItem[];
}
export interface RichBlockquote {
  type: 'blockquote';
  content: RichBlock[];
}
/** An image of the project's materials: a ready image file of an album. */
export interface RichImage {
  type: 'image';
  attrs: { materialId: string; fileId: string; alt?: string };
}
/** A video of an allowed provider, by id (never a URL: the embed URL is made by videoEmbedUrl). */
export interface RichVideo {
  type: 'video';
  attrs: { provider: VideoProvider; videoId: string };
}
export type RichBlock = RichParagraph | RichHeading | RichBulletList | RichOrderedList | RichBlockquote | RichImage | RichVideo;
export interface RichDoc {
  type: 'doc';
  content: RichBlock[];
}

/** Walks every node once: calls visit(node, depth) for blocks, list items and text runs. */
export function walkDoc(doc: RichDoc, visit: (node: RichBlock | RichListItem | RichText, depth: number) => void): void {
  const walk = (nodes: readonly (RichBlock | RichListItem | RichText)[] | undefined, depth: number) => {
    for (const node of nodes ?? []) {
      visit(node, depth);
      if ('content' in node) walk(node.content as (RichBlock | RichListItem | RichText)[] | undefined, depth + 1);
    }
  };
  walk(doc.content, 1);
}

/** Every document's plain text, as a reader would read it aloud (lists with "- ", blocks apart by a blank line). */
export function docToPlainText(doc: RichDoc): string {
  const inline = (content?: RichText[]) => (content ?? []).map((run) => run.text).join('');
  const blocks = (nodes: readonly RichBlock[], prefix = ''): string[] =>
    nodes.flatMap((node): string[] => {
      switch (node.type) {
        case 'paragraph':
        case 'heading':
          return [prefix + inline(node.content)];
        case 'bulletList':
        case 'orderedList':
          return node.content.map((item, index) => {
            const bullet = node.type === 'bulletList' ? '- ' : `${(node.attrs?.start ?? 1) + index}. `;
            return blocks(item.content, '').map((line, lineIndex) => (lineIndex === 0 ? prefix + bullet + line : `${prefix}  ${line}`)).join('\n');
          });
        case 'blockquote':
          return blocks(node.content, `${prefix}> `);
        case 'image':
          return node.attrs.alt ? [`${prefix}[${node.attrs.alt}]`] : [];
        case 'video':
          return [prefix + videoEmbedUrl(node.attrs.provider, node.attrs.videoId)];
      }
    });
  return blocks(doc.content).filter((line) => line.trim() !== '').join('\n\n');
}

/** Today's plain text (items written before rich text) read as paragraphs: one per line, blank lines dropped. */
export function plainToDoc(text: string): RichDoc {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  return { type: 'doc', content: lines.map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] })) };
}

/** The images a document shows, in order, each once. */
export function docImages(doc: RichDoc): RichImage['attrs'][] {
  const seen = new Map<string, RichImage['attrs']>();
  walkDoc(doc, (node) => {
    if (node.type === 'image' && !seen.has(node.attrs.fileId)) seen.set(node.attrs.fileId, node.attrs);
  });
  return [...seen.values()];
}

/**
 * Whether a document has no text and no media (an empty page body is allowed,
 * an empty post is not). Text counts when it shows something
 * (visible-text.ts): spaces or zero-width characters alone are no text.
 */
export function isEmptyDoc(doc: RichDoc): boolean {
  let empty = true;
  walkDoc(doc, (node) => {
    if (node.type === 'image' || node.type === 'video' || (node.type === 'text' && hasVisibleText(node.text))) empty = false;
  });
  return empty;
}
