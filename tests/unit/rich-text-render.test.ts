/**
 * The one rich-text renderer (web/src/components/kit/RichText.tsx), rendered
 * to HTML without a DOM: text stays text, a link is only a link when its href
 * is https or mailto (whatever the document carries), a video is only ever
 * the provider's privacy-enhanced embed, an image without a URL shows its alt
 * text, and lists nest.
 */
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import type { RichBlock, RichDoc } from '../../functions/domain/rich-text.ts';
import type { DocumentMedia } from '../../web/src/components/kit/index.ts';
import { RichText } from '../../web/src/components/kit/RichText.tsx';

const labels = { video: '{provider} video {id}', imageMissing: 'Image not available', videoMissing: 'Video not available' };
const show = (content: unknown[], options: { media?: DocumentMedia; headingLevel?: number } = {}) =>
  render(h(RichText, { doc: { type: 'doc', content } as RichDoc, labels, ...options }));
const paragraph = (text: string, marks?: unknown[]) => ({ type: 'paragraph', content: [{ type: 'text', text, ...(marks ? { marks } : {}) }] });
const materialId = '01HZY3N5M0V7Q8R9S0T1V2W3X4';
const fileId = '01HZY3N5M0V7Q8R9S0T1V2W3X5';

describe('text', () => {
  it('escapes markup in text: <script> and <b> appear as text', () => {
    const html = show([paragraph('<script>alert(1)</script> & <b>bold</b>')]);
    expect(html).toBe('<div class="rich-text"><p>&lt;script>alert(1)&lt;/script> &amp; &lt;b>bold&lt;/b></p></div>');
    expect(html).not.toContain('<script');
  });

  it('renders marks as elements and headings one level under the heading the text sits in', () => {
    const html = show(
      [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'River' }] },
        { type: 'heading', attrs: { level: 4 }, content: [{ type: 'text', text: 'Depth' }] },
        paragraph('deep', [{ type: 'bold' }, { type: 'italic' }, { type: 'underline' }]),
        { type: 'blockquote', content: [paragraph('quoted')] },
      ],
      { headingLevel: 3 },
    );
    expect(html).toContain('<h3>River</h3><h5>Depth</h5>');
    expect(html).toContain('<p><strong><em><u>deep</u></em></strong></p>');
    expect(html).toContain('<blockquote><p>quoted</p></blockquote>');
    // Never deeper than h6.
    expect(show([{ type: 'heading', attrs: { level: 4 }, content: [{ type: 'text', text: 'x' }] }], { headingLevel: 5 })).toContain('<h6>x</h6>');
  });

  it('nests lists and keeps an ordered list start', () => {
    const item = (...content: unknown[]) => ({ type: 'listItem', content });
    const html = show([
      { type: 'bulletList', content: [item(paragraph('one'), { type: 'orderedList', attrs: { start: 3, type: null }, content: [item(paragraph('three'))] }), item(paragraph('two'))] },
      { type: 'orderedList', attrs: { start: 1 }, content: [item(paragraph('first'))] },
    ]);
    expect(html).toBe(
      '<div class="rich-text"><ul><li><p>one</p><ol start="3"><li><p>three</p></li></ol></li><li><p>two</p></li></ul><ol><li><p>first</p></li></ol></div>',
    );
  });
});

describe('links', () => {
  it('links https and mailto, never opening a window of their own, without passing the address on', () => {
    const html = show([paragraph('site', [{ type: 'link', attrs: { href: 'https://example.org/a?b=1&c=2' } }]), paragraph('mail', [{ type: 'link', attrs: { href: 'mailto:ana@example.org' } }])]);
    expect(html).toContain('<a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer nofollow">site</a>');
    expect(html).toContain('<a href="mailto:ana@example.org" rel="noopener noreferrer nofollow">mail</a>');
    expect(html).not.toContain('target=');
  });

  it.each(['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'http://example.org', '/relative', 'vbscript:x', 'https://exa mple.org'])(
    'shows a document carrying the href %j as plain text',
    (href) => {
      const html = show([paragraph('click me', [{ type: 'bold' }, { type: 'link', attrs: { href } }])]);
      expect(html).toBe('<div class="rich-text"><p><strong>click me</strong></p></div>');
    },
  );
});

describe('videos', () => {
  it('embeds YouTube through youtube-nocookie and Vimeo with do-not-track, sandboxed and lazy, titled apart', () => {
    const html = show([
      { type: 'video', attrs: { provider: 'youtube', videoId: 'dQw4w9WgXcQ' } },
      { type: 'video', attrs: { provider: 'vimeo', videoId: '76979871' } },
    ]);
    expect(html).toContain('src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"');
    expect(html).toContain('src="https://player.vimeo.com/video/76979871?dnt=1"');
    expect(html).toContain('title="YouTube video dQw4w9WgXcQ"');
    expect(html).toContain('title="Vimeo video 76979871"');
    expect(html).toContain('sandbox="allow-scripts allow-same-origin allow-presentation"');
    expect(html).toContain('loading="lazy"');
    expect(html).toContain('referrerpolicy="strict-origin-when-cross-origin"');
    expect(html.match(/<iframe/g)).toHaveLength(2);
  });

  it.each([
    { provider: 'youtube', videoId: '"><script>' },
    { provider: 'youtube', videoId: 'x/../../evil' },
    { provider: 'vimeo', videoId: 'abc' },
    { provider: 'evil', videoId: 'https://evil.example/' },
  ])('a video the providers would not know (%j) is no iframe', (attrs) => {
    const html = show([{ type: 'video', attrs }]);
    expect(html).not.toContain('<iframe');
    expect(html).toContain('Video not available');
  });

  it('renders no other node it does not know, and no iframe from one', () => {
    const html = show([{ type: 'iframe', attrs: { src: 'https://evil.example/' } }, { type: 'html', text: '<iframe src="https://evil.example/">' }, paragraph('after')]);
    expect(html).toBe('<div class="rich-text"><p>after</p></div>');
  });
});

describe('images', () => {
  const image: RichBlock = { type: 'image', attrs: { materialId, fileId, alt: 'The river at dawn' } };
  const media = { [fileId]: { small: 'https://storage.example/s?sig=1', large: 'https://storage.example/l?sig=1', original: 'https://storage.example/o?sig=1' } };

  it('shows an image from the URLs the API issued, both widths, lazily', () => {
    const html = show([image], { media });
    expect(html).toContain(
      '<figure class="rich-image"><img src="https://storage.example/l?sig=1" srcset="https://storage.example/s?sig=1 320w, https://storage.example/l?sig=1 1280w"',
    );
    expect(html).toContain('alt="The river at dawn"');
    expect(html).toContain('loading="lazy"');
  });

  it('without a URL for it (the public diary, a deleted file) shows its alt text, or says it is not available', () => {
    expect(show([image])).toBe('<div class="rich-text"><figure class="rich-image rich-missing"><p>The river at dawn</p></figure></div>');
    expect(show([{ type: 'image', attrs: { materialId, fileId } }])).toContain('<p>Image not available</p>');
    expect(show([image], { media: { [fileId]: { small: 'javascript:x', large: 'javascript:x', original: 'x' } } })).not.toContain('<img');
  });
});
