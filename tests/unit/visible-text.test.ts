/**
 * The one rule for names, titles and plain texts (functions/domain/visible-text.ts,
 * functions/http/visible-text.ts), as the issue states it: text made only of
 * zero-width, control or blank characters is refused; names and titles refuse
 * control characters (a tab too) and the direction overrides, embeddings and
 * isolates (U+202A–U+202E, U+2066–U+2069); every real script passes. Then
 * each area's request schema, to show they all take the rule.
 */
import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { hasVisibleText, textProblem } from '../../functions/domain/visible-text.ts';
import { agendaEventBody } from '../../functions/http/agenda/schemas.ts';
import { reportBody } from '../../functions/http/chat/schemas.ts';
import { encounterCreateBody, groupCreateBody, resourceCreateBody } from '../../functions/http/community/schemas.ts';
import { mailSendBody, profileUpdateBody, schoolCreateBody } from '../../functions/http/desktop/schemas.ts';
import { diaryEntryBody, diaryReplyBody } from '../../functions/http/diary/schemas.ts';
import { replyCreateBody, threadCreateBody } from '../../functions/http/forum/schemas.ts';
import { commentBody, noteBody, postBody } from '../../functions/http/home/schemas.ts';
import { mailboxSendBody } from '../../functions/http/mailbox/schemas.ts';
import { materialCreateBody, uploadRequestBody } from '../../functions/http/materials/schemas.ts';
import { createPupilBody } from '../../functions/http/members/schemas.ts';
import { pageCreateBody } from '../../functions/http/pages/schemas.ts';
import { createProjectBody, twinspaceSettingsBody } from '../../functions/http/projects/schemas.ts';
import { registrationBody } from '../../functions/http/registrations/schemas.ts';
import { visibleText } from '../../functions/http/visible-text.ts';
import { problemsOf } from '../../functions/lib/errors.ts';

const title = visibleText({ max: 20 });
const text = visibleText({ max: 200, multiline: true });
const messagesOf = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
};

const noVisibleText = 'Write some visible text: spaces and invisible characters alone do not count.';
const noDirectionControls = 'Characters that override the text direction (U+202A to U+202E, U+2066 to U+2069) are not allowed here.';
const noControlsInLine = 'Line breaks, tabs and other control characters are not allowed here.';

describe('text that shows nothing', () => {
  const invisible: [string, string][] = [
    ['zero-width spaces', '\u200B\u200B\u200B'],
    ['zero-width joiners and non-joiners', '\u200D\u200C\u200D'],
    ['a byte-order mark and a word joiner', '\uFEFF\u2060'],
    ['direction marks', '\u200E\u200F'],
    ['Hangul fillers', '\u3164\u115F\u1160'],
    ['the blank Braille pattern', '\u2800\u2800'],
    ['a soft hyphen', '\u00AD'],
    ['spaces of every width around a zero-width space', '\u2003\u2009\u200B\u00A0\u3000'],
    ['combining marks with no letter', '\u0301\u0308'],
  ];
  it.each(invisible)('is refused as a title: %s', (_, value) => {
    expect(messagesOf(title, value)).toEqual([noVisibleText]);
    expect(messagesOf(text, value)).toEqual([noVisibleText]);
    expect(hasVisibleText(value)).toBe(false);
  });

  it('is refused even where a text may be empty; empty itself is then fine', () => {
    const optional = visibleText({ max: 20, allowEmpty: true });
    expect(optional.parse('   ')).toBe('');
    expect(messagesOf(optional, '\u200B')).toEqual([noVisibleText]);
  });

  it('empty, or only spaces, gets the area’s own sentence', () => {
    const pageTitle = visibleText({ max: 20, messages: { empty: 'A page needs a title.' } });
    expect(messagesOf(pageTitle, ' \n ')).toEqual(['A page needs a title.']);
    expect(messagesOf(pageTitle, '\u2003\u2009\u00A0\u3000')).toEqual(['A page needs a title.']);
  });
});

