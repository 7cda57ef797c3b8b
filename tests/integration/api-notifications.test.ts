/**
 * Notifications through the real HTTP API (issue 9, "What makes one"): every
 * kind reaches its person, once, and nobody else among those concerned by
 * the same event; each carries its topic, project, subject and the names the
 * site's sentence needs, and the table's TTL attribute (90 days). Read state:
 * mark one, mark all, the unread count; someone else's notification cannot
 * be marked. The e-mail preference round-trips on the profile and is refused
 * for pupils.
 *
 * Demo accounts are shared with other test files, so a notification is
 * recognised by what is unique to this file (its projects, pages, mails,
 * encounters), never by counting a demo account's notifications.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { keys } from '../../functions/data/keys.ts';
import { notificationExpiresAt } from '../../functions/domain/notifications.ts';
import { newTestAccount } from '../support/accounts.ts';
import { apiGet, apiSend, demoToken, subOf, tableStoreOf, type ApiAnswer } from '../support/clients.ts';
import { labelApplicationForm } from '../support/labels.ts';
import { newTwinspace, type TestTwinspace, type TwinspaceCaller } from '../support/twinspace.ts';

const endpoints = inject('endpoints');
const token = (username: string) => demoToken(endpoints, username);

interface Item {
  notificationId: string;
  topic: string;
  title: string;
  body: string;
  createdAt: string;
  projectId?: string;
  subjectId?: string;
  params?: Record<string, string | number>;
  read: boolean;
}

interface Person {
  name: string;
  idToken: string;
  userId: string;
}

const person = (caller: TwinspaceCaller): Person => ({ name: caller.name, idToken: caller.idToken!, userId: caller.userId ?? subOf(caller.idToken!) });
const demoPerson = async (username: string): Promise<Person> => {
  const idToken = await token(username);
  return { name: username, idToken, userId: subOf(idToken) };
};
const freshTeacher = async (country: string, displayName: string, extra = {}): Promise<Person & { username: string }> => {
  const account = await newTestAccount(endpoints, { kind: 'teacher', country, displayName, extra });
  return { name: displayName, ...account };
};

/** Every notification of mine, newest first, following the cursor. */
async function notificationsOf(who: Person): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | null = null;
  do {
    const page: ApiAnswer = await apiGet(endpoints, `/me/notifications?limit=100${cursor ? `&cursor=${cursor}` : ''}`, who.idToken);
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}

type Match = Partial<Pick<Item, 'topic' | 'projectId' | 'subjectId'>> & { topic: string };
const matches = (item: Item, match: Match) => Object.entries(match).every(([field, value]) => item[field as keyof Item] === value);

/**
 * The event's notification reached `recipients`, exactly once each, and none
 * of `others`; each stored with its TTL of createdAt + 90 days. Returns the
 * first recipient's.
 */
async function expectNotified(match: Match, recipients: Person[], others: Person[]): Promise<Item> {
  const store = tableStoreOf(endpoints);
  let first: Item | undefined;
  for (const recipient of recipients) {
    const found = (await notificationsOf(recipient)).filter((item) => matches(item, match));
    expect(found, `${recipient.name} gets one ${JSON.stringify(match)}`).toHaveLength(1);
    const [item] = found;
    expect(item.title.length).toBeGreaterThan(0);
    expect(item.read).toBe(false);
    const stored = await store.db.send(new GetCommand({ TableName: store.tableName, Key: keys.notification(recipient.userId, item.notificationId) }));
    expect(stored.Item, 'the item is in its person’s partition').toBeDefined();
    expect(stored.Item!.entity).toBe('notification');
    expect(stored.Item!.expiresAt, 'TTL of 90 days').toBe(notificationExpiresAt(item.createdAt));
    first ??= item;
  }
  for (const other of others) {
    expect((await notificationsOf(other)).filter((item) => matches(item, match)), `${other.name} gets no ${JSON.stringify(match)}`).toEqual([]);
  }
  return first!;
}

async function ok<T = any>(answer: Promise<{ status: number; body: T }>, what: string): Promise<T> {
  const { status, body } = await answer;
  expect(status, `${what}: ${JSON.stringify(body)}`).toBeLessThan(300);
  return body;
}

let space: TestTwinspace;
let ana: Person, luc: Person, eva: Person, guest: Person, lucia: Person, pablo: Person, nssEs: Person, nssFr: Person;

