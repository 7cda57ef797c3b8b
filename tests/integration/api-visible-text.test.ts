/**
 * The visible-text rule through the real HTTP API (issue 11, smaller
 * findings): a page title of zero-width characters, a pupil's name with a
 * right-to-left override and an agenda title with a tab are each 400, the
 * field named, in Spanish for a Spanish reader, and nothing is stored; the
 * same routes take Arabic, Hebrew and emoji.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { apiGet, apiSend } from '../support/clients.ts';
import { newTwinspace, type TestTwinspace } from '../support/twinspace.ts';

const endpoints = inject('endpoints');

let space: TestTwinspace;
let ana: string;

async function send(path: string, body: unknown, acceptLanguage = 'en') {
  const response = await fetch(`${endpoints.api}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ana}`, 'content-type': 'application/json', 'accept-language': acceptLanguage },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  return { status: response.status, body: await response.json() };
}

/** Everything a list route answers, page after page. */
async function listAll<T>(path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const answer: { status: number; body: { items: T[]; nextCursor: string | null } } = await apiGet(
      endpoints,
      `${path}${cursor ? `${separator}cursor=${encodeURIComponent(cursor)}` : ''}`,
      ana,
    );
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    items.push(...answer.body.items);
    cursor = answer.body.nextCursor;
  } while (cursor);
  return items;
}

beforeAll(async () => {
  space = await newTwinspace(endpoints, 'Visible names');
  ana = space.members['teacher-admin'].idToken!;
});

describe('names and titles that show nothing, or that reorder themselves, are refused', () => {
  it('a page titled with zero-width characters: 400 naming body.title, and no page', async () => {
    const pages = `/projects/${space.projectId}/pages`;
    const drafts = `${pages}?area=public&status=draft`;
    const before = await listAll<{ pageId: string }>(drafts);
    const refused = await send(pages, { area: 'public', title: '\u200B\u200D\uFEFF', body: 'Hello' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([{ field: 'body.title', message: 'Write some visible text: spaces and invisible characters alone do not count.' }]);
    const spanish = await send(pages, { area: 'public', title: '\u200B\u200B', body: 'Hola' }, 'es');
    expect(spanish.body.error.details).toEqual([{ field: 'body.title', message: 'Escribe algún texto visible: los espacios y los caracteres invisibles, solos, no cuentan.' }]);
    expect(await listAll(drafts)).toEqual(before);

    const hebrew = await send(pages, { area: 'public', title: 'שָׁלוֹם 🌊', body: 'Hello' });
    expect(hebrew.status, JSON.stringify(hebrew.body)).toBe(201);
    expect(hebrew.body.title).toBe('שָׁלוֹם 🌊');
  });

  it('a pupil named with a right-to-left override: 400 naming body.pupil.displayName, and no pupil', async () => {
    const members = `/projects/${space.projectId}/members`;
    const before = await listAll<{ userId: string }>(members);
    const refused = await send(members, { pupil: { displayName: 'Mia\u202Egnp.exe' }, type: 'pupil-member' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([
      { field: 'body.pupil.displayName', message: 'Characters that override the text direction (U+202A to U+202E, U+2066 to U+2069) are not allowed here.' },
    ]);
    const isolate = await send(members, { pupil: { displayName: '\u2067Mia\u2069' }, type: 'pupil-member' }, 'es');
    expect(isolate.body.error.details).toEqual([
      { field: 'body.pupil.displayName', message: 'Aquí no se admiten caracteres que cambian la dirección del texto (de U+202A a U+202E, de U+2066 a U+2069).' },
    ]);
    expect(await listAll(members)).toEqual(before);

    const arabic = await send(members, { pupil: { displayName: 'مريم' }, type: 'pupil-member' });
    expect(arabic.status, JSON.stringify(arabic.body)).toBe(201);
    expect(arabic.body.member.displayName).toBe('مريم');
  });

  it('an agenda event titled with a tab inside: 400 naming body.title, and no event', async () => {
    const agenda = `/projects/${space.projectId}/agenda`;
    const event = { startsAt: '2027-03-01T09:00:00Z', endsAt: '2027-03-01T10:00:00Z' };
    const before = await listAll<{ eventId: string }>(`${agenda}?from=2027-01-01`);
    const refused = await send(agenda, { ...event, title: 'Trip\tday' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([{ field: 'body.title', message: 'Line breaks, tabs and other control characters are not allowed here.' }]);
    expect(await listAll(`${agenda}?from=2027-01-01`)).toEqual(before);

    const withTabs = await send(agenda, { ...event, title: 'Trip day 🚌', description: 'Bring:\n\t- boots\n\t- water' });
    expect(withTabs.status, JSON.stringify(withTabs.body)).toBe(201);
    expect(withTabs.body).toMatchObject({ title: 'Trip day 🚌', description: 'Bring:\n\t- boots\n\t- water' });
  });
});
