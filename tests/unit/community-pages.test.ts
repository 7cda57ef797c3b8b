/**
 * The community pages' rules (web/src/scripts/community/community.ts, groups-page.ts,
 * encounters-page.ts, resources-page.ts), pure: the forms' problems field by
 * field and the API's bodies, counted words agreeing with their number in
 * English and Spanish ("1 of 1 seat left", never "1 of 1 seats"), who may do
 * what with a group, and a search by words reading past empty pages.
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../web/src/i18n/en.ts';
import { es } from '../../web/src/i18n/es.ts';
import type { MessageKey } from '../../web/src/i18n/index.ts';
import { isSafeLink, listPath } from '../../web/src/scripts/community/community.ts';
import { emptyEncounter, encounterBody, seatsText, zoneAt, zoneLabel } from '../../web/src/scripts/community/encounters-page.ts';
import { emptyGroup, groupAction, groupBody, membersText } from '../../web/src/scripts/community/groups-page.ts';
import { emptyFilter, emptyResource, filterQuery, pageWithItems, resourceBody } from '../../web/src/scripts/community/resources-page.ts';

const english = (key: MessageKey) => en[key];
const spanish = (key: MessageKey) => es[key];

describe('community', () => {
  it('links only https addresses', () => {
    expect(isSafeLink('https://example.org/a')).toBe(true);
    for (const url of ['http://example.org', 'javascript:alert(1)', 'data:text/html,x', 'not a url']) expect(isSafeLink(url)).toBe(false);
  });
  it('asks for a page with its size, cursor and filters', () => {
    expect(listPath('/groups', null)).toBe('/groups?limit=20');
    expect(listPath('/resources', 'abc=', 20, { q: 'río' })).toBe('/resources?q=r%C3%ADo&limit=20&cursor=abc%3D');
  });
});

describe('groups', () => {
  it('asks for a name and a theme, and sends the chosen access', () => {
    expect(groupBody(emptyGroup)).toEqual({ problems: { name: 'community.required', theme: 'community.required' } });
    expect(groupBody({ name: ' Rivers ', theme: ' Maps ', access: 'invitation' })).toEqual({ body: { name: 'Rivers', theme: 'Maps', access: 'invitation' } });
  });
  it('counts members with the noun agreeing with the number next to it', () => {
    expect(membersText({ memberCount: 1 }, english, 'en')).toBe('1 member');
    expect(membersText({ memberCount: 2 }, english, 'en')).toBe('2 members');
    expect(membersText({ memberCount: 1, maxMembers: 1 }, english, 'en')).toBe('1 of 1 member');
    expect(membersText({ memberCount: 1, maxMembers: 10 }, english, 'en')).toBe('1 of 10 members');
    expect(membersText({ memberCount: 1 }, spanish, 'es')).toBe('1 miembro');
    expect(membersText({ memberCount: 1500 }, spanish, 'es')).toBe('1500 miembros');
  });
  it('offers the owner management, a member leaving, others joining only an open group', () => {
    expect(groupAction({ isOwner: true, isMember: true, access: 'open' })).toBe('manage');
    expect(groupAction({ isOwner: false, isMember: true, access: 'invitation' })).toBe('leave');
    expect(groupAction({ isOwner: false, isMember: false, access: 'open' })).toBe('join');
    expect(groupAction({ isOwner: false, isMember: false, access: 'invitation' })).toBeUndefined();
  });
});

describe('encounters', () => {
  const typed = { ...emptyEncounter, title: ' Talk ', startsAt: '2030-03-04T16:00', seats: '1', language: 'en', joinUrl: 'https://meet.example.org/x' };
  it('marks each missing or wrong field', () => {
    expect(encounterBody(emptyEncounter)).toEqual({
      problems: { title: 'community.required', startsAt: 'community.required', seats: 'encounters.seatsInvalid', language: 'community.languageInvalid', joinUrl: 'encounters.joinUrlInvalid' },
    });
    expect(encounterBody({ ...typed, seats: '1.5', joinUrl: 'http://meet.example.org/x' })).toEqual({ problems: { seats: 'encounters.seatsInvalid', joinUrl: 'encounters.joinUrlInvalid' } });
  });
  it("sends the organiser's local time as an instant", () => {
    expect(encounterBody(typed)).toEqual({
      body: { title: 'Talk', startsAt: new Date('2030-03-04T16:00').toISOString(), seats: 1, language: 'en', description: '', joinUrl: 'https://meet.example.org/x' },
    });
  });
  it('says seats left with the noun agreeing with the number of seats, and a full one by its waiting list', () => {
    expect(seatsText({ seats: 1, seatsLeft: 1, waitingCount: 0 }, english, 'en')).toBe('1 of 1 seat left');
    expect(seatsText({ seats: 5, seatsLeft: 1, waitingCount: 0 }, english, 'en')).toBe('1 of 5 seats left');
    expect(seatsText({ seats: 1, seatsLeft: 1, waitingCount: 0 }, spanish, 'es')).toBe('1 de 1 plaza libre');
    expect(seatsText({ seats: 30, seatsLeft: 2, waitingCount: 0 }, spanish, 'es')).toBe('2 de 30 plazas libres');
    expect(seatsText({ seats: 1, seatsLeft: 0, waitingCount: 1 }, english, 'en')).toBe('Full: 1 on the waiting list');
  });
  it('names the time zone, in winter and in summer', () => {
    expect(zoneAt('2030-01-15T09:30:00Z', 'en-GB', 'Europe/Madrid')).toBe('CET');
    expect(zoneAt('2030-07-15T09:30:00Z', 'en-GB', 'Europe/Madrid')).toBe('CEST');
    expect(zoneLabel('en-GB', new Date('2030-01-15T09:30:00Z'), 'Europe/Madrid')).toBe('Europe/Madrid, CET');
    expect(zoneLabel('en-GB', new Date('2030-01-15T09:30:00Z'), 'UTC')).toBe('UTC');
  });
});

describe('resources', () => {
  it('sends only the filters given, and refuses a wrong tag or language', () => {
    expect(filterQuery(emptyFilter)).toEqual({ query: {} });
    expect(filterQuery({ q: ' río ', tag: 'climate', language: 'es' })).toEqual({ query: { q: 'río', tag: 'climate', language: 'es' } });
    expect(filterQuery({ q: '', tag: '#x', language: 'spa' })).toEqual({ problems: { tag: 'resources.tagInvalid', language: 'community.languageInvalid' } });
  });
  it('asks for a title, an https link, a tag and a language; tags split on commas', () => {
    expect(resourceBody(emptyResource)).toEqual({
      problems: { title: 'community.required', url: 'resources.urlInvalid', tags: 'community.required', language: 'community.languageInvalid' },
    });
    expect(resourceBody({ title: ' Maps ', url: 'https://example.org/maps', description: '', tags: 'geography, maps,,', language: 'fr' })).toEqual({
      body: { title: 'Maps', url: 'https://example.org/maps', description: '', tags: ['geography', 'maps'], language: 'fr' },
    });
  });
  it('reads past empty pages of a search, a few at most', async () => {
    const pages: Record<string, { items: never[] | { resourceId: string }[]; nextCursor: string | null }> = {
      start: { items: [], nextCursor: 'a' },
      a: { items: [], nextCursor: 'b' },
      b: { items: [{ resourceId: 'r1' }], nextCursor: 'c' },
    };
    const read = async (cursor: string | null) => pages[cursor ?? 'start'] as never;
    expect(await pageWithItems(read, null)).toEqual(pages.b);
    let reads = 0;
    const endless = async () => (reads++, { items: [], nextCursor: 'more' });
    expect((await pageWithItems(endless, null)).items).toEqual([]);
    expect(reads).toBe(6);
  });
});
