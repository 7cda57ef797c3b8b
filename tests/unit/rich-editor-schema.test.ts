/**
 * The editor's Tiptap schema (web/src/components/kit/rich-editor-schema.ts)
 * against THE document schema (functions/domain/rich-text.ts): what the
 * editor produces for every node and mark is accepted by richDocSchema, a
 * document of every kind goes in and comes out unchanged, and the schema has
 * exactly the document's node and mark names. Tiptap's Editor runs headless
 * here (no DOM: element null), driven by the same commands as the toolbar.
 */
import { Editor, getSchema, type JSONContent } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { richDocSchema, type RichDoc } from '../../functions/domain/rich-text.ts';
import { insertBlock, richExtensions, toEditorContent, toRichDoc } from '../../web/src/components/kit/rich-editor-schema.ts';

const materialId = '01HZY3N5M0V7Q8R9S0T1V2W3X4';
const fileId = '01HZY3N5M0V7Q8R9S0T1V2W3X5';
const text = (value: string, marks?: RichDoc['content'][number] extends never ? never : unknown[]) => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
const paragraph = (...content: unknown[]) => ({ type: 'paragraph', ...(content.length ? { content } : {}) });
const docOf = (...content: unknown[]) => ({ type: 'doc', content }) as RichDoc;

let editor: Editor | undefined;
afterEach(() => editor?.destroy());
const open = (content: JSONContent) => (editor = new Editor({ element: null, extensions: richExtensions(), content }));
/** What the form sends, checked by the API's schema. */
const sent = (from: Editor) => {
  const doc = toRichDoc(from.getJSON());
  const parsed = richDocSchema(20_000).safeParse(doc);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  return doc;
};

describe('the editor schema', () => {
  it('has exactly the document’s nodes and marks', () => {
    const schema = getSchema(richExtensions());
    expect(Object.keys(schema.nodes).sort()).toEqual(['blockquote', 'bulletList', 'doc', 'heading', 'image', 'listItem', 'orderedList', 'paragraph', 'text', 'video']);
    expect(Object.keys(schema.marks).sort()).toEqual(['bold', 'italic', 'link', 'underline']);
  });

  it('takes a document of every node and mark and gives it back unchanged', () => {
    const item = (...content: unknown[]) => ({ type: 'listItem', content });
    const every = docOf(
      { type: 'heading', attrs: { level: 2 }, content: [text('River')] },
      { type: 'heading', attrs: { level: 3 }, content: [text('Depth')] },
      { type: 'heading', attrs: { level: 4 }, content: [text('Width')] },
      paragraph(text('plain '), text('bold', [{ type: 'bold' }]), text(' and '), text('all', [{ type: 'link', attrs: { href: 'https://example.org/' } }, { type: 'bold' }, { type: 'italic' }, { type: 'underline' }])),
      paragraph(text('mail', [{ type: 'link', attrs: { href: 'mailto:ana@example.org' } }])),
      { type: 'bulletList', content: [item(paragraph(text('one')), { type: 'orderedList', attrs: { start: 3 }, content: [item(paragraph(text('three')))] }), item(paragraph(text('two')))] },
      { type: 'orderedList', content: [item(paragraph(text('first')))] },
      { type: 'blockquote', content: [paragraph(text('quoted'))] },
      { type: 'image', attrs: { materialId, fileId, alt: 'The river at dawn' } },
      { type: 'image', attrs: { materialId, fileId } },
      { type: 'video', attrs: { provider: 'youtube', videoId: 'dQw4w9WgXcQ' } },
      { type: 'video', attrs: { provider: 'vimeo', videoId: '76979871' } },
      paragraph(),
      paragraph(text('last')),
    );
    expect(richDocSchema(20_000).safeParse(every).success).toBe(true);
    expect(sent(open(every))).toEqual(every);
  });
});

