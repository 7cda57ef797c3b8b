/**
 * The TwinSpace mailbox through the real HTTP API: teachers write to any
 * member, pupils only to the project's teachers, visitors not at all; each
 * member reads their own inbox and sent box, newest first, page by page;
 * pupils see other pupils by first name and nobody's e-mail address; a closed
 * project keeps its mail readable and takes no new message.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { apiGet, apiSend } from '../support/clients.ts';
import { newTwinspace, type TestTwinspace, type TwinspaceCaller } from '../support/twinspace.ts';

const endpoints = inject('endpoints');
let space: TestTwinspace;
let mailboxPath: string;

const send = (from: TwinspaceCaller, to: TwinspaceCaller | { userId: string }, subject: string, body = 'Hello!') =>
  apiSend(endpoints, 'POST', mailboxPath, from.idToken, { toUserId: to.userId, subject, body });
const box = (reader: TwinspaceCaller, query = '') => apiGet(endpoints, `${mailboxPath}${query}`, reader.idToken);

beforeAll(async () => {
  space = await newTwinspace(endpoints, 'Mailbox of the rivers');
  mailboxPath = `/projects/${space.projectId}/mailbox`;
});

describe('writing in the TwinSpace mailbox', () => {
  it('a teacher writes to a pupil; the pupil finds it in their inbox, the teacher in their sent box', async () => {
    const eva = space.members['member-teacher'];
    const pablo = space.members['pupil-member'];
    const sent = await send(eva, pablo, 'Your river drawing', 'It is lovely; can you add the bridges?');
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ subject: 'Your river drawing', from: { userId: eva.userId, type: 'member-teacher' }, to: { userId: pablo.userId, displayName: 'Pablo Ortega' } });

    const inbox = await box(pablo);
    expect(inbox.status).toBe(200);
    expect(inbox.body.items).toHaveLength(1);
    expect(inbox.body.items[0]).toMatchObject({ messageId: sent.body.messageId, body: 'It is lovely; can you add the bridges?', from: { userId: eva.userId }, to: { displayName: 'Pablo' } });
    expect(JSON.stringify(inbox.body)).not.toMatch(/@|email/);

    const evaSent = await box(eva, '?box=sent');
    expect(evaSent.body.items.map((message: { messageId: string }) => message.messageId)).toEqual([sent.body.messageId]);
    expect((await box(eva)).body.items).toEqual([]);
  });

  it("a pupil writes to the project's teachers, who see the pupil's full name", async () => {
    const pablo = space.members['pupil-member'];
    const ana = space.members['teacher-admin'];
    const sent = await send(pablo, ana, 'Question about the bridges');
    expect(sent.status).toBe(201);
    const anaInbox = await box(ana);
    expect(anaInbox.body.items[0]).toMatchObject({ subject: 'Question about the bridges', from: { userId: pablo.userId, displayName: 'Pablo Ortega', type: 'pupil-member' } });
  });

  it('a pupil writing to another pupil or to a visitor gets 403 saying why', async () => {
    const lucia = space.members['pupil-admin'];
    const toPupil = await send(lucia, space.members['pupil-member'], 'Hi Pablo');
    expect(toPupil.status).toBe(403);
    expect(toPupil.body.error.message).toBe("Pupils write only to the project's teachers; this member is a pupil.");
    const toVisitor = await send(space.members['pupil-member'], space.members.visitor, 'Hi');
    expect(toVisitor.status).toBe(403);
    expect(toVisitor.body.error.message).toMatch(/a visitor/);
    expect((await box(space.members['pupil-member'])).body.items).toHaveLength(1);
  });

  it('a visitor writes to nobody, but reads what a teacher sent them', async () => {
    const visitor = space.members.visitor;
    const refused = await send(visitor, space.members['teacher-admin'], 'Parents evening');
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('Visitors read the TwinSpace mailbox but do not write in it.');
    expect((await send(space.members['teacher-admin'], visitor, 'Invitation to the exhibition')).status).toBe(201);
    const inbox = await box(visitor);
    expect(inbox.status).toBe(200);
    expect(inbox.body.items.map((message: { subject: string }) => message.subject)).toEqual(['Invitation to the exhibition']);
  });

  it('a recipient who is not a member of this project, or oneself, is a 400 on toUserId', async () => {
    const stranger = space.outsiders[0];
    const notMember = await send(space.members['teacher-admin'], stranger, 'Hello');
    expect(notMember.status).toBe(400);
    expect(notMember.body.error.details).toEqual([{ field: 'body.toUserId', message: 'No member of this project has this id.' }]);
    const pupilToStranger = await send(space.members['pupil-admin'], stranger, 'Hello');
    expect(pupilToStranger.status).toBe(400);
    const self = await send(space.members['teacher-admin'], space.members['teacher-admin'], 'Note to self');
    expect(self.status).toBe(400);
  });

  it('outsiders neither write nor read here', async () => {
    for (const outsider of space.outsiders) {
      const expected = outsider.idToken ? 403 : 401;
      expect((await send(outsider, space.members['teacher-admin'], 'Hello')).status, outsider.name).toBe(expected);
      expect((await box(outsider)).status, outsider.name).toBe(expected);
    }
  });

  it('refuses bad input, naming the field', async () => {
    const empty = await apiSend(endpoints, 'POST', mailboxPath, space.members['teacher-admin'].idToken, { toUserId: space.secondFounder.userId, subject: ' ', body: 'x' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details.map((detail: { field: string }) => detail.field)).toEqual(['body.subject']);
    expect((await box(space.members['teacher-admin'], '?box=drafts')).status).toBe(400);
  });
});

describe('reading the mailbox page by page', () => {
  const subjects = ['First', 'Second', 'Third'];

  beforeAll(async () => {
    for (const subject of subjects) expect((await send(space.members['teacher-admin'], space.secondFounder, subject)).status).toBe(201);
  });

  it('lists the inbox newest first, following nextCursor to the end', async () => {
    const luc = space.secondFounder;
    const first = await box(luc, '?limit=2');
    expect(first.body.items.map((message: { subject: string }) => message.subject)).toEqual(['Third', 'Second']);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await box(luc, `?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((message: { subject: string }) => message.subject)).toEqual(['First']);
    expect(second.body.nextCursor).toBeNull();
  });

  it("refuses a tampered cursor, one of the other box, and one of someone else's mailbox", async () => {
    const ana = space.members['teacher-admin'];
    expect((await box(ana, '?cursor=garbage!')).status).toBe(400);
    const sentPage = await box(ana, '?box=sent&limit=1');
    const otherBox = await box(ana, `?box=inbox&cursor=${sentPage.body.nextCursor}`);
    expect(otherBox.status).toBe(400);
    expect(otherBox.body.error.details[0].field).toBe('query.cursor');
    const lucsPage = await box(space.secondFounder, '?limit=1');
    expect((await box(ana, `?cursor=${lucsPage.body.nextCursor}`)).status).toBe(400);
  });
});

describe('the mailbox of a closed project', () => {
  beforeAll(async () => {
    expect((await apiSend(endpoints, 'POST', `/projects/${space.projectId}/close`, space.members['teacher-admin'].idToken)).status).toBe(200);
  });

  it('takes no new message (409) and stays readable', async () => {
    const refused = await send(space.members['teacher-admin'], space.members['pupil-member'], 'After the end');
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/closed/);
    const inbox = await box(space.members['pupil-member']);
    expect(inbox.status).toBe(200);
    expect(inbox.body.items).toHaveLength(1);
  });
});
