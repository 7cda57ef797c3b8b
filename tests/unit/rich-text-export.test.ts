/**
 * The one server-side renderer of a rich-text document (functions/domain/
 * rich-text-export.ts), used by the Project Diary's export: Markdown keeps
 * headings, bold and italic, bullet and numbered lists (nested), quotes,
 * links as [text](url), videos as their embed link and images as their alt
 * text; the printable HTML has the same structure. Every text is escaped, and
 * only https and mailto hrefs become links, whatever a document says.
 */
import { describe, expect, it } from 'vitest';
import { docToHtml, docToMarkdown } from '../../functions/domain/rich-text-export.ts';
import type { RichBlock, RichDoc, RichMark, RichText } from '../../functions/domain/rich-text.ts';
import { diaryHtml, diaryMarkdown } from '../../functions/http/diary/document.ts';
import type { DiaryEntry } from '../../functions/data/diary.ts';

const text = (value: string, ...marks: RichMark[]): RichText => ({ type: 'text', text: value, ...(marks.length ? { marks } : {}) });
const link = (href: string): RichMark => ({ type: 'link', attrs: { href } });
const bold: RichMark = { type: 'bold' };
const italic: RichMark = { type: 'italic' };
const underline: RichMark = { type: 'underline' };
const p = (...content: RichText[]): RichBlock => ({ type: 'paragraph', content });
const li = (...content: RichBlock[]) => ({ type: 'listItem' as const, content });
const doc = (...content: RichBlock[]): RichDoc => ({ type: 'doc', content });

const river = doc(
  { type: 'heading', attrs: { level: 2 }, content: [text('Our river')] },
  p(text('It is '), text('long', bold), text(' and '), text('cold', italic), text(' and '), text('clear', underline), text('.')),
  {
    type: 'bulletList',
    content: [li(p(text('Source')), { type: 'bulletList', content: [li(p(text('Spring'))), li(p(text('Glacier')))] }), li(p(text('Mouth')))],
  },
  { type: 'orderedList', attrs: { start: 3 }, content: [li(p(text('Measure'))), li(p(text('Compare')), { type: 'orderedList', content: [li(p(text('Width')))] })] },
  { type: 'blockquote', content: [p(text('Rivers are roads.')), p(text('Second line'))] },
  p(text('Read '), text('the map', link('https://example.org/map_(1)')), text(' or '), text('write', link('mailto:ana@example.org')), text('.')),
  { type: 'video', attrs: { provider: 'youtube', videoId: 'dQw4w9WgXcQ' } },
  { type: 'image', attrs: { materialId: '01JG2M8A1C3E5G7J9K1M3P5R7S', fileId: '01JG2M8A1C3E5G7J9K1M3P5R7T', alt: 'The delta at dawn' } },
  { type: 'heading', attrs: { level: 3 }, content: [text('Next')] },
);

describe('Markdown', () => {
  const markdown = docToMarkdown(river);

  it('keeps headings, bold and italic (underline has no Markdown: plain)', () => {
    expect(markdown).toContain('## Our river');
    expect(markdown).toContain('### Next');
    expect(markdown).toContain('It is **long** and *cold* and clear\\.');
  });

  it('keeps bullet and numbered lists, nested, with their start', () => {
    expect(markdown).toContain('- Source\n  - Spring\n  - Glacier\n- Mouth');
    expect(markdown).toContain('3. Measure\n4. Compare\n   1. Width');
  });

  it('keeps quotes, and links as [text](url) with the destination made safe', () => {
    expect(markdown).toContain('> Rivers are roads\\.\n>\n> Second line');
    expect(markdown).toContain('[the map](https://example.org/map_%281%29)');
    expect(markdown).toContain('[write](mailto:ana@example.org)');
  });

  it('writes a video as its privacy-enhanced embed link and an image as its alt text, with no URL of the materials', () => {
    expect(markdown).toContain('[YouTube video](https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ)');
    expect(markdown).toContain('\\[Image: The delta at dawn\\]');
    expect(markdown).not.toContain('01JG2M8A1C3E5G7J9K1M3P5R7T');
  });

  it('moves headings under an entry title when asked (the diary export: h2 → ###)', () => {
    expect(docToMarkdown(river, { headingOffset: 1 })).toContain('### Our river');
    expect(docToMarkdown(river, { headingOffset: 1 })).toContain('#### Next');
  });

  it('keeps user text as text: markup characters are backslashed, <script> never becomes a tag', () => {
    const hostile = docToMarkdown(doc(p(text('<script>alert(1)</script> # [x](javascript:y) **no**'))));
    expect(hostile).toBe('\\<script\\>alert\\(1\\)\\</script\\> \\# \\[x\\]\\(javascript:y\\) \\*\\*no\\*\\*');
  });

  it('writes only https and mailto links: any other href (had it passed the schema) stays text', () => {
    for (const href of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'http://example.org', '//example.org', 'vbscript:x']) {
      const rendered = docToMarkdown(doc(p(text('click', link(href)))));
      expect(rendered, href).toBe('click');
    }
  });

  it('keeps spaces outside the emphasis, so it renders as emphasis', () => {
    expect(docToMarkdown(doc(p(text('a'), text(' bold ', bold), text('b'))))).toBe('a **bold** b');
  });
});

