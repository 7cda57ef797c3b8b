/**
 * A rich-text document as the pupil guard reads it (issue 12): its plain text
 * (docToPlainText, what a reader reads) followed by the addresses its links go
 * to, which are not in that text yet reached with one click: a pupil's
 * "follow me" linked to instagram.com/… or mailto:… shares as much as the
 * address written out. Videos are left out: the schema lets only a YouTube or
 * Vimeo video id through (the editor's video node), and its embed address read
 * as text ("youtube … dQw4w9WgXcQ") looked like a handle. Pure.
 */
import { docToPlainText, walkDoc, type RichBlock, type RichDoc } from './rich-text-core.ts';

/** The blocks without their videos, at any depth (a video in a quote or a list item). */
function withoutVideos(blocks: readonly RichBlock[]): RichBlock[] {
  return blocks
    .filter((block) => block.type !== 'video')
    .map((block) => {
      if (block.type === 'blockquote') return { ...block, content: withoutVideos(block.content) };
      if (block.type === 'bulletList' || block.type === 'orderedList') {
        return { ...block, content: block.content.map((item) => ({ ...item, content: withoutVideos(item.content) })) };
      }
      return block;
    });
}

export function guardedTextOf(doc: RichDoc): string {
  const text = docToPlainText({ ...doc, content: withoutVideos(doc.content) });
  const hidden = new Set<string>();
  walkDoc(doc, (node) => {
    if (node.type !== 'text') return;
    for (const mark of node.marks ?? []) if (mark.type === 'link' && !text.includes(mark.attrs.href)) hidden.add(mark.attrs.href);
  });
  return [text, ...hidden].filter((part) => part !== '').join('\n\n');
}