beforeAll(async () => {
  // Made through the real routes: Luc is invited and accepts, both NSS approve, Ana adds Eva, the guest and two pupils.
  space = await newTwinspace(endpoints, `Notified rivers ${ulid()}`);
  ana = person(space.members['teacher-admin']);
  luc = person(space.secondFounder);
  eva = person(space.members['member-teacher']);
  guest = person(space.members.visitor);
  lucia = person(space.members['pupil-admin']);
  pablo = person(space.members['pupil-member']);
  nssEs = await demoPerson('nss.es@demo.twinspace');
  nssFr = await demoPerson('nss.fr@demo.twinspace');
});

describe('every kind of notification reaches its person, and nobody else', () => {
  it('project-invited: the invited partner', async () => {
    const item = await expectNotified({ topic: 'project-invited', projectId: space.projectId }, [luc], [ana, eva, nssEs]);
    expect(item.params).toMatchObject({ project: expect.stringContaining('Notified rivers'), by: expect.any(String) });
  });

  it('project-accepted: the creator, when the partner accepts', async () => {
    const item = await expectNotified({ topic: 'project-accepted', projectId: space.projectId }, [ana], [luc, nssEs, nssFr]);
    expect(item.params).toMatchObject({ partner: expect.any(String), project: expect.stringContaining('Notified rivers') });
  });

  it('project-declined: the creator, when the partner declines', async () => {
    const creator = await freshTeacher('ES', 'Inés Creadora');
    const partner = await freshTeacher('FR', 'Paul Partenaire');
    const project = await ok(
      apiSend(endpoints, 'POST', '/projects', creator.idToken, {
        title: `Declined ${ulid()}`,
        description: 'A project the partner does not want.',
        subjects: ['art'],
        ages: { min: 8, max: 10 },
        languages: ['fr'],
        partnerUsername: partner.username,
      }),
      'propose',
    );
    await expectNotified({ topic: 'project-invited', projectId: project.projectId }, [partner], [creator]);
    await ok(apiSend(endpoints, 'POST', `/projects/${project.projectId}/acceptance`, partner.idToken, { accept: false }), 'decline');
    const item = await expectNotified({ topic: 'project-declined', projectId: project.projectId }, [creator], [partner, nssEs]);
    expect(item.params).toMatchObject({ partner: 'Paul Partenaire' });
  });

  it('project-approved: both founders, once, when the last NSS approves', async () => {
    await expectNotified({ topic: 'project-approved', projectId: space.projectId }, [ana, luc], [eva, nssEs, nssFr]);
  });

  it('project-rejected: both founders, with the reason', async () => {
    const creator = await freshTeacher('ES', 'Rosa Rechazada');
    const partner = await freshTeacher('FR', 'Rémi Refusé');
    const project = await ok(
      apiSend(endpoints, 'POST', '/projects', creator.idToken, {
        title: `Rejected ${ulid()}`,
        description: 'A project the NSS does not approve.',
        subjects: ['music'],
        ages: { min: 8, max: 10 },
        languages: ['es'],
        partnerUsername: partner.username,
      }),
      'propose',
    );
    await ok(apiSend(endpoints, 'POST', `/projects/${project.projectId}/acceptance`, partner.idToken, { accept: true }), 'accept');
    await ok(apiSend(endpoints, 'POST', `/projects/${project.projectId}/approval`, nssEs.idToken, { approve: false, reason: 'The aims are not clear yet' }), 'reject');
    const item = await expectNotified({ topic: 'project-rejected', projectId: project.projectId }, [creator, partner], [nssEs, nssFr]);
    expect(item.params).toMatchObject({ reason: 'The aims are not clear yet' });
  });

  it('diary-reply: the author of a doubt the NSS answers', async () => {
    const doubt = await ok(
      apiSend(endpoints, 'POST', `/projects/${space.projectId}/diary`, eva.idToken, { kind: 'doubt', visibility: 'private', title: 'Peer assessment?', body: 'How?' }),
      'write a doubt',
    );
    await ok(apiSend(endpoints, 'POST', `/projects/${space.projectId}/diary/${doubt.entryId}/replies`, nssEs.idToken, { body: 'With a rubric.' }), 'answer');
    const item = await expectNotified({ topic: 'diary-reply', subjectId: doubt.entryId }, [eva], [ana, luc, nssEs]);
    expect(item).toMatchObject({ projectId: space.projectId, params: { entry: 'Peer assessment?', role: 'nss' } });
  });

  it('label-result: the applicant, when an evaluator scores the application', async () => {
    const hans = await freshTeacher('AT', 'Hans Huber', { schoolId: '01JG3SCH00LW1EN00000000000', school: 'Schule an der Donau' });
    await ok(apiSend(endpoints, 'POST', `/projects/${space.projectId}/members`, ana.idToken, { username: hans.username, type: 'member-teacher' }), 'add Hans');
    const evaluator = await newTestAccount(endpoints, { kind: 'evaluator', country: 'AT', displayName: 'Eva Luator' });
    const applied = await ok(apiSend(endpoints, 'POST', `/projects/${space.projectId}/labels`, hans.idToken, labelApplicationForm(space.projectId)), 'apply');
    const scores = { collaboration: 5, technology: 5, pedagogy: 5, curriculum: 5, results: 5 };
    const feedback = { collaboration: 'Good.', technology: 'Good.', pedagogy: 'Good.', curriculum: 'Good.', results: 'Good.' };
    await ok(
      apiSend(endpoints, 'POST', `/labels/${applied.labelId}/evaluation`, evaluator.idToken, { scores, mandatory: { pupilCollaboration: 2, ictUse: 2, safety: 2 }, feedback }),
      'evaluate',
    );
    const item = await expectNotified({ topic: 'label-result', subjectId: applied.labelId }, [hans], [{ name: 'the evaluator', ...evaluator }, ana]);
    expect(item).toMatchObject({ projectId: space.projectId, params: { outcome: 'granted' } });
  });

  it("material-submitted: each of the project's teachers, when a pupil member's material waits for publishing; a published one tells nobody", async () => {
    const materials = `/projects/${space.projectId}/materials`;
    const waiting = await ok(apiSend(endpoints, 'POST', materials, pablo.idToken, { area: 'pupils', kind: 'album', title: 'River photos' }), 'album');
    expect(waiting).toMatchObject({ status: 'pending' });
    const item = await expectNotified({ topic: 'material-submitted', subjectId: waiting.materialId }, [ana, luc, eva], [pablo, lucia, guest]);
    expect(item).toMatchObject({ projectId: space.projectId, params: { material: 'River photos', author: 'Pablo' } });

    // A pupil administrator's material is published at once: nobody is asked to publish it.
    const published = await ok(apiSend(endpoints, 'POST', materials, lucia.idToken, { area: 'pupils', kind: 'folder', title: 'Worksheets' }), 'folder');
    expect(published).toMatchObject({ status: 'published' });
    await expectNotified({ topic: 'material-submitted', subjectId: published.materialId }, [], [ana, luc, eva]);
  });

  it("page-submitted: each of the project's teachers, when a pupil submits a page (new, or by an edit), never twice", async () => {
    const pages = `/projects/${space.projectId}/pages`;
    const submitted = await ok(apiSend(endpoints, 'POST', pages, pablo.idToken, { area: 'pupils', title: 'My river map', body: 'Look!', submittedForPublishing: true }), 'submit');
    const item = await expectNotified({ topic: 'page-submitted', subjectId: submitted.pageId }, [ana, luc, eva], [pablo, lucia, guest]);
    expect(item).toMatchObject({ projectId: space.projectId, params: { page: 'My river map', author: 'Pablo' } });

    // Saved again while submitted: nobody is told again.
    await ok(apiSend(endpoints, 'PUT', `${pages}/${submitted.pageId}`, pablo.idToken, { version: 1, body: 'Look again!' }), 'edit');
    expect((await notificationsOf(eva)).filter((found) => found.subjectId === submitted.pageId)).toHaveLength(1);

    // A draft submitted later by an edit.
    const draft = await ok(apiSend(endpoints, 'POST', pages, lucia.idToken, { area: 'pupils', title: 'Our bridge', body: 'Draft.' }), 'draft');
    await expectNotified({ topic: 'page-submitted', subjectId: draft.pageId }, [], [ana, eva]);
    await ok(apiSend(endpoints, 'PUT', `${pages}/${draft.pageId}`, lucia.idToken, { version: 1, submittedForPublishing: true }), 'submit by an edit');
    await expectNotified({ topic: 'page-submitted', subjectId: draft.pageId }, [ana, luc, eva], [lucia, pablo, guest]);
  });

  it('mailbox-message: the recipient of a TwinSpace mailbox message, a pupil included', async () => {
    const mailbox = `/projects/${space.projectId}/mailbox`;
    const toPupil = await ok(apiSend(endpoints, 'POST', mailbox, eva.idToken, { toUserId: pablo.userId, subject: 'Your map', body: 'Lovely.' }), 'send');
    const item = await expectNotified({ topic: 'mailbox-message', subjectId: toPupil.messageId }, [pablo], [eva, ana, lucia]);
    expect(item).toMatchObject({ projectId: space.projectId, params: { from: expect.any(String), subject: 'Your map' } });
    const toTeacher = await ok(apiSend(endpoints, 'POST', mailbox, lucia.idToken, { toUserId: ana.userId, subject: 'A question', body: 'When?' }), 'send');
    await expectNotified({ topic: 'mailbox-message', subjectId: toTeacher.messageId }, [ana], [lucia, eva]);
  });

  it('desktop-mail: the recipient of a desktop mail', async () => {
    const recipient = await freshTeacher('IT', 'Marco Bianchi');
    const sent = await ok(apiSend(endpoints, 'POST', '/mail', ana.idToken, { toUsername: recipient.username, subject: 'CLIL?', body: 'Shall we?' }), 'mail');
    const item = await expectNotified({ topic: 'desktop-mail', subjectId: sent.mailId }, [recipient], [ana]);
    expect(item.params).toMatchObject({ from: expect.any(String), subject: 'CLIL?' });
  });

  it('member-added: each member added to the project (teachers, guests, new pupils), never the one who added them', async () => {
    const item = await expectNotified({ topic: 'member-added', projectId: space.projectId }, [eva, guest, lucia, pablo], [ana]);
    expect(item.params).toMatchObject({ type: 'member-teacher' });
  });

  it('member-type-changed: the member whose type changed, with the new type', async () => {
    const teacher = await freshTeacher('PT', 'Nuno Tipo');
    await ok(apiSend(endpoints, 'POST', `/projects/${space.projectId}/members`, ana.idToken, { username: teacher.username, type: 'visitor' }), 'add');
    await ok(apiSend(endpoints, 'PATCH', `/projects/${space.projectId}/members/${teacher.userId}`, ana.idToken, { type: 'member-teacher' }), 'change');
    const item = await expectNotified({ topic: 'member-type-changed', projectId: space.projectId }, [teacher], [ana, eva]);
    expect(item.params).toMatchObject({ from: 'visitor', type: 'member-teacher' });
  });

  it('encounter-seat: the first waiting teacher, when a seat is freed', async () => {
    const encounter = await ok(
      apiSend(endpoints, 'POST', '/encounters', nssEs.idToken, {
        title: `Seats ${ulid()}`,
        startsAt: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
        seats: 1,
        language: 'es',
        description: 'Online.',
        joinUrl: 'https://meet.example.org/seats',
      }),
      'create the encounter',
    );
    const seated = await freshTeacher('ES', 'Sara Sentada');
    const first = await freshTeacher('ES', 'Pedro Primero');
    const second = await freshTeacher('ES', 'Luis Segundo');
    const path = `/encounters/${encounter.encounterId}/registrations`;
    for (const teacher of [seated, first, second]) await ok(apiSend(endpoints, 'POST', path, teacher.idToken), 'register');
    expect((await apiSend(endpoints, 'DELETE', `${path}/${seated.userId}`, seated.idToken)).status).toBe(204);
    const item = await expectNotified({ topic: 'encounter-seat', subjectId: encounter.encounterId }, [first], [seated, second, nssEs]);
    expect(item.params).toMatchObject({ encounter: encounter.title });
  });
});