describe('HTML', () => {
  const html = docToHtml(river);

  it('renders the same structure', () => {
    expect(html).toContain('<h2>Our river</h2>');
    expect(html).toContain('<p>It is <strong>long</strong> and <em>cold</em> and <u>clear</u>.</p>');
    expect(html).toContain('<ul><li><p>Source</p><ul><li><p>Spring</p></li><li><p>Glacier</p></li></ul></li><li><p>Mouth</p></li></ul>');
    expect(html).toContain('<ol start="3"><li><p>Measure</p></li><li><p>Compare</p><ol><li><p>Width</p></li></ol></li></ol>');
    expect(html).toContain('<blockquote><p>Rivers are roads.</p><p>Second line</p></blockquote>');
    expect(html).toContain('<a href="https://example.org/map_(1)" rel="noopener noreferrer nofollow">the map</a>');
    expect(html).toContain('<a href="mailto:ana@example.org" rel="noopener noreferrer nofollow">write</a>');
    expect(html).toContain('<a href="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" rel="noopener noreferrer nofollow">YouTube video</a>');
    expect(html).toContain('<p class="image">[Image: The delta at dawn]</p>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<iframe');
  });

  it('escapes every text and attribute: <script> stays text, a quote cannot leave the href', () => {
    const hostile = docToHtml(doc(p(text('<script>alert("x")</script> & \'q\'')), p(text('go', link('https://example.org/"onmouseover="alert(1)')))));
    expect(hostile).toBe(
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;</p><p><a href="https://example.org/&quot;onmouseover=&quot;alert(1)" rel="noopener noreferrer nofollow">go</a></p>',
    );
    expect(hostile).not.toContain('<script');
  });

  it('writes only https and mailto links', () => {
    for (const href of ['javascript:alert(1)', 'data:text/html,x', 'http://example.org']) {
      expect(docToHtml(doc(p(text('click', link(href))))), href).toBe('<p>click</p>');
    }
  });
});

describe('the diary export with rich entries', () => {
  const entry: DiaryEntry = {
    entryId: '01JF9A1B2C3D4E5F6G7H8J9K0M',
    projectId: '01JF8Z3Q4W5X6Y7Z8A9B0C1D2E',
    kind: 'activity',
    visibility: 'public',
    title: 'The river trip',
    content: river,
    author: { userId: 'u1', displayName: 'Eva Rossi', country: 'IT' },
    createdAt: '2026-03-02T10:00:00.000Z',
    answeredAt: null,
    replies: [],
  };

  it('keeps headings (under the entry’s ## title), lists and links in Markdown', () => {
    const markdown = diaryMarkdown({ projectTitle: 'Rivers', entries: [entry] });
    expect(markdown).toContain('## The river trip');
    expect(markdown).toContain('### Our river');
    expect(markdown).toContain('- Source\n  - Spring');
    expect(markdown).toContain('[the map](https://example.org/map_%281%29)');
  });

  it('keeps them in the printable page', () => {
    const html = diaryHtml({ projectTitle: 'Rivers', entries: [entry] });
    expect(html).toContain('<h2>The river trip</h2>');
    expect(html).toContain('<h3>Our river</h3>');
    expect(html).toContain('<ul><li><p>Source</p>');
    expect(html).toContain('<a href="https://example.org/map_(1)"');
  });
});
