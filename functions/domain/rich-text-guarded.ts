/**
 * A rich-text document as the pupil guard reads it (issue 12): its plain text
 * (docToPlainText, what a reader reads) followed by the addresses its links go
 * to, which are not in that text yet reached with one click: a pupil's
 * "follow me" linked to instagram.com/… or mailto:… shares as much as the
 * address written out. Pure.
 */
import { docToPlainText, walkDoc, type RichDoc } from './rich-text-core.ts';

export function guardedTextOf(doc: RichDoc): string {
  const text = docToPlainText(doc);
  const hidden = new Set<string>();
  walkDoc(doc, (node) => {
    if (node.type !== 'text') return;
    for (const mark of node.marks ?? []) if (mark.type === 'link' && !text.includes(mark.attrs.href)) hidden.add(mark.attrs.href);
  });
  return [text, ...hidden].filter((part) => part !== '').join('\n\n');
}