describe('read state', () => {
  /** Three desktop mails from Ana: three notifications for the recipient. */
  async function threeMails(recipient: Person & { username: string }): Promise<Item[]> {
    for (const subject of ['one', 'two', 'three']) {
      await ok(apiSend(endpoints, 'POST', '/mail', ana.idToken, { toUsername: recipient.username, subject, body: 'Hello' }), 'mail');
    }
    return notificationsOf(recipient);
  }
  const unread = async (who: Person) => {
    const answer = await apiGet(endpoints, '/me/notifications/unread', who.idToken);
    expect(answer.status).toBe(200);
    return answer.body.unread as number;
  };

  it('counts unread, marks one read (again: no change), then all; the list says which are read', async () => {
    const reader = await freshTeacher('IE', 'Aoife Reader');
    const other = await freshTeacher('IE', 'Ciara Other');
    const items = await threeMails(reader);
    await threeMails(other);
    expect(items.map((item) => item.read)).toEqual([false, false, false]);
    expect(await unread(reader)).toBe(3);
    expect((await apiGet(endpoints, '/me/notifications?limit=1', reader.idToken)).body).toMatchObject({ unread: 3 });

    const [newest] = items;
    const path = `/me/notifications/${newest.notificationId}/read`;
    expect((await apiSend(endpoints, 'POST', path, reader.idToken)).status).toBe(204);
    expect((await apiSend(endpoints, 'POST', path, reader.idToken)).status).toBe(204);
    expect(await unread(reader)).toBe(2);
    const after = await notificationsOf(reader);
    expect(after.map((item) => item.read)).toEqual([true, false, false]);
    const store = tableStoreOf(endpoints);
    const stored = await store.db.send(new GetCommand({ TableName: store.tableName, Key: keys.notification(reader.userId, newest.notificationId) }));
    expect(typeof stored.Item!.readAt).toBe('string');

    expect((await apiSend(endpoints, 'POST', '/me/notifications/read-all', reader.idToken)).status).toBe(204);
    expect(await unread(reader)).toBe(0);
    expect((await notificationsOf(reader)).every((item) => item.read)).toBe(true);
    // Someone else's stay as they were.
    expect(await unread(other)).toBe(3);
    // Nothing left to mark: still 204.
    expect((await apiSend(endpoints, 'POST', '/me/notifications/read-all', reader.idToken)).status).toBe(204);
  });

  it("cannot mark someone else's notification (404, as an unknown one), and leaves it unread", async () => {
    const owner = await freshTeacher('IE', 'Sean Owner');
    const [theirs] = await threeMails(owner);
    const intruder = await freshTeacher('IE', 'Niamh Intruder');
    const refused = await apiSend(endpoints, 'POST', `/me/notifications/${theirs.notificationId}/read`, intruder.idToken);
    expect(refused.status).toBe(404);
    expect(refused.body.error.code).toBe('NOT_FOUND');
    expect((await apiSend(endpoints, 'POST', `/me/notifications/${ulid()}/read`, intruder.idToken)).status).toBe(404);
    expect((await apiSend(endpoints, 'POST', '/me/notifications/not-an-id/read', intruder.idToken)).status).toBe(400);
    expect(await unread(owner)).toBe(3);
    // The intruder's own (empty) partition is untouched: no item was created by the refused update.
    expect(await notificationsOf(intruder)).toEqual([]);
  });
});