describe('what the toolbar’s commands make is a valid document', () => {
  const start = () => open(docOf(paragraph(text('hello world'))));
  const first = (doc: RichDoc) => doc.content[0];

  it('marks: bold, italic, underline and a link on a selection', () => {
    const typed = start();
    typed.chain().setTextSelection({ from: 1, to: 6 }).toggleBold().toggleItalic().toggleUnderline().setMark('link', { href: 'https://example.org' }).run();
    expect(first(sent(typed))).toEqual(
      paragraph(text('hello', [{ type: 'link', attrs: { href: 'https://example.org' } }, { type: 'bold' }, { type: 'italic' }, { type: 'underline' }]), text(' world')),
    );
    typed.chain().setTextSelection(3).extendMarkRange('link').unsetMark('link').run();
    expect(first(sent(typed))).toEqual(paragraph(text('hello', [{ type: 'bold' }, { type: 'italic' }, { type: 'underline' }]), text(' world')));
  });

  it('headings 2 to 4, never 1', () => {
    const typed = start();
    for (const level of [2, 3, 4] as const) {
      typed.chain().setTextSelection(2).setHeading({ level }).run();
      expect(first(sent(typed))).toEqual({ type: 'heading', attrs: { level }, content: [text('hello world')] });
    }
    expect(typed.commands.setHeading({ level: 1 as 2 })).toBe(false);
    typed.chain().setParagraph().run();
    expect(first(sent(typed))).toEqual(paragraph(text('hello world')));
  });

  it('lists, nested, and quotes', () => {
    const typed = start();
    typed.chain().setTextSelection(2).toggleBulletList().run();
    expect(first(sent(typed))).toEqual({ type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('hello world'))] }] });
    typed.chain().toggleOrderedList().run();
    // Tiptap's ordered list carries {start: 1, type: null}: the form sends neither.
    expect(typed.getJSON().content?.[0]?.attrs).toEqual({ start: 1, type: null });
    expect(first(sent(typed))).toEqual({ type: 'orderedList', content: [{ type: 'listItem', content: [paragraph(text('hello world'))] }] });
    typed.chain().setTextSelection(8).splitListItem('listItem').sinkListItem('listItem').run();
    const nested = first(sent(typed));
    expect(nested).toMatchObject({ type: 'orderedList', content: [{ type: 'listItem', content: [paragraph(text('hello')), { type: 'orderedList' }] }] });
    const quoted = open(docOf(paragraph(text('quoted'))));
    quoted.chain().setTextSelection(2).toggleBlockquote().run();
    expect(first(sent(quoted))).toEqual({ type: 'blockquote', content: [paragraph(text('quoted'))] });
  });

  it('an image and a video as the dialogs insert them, one after the other; an empty alt is not sent', () => {
    const typed = start();
    typed.commands.setTextSelection(12);
    insertBlock(typed, { type: 'image', attrs: { materialId, fileId, alt: 'A map' } });
    insertBlock(typed, { type: 'video', attrs: { provider: 'vimeo', videoId: '76979871' } });
    insertBlock(typed, { type: 'image', attrs: { materialId, fileId, alt: '' } });
    typed.chain().insertContent({ type: 'text', text: 'after' }).run();
    expect(sent(typed).content).toEqual([
      paragraph(text('hello world')),
      // Each lands in the empty paragraph left after the one before, so none replaces another and no blank line is left.
      { type: 'image', attrs: { materialId, fileId, alt: 'A map' } },
      { type: 'video', attrs: { provider: 'vimeo', videoId: '76979871' } },
      { type: 'image', attrs: { materialId, fileId } },
      paragraph(text('after')),
    ]);
  });

  it('an empty editor is an empty document (its one empty paragraph is not sent)', () => {
    const typed = open(toEditorContent(docOf()));
    expect(typed.getJSON()).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    expect(sent(typed)).toEqual(docOf());
    typed.chain().insertContent({ type: 'text', text: 'typed' }).run();
    expect(sent(typed)).toEqual(docOf(paragraph(text('typed'))));
  });

  it('the text “<script>” stays a text run', () => {
    const typed = open(docOf());
    typed.chain().insertContent({ type: 'text', text: '<script>alert(1)</script>' }).run();
    expect(sent(typed)).toEqual(docOf(paragraph(text('<script>alert(1)</script>'))));
  });
});
