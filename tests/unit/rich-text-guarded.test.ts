/**
 * What the pupil guard reads of a rich-text document (issue 12): what a
 * reader reads, and where its links go, since one click on "my page"
 * reaches the address as surely as writing it out.
 */
import { describe, expect, it } from 'vitest';
import type { RichDoc } from '../../functions/domain/rich-text-core.ts';
import { guardedTextOf } from '../../functions/domain/rich-text-guarded.ts';
import { guardPupilText } from '../../functions/domain/pupil-guard/index.ts';

const linked = (text: string, href: string): RichDoc => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Follow ' }, { type: 'text', text, marks: [{ type: 'link', attrs: { href } }] }] }],
});

describe('guardedTextOf', () => {
  it('reads a link’s address that its words hide', () => {
    const text = guardedTextOf(linked('my page', 'https://instagram.com/lucia.rivers'));
    expect(text).toContain('Follow my page');
    expect(text).toContain('https://instagram.com/lucia.rivers');
  });

  it('reads a mailto link’s address', () => {
    expect(guardedTextOf(linked('me', 'mailto:lucia.rivers@gmail.com'))).toContain('lucia.rivers@gmail.com');
  });

  it('reads a document without links as its plain text, once', () => {
    const doc: RichDoc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'We measured 12.5 °C.' }] }] };
    expect(guardedTextOf(doc)).toBe('We measured 12.5 °C.');
  });

  it('does not repeat an address already written out as the link’s words', () => {
    expect(guardedTextOf(linked('https://example.org/rivers', 'https://example.org/rivers'))).toBe('Follow https://example.org/rivers');
  });

  it('leaves out an embedded video, at any depth: a video id is no handle, and a class video is no personal data', () => {
    const video = { type: 'video', attrs: { provider: 'youtube', videoId: 'dQw4w9WgXcQ' } } as const;
    const doc: RichDoc = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Our song on YouTube:' }] },
        video,
        { type: 'blockquote', content: [video] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [video] }] },
      ],
    };
    expect(guardedTextOf(doc)).toBe('Our song on YouTube:');
    expect(guardPupilText(guardedTextOf(doc), { countries: ['ES'], otherPupilSurnames: [], allowAccountLinks: false, allowHandles: false })).toEqual([]);
  });
});
