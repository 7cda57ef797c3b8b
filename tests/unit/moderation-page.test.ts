/**
 * The Moderation tab's rules and the held notice's words (issue 12), pure: a held text is cut around its findings so
 * that exactly the found slices are highlighted; who sees the queue, the settings form or their own waiting texts;
 * an edited release sends only what the teacher changed; the reason a pupil reads is one plain sentence per kind
 * (the issue's own example for a phone number); a teacher's 409 PERSONAL_DATA_WARNING names its kinds; every
 * string the tab reads is in both dictionaries.
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../web/src/i18n/en.ts';
import { es } from '../../web/src/i18n/es.ts';
import { findingKinds, heldNoticeStrings, personalDataWarningStrings, warningKinds } from '../../web/src/scripts/common/held-words.ts';
import { emptyFields, moderationStrings, moderationView, releaseBody, slicesOf } from '../../web/src/scripts/twinspace/moderation/moderation-page.ts';

describe('a held text with its findings', () => {
  const text = 'Call me on 612 345 678 or write to ana@example.com!';
  const phone = { kind: 'phone' as const, start: 11, end: 22 };
  const email = { kind: 'email' as const, start: 35, end: 50 };

  it('is cut so that exactly what was found is marked, each character once, in order', () => {
    const slices = slicesOf(text, [email, phone]);
    expect(slices).toEqual([
      { text: 'Call me on ' },
      { text: '612 345 678', kind: 'phone' },
      { text: ' or write to ' },
      { text: 'ana@example.com', kind: 'email' },
      { text: '!' },
    ]);
    expect(slices.map((slice) => slice.text).join('')).toBe(text);
  });
  it('marks a finding at the very start or end, and shows a text without findings whole', () => {
    expect(slicesOf('0612345678', [{ kind: 'phone', start: 0, end: 10 }])).toEqual([{ text: '0612345678', kind: 'phone' }]);
    expect(slicesOf('hello', [])).toEqual([{ text: 'hello' }]);
  });
  it('leaves out a finding outside the text or overlapping one already marked, never losing text', () => {
    const slices = slicesOf(text, [phone, { kind: 'address', start: 15, end: 30 }, { kind: 'abuse', start: 40, end: 90 }]);
    expect(slices.filter((slice) => slice.kind).map((slice) => slice.kind)).toEqual(['phone']);
    expect(slices.map((slice) => slice.text).join('')).toBe(text);
  });
});

describe('who sees what in the Moderation tab', () => {
  it('gives teachers the queue (only the teacher administrator changes the settings), pupils their own texts, visitors nothing', () => {
    expect(moderationView('teacher-admin')).toEqual({ view: 'queue', settings: 'edit' });
    expect(moderationView('member-teacher')).toEqual({ view: 'queue', settings: 'read' });
    expect(moderationView('pupil-admin')).toEqual({ view: 'mine' });
    expect(moderationView('pupil-member')).toEqual({ view: 'mine' });
    expect(moderationView('visitor')).toEqual({ view: 'none' });
    expect(moderationView(undefined)).toEqual({ view: 'none' });
  });
});

describe('an edited release', () => {
  const fields = [
    { field: 'title', text: 'Our river', findings: [] },
    { field: 'body', text: 'Call 612 345 678', findings: [{ kind: 'phone' as const, start: 5, end: 16 }] },
  ];
  it('sends the fields the teacher changed, and nothing when she changed none (released as written)', () => {
    expect(releaseBody(fields, { title: 'Our river', body: 'Call me' })).toEqual({ fields: [{ field: 'body', text: 'Call me' }] });
    expect(releaseBody(fields, { title: 'Our river', body: 'Call 612 345 678' })).toEqual({});
  });
  it('is not sent with a field left empty: deleting is how nothing gets published', () => {
    expect(emptyFields(fields, { title: '  ', body: 'Call me' })).toEqual(['title']);
    expect(emptyFields(fields, { body: 'Call me' })).toEqual([]);
  });
});

describe('what a pupil and a teacher are told', () => {
  it('says the issue’s own sentence for a phone number, in English and Spanish', () => {
    expect(`${en['held.reason.phone']} ${en['held.waiting']}`).toBe('Phone numbers stay private. A teacher will look at your message.');
    expect(`${es['held.reason.phone']} ${es['held.waiting']}`).toBe('Los números de teléfono son privados. Un profesor revisará tu mensaje.');
  });
  it('has one short sentence per kind of finding, each different, in both languages', () => {
    for (const dictionary of [en, es]) {
      const reasons = findingKinds.map((kind) => dictionary[`held.reason.${kind}`]);
      expect(new Set(reasons).size).toBe(findingKinds.length);
      // One sentence each, short enough for a child to read at once.
      for (const reason of reasons) expect(reason.split(/[.!?]\s/).length, reason).toBe(1);
      for (const reason of reasons) expect(reason.split(' ').length, reason).toBeLessThanOrEqual(14);
    }
  });
  it('reads the kinds of a teacher’s 409 PERSONAL_DATA_WARNING from its details, each once in the guard’s order', () => {
    const warning = { status: 409, code: 'PERSONAL_DATA_WARNING', details: [{ field: 'text', message: 'phone' }, { field: 'title', message: 'email' }, { field: 'text', message: 'phone' }] };
    expect(warningKinds(warning)).toEqual(['email', 'phone']);
    expect(warningKinds({ status: 409, code: 'VERSION_CONFLICT', details: [{ field: 'x', message: 'phone' }] })).toEqual([]);
    expect(warningKinds(new Error('no'))).toEqual([]);
  });
  it('has every string the tab, the notice and the warning read, in English and Spanish', () => {
    for (const key of [...moderationStrings, ...heldNoticeStrings, ...personalDataWarningStrings]) {
      expect(en[key], key).toBeTruthy();
      expect(es[key], key).toBeTruthy();
    }
  });
});
