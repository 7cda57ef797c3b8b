/**
 * A rich-text document's pure functions, without its zod schema (issue 10):
 * the embed URL of a video, walking a document, its plain text, plain text as
 * a document, its images, whether it is empty. Apart from rich-text.ts (which
 * re-exports them, so callers import either) because that module builds the
 * schema when it loads, which brings zod's full build into every bundle that
 * imports it: the repositories read stored documents with plainToDoc, and
 * functions that use zod's small build (scheduled jobs) must not grow by
 * 40 KB for it. Types are imported from rich-text.ts, which costs nothing.
 */
import type { RichBlock, RichDoc, RichImage, RichListItem, RichText, VideoProvider } from './rich-text.ts';

/** The only iframe sources ever rendered: youtube-nocookie and Vimeo with do-not-track. */
export function videoEmbedUrl(provider: VideoProvider, videoId: string): string {
  return provider === 'youtube' ? `https://www.youtube-nocookie.com/embed/${videoId}` : `https://player.vimeo.com/video/${videoId}?dnt=1`;
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

/** Whether a document has no text and no media (an empty page body is allowed, an empty post is not). */
export function isEmptyDoc(doc: RichDoc): boolean {
  let empty = true;
  walkDoc(doc, (node) => {
    if (node.type === 'image' || node.type === 'video' || (node.type === 'text' && node.text.trim() !== '')) empty = false;
  });
  return empty;
}