describe('the e-mail preference on the profile', () => {
  it('is "daily" until chosen, and round-trips through PUT /me/profile and GET /me', async () => {
    const teacher = await freshTeacher('NL', 'Daan Mailer');
    const me = await apiGet(endpoints, '/me', teacher.idToken);
    expect(me.body.profile).toMatchObject({ notificationMail: 'daily', version: 1 });
    const saved = await apiSend(endpoints, 'PUT', '/me/profile', teacher.idToken, { version: 1, notificationMail: 'instant' });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ notificationMail: 'instant', version: 2 });
    expect((await apiGet(endpoints, '/me', teacher.idToken)).body.profile).toMatchObject({ notificationMail: 'instant' });
    // The stream job reads the profile attribute itself.
    const store = tableStoreOf(endpoints);
    const profile = await store.db.send(new GetCommand({ TableName: store.tableName, Key: keys.userProfile(teacher.userId) }));
    expect(profile.Item!.notificationMail).toBe('instant');
    const bad = await apiSend(endpoints, 'PUT', '/me/profile', teacher.idToken, { version: 2, notificationMail: 'weekly' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((detail: { field: string }) => detail.field)).toEqual(['body.notificationMail']);
  });

  it('is set by an evaluator too (off)', async () => {
    const evaluator = await newTestAccount(endpoints, { kind: 'evaluator', country: 'NL', displayName: 'Eef Evaluator' });
    const saved = await apiSend(endpoints, 'PUT', '/me/profile', evaluator.idToken, { version: 1, notificationMail: 'off' });
    expect(saved.status).toBe(200);
    expect((await apiGet(endpoints, '/me', evaluator.idToken)).body.profile).toMatchObject({ notificationMail: 'off' });
  });

  it('is refused for a pupil with 400 on its field, and a pupil has none', async () => {
    const refused = await apiSend(endpoints, 'PUT', '/me/profile', pablo.idToken, { version: 1, notificationMail: 'daily' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([{ field: 'body.notificationMail', message: 'Pupils never get e-mail, so they have no e-mail preference.' }]);
    const me = await apiGet(endpoints, '/me', pablo.idToken);
    expect(me.status).toBe(200);
    expect(me.body.profile.notificationMail).toBeUndefined();
  });
});
