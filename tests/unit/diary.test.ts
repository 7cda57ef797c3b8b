/** The Project Diary's rules (functions/domain/diary.ts) and its export document, without a database. */
import { describe, expect, it } from 'vitest';
import type { DiaryEntry } from '../../functions/data/diary.ts';
import {
  answersTheDoubt,
  codePointLength,
  diaryViewOf,
  mayReadEntry,
  mayReply,
  partnerCountriesOf,
  waitsForAnswer,
  type DiaryVisibility,
} from '../../functions/domain/diary.ts';
import { twinspaceTypes } from '../../functions/domain/twinspace-types.ts';
import { plainToDoc } from '../../functions/domain/rich-text.ts';
import { diaryHtml, diaryMarkdown } from '../../functions/http/diary/document.ts';
import { diaryEntryBody } from '../../functions/http/diary/schemas.ts';

const partners = ['ES', 'FR'];

describe('who reads a project diary, and how', () => {
  it("gives the project's teachers the team view and refuses pupils and guest visitors", () => {
    const views = Object.fromEntries(twinspaceTypes.map((type) => [type, diaryViewOf({ memberType: type, kind: type.startsWith('pupil') ? 'pupil' : 'guest', country: 'ES' }, partners)]));
    expect(views).toEqual({ 'teacher-admin': 'team', 'member-teacher': 'team', 'pupil-admin': undefined, 'pupil-member': undefined, visitor: undefined });
  });

  it('gives a teacher visitor, and any validated teacher outside, the open view', () => {
    expect(diaryViewOf({ memberType: 'visitor', kind: 'teacher', country: 'DE' }, partners)).toBe('open');
    expect(diaryViewOf({ kind: 'teacher', country: 'DE' }, partners)).toBe('open');
    expect(diaryViewOf({ kind: 'teacher', country: 'DE', validated: false }, partners)).toBeUndefined();
  });

  it('gives the NSS of a partner country the NSS view, and nothing to other NSS or evaluators', () => {
    expect(diaryViewOf({ kind: 'nss', country: 'FR' }, partners)).toBe('nss');
    expect(diaryViewOf({ kind: 'nss', country: 'DE' }, partners)).toBeUndefined();
    expect(diaryViewOf({ kind: 'evaluator', country: 'ES' }, partners)).toBeUndefined();
  });

  it('reads each visibility as DOMAIN.md says; hidden only by its author and the NSS', () => {
    const readable = (view: 'nss' | 'team' | 'open', readerId: string) =>
      (['private', 'restricted', 'public', 'hidden'] as DiaryVisibility[]).filter((visibility) => mayReadEntry(view, readerId, { visibility, authorId: 'ana' }));
    expect(readable('team', 'ana')).toEqual(['private', 'restricted', 'public', 'hidden']);
    expect(readable('team', 'eva')).toEqual(['private', 'restricted', 'public']);
    expect(readable('nss', 'nss-es')).toEqual(['private', 'restricted', 'public', 'hidden']);
    expect(readable('open', 'someone')).toEqual(['restricted', 'public']);
  });

  it('lets the NSS and the team reply; only an NSS reply answers a doubt; hidden doubts wait in no inbox', () => {
    expect([mayReply('nss'), mayReply('team'), mayReply('open')]).toEqual([true, true, false]);
    expect(answersTheDoubt('nss', { kind: 'doubt' })).toBe(true);
    expect(answersTheDoubt('team', { kind: 'doubt' })).toBe(false);
    expect(answersTheDoubt('nss', { kind: 'activity' })).toBe(false);
    expect(waitsForAnswer({ kind: 'doubt', visibility: 'private' })).toBe(true);
    expect(waitsForAnswer({ kind: 'doubt', visibility: 'hidden' })).toBe(false);
    expect(waitsForAnswer({ kind: 'assessment', visibility: 'public' })).toBe(false);
  });

  it('names each partner country once', () => {
    expect(partnerCountriesOf([{ country: 'FR' }, { country: 'ES' }, { country: 'FR' }])).toEqual(['ES', 'FR']);
  });
});

describe('an entry as written', () => {
  it('is trimmed and counted in characters, not UTF-16 units', () => {
    expect(codePointLength('🌊🌊')).toBe(2);
    const parsed = diaryEntryBody.parse({ kind: 'doubt', visibility: 'private', title: `  ${'🌊'.repeat(200)} `, body: ' Why? ' });
    expect(parsed.title).toBe('🌊'.repeat(200));
    // Plain text (older clients) becomes a document of paragraphs.
    expect(parsed.body).toEqual(plainToDoc('Why?'));
    expect(diaryEntryBody.safeParse({ kind: 'doubt', visibility: 'private', title: '🌊'.repeat(201), body: 'b' }).success).toBe(false);
    expect(diaryEntryBody.safeParse({ kind: 'doubt', visibility: 'private', title: 't', body: 'b', extra: 1 }).success).toBe(false);
  });
});

describe('the exported diary', () => {
  const entry: DiaryEntry = {
    entryId: '01JF9A1B2C3D4E5F6G7H8J9K0M',
    projectId: '01JF8Z3Q4W5X6Y7Z8A9B0C1D2E',
    kind: 'doubt',
    visibility: 'private',
    title: '<b>Maps</b> & *grades*',
    content: plainToDoc('First line.\n\n# Not a heading'),
    author: { userId: 'u1', displayName: 'Eva Rossi', country: 'IT' },
    createdAt: '2026-03-02T10:00:00.000Z',
    answeredAt: '2026-03-03T10:00:00.000Z',
    replies: [{ replyId: 'r1', author: { userId: 'n1', displayName: 'NSS España', country: 'ES', role: 'nss' }, body: 'Use a rubric.', createdAt: '2026-03-03T10:00:00.000Z' }],
  };

  it('in Markdown keeps user text as text and quotes the replies', () => {
    const markdown = diaryMarkdown({ projectTitle: 'Rivers', entries: [entry] });
    expect(markdown).toContain('# Project Diary: Rivers');
    expect(markdown).toContain('## \\<b\\>Maps\\</b\\> & \\*grades\\*');
    expect(markdown).toContain('\\# Not a heading');
    expect(markdown).toContain('> **NSS España** (NSS ES), 2026-03-03:');
  });

  it('in HTML escapes every user text', () => {
    const html = diaryHtml({ projectTitle: 'Rivers & <co>', entries: [entry] });
    expect(html).toContain('<h2>&lt;b&gt;Maps&lt;/b&gt; &amp; *grades*</h2>');
    expect(html).toContain('<title>Project Diary: Rivers &amp; &lt;co&gt;</title>');
    expect(html).not.toContain('<b>');
    expect(diaryHtml({ projectTitle: 'Empty', entries: [] })).toContain('No entries yet.');
  });
});
