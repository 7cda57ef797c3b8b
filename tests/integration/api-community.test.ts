/**
 * Groups, encounters and the resource library through the real HTTP API, as
 * the demo accounts (and the seeded demo data) and fresh test teachers; each
 * test that changes state makes its own group, encounter or tag.
 */
import { ulid } from 'ulid';
import { describe, expect, inject, it } from 'vitest';
import { createEncounter } from '../../functions/data/encounters.ts';
import type { AccountKind } from '../../functions/domain/twinspace-types.ts';
import { apiGet, apiSend, demoToken, subOf, tableStoreOf, type ApiAnswer } from '../support/clients.ts';
import { newTestAccount } from '../support/accounts.ts';

const endpoints = inject('endpoints');
const token = (username: string) => demoToken(endpoints, username);

const newAccount = (kind: AccountKind, country = 'PT', displayName = 'Rui Costa') => newTestAccount(endpoints, { kind, country, displayName });

/** Every item of a list, following nextCursor. */
async function everything(path: string, idToken: string, limit = 5): Promise<any[]> {
  const items = [];
  let cursor: string | null = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const page: ApiAnswer = await apiGet(endpoints, `${path}${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, idToken);
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}

const fields = (answer: ApiAnswer) => answer.body.error.details.map((detail: { field: string }) => detail.field).sort();
const inAWeek = () => new Date(Date.now() + 7 * 24 * 3600_000).toISOString();

describe('groups', () => {
  it('lists the demo groups with whether I am a member and whether I own it', async () => {
    const groups = await everything('/groups', await token('ana@demo.twinspace'));
    expect(groups.find((group) => group.name === 'Climate teachers')).toMatchObject({ access: 'open', isMember: true, isOwner: true, owner: { displayName: 'Ana García' } });
    expect(groups.find((group) => group.name === 'CLIL in Europe')).toMatchObject({ access: 'invitation', isMember: false, isOwner: false, memberCount: 2 });
  });

  it('lets a teacher create an open group that another joins and leaves, once each', async () => {
    const owner = await newAccount('teacher');
    const joiner = await newAccount('teacher', 'IT', 'Sara Bianchi');
    const created = await apiSend(endpoints, 'POST', '/groups', owner.idToken, { name: `Maths ${ulid()}`, theme: 'Puzzles', access: 'open' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ isMember: true, isOwner: true, memberCount: 1 });
    const groupId = created.body.groupId;

    const joined = await apiSend(endpoints, 'POST', `/groups/${groupId}/members`, joiner.idToken, {});
    expect(joined.status, JSON.stringify(joined.body)).toBe(201);
    expect(joined.body).toMatchObject({ userId: joiner.userId, displayName: 'Sara Bianchi' });
    const again = await apiSend(endpoints, 'POST', `/groups/${groupId}/members`, joiner.idToken, {});
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('You are already a member of this group.');

    const listed = (await everything('/groups', joiner.idToken, 50)).find((group) => group.groupId === groupId);
    expect(listed).toMatchObject({ isMember: true, isOwner: false, memberCount: 2 });
    const members = await everything(`/groups/${groupId}/members`, joiner.idToken);
    expect(members.map((member) => member.userId).sort()).toEqual([owner.userId, joiner.userId].sort());

    expect((await apiSend(endpoints, 'DELETE', `/groups/${groupId}/members/${joiner.userId}`, joiner.idToken)).status).toBe(204);
    expect((await apiSend(endpoints, 'DELETE', `/groups/${groupId}/members/${joiner.userId}`, joiner.idToken)).status).toBe(404);
    const left = (await everything('/groups', joiner.idToken, 50)).find((group) => group.groupId === groupId);
    expect(left).toMatchObject({ isMember: false, memberCount: 1 });
  });

  it('keeps an invitation-only group closed: only its owner adds teachers, by username, and removes them', async () => {
    const owner = await newAccount('teacher');
    const teacher = await newAccount('teacher', 'FR', 'Léa Petit');
    const other = await newAccount('teacher', 'DE', 'Jonas Weber');
    const { body: group } = await apiSend(endpoints, 'POST', '/groups', owner.idToken, { name: `Secret ${ulid()}`, theme: 'Invited only', access: 'invitation' });

    const selfJoin = await apiSend(endpoints, 'POST', `/groups/${group.groupId}/members`, teacher.idToken, {});
    expect(selfJoin.status).toBe(403);
    expect(selfJoin.body.error.message).toBe('This group is by invitation only: its owner adds its members.');
    expect((await apiSend(endpoints, 'POST', `/groups/${group.groupId}/members`, teacher.idToken, { username: other.username })).status).toBe(403);
    expect((await apiGet(endpoints, `/groups/${group.groupId}/members`, teacher.idToken)).status).toBe(403);

    const added = await apiSend(endpoints, 'POST', `/groups/${group.groupId}/members`, owner.idToken, { username: teacher.username });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect((await everything('/groups', teacher.idToken, 50)).find((listed) => listed.groupId === group.groupId)).toMatchObject({ isMember: true });

    // A pupil is answered like an unknown username.
    const pupil = await apiSend(endpoints, 'POST', `/groups/${group.groupId}/members`, owner.idToken, { username: 'pupil.marta' });
    expect(pupil.status).toBe(400);
    expect(fields(pupil)).toEqual(['body.username']);

    expect((await apiSend(endpoints, 'DELETE', `/groups/${group.groupId}/members/${teacher.userId}`, other.idToken)).status).toBe(403);
    expect((await apiSend(endpoints, 'DELETE', `/groups/${group.groupId}/members/${owner.userId}`, owner.idToken)).status).toBe(409);
    expect((await apiSend(endpoints, 'DELETE', `/groups/${group.groupId}/members/${teacher.userId}`, owner.idToken)).status).toBe(204);
  });

  it('refuses a join when the group is full', async () => {
    const owner = await newAccount('teacher');
    const first = await newAccount('teacher');
    const second = await newAccount('teacher');
    const { body: group } = await apiSend(endpoints, 'POST', '/groups', owner.idToken, { name: `Small ${ulid()}`, theme: 'Two of us', access: 'open', maxMembers: 2 });
    expect((await apiSend(endpoints, 'POST', `/groups/${group.groupId}/members`, first.idToken, {})).status).toBe(201);
    const full = await apiSend(endpoints, 'POST', `/groups/${group.groupId}/members`, second.idToken, {});
    expect(full.status).toBe(409);
    expect(full.body.error.message).toBe('This group is full.');
  });

  it('gives the last place of a group to exactly one of many teachers joining at the same moment', async () => {
    const owner = await newAccount('teacher');
    const joiners = await Promise.all(Array.from({ length: 8 }, () => newAccount('teacher')));
    const { body: group } = await apiSend(endpoints, 'POST', '/groups', owner.idToken, { name: `Race ${ulid()}`, theme: 'One place left', access: 'open', maxMembers: 2 });
    const answers = await Promise.all(joiners.map((joiner) => apiSend(endpoints, 'POST', `/groups/${group.groupId}/members`, joiner.idToken, {})));
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, ...Array(7).fill(409)]);
    expect(answers.filter((answer) => answer.status === 409).map((answer) => answer.body.error.message)).toEqual(Array(7).fill('This group is full.'));
    const members = await everything(`/groups/${group.groupId}/members`, owner.idToken);
    expect(members).toHaveLength(2);
    expect((await everything('/groups', owner.idToken, 50)).find((listed) => listed.groupId === group.groupId)).toMatchObject({ memberCount: 2 });
  });

  it('answers 403 to pupils, guests and the NSS, 400 naming fields, 404 for an unknown group, 400 for a foreign cursor', async () => {
    for (const username of ['pupil.marta', 'guest@demo.twinspace', 'nss.es@demo.twinspace']) {
      expect((await apiGet(endpoints, '/groups', await token(username))).status, username).toBe(403);
    }
    const ana = await token('ana@demo.twinspace');
    const bad = await apiSend(endpoints, 'POST', '/groups', ana, { name: '', access: 'closed' });
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual(['body.access', 'body.name', 'body.theme']);
    expect((await apiSend(endpoints, 'POST', `/groups/${ulid()}/members`, ana, {})).status).toBe(404);
    const foreign = Buffer.from(JSON.stringify({ PK: 'USER#x', SK: 'META', GSI1PK: 'PARTNERS', GSI1SK: 'ES#x' })).toString('base64url');
    const tampered = await apiGet(endpoints, `/groups?cursor=${foreign}`, ana);
    expect(tampered.status).toBe(400);
    expect(fields(tampered)).toEqual(['query.cursor']);
  });
});

describe('encounters', () => {
  async function newEncounter(seats: number, title = `Encounter ${ulid()}`) {
    const created = await apiSend(endpoints, 'POST', '/encounters', await token('nss.es@demo.twinspace'), { title, startsAt: inAWeek(), seats, language: 'es', description: 'Online.', joinUrl: 'https://meet.example.org/room-1' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body as { encounterId: string; title: string };
  }
  const mine = async (encounterId: string, idToken: string) =>
    (await everything('/encounters', idToken, 100)).find((encounter) => encounter.encounterId === encounterId);

  it('lists the demo encounters, upcoming and soonest first, with seats left', async () => {
    const encounters = await everything('/encounters', await token('eva@demo.twinspace'));
    const titles = encounters.map((encounter) => encounter.title);
    expect(titles).toEqual(expect.arrayContaining(['Project-based learning with TwinSpace', 'Evaluar proyectos colaborativos']));
    const starts = encounters.map((encounter) => Date.parse(encounter.startsAt));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(starts.every((start) => start > Date.now())).toBe(true);
    expect(encounters.find((encounter) => encounter.title === 'Evaluar proyectos colaborativos')).toMatchObject({ seats: 40, language: 'es', organiser: 'NSS España' });
  });

  it('seats the first, queues the next in order, and moves the first waiting up when a seat is cancelled', async () => {
    const encounter = await newEncounter(1);
    const ana = { idToken: await token('ana@demo.twinspace') };
    const luc = { idToken: await token('luc@demo.twinspace') };
    const rui = await newAccount('teacher');
    const path = `/encounters/${encounter.encounterId}/registrations`;

    expect((await apiSend(endpoints, 'POST', path, ana.idToken)).body).toMatchObject({ status: 'seat', seatsLeft: 0 });
    expect((await apiSend(endpoints, 'POST', path, luc.idToken)).body).toMatchObject({ status: 'waiting', position: 1 });
    expect((await apiSend(endpoints, 'POST', path, rui.idToken)).body).toMatchObject({ status: 'waiting', position: 2 });
    const twice = await apiSend(endpoints, 'POST', path, ana.idToken);
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toBe('You already have a seat at this encounter.');
    expect(await mine(encounter.encounterId, luc.idToken)).toMatchObject({ seatsLeft: 0, waitingCount: 2, myRegistration: { status: 'waiting', position: 1 } });

    // Someone else's registration is not mine to cancel.
    expect((await apiSend(endpoints, 'DELETE', `${path}/${subOf(luc.idToken)}`, ana.idToken)).status).toBe(403);
    expect((await apiSend(endpoints, 'DELETE', `${path}/${subOf(ana.idToken)}`, ana.idToken)).status).toBe(204);
    expect(await mine(encounter.encounterId, luc.idToken)).toMatchObject({ seatsLeft: 0, waitingCount: 1, myRegistration: { status: 'seat' } });
    expect(await mine(encounter.encounterId, rui.idToken)).toMatchObject({ myRegistration: { status: 'waiting', position: 1 } });
    expect(await mine(encounter.encounterId, ana.idToken)).toMatchObject({ myRegistration: null });
    expect((await apiSend(endpoints, 'DELETE', `${path}/${subOf(ana.idToken)}`, ana.idToken)).status).toBe(404);

    const notifications = await apiGet(endpoints, '/me/notifications', luc.idToken);
    expect(notifications.body.items.map((notification: { title: string }) => notification.title)).toContain(`You have a seat at “${encounter.title}”`);
  });

  it('never over-books when many register and cancel at the same moment', async () => {
    const encounter = await newEncounter(2);
    const path = `/encounters/${encounter.encounterId}/registrations`;
    const teachers = await Promise.all(Array.from({ length: 6 }, () => newAccount('teacher')));
    const answers = await Promise.all(teachers.map((teacher) => apiSend(endpoints, 'POST', path, teacher.idToken)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(6).fill(201));
    const seated = teachers.filter((_teacher, index) => answers[index].body.status === 'seat');
    const waiting = teachers.filter((_teacher, index) => answers[index].body.status === 'waiting');
    expect(seated).toHaveLength(2);
    expect(answers.filter((answer) => answer.body.status === 'waiting').map((answer) => answer.body.position).sort()).toEqual([1, 2, 3, 4]);

    // Both seated cancel at once: the first two waiting take the seats, nobody more.
    const cancelled = await Promise.all(seated.map((teacher) => apiSend(endpoints, 'DELETE', `${path}/${teacher.userId}`, teacher.idToken)));
    expect(cancelled.map((answer) => answer.status)).toEqual([204, 204]);
    const views = await Promise.all(waiting.map((teacher) => mine(encounter.encounterId, teacher.idToken)));
    expect(views.filter((view) => view.myRegistration?.status === 'seat')).toHaveLength(2);
    expect(views.map((view) => view.myRegistration.position).filter(Boolean).sort()).toEqual([1, 2]);
    expect(views[0]).toMatchObject({ seatsLeft: 0, waitingCount: 2 });
  });

  it('refuses a registration for an encounter that has started (409), and answers 403/400/404 where due', async () => {
    const past = ulid();
    await createEncounter(tableStoreOf(endpoints), {
      encounterId: past, title: 'Yesterday', description: '', language: 'en', startsAt: new Date(Date.now() - 86_400_000).toISOString(),
      seats: 5, seatsTaken: 0, waitingCount: 0, waitingIssued: 0, createdBy: 'x', organiser: 'NSS España', createdAt: new Date().toISOString(),
    });
    const ana = await token('ana@demo.twinspace');
    const started = await apiSend(endpoints, 'POST', `/encounters/${past}/registrations`, ana);
    expect(started.status).toBe(409);
    expect(started.body.error.message).toBe('This encounter has already started; registration is closed.');
    expect((await mine(past, ana))).toBeUndefined();

    expect((await apiSend(endpoints, 'POST', `/encounters/${ulid()}/registrations`, ana)).status).toBe(404);
    expect((await apiSend(endpoints, 'POST', '/encounters', ana, { title: 'Mine', startsAt: inAWeek(), seats: 3, language: 'en', joinUrl: 'https://meet.example.org/mine' })).status).toBe(403);
    const bad = await apiSend(endpoints, 'POST', '/encounters', await token('nss.es@demo.twinspace'), { title: 'Old', startsAt: '2001-01-01T10:00:00Z', seats: 0, language: 'english', joinUrl: 'https://meet.example.org/old' });
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual(['body.language', 'body.seats', 'body.startsAt']);
    const encounter = await newEncounter(3);
    for (const username of ['pupil.marta', 'guest@demo.twinspace', 'nss.es@demo.twinspace', 'eval.es@demo.twinspace']) {
      expect((await apiSend(endpoints, 'POST', `/encounters/${encounter.encounterId}/registrations`, await token(username))).status, username).toBe(403);
    }
    expect((await apiGet(endpoints, '/encounters', await token('pupil.marta'))).status).toBe(403);
    expect((await apiGet(endpoints, '/encounters', await token('nss.es@demo.twinspace'))).status).toBe(200);
  });

  it('takes a join link in https only, and gives it to the teachers with a seat and the NSS, never to the waiting or the unregistered', async () => {
    const nss = await token('nss.es@demo.twinspace');
    const body = { title: `Linked ${ulid()}`, startsAt: '2031-03-04T17:00:00+01:00', seats: 1, language: 'en' };
    for (const joinUrl of ['http://meet.example.org/plain', 'javascript:alert(1)', 'not a link']) {
      const refused = await apiSend(endpoints, 'POST', '/encounters', nss, { ...body, joinUrl });
      expect(refused.status, joinUrl).toBe(400);
      expect(new Set(fields(refused)), joinUrl).toEqual(new Set(['body.joinUrl']));
    }
    const missing = await apiSend(endpoints, 'POST', '/encounters', nss, body);
    expect(fields(missing)).toEqual(['body.joinUrl']);

    const joinUrl = `https://meet.example.org/${ulid()}`;
    const created = await apiSend(endpoints, 'POST', '/encounters', nss, { ...body, joinUrl });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    // Stored and answered in UTC, whatever offset it was given with.
    expect(created.body).toMatchObject({ startsAt: '2031-03-04T16:00:00.000Z', joinUrl });
    const { encounterId } = created.body;

    const seated = await newAccount('teacher');
    const waiting = await newAccount('teacher');
    const onlooker = await newAccount('teacher');
    const path = `/encounters/${encounterId}/registrations`;
    expect((await apiSend(endpoints, 'POST', path, seated.idToken)).body).toMatchObject({ status: 'seat' });
    expect((await apiSend(endpoints, 'POST', path, waiting.idToken)).body).toMatchObject({ status: 'waiting' });

    expect(await mine(encounterId, seated.idToken)).toMatchObject({ joinUrl, startsAt: '2031-03-04T16:00:00.000Z' });
    expect(await mine(encounterId, waiting.idToken)).toMatchObject({ joinUrl: null });
    expect(await mine(encounterId, onlooker.idToken)).toMatchObject({ joinUrl: null });
    expect(await mine(encounterId, await token('nss.fr@demo.twinspace'))).toMatchObject({ joinUrl });

    // The seat freed goes to the first waiting, and the link with it.
    expect((await apiSend(endpoints, 'DELETE', `${path}/${seated.userId}`, seated.idToken)).status).toBe(204);
    expect(await mine(encounterId, seated.idToken)).toMatchObject({ joinUrl: null });
    expect(await mine(encounterId, waiting.idToken)).toMatchObject({ joinUrl, myRegistration: { status: 'seat' } });
  });
});