describe('control and direction characters', () => {
  it('refuses U+202E (right-to-left override) in a name, and every other embedding, override and isolate', () => {
    expect(messagesOf(title, 'Ana\u202Egnp.exe')).toEqual([noDirectionControls]);
    for (const code of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) {
      expect(textProblem(`Ana ${String.fromCodePoint(code)}Pérez`), code.toString(16)).toBe('direction-control');
    }
  });

  it('refuses a tab or a line break inside a title, and any other control character', () => {
    expect(messagesOf(title, 'Week\t1')).toEqual([noControlsInLine]);
    expect(messagesOf(title, 'Week\n1')).toEqual([noControlsInLine]);
    expect(messagesOf(title, 'Week\u2028one')).toEqual([noControlsInLine]);
    for (const control of ['\u0000', '\u0007', '\u001B', '\u007F', '\u0085', '\u009B']) {
      expect(textProblem(`Week${control}1`), escape(control)).toBe('control-character');
    }
  });

  it('keeps line breaks and tabs in a text of many lines, but no other control character', () => {
    expect(text.parse('First line\n\tindented\r\nlast')).toBe('First line\n\tindented\r\nlast');
    expect(messagesOf(text, 'Ring\u0007')).toEqual(['Control characters are not allowed (line breaks and tabs are).']);
  });

  it('trims around the text and counts the limit in characters as people count them', () => {
    expect(title.parse('  Ebro  ')).toBe('Ebro');
    expect(title.parse('🌊'.repeat(20))).toBe('🌊'.repeat(20));
    expect(messagesOf(title, 'x'.repeat(21))).toEqual(['At most 20 characters.']);
  });
});

describe('real names and titles in every script', () => {
  const real: [string, string][] = [
    ['Arabic', 'مريم العلي'],
    ['Hebrew with points', 'שָׁלוֹם כהן'],
    ['Persian with a zero-width non-joiner', 'می‌خواهم'],
    ['Hindi', 'नमस्ते दुनिया'],
    ['Chinese', '李明'],
    ['Greek', 'Δήμητρα'],
    ['a teacher emoji joined with ZWJ and a skin tone', '👩🏽‍🏫'],
    ['a flag', '🇪🇸'],
    ['a keycap', '1️⃣'],
    ['Hebrew with a right-to-left mark', 'Project \u200Fשלום'],
    ['punctuation only', '?!'],
    ['a name with an apostrophe and a hyphen', "Zoë O'Neill-Núñez"],
  ];
  it.each(real)('accepts %s', (_, value) => {
    expect(title.parse(value)).toBe(value);
    expect(text.parse(value)).toBe(value);
  });
});

