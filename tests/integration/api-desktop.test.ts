/**
 * The teacher's desktop through the real HTTP API, as the demo accounts and
 * fresh test teachers: the versioned profile, schools, partner search, desktop
 * mail and notifications.
 */
import { ulid } from 'ulid';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { AccountKind } from '../../functions/domain/twinspace-types.ts';
import { apiGet, apiSend, demoToken, tableStoreOf, type ApiAnswer } from '../support/clients.ts';
import { newTestAccount } from '../support/accounts.ts';

const endpoints = inject('endpoints');
const token = (username: string) => demoToken(endpoints, username);

/** A new account with a profile of this kind (no school, not open to partnership), signed in. */
const newAccount = (kind: AccountKind, country: string, displayName: string) => newTestAccount(endpoints, { kind, country, displayName });

/** Every partner the search gives, following nextCursor (a filtered page may be short). */
async function allPartners(query: string, idToken: string): Promise<{ userId: string; displayName: string; [field: string]: unknown }[]> {
  const partners = [];
  let cursor: string | null = null;
  do {
    const page: ApiAnswer = await apiGet(endpoints, `/partners?limit=2&${query}${cursor ? `&cursor=${cursor}` : ''}`, idToken);
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    partners.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return partners;
}

const names = (partners: { displayName: string }[]) => partners.map((partner) => partner.displayName);

describe('PUT /me/profile', () => {
  it('saves a teacher\'s partner profile and answers it with the next version; a second save of the same version gets 409 and changes nothing', async () => {
    const teacher = await newAccount('teacher', 'PT', 'Rui Costa');
    const first = await apiSend(endpoints, 'PUT', '/me/profile', teacher.idToken, {
      version: 1,
      displayName: 'Rui M. Costa',
      openToPartnership: true,
      subjects: ['History', 'art'],
      languages: ['PT', 'en'],
      ages: { min: 10, max: 12 },
    });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({
      userId: teacher.userId,
      kind: 'teacher',
      country: 'PT',
      displayName: 'Rui M. Costa',
      openToPartnership: true,
      subjects: ['history', 'art'],
      languages: ['pt', 'en'],
      ages: { min: 10, max: 12 },
      version: 2,
    });

    // The other tab still holds version 1.
    const stale = await apiSend(endpoints, 'PUT', '/me/profile', teacher.idToken, { version: 1, displayName: 'Someone else' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/changed elsewhere.*nothing was saved/) });
    const me = await apiGet(endpoints, '/me', teacher.idToken);
    expect(me.body.profile).toMatchObject({ displayName: 'Rui M. Costa', version: 2 });
  });

  it('lets exactly one of eight simultaneous saves of the same version through (race: one 200, seven 409)', async () => {
    const teacher = await newAccount('teacher', 'PT', 'Rita Alves');
    const displayNames = Array.from({ length: 8 }, (_, index) => `Rita Alves ${index + 1}`);
    const saves = await Promise.all(displayNames.map((displayName) => apiSend(endpoints, 'PUT', '/me/profile', teacher.idToken, { version: 1, displayName })));
    const statuses = saves.map((save) => save.status);
    expect(statuses.filter((status) => status === 200), JSON.stringify(statuses)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409), JSON.stringify(statuses)).toHaveLength(7);
    const winner = saves.find((save) => save.status === 200)!;
    expect(winner.body).toMatchObject({ version: 2 });
    const me = await apiGet(endpoints, '/me', teacher.idToken);
    expect(me.body.profile).toMatchObject({ displayName: winner.body.displayName, version: 2 });
  });

  it('copies a new display name to the memberships, so the roster shows it', async () => {
    const eva = await token('eva@demo.twinspace');
    const me = await apiGet(endpoints, '/me', eva);
    const projectId = me.body.projects[0].projectId;
    const renamed = await apiSend(endpoints, 'PUT', '/me/profile', eva, { version: me.body.profile.version, displayName: 'Eva M. Rossi' });
    expect(renamed.status).toBe(200);
    const roster = await apiGet(endpoints, `/projects/${projectId}/members`, eva);
    expect(roster.body.items.map((member: { displayName: string }) => member.displayName)).toContain('Eva M. Rossi');
    // Put the demo name back for the other tests.
    expect((await apiSend(endpoints, 'PUT', '/me/profile', eva, { version: renamed.body.version, displayName: 'Eva Rossi' })).status).toBe(200);
  });

  it('puts an open teacher in partner search and takes them out when they close', async () => {
    const teacher = await newAccount('teacher', 'PT', 'Inês Lopes');
    const subject = `subject ${ulid().toLowerCase()}`;
    const ana = await token('ana@demo.twinspace');
    const opened = await apiSend(endpoints, 'PUT', '/me/profile', teacher.idToken, { version: 1, openToPartnership: true, subjects: [subject], languages: ['pt'] });
    expect(opened.status).toBe(200);
    expect(names(await allPartners(`subject=${encodeURIComponent(subject)}`, ana))).toEqual(['Inês Lopes']);

    const closed = await apiSend(endpoints, 'PUT', '/me/profile', teacher.idToken, { version: 2, openToPartnership: false });
    expect(closed.body).toMatchObject({ openToPartnership: false, version: 3 });
    expect(await allPartners(`subject=${encodeURIComponent(subject)}`, ana)).toEqual([]);
  });

  it('lets a pupil change nothing (403) and keeps partner fields for teachers (400 naming each field)', async () => {
    const pupil = await apiSend(endpoints, 'PUT', '/me/profile', await token('pupil.marta'), { version: 1, displayName: 'Marta!' });
    expect(pupil.status).toBe(403);
    const guest = await apiSend(endpoints, 'PUT', '/me/profile', await token('guest@demo.twinspace'), { version: 1, subjects: ['art'], openToPartnership: true });
    expect(guest.status).toBe(400);
    expect(guest.body.error.details.map((detail: { field: string }) => detail.field).sort()).toEqual(['body.openToPartnership', 'body.subjects']);
  });

  it('answers 400 naming each bad field', async () => {
    const answer = await apiSend(endpoints, 'PUT', '/me/profile', await token('eva@demo.twinspace'), { displayName: '', ages: { min: 16, max: 12 }, colour: 'blue' });
    expect(answer.status).toBe(400);
    const fields = answer.body.error.details.map((detail: { field: string }) => detail.field);
    expect(fields).toEqual(expect.arrayContaining(['body.displayName', 'body.ages.max', 'body.version']));
  });
});