describe('the resource library', () => {
  it('finds the demo resources by tag, and by tag and language', async () => {
    const ana = await token('ana@demo.twinspace');
    const climate = await everything('/resources?tag=Climate', ana, 1);
    expect(climate.map((resource) => resource.title).sort()).toEqual(['Climate change: a lesson kit', 'El cambio climático en el aula']);
    const spanish = await everything('/resources?tag=climate&language=es', ana);
    expect(spanish.map((resource) => resource.title)).toEqual(['El cambio climático en el aula']);
    expect(spanish[0]).toMatchObject({ url: 'https://example.org/clima-aula', language: 'es', tags: ['climate', 'geography'], addedBy: 'NSS España' });
    const english = await everything('/resources?language=en', ana);
    expect(english.every((resource) => resource.language === 'en')).toBe(true);
    expect(english.map((resource) => resource.title)).toEqual(expect.arrayContaining(['Measuring water quality with pupils', 'Climate change: a lesson kit']));
  });

  it('lets the NSS add resources that teachers find newest first, page by page; a cursor of another tag is a 400', async () => {
    const nss = await token('nss.es@demo.twinspace');
    const tag = `t${ulid().toLowerCase()}`;
    for (const title of ['First', 'Second', 'Third']) {
      const created = await apiSend(endpoints, 'POST', '/resources', nss, { title, url: `https://example.org/${title}`, tags: [tag, 'extra'], language: 'en' });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
    const eva = await token('eva@demo.twinspace');
    const firstPage = await apiGet(endpoints, `/resources?tag=${tag}&limit=2`, eva);
    expect(firstPage.body.items.map((resource: { title: string }) => resource.title)).toEqual(['Third', 'Second']);
    const rest = await apiGet(endpoints, `/resources?tag=${tag}&limit=2&cursor=${firstPage.body.nextCursor}`, eva);
    expect(rest.body.items.map((resource: { title: string }) => resource.title)).toEqual(['First']);
    const misused = await apiGet(endpoints, `/resources?tag=climate&cursor=${firstPage.body.nextCursor}`, eva);
    expect(misused.status).toBe(400);
    expect(fields(misused)).toEqual(['query.cursor']);
  });

  it('finds the demo resources by a word of their description, title or tags, in any case and with or without accents', async () => {
    const ana = await token('ana@demo.twinspace');
    const titles = async (query: string) => (await everything(`/resources?${query}`, ana, 2)).map((resource) => resource.title);
    // "river" is only in the description of the water resource; "river" is not one of its tags.
    expect(await titles('q=river')).toContain('Measuring water quality with pupils');
    expect(await titles('q=River')).toContain('Measuring water quality with pupils');
    // A Spanish word without its accent finds it with one; with the accent too.
    expect(await titles('q=climatico')).toContain('El cambio climático en el aula');
    expect(await titles(`q=${encodeURIComponent('CLIMÁTICO')}`)).toContain('El cambio climático en el aula');
    // A tag's word, and several words: each must be there (title, tags or description).
    expect(await titles('q=geography')).toContain('El cambio climático en el aula');
    const both = await titles(`q=${encodeURIComponent('cambio aula')}`);
    expect(both).toContain('El cambio climático en el aula');
    expect(both).not.toContain('Climate change: a lesson kit');
    // With the tag and language filters.
    expect(await titles('q=climate&language=es')).toEqual(['El cambio climático en el aula']);
    const tagged = await titles('q=climate&tag=science');
    expect(tagged).toContain('Climate change: a lesson kit');
    expect(tagged).not.toContain('El cambio climático en el aula');
    // Only words too common to search for: nothing.
    expect(await titles('q=the')).toEqual([]);
  });

  it('finds a new resource by a Spanish accented word written without its accent, page by page; a cursor of another search is a 400', async () => {
    const nss = await token('nss.es@demo.twinspace');
    const word = `r${ulid().toLowerCase()}`;
    for (const title of ['Uno', 'Dos', 'Tres']) {
      const created = await apiSend(endpoints, 'POST', '/resources', nss, {
        title: `${title} ${word}`,
        url: 'https://example.org/rio',
        description: 'Una salida al río con los alumnos: medir la corriente y el caudal.',
        tags: ['naturaleza'],
        language: 'es',
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
    const eva = await token('eva@demo.twinspace');
    const firstPage = await apiGet(endpoints, `/resources?q=${word}%20rio&limit=2`, eva);
    expect(firstPage.status, JSON.stringify(firstPage.body)).toBe(200);
    const rest = await apiGet(endpoints, `/resources?q=rio%20${word}&limit=2&cursor=${firstPage.body.nextCursor}`, eva);
    expect([...firstPage.body.items, ...rest.body.items].map((resource: { title: string }) => resource.title)).toEqual([`Tres ${word}`, `Dos ${word}`, `Uno ${word}`]);
    expect((await everything(`/resources?q=${encodeURIComponent(`RÍO ${word} caudal`)}`, eva)).map((resource) => resource.title)).toHaveLength(3);
    expect(await everything(`/resources?q=${word}%20montaña`, eva)).toEqual([]);
    const misused = await apiGet(endpoints, `/resources?q=climate&cursor=${firstPage.body.nextCursor}`, eva);
    expect(misused.status).toBe(400);
    expect(fields(misused)).toEqual(['query.cursor']);
  });

  it('takes resources from the NSS only, with an https link, naming each bad field', async () => {
    const resource = { title: 'Mine', url: 'https://example.org/mine', tags: ['x'], language: 'en' };
    expect((await apiSend(endpoints, 'POST', '/resources', await token('ana@demo.twinspace'), resource)).status).toBe(403);
    const bad = await apiSend(endpoints, 'POST', '/resources', await token('nss.fr@demo.twinspace'), { title: 'Risky', url: 'javascript:alert(1)', tags: [], language: 'en' });
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual(['body.tags', 'body.url']);
    for (const username of ['pupil.marta', 'guest@demo.twinspace', 'eval.es@demo.twinspace']) {
      expect((await apiGet(endpoints, '/resources', await token(username))).status, username).toBe(403);
    }
  });
});