describe('every area takes the rule', () => {
  const hostile = { zeroWidth: '\u200B\u200B', override: 'Ana\u202Eevil', tab: 'a\tb' };
  // Each schema with a valid body, and the field that holds a name or title (one line) or a text (many lines).
  const cases: [string, z.ZodType, Record<string, unknown>, string, 'line' | 'lines'][] = [
    ['a page title', pageCreateBody, { area: 'public', title: 'x' }, 'title', 'line'],
    ['a forum thread title', threadCreateBody, { title: 'x', body: 'Hello' }, 'title', 'line'],
    ['a Home comment', commentBody, { body: 'x' }, 'body', 'lines'],
    ['a board note', noteBody, { body: 'x' }, 'body', 'lines'],
    ['a pupil’s display name', createPupilBody, { pupil: { displayName: 'x' }, type: 'pupil-member' }, 'pupil.displayName', 'line'],
    ['a material title', materialCreateBody, { kind: 'album', area: 'public', title: 'x' }, 'title', 'line'],
    ['an upload’s file name', uploadRequestBody, { materialId: '01JF8Z3Q4W5X6Y7Z8A9B0C1D2E', kind: 'image', fileName: 'x', size: 10, contentType: 'image/png' }, 'fileName', 'line'],
    ['an agenda event title', agendaEventBody, { title: 'x', startsAt: '2027-01-01T09:00:00Z', endsAt: '2027-01-01T10:00:00Z' }, 'title', 'line'],
    ['a mailbox subject', mailboxSendBody, { toUserId: 'u-1', subject: 'x', body: 'Hello' }, 'subject', 'line'],
    ['a mailbox body', mailboxSendBody, { toUserId: 'u-1', subject: 'Hi', body: 'x' }, 'body', 'lines'],
    ['a project title', createProjectBody, { title: 'x', description: 'd', subjects: ['art'], ages: { min: 8, max: 10 }, languages: ['en'], partnerUsername: 'p' }, 'title', 'line'],
    ['a TwinSpace name', twinspaceSettingsBody, { name: 'x', version: 1 }, 'name', 'line'],
    ['a sign-up display name', registrationBody, { email: 'a@example.org', password: 'Rivers-and-lakes-9', displayName: 'x', country: 'ES', schoolName: 'IES Ebro', city: 'Zaragoza' }, 'displayName', 'line'],
    ['a sign-up school name', registrationBody, { email: 'a@example.org', password: 'Rivers-and-lakes-9', displayName: 'Ana', country: 'ES', schoolName: 'x', city: 'Zaragoza' }, 'schoolName', 'line'],
    ['a profile display name', profileUpdateBody, { displayName: 'x', version: 1 }, 'displayName', 'line'],
    ['a school name', schoolCreateBody, { name: 'x', country: 'ES', city: 'Zaragoza' }, 'name', 'line'],
    ['a desktop mail subject', mailSendBody, { toUserId: 'u-1', subject: 'x', body: 'Hello' }, 'subject', 'line'],
    ['a group name', groupCreateBody, { name: 'x', theme: 'Rivers', access: 'open' }, 'name', 'line'],
    ['an encounter title', encounterCreateBody, { title: 'x', startsAt: '2099-01-01T09:00:00Z', seats: 10, language: 'en', joinUrl: 'https://meet.example.org/a' }, 'title', 'line'],
    ['a resource title', resourceCreateBody, { title: 'x', url: 'https://example.org/guide', tags: ['rivers'], language: 'en' }, 'title', 'line'],
    ['a diary entry title', diaryEntryBody, { kind: 'doubt', visibility: 'private', title: 'x', body: 'Hello' }, 'title', 'line'],
    ['a diary reply', diaryReplyBody, { body: 'x' }, 'body', 'lines'],
    ['a chat report reason', reportBody, { reason: 'x' }, 'reason', 'lines'],
  ];
  const withField = (body: Record<string, unknown>, path: string, value: string): Record<string, unknown> => {
    const [head, ...rest] = path.split('.');
    return { ...body, [head!]: rest.length ? withField(body[head!] as Record<string, unknown>, rest.join('.'), value) : value };
  };

  it.each(cases)('%s', (_, schema, body, field, lines) => {
    const parsed = schema.safeParse(body);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    const refused = (value: string) => {
      const result = schema.safeParse(withField(body, field, value));
      return result.success ? [] : problemsOf(result.error, 'body').map((problem) => problem.field);
    };
    expect(refused(hostile.zeroWidth)).toContain(`body.${field}`);
    if (lines === 'line') {
      expect(refused(hostile.override)).toContain(`body.${field}`);
      // A sign-up name folds runs of spaces, tabs included, into one space: the tab never reaches it.
      if (schema !== registrationBody) expect(refused(hostile.tab)).toContain(`body.${field}`);
    } else {
      expect(refused('a\u0007b')).toContain(`body.${field}`);
      expect(refused('a\tb\nc')).toEqual([]);
    }
    expect(refused('مريم 👩🏽‍🏫')).toEqual([]);
  });
});

describe('rich-text bodies that must not be empty', () => {
  it('take spaces and zero-width characters alone as empty, as plain text or as a document', () => {
    expect(replyCreateBody.safeParse({ body: '\u200B \u200D' }).success).toBe(false);
    const invisibleDoc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '\u2060\uFEFF\u3164' }] }] };
    expect(postBody.safeParse({ body: invisibleDoc }).success).toBe(false);
    expect(postBody.safeParse({ body: 'مرحبا 👋' }).success).toBe(true);
  });
});