describe('schools', () => {
  let founder: Awaited<ReturnType<typeof newAccount>>;
  let schoolId: string;

  beforeAll(async () => {
    founder = await newAccount('teacher', 'PT', 'Ana Sousa');
    const created = await apiSend(endpoints, 'POST', '/schools', founder.idToken, { name: 'Escola Básica do Porto', country: 'pt', city: 'Porto' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ name: 'Escola Básica do Porto', country: 'PT', city: 'Porto', version: 1, joined: true });
    schoolId = created.body.schoolId;
  });

  it('makes the creator a teacher of the school', async () => {
    const me = await apiGet(endpoints, '/me', founder.idToken);
    expect(me.body.profile.school).toBe('Escola Básica do Porto');
  });

  it('is read by teachers and the NSS, not by pupils or guests', async () => {
    for (const reader of ['luc@demo.twinspace', 'nss.es@demo.twinspace']) {
      const school = await apiGet(endpoints, `/schools/${schoolId}`, await token(reader));
      expect(school.status, reader).toBe(200);
      expect(school.body).toMatchObject({ schoolId, name: 'Escola Básica do Porto', city: 'Porto', version: 1 });
    }
    for (const reader of ['pupil.marta', 'guest@demo.twinspace']) {
      expect((await apiGet(endpoints, `/schools/${schoolId}`, await token(reader))).status, reader).toBe(403);
    }
    expect((await apiGet(endpoints, `/schools/${ulid()}`, await token('luc@demo.twinspace'))).status).toBe(404);
  });

  it('is edited by its own teachers, versioned: the stale save gets 409 and the first one stays', async () => {
    const renamed = await apiSend(endpoints, 'PUT', `/schools/${schoolId}`, founder.idToken, { version: 1, name: 'Escola Básica Sá da Bandeira' });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Escola Básica Sá da Bandeira', city: 'Porto', version: 2 });

    const stale = await apiSend(endpoints, 'PUT', `/schools/${schoolId}`, founder.idToken, { version: 1, city: 'Lisboa' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/nothing was saved/);
    const school = await apiGet(endpoints, `/schools/${schoolId}`, founder.idToken);
    expect(school.body).toMatchObject({ name: 'Escola Básica Sá da Bandeira', city: 'Porto', version: 2 });
    // Its teachers' profiles carry the new name.
    expect((await apiGet(endpoints, '/me', founder.idToken)).body.profile.school).toBe('Escola Básica Sá da Bandeira');
  });

  it('lets exactly one of eight simultaneous edits of the same version through (race: one 200, seven 409)', async () => {
    const teacher = await newAccount('teacher', 'PT', 'Paulo Matos');
    const created = await apiSend(endpoints, 'POST', '/schools', teacher.idToken, { name: 'Escola de Braga', country: 'PT', city: 'Braga' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const path = `/schools/${created.body.schoolId}`;
    const schoolNames = Array.from({ length: 8 }, (_, index) => `Escola de Braga ${index + 1}`);
    const edits = await Promise.all(schoolNames.map((name) => apiSend(endpoints, 'PUT', path, teacher.idToken, { version: 1, name })));
    const statuses = edits.map((edit) => edit.status);
    expect(statuses.filter((status) => status === 200), JSON.stringify(statuses)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409), JSON.stringify(statuses)).toHaveLength(7);
    const winner = edits.find((edit) => edit.status === 200)!;
    const school = await apiGet(endpoints, path, teacher.idToken);
    expect(school.body).toMatchObject({ name: winner.body.name, version: 2 });
    // The teacher's profile carries the winning name, not a loser's.
    expect((await apiGet(endpoints, '/me', teacher.idToken)).body.profile.school).toBe(winner.body.name);
  });

  it('refuses a teacher of another school (403), a pupil (403 on create) and bad input (400)', async () => {
    const luc = await apiSend(endpoints, 'PUT', `/schools/${schoolId}`, await token('luc@demo.twinspace'), { version: 2, name: 'Not mine' });
    expect(luc.status).toBe(403);
    const pupil = await apiSend(endpoints, 'POST', '/schools', await token('pupil.marta'), { name: 'X', country: 'ES', city: 'Y' });
    expect(pupil.status).toBe(403);
    const bad = await apiSend(endpoints, 'POST', '/schools', founder.idToken, { name: '', country: 'Portugal' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((detail: { field: string }) => detail.field).sort()).toEqual(['body.city', 'body.country', 'body.name']);
  });

  it('seeds the demo teachers\' schools', async () => {
    const luc = await token('luc@demo.twinspace');
    expect((await apiGet(endpoints, '/me', luc)).body.profile.school).toBe('Collège Jean Moulin');
    const [lucProfile] = (await allPartners('country=FR', await token('ana@demo.twinspace'))).filter((partner) => partner.displayName === 'Luc Moreau');
    expect(lucProfile).toMatchObject({ country: 'FR', school: 'Collège Jean Moulin' });
  });
});

describe('GET /partners', () => {
  it('shows ana the other open demo teachers, never herself, pupils or guests, and no e-mail address', async () => {
    const partners = await allPartners('', await token('ana@demo.twinspace'));
    expect(names(partners)).toEqual(expect.arrayContaining(['Luc Moreau', 'Eva Rossi']));
    expect(names(partners)).not.toContain('Ana García');
    expect(names(partners)).not.toEqual(expect.arrayContaining(['Marta Ruiz']));
    expect(names(partners)).not.toContain('Jules Martin');
    expect(names(partners)).not.toContain('Gloria Sanz');
    expect(JSON.stringify(partners)).not.toContain('@');
    expect(partners.find((partner) => partner.displayName === 'Eva Rossi')).toMatchObject({
      country: 'IT',
      school: 'Liceo Galileo Galilei',
      subjects: expect.arrayContaining(['science']),
      languages: expect.arrayContaining(['it']),
      ages: { min: 14, max: 18 },
    });
  });

  it('narrows by country, subject, language and pupils\' age', async () => {
    const ana = await token('ana@demo.twinspace');
    const demo = (list: { displayName: string }[]) => names(list).filter((name) => ['Luc Moreau', 'Eva Rossi', 'Ana García'].includes(name)).sort();
    expect(demo(await allPartners('country=fr', ana))).toEqual(['Luc Moreau']);
    expect(demo(await allPartners('country=IT', ana))).toEqual(['Eva Rossi']);
    expect(demo(await allPartners('subject=Science', ana))).toEqual(['Eva Rossi']);
    expect(demo(await allPartners('subject=geography', ana))).toEqual(['Luc Moreau']);
    expect(demo(await allPartners('language=it', ana))).toEqual(['Eva Rossi']);
    expect(demo(await allPartners('language=en', ana))).toEqual(['Eva Rossi', 'Luc Moreau']);
    expect(demo(await allPartners('age=12', ana))).toEqual(['Luc Moreau']);
    expect(demo(await allPartners('age=16', ana))).toEqual(['Eva Rossi']);
    expect(demo(await allPartners('country=FR&subject=science', ana))).toEqual([]);
    // Luc finds ana, who is open too.
    expect(demo(await allPartners('country=ES', await token('luc@demo.twinspace')))).toEqual(['Ana García']);
  });

  it('is for teachers only', async () => {
    for (const username of ['pupil.marta', 'guest@demo.twinspace', 'nss.es@demo.twinspace', 'eval.es@demo.twinspace']) {
      expect((await apiGet(endpoints, '/partners', await token(username))).status, username).toBe(403);
    }
    expect((await apiGet(endpoints, '/partners')).status).toBe(401);
  });

  it('pages with a cursor it validates', async () => {
    const ana = await token('ana@demo.twinspace');
    // A page is the index's next `limit` entries after the filter: it may be short (ana herself is filtered out).
    const first = await apiGet(endpoints, '/partners?limit=1', ana);
    expect(first.status).toBe(200);
    expect(first.body.items.length).toBeLessThanOrEqual(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const pageByPage = (await allPartners('', ana)).map((partner) => partner.userId);
    const oneGo = (await apiGet(endpoints, '/partners?limit=100', ana)).body.items.map((partner: { userId: string }) => partner.userId);
    expect(pageByPage).toEqual(oneGo);
    expect(new Set(pageByPage).size).toBe(pageByPage.length);

    const key = JSON.parse(Buffer.from(first.body.nextCursor, 'base64url').toString('utf8'));
    const tampered = Buffer.from(JSON.stringify({ ...key, GSI1PK: 'EVALUATORS' })).toString('base64url');
    const refused = await apiGet(endpoints, `/partners?cursor=${tampered}`, ana);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([{ field: 'query.cursor', message: expect.any(String) }]);
    expect((await apiGet(endpoints, '/partners?cursor=%21%21', ana)).status).toBe(400);
    expect((await apiGet(endpoints, '/partners?age=old&country=Spain', ana)).body.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'query.age',
      'query.country',
    ]);
  });
});

describe('desktop mail', () => {
  let mailId: string;
  let unreadBefore: number;
  const subject = `Water samples ${ulid()}`;

  beforeAll(async () => {
    unreadBefore = (await apiGet(endpoints, '/mail?folder=inbox', await token('luc@demo.twinspace'))).body.unread;
    const sent = await apiSend(endpoints, 'POST', '/mail', await token('ana@demo.twinspace'), {
      toUsername: 'luc@demo.twinspace',
      subject,
      body: 'Shall we compare the Ebro and the Rhône next week?',
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.body).toMatchObject({ folder: 'sent', subject, from: { displayName: 'Ana García' }, to: { displayName: 'Luc Moreau' } });
    mailId = sent.body.mailId;
  });

  it("puts it in luc's inbox, newest first, unread, and counts it", async () => {
    const inbox = await apiGet(endpoints, '/mail?folder=inbox', await token('luc@demo.twinspace'));
    expect(inbox.status).toBe(200);
    expect(inbox.body.unread).toBe(unreadBefore + 1);
    expect(inbox.body.items[0]).toMatchObject({ mailId, subject, read: false, from: { displayName: 'Ana García', country: 'ES' } });
    expect(inbox.body.items[0]).not.toHaveProperty('body');
  });

  it("keeps it in ana's sent folder", async () => {
    const sent = await apiGet(endpoints, '/mail?folder=sent', await token('ana@demo.twinspace'));
    expect(sent.body.items.map((mail: { mailId: string }) => mail.mailId)).toContain(mailId);
  });

  it('marks it read when luc opens it, once', async () => {
    const luc = await token('luc@demo.twinspace');
    const opened = await apiGet(endpoints, `/mail/${mailId}`, luc);
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ mailId, subject, body: 'Shall we compare the Ebro and the Rhône next week?', read: true });
    expect((await apiGet(endpoints, '/mail', luc)).body.unread).toBe(unreadBefore);
    await apiGet(endpoints, `/mail/${mailId}`, luc);
    const inbox = await apiGet(endpoints, '/mail', luc);
    expect(inbox.body.unread).toBe(unreadBefore);
    expect(inbox.body.items.find((mail: { mailId: string }) => mail.mailId === mailId)).toMatchObject({ read: true });
    // The sender reads her copy without touching luc's count.
    expect((await apiGet(endpoints, `/mail/${mailId}`, await token('ana@demo.twinspace'))).status).toBe(200);
  });

  it('is not there for anyone else', async () => {
    expect((await apiGet(endpoints, `/mail/${mailId}`, await token('eva@demo.twinspace'))).status).toBe(404);
    expect((await apiGet(endpoints, `/mail/${mailId}`, await token('pupil.jules'))).status).toBe(403);
  });

  it('is for teachers only, to teachers only', async () => {
    const marta = await apiSend(endpoints, 'POST', '/mail', await token('pupil.marta'), { toUsername: 'luc@demo.twinspace', subject: 'Hi', body: 'Hello' });
    expect(marta.status).toBe(403);
    const nss = await apiGet(endpoints, '/mail', await token('nss.es@demo.twinspace'));
    expect(nss.status).toBe(403);
    const toPupil = await apiSend(endpoints, 'POST', '/mail', await token('ana@demo.twinspace'), { toUsername: 'pupil.jules', subject: 'Hi', body: 'Hello' });
    expect(toPupil.status).toBe(400);
    expect(toPupil.body.error.details).toEqual([{ field: 'body.toUsername', message: 'No teacher has this username.' }]);
    const nobody = await apiSend(endpoints, 'POST', '/mail', await token('ana@demo.twinspace'), { toUsername: 'nobody@demo.twinspace', subject: 'Hi', body: 'Hello' });
    expect(nobody.body.error.details).toEqual(toPupil.body.error.details);
  });

  it('reaches a partner found by search, by their user id', async () => {
    const ana = await token('ana@demo.twinspace');
    const [eva] = (await allPartners('country=IT', ana)).filter((partner) => partner.displayName === 'Eva Rossi');
    const sent = await apiSend(endpoints, 'POST', '/mail', ana, { toUserId: eva.userId, subject: 'Physics', body: 'CLIL together?' });
    expect(sent.status).toBe(201);
    const inbox = await apiGet(endpoints, '/mail', await token('eva@demo.twinspace'));
    expect(inbox.body.items[0]).toMatchObject({ mailId: sent.body.mailId, read: false });
  });

  it('pages a folder with a cursor it validates', async () => {
    const ana = await token('ana@demo.twinspace');
    const first = await apiGet(endpoints, '/mail?folder=sent&limit=1', ana);
    expect(first.body.items).toHaveLength(1);
    const second = await apiGet(endpoints, `/mail?folder=sent&limit=1&cursor=${first.body.nextCursor}`, ana);
    expect(second.body.items[0].sentAt <= first.body.items[0].sentAt).toBe(true);
    expect(second.body.items[0].mailId).not.toBe(first.body.items[0].mailId);
    // A sent-folder cursor does not open the inbox.
    expect((await apiGet(endpoints, `/mail?folder=inbox&cursor=${first.body.nextCursor}`, ana)).status).toBe(400);
  });
});

describe('GET /me/notifications', () => {
  it('lists my notifications newest first, paged', async () => {
    const account = await newAccount('teacher', 'PT', 'Nuno Reis');
    const { putNotification } = await import('../../functions/data/notifications.ts');
    const store = tableStoreOf(endpoints);
    for (const title of ['first', 'second', 'third']) {
      await putNotification(store, {
        notificationId: ulid(),
        userId: account.userId,
        topic: 'evaluator-digest',
        title,
        body: `${title} body`,
        createdAt: new Date().toISOString(),
      });
    }
    const first = await apiGet(endpoints, '/me/notifications?limit=2', account.idToken);
    expect(first.status).toBe(200);
    expect(first.body.items.map((notification: { title: string }) => notification.title)).toEqual(['third', 'second']);
    const second = await apiGet(endpoints, `/me/notifications?limit=2&cursor=${first.body.nextCursor}`, account.idToken);
    expect(second.body.items.map((notification: { title: string }) => notification.title)).toEqual(['first']);
    // Someone else's cursor is refused.
    expect((await apiGet(endpoints, `/me/notifications?cursor=${first.body.nextCursor}`, await token('ana@demo.twinspace'))).status).toBe(400);
  });
});
