/**
 * The notifications page's rules (web/src/scripts/desktop/notifications-page.ts),
 * pure: each topic leads to its subject's page; the sentence in the page's
 * language is chosen when the notification carries every name it needs,
 * else the English title and body stored; read state and the live ones
 * merged newest first; every string the page reads is in both dictionaries.
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../web/src/i18n/en.ts';
import { es } from '../../web/src/i18n/es.ts';
import {
  filled,
  newestFirst,
  notificationsStrings,
  readPath,
  shownOf,
  subjectLink,
  topicPlaceholders,
  topics,
  withReadHere,
  type NotificationItem,
} from '../../web/src/scripts/desktop/notifications-page.ts';

const item = (overrides: Partial<NotificationItem> = {}): NotificationItem => ({
  notificationId: '01JNOTE0000000000000000001',
  topic: 'project-approved',
  title: 'Your project “Water” was approved',
  body: 'Its TwinSpace is open.',
  createdAt: '2025-03-01T10:00:00.000Z',
  read: false,
  ...overrides,
});

describe('subjectLink', () => {
  const link = (topic: string, extra: Partial<NotificationItem> = {}, lang = 'en') => subjectLink({ topic, projectId: 'P1', ...extra }, lang);

  it('leads project topics to the TwinSpace once it is open to the reader, else to the desktop', () => {
    for (const topic of ['project-approved', 'member-added', 'member-type-changed']) expect(link(topic), topic).toBe('/en/twinspace/?id=P1');
    for (const topic of ['project-invited', 'project-accepted', 'project-declined', 'project-rejected']) expect(link(topic), topic).toBe('/en/desktop/');
  });
  it('leads each other topic to its subject', () => {
    expect(link('diary-reply', { subjectId: 'E1' })).toBe('/en/twinspace/diary/?id=P1#entry-E1');
    expect(link('diary-reply')).toBe('/en/twinspace/diary/?id=P1');
    expect(link('label-result')).toBe('/en/twinspace/labels/?id=P1');
    expect(link('page-submitted', { subjectId: 'PG1' })).toBe('/en/twinspace/pages/?id=P1&page=PG1');
    expect(link('material-submitted', { subjectId: 'MT1' })).toBe('/en/twinspace/materials/?id=P1&material=MT1');
    expect(link('mailbox-message', { subjectId: 'M1' })).toBe('/en/twinspace/mailbox/?id=P1');
    expect(link('desktop-mail', { projectId: undefined, subjectId: 'MAIL1' })).toBe('/en/mail/?id=MAIL1');
    expect(link('desktop-mail', { projectId: undefined })).toBe('/en/mail/');
    expect(link('encounter-seat', { projectId: undefined, subjectId: 'ENC1' })).toBe('/en/encounters/');
    expect(link('chat-report', { subjectId: 'MSG1' })).toBe('/en/twinspace/chat/?id=P1');
    expect(link('evaluator-digest', { projectId: undefined })).toBe('/en/evaluations/');
    // Issue 12: teachers decide on a held text in the Moderation tab; the pupil reads the outcome there.
    expect(link('pupil-text-held', { subjectId: 'H1' })).toBe('/en/twinspace/moderation/?id=P1');
    expect(link('pupil-text-decided', { subjectId: 'H1' }, 'es')).toBe('/es/twinspace/moderation/?id=P1');
  });
  it('keeps the page’s language and escapes what it puts in the address', () => {
    expect(link('page-submitted', { projectId: 'a&b', subjectId: 'c d' }, 'es')).toBe('/es/twinspace/pages/?id=a%26b&page=c+d');
    expect(readPath('a/b')).toBe('/me/notifications/a%2Fb/read');
  });
  it('leads to the desktop when a project topic lacks its project, or the topic is unknown', () => {
    expect(link('label-result', { projectId: undefined })).toBe('/en/desktop/');
    expect(link('something-new')).toBe('/en/desktop/');
  });
});

describe('shownOf', () => {
  it('names the person whatever role the server stored them under (partner, by, author, from), numbers as text', () => {
    // As the API stores them (README, "Notifications": params per topic).
    expect(shownOf(item({ topic: 'project-accepted', params: { project: 'Water', partner: 'Luc Moreau', country: 'FR' } }))).toMatchObject({
      kind: 'sentence',
      values: { name: 'Luc Moreau', project: 'Water' },
    });
    expect(shownOf(item({ topic: 'desktop-mail', params: { from: 'Ana García', subject: 'Hello' } }))).toMatchObject({ kind: 'sentence', values: { name: 'Ana García', subject: 'Hello' } });
    expect(shownOf(item({ topic: 'page-submitted', params: { author: 'Lena', page: 'Rivers', project: 'Water', total: 3 } }))).toMatchObject({ kind: 'sentence', values: { name: 'Lena' } });
  });

  it('shows the stored English title and body when the notification has no names', () => {
    expect(shownOf(item())).toEqual({ kind: 'stored', title: 'Your project “Water” was approved', body: 'Its TwinSpace is open.' });
  });
  it('words the topic in the page’s language with the names it carries', () => {
    expect(shownOf(item({ params: { project: 'Water' } }))).toEqual({ kind: 'sentence', key: 'notifications.topic.project-approved', values: { project: 'Water' } });
    expect(shownOf(item({ topic: 'page-submitted', params: { name: 'Lena', page: 'Rivers', project: 'Water', extra: 'x' } }))).toEqual({
      kind: 'sentence',
      key: 'notifications.topic.page-submitted',
      values: { name: 'Lena', page: 'Rivers' },
    });
  });
  it('falls back to the stored words when a name the sentence needs is missing or empty', () => {
    expect(shownOf(item({ topic: 'page-submitted', params: { name: 'Lena', project: 'Water' } })).kind).toBe('stored');
    expect(shownOf(item({ params: { project: ' ' } })).kind).toBe('stored');
    expect(shownOf(item({ topic: 'unknown-topic', params: { project: 'Water' } })).kind).toBe('stored');
  });
  it('keeps a person’s own words (a diary reply) under the sentence, and no English system text', () => {
    const reply = shownOf(item({ topic: 'diary-reply', body: 'Well done!', params: { name: 'NSS Spain', entry: 'Week 1' } }));
    expect(reply).toMatchObject({ kind: 'sentence', body: 'Well done!' });
    expect(shownOf(item({ params: { project: 'Water' } }))).not.toHaveProperty('body');
  });
  it('says a label’s outcome when it is given, and a TwinSpace type in the page’s words', () => {
    expect(shownOf(item({ topic: 'label-result', params: { project: 'W', outcome: 'granted' } }))).toMatchObject({ key: 'notifications.topic.label-result.granted' });
    expect(shownOf(item({ topic: 'label-result', params: { project: 'W', outcome: 'not-granted' } }))).toMatchObject({ key: 'notifications.topic.label-result.not-granted' });
    expect(shownOf(item({ topic: 'label-result', params: { project: 'W' } }))).toMatchObject({ key: 'notifications.topic.label-result' });
    const changed = shownOf(item({ topic: 'member-type-changed', params: { project: 'W', type: 'pupil-admin' } }), (type) => `«${type}»`);
    expect(changed).toMatchObject({ values: { project: 'W', type: '«pupil-admin»' } });
  });
  it('names the pupil whose text waits, and tells the pupil the outcome in its own sentence (issue 12)', () => {
    const held = shownOf(item({ topic: 'pupil-text-held', params: { projectId: 'P1', projectTitle: 'Water', heldId: 'H1', surface: 'forum-reply', name: 'Marta' } }));
    expect(held).toEqual({ kind: 'sentence', key: 'notifications.topic.pupil-text-held', values: { name: 'Marta', project: 'Water' } });
    expect(filled(en['notifications.topic.pupil-text-held'], { name: 'Marta', project: 'Water' })).toContain('Moderation');
    for (const outcome of ['released', 'edited', 'deleted'] as const) {
      const decided = shownOf(item({ topic: 'pupil-text-decided', params: { projectId: 'P1', projectTitle: 'Water', heldId: 'H1', surface: 'chat-message', outcome } }));
      expect(decided).toMatchObject({ kind: 'sentence', key: `notifications.topic.pupil-text-decided.${outcome}`, values: { project: 'Water' } });
    }
    expect(shownOf(item({ topic: 'pupil-text-decided', params: { project: 'Water', outcome: 'other' } }))).toMatchObject({ key: 'notifications.topic.pupil-text-decided' });
  });
  it('uses a sentence without names (the evaluators’ digest) once the notification carries params', () => {
    expect(shownOf(item({ topic: 'evaluator-digest', params: {} }))).toMatchObject({ kind: 'sentence', key: 'notifications.topic.evaluator-digest' });
  });
});

describe('the dictionaries', () => {
  it('have every string the page reads, in English and Spanish', () => {
    for (const key of notificationsStrings) {
      expect(en[key], key).toBeTruthy();
      expect(es[key], key).toBeTruthy();
    }
  });
  it('fill every placeholder of each topic’s sentence from the names the topic needs, in both languages', () => {
    for (const topic of topics) {
      const values = Object.fromEntries(topicPlaceholders[topic].map((name) => [name, `<${name}>`]));
      for (const dictionary of [en, es]) {
        const sentence = filled(dictionary[`notifications.topic.${topic}`], values);
        expect(sentence, `${topic}: ${sentence}`).not.toMatch(/\{\w+\}/);
        for (const name of topicPlaceholders[topic]) expect(sentence, `${topic} names ${name}`).toContain(`<${name}>`);
      }
    }
  });
});

describe('read state and order', () => {
  const older = item({ notificationId: '01A', createdAt: '2025-03-01T10:00:00.000Z' });
  const newer = item({ notificationId: '01B', createdAt: '2025-03-02T10:00:00.000Z', read: true });
  const live = item({ notificationId: '01C', createdAt: '2025-03-03T10:00:00.000Z' });

  it('puts what arrived live on top, each notification once, newest first', () => {
    expect(newestFirst([live, newer], [newer, older]).map((one) => one.notificationId)).toEqual(['01C', '01B', '01A']);
    expect(newestFirst([older], [live]).map((one) => one.notificationId)).toEqual(['01C', '01A']);
  });
  it('marks read only what was marked here, leaving the rest as the API said', () => {
    const shown = withReadHere([live, newer, older], new Set(['01A']));
    expect(shown.map((one) => one.read)).toEqual([false, true, true]);
  });
});
