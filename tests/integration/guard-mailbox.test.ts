/**
 * The pupil guard on the TwinSpace mailbox (issue 12), through the real HTTP
 * API: a pupil's message (to one of the project's teachers) whose subject or
 * text carries personal data is held — not in the recipient's inbox, not in
 * the pupil's sent box, no 'mailbox-message' notification — and the project's
 * teachers are told; a teacher releases it (sent from the pupil, with its
 * notification), edits it (the teacher's text is sent) or deletes it (never
 * sent); the pupil is told. A teacher writing personal data to a pupil is
 * warned first; harmless text full of numbers is sent at once. A held message
 * whose teacher left the project cannot be released.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { apiGet, apiSend } from '../support/clients.ts';
import {
  deleteHeld,
  emailText,
  expectHeld,
  expectWarning,
  harmlessText,
  heldNotices,
  heldQueue,
  notificationsOf,
  outcomesTold,
  phoneText,
  release,
  teachersOf,
} from '../support/guard-surfaces.ts';
import { newTwinspace, type TestTwinspace, type TwinspaceCaller } from '../support/twinspace.ts';

const endpoints = inject('endpoints');
let space: TestTwinspace;
let pupil: TwinspaceCaller;
let ana: TwinspaceCaller;

interface Message {
  messageId: string;
  subject: string;
  body: string;
  from: { userId: string; displayName: string };
  to: { userId: string };
}

beforeAll(async () => {
  space = await newTwinspace(endpoints, 'Guarded mailbox of the rivers');
  pupil = space.members['pupil-member'];
  ana = space.members['teacher-admin'];
});

const mailboxPath = () => `/projects/${space.projectId}/mailbox`;
const send = (from: TwinspaceCaller, to: TwinspaceCaller, subject: string, body: string, extra: Record<string, unknown> = {}) =>
  apiSend(endpoints, 'POST', mailboxPath(), from.idToken, { toUserId: to.userId, subject, body, ...extra });
const box = async (who: TwinspaceCaller, which: 'inbox' | 'sent'): Promise<Message[]> => (await apiGet(endpoints, `${mailboxPath()}?box=${which}&limit=100`, who.idToken)).body.items;
const withSubject = async (who: TwinspaceCaller, which: 'inbox' | 'sent', subject: string) => (await box(who, which)).filter((message) => message.subject === subject);
const mailNotices = async (who: TwinspaceCaller, subject: string) =>
  (await notificationsOf(endpoints, who)).filter((notice) => notice.topic === 'mailbox-message' && notice.params?.subject === subject);

describe("a pupil's message with personal data", () => {
  let heldId: string;
  const subject = 'My phone';

  beforeAll(async () => {
    heldId = expectHeld(await send(pupil, ana, subject, phoneText), 'mailbox-message', 'phone');
  });

  it('is held: not in the inbox, not in the sent box, no mailbox notification', async () => {
    expect(await withSubject(ana, 'inbox', subject)).toEqual([]);
    expect(await withSubject(pupil, 'sent', subject)).toEqual([]);
    expect(await mailNotices(ana, subject)).toEqual([]);
  });

  it("tells each of the project's teachers, and no pupil or visitor", async () => {
    for (const teacher of teachersOf(space)) {
      const told = await heldNotices(endpoints, teacher, 'pupil-text-held', heldId);
      expect(told, teacher.name).toHaveLength(1);
      expect(told[0]!.params).toMatchObject({ heldId, surface: 'mailbox-message' });
    }
    for (const other of [pupil, space.members['pupil-admin'], space.members.visitor]) {
      expect(await heldNotices(endpoints, other, 'pupil-text-held', heldId), other.name).toEqual([]);
    }
  });

  it('released: sent from the pupil to the teacher, with its notification; the pupil is told', async () => {
    const released = await release(endpoints, space, heldId);
    expect(released.status, JSON.stringify(released.body)).toBe(200);
    const [received] = await withSubject(ana, 'inbox', subject);
    expect(received).toMatchObject({ body: phoneText, from: { userId: pupil.userId, displayName: 'Pablo Ortega' }, to: { userId: ana.userId } });
    expect((await withSubject(pupil, 'sent', subject)).map((message) => message.messageId)).toEqual([received!.messageId]);
    const told = await mailNotices(ana, subject);
    expect(told.map((notice) => notice.subjectId)).toEqual([received!.messageId]);
    expect(await outcomesTold(endpoints, pupil, heldId)).toEqual(['released']);
  });
});

describe('a teacher decides otherwise', () => {
  it("edited: the teacher's subject and text are sent instead, and the pupil is told", async () => {
    const heldId = expectHeld(await send(pupil, ana, 'Write to me', emailText), 'mailbox-message', 'email');
    const edited = await release(endpoints, space, heldId, [
      { field: 'subject', text: 'A question' },
      { field: 'body', text: 'Can we talk about the project in class?' },
    ]);
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(await withSubject(ana, 'inbox', 'Write to me')).toEqual([]);
    const [received] = await withSubject(ana, 'inbox', 'A question');
    expect(received).toMatchObject({ body: 'Can we talk about the project in class?', from: { userId: pupil.userId } });
    expect(await outcomesTold(endpoints, pupil, heldId)).toEqual(['edited']);
  });

  it('deleted: never sent, and the pupil is told', async () => {
    const subject = 'Call me tonight';
    const heldId = expectHeld(await send(pupil, space.members['member-teacher'], subject, phoneText), 'mailbox-message', 'phone');
    expect((await deleteHeld(endpoints, space, heldId)).status).toBe(200);
    expect(await withSubject(space.members['member-teacher'], 'inbox', subject)).toEqual([]);
    expect(await withSubject(pupil, 'sent', subject)).toEqual([]);
    expect(await mailNotices(space.members['member-teacher'], subject)).toEqual([]);
    expect(await outcomesTold(endpoints, pupil, heldId)).toEqual(['deleted']);
  });
});

describe('harmless text and teachers', () => {
  it("a pupil's harmless text full of numbers is sent at once", async () => {
    const sent = await send(pupil, ana, 'Our measurements', harmlessText);
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(await withSubject(ana, 'inbox', 'Our measurements')).toHaveLength(1);
  });

  it('a teacher writing personal data to a pupil is warned and nothing is sent; acknowledged, it is sent', async () => {
    const subject = 'Phone for the trip';
    expectWarning(await send(ana, pupil, subject, phoneText), 'body', 'phone');
    expect(await withSubject(pupil, 'inbox', subject)).toEqual([]);
    expect((await send(ana, pupil, subject, phoneText, { acknowledgePersonalData: true })).status).toBe(201);
    expect(await withSubject(pupil, 'inbox', subject)).toHaveLength(1);
  });

  it('a teacher writing personal data to a teacher is never checked, and nothing is queued', async () => {
    expect((await send(ana, space.secondFounder, 'My number', phoneText)).status).toBe(201);
    expect((await heldQueue(endpoints, space)).filter((held) => held.authorId === ana.userId)).toEqual([]);
  });
});

describe('a held message whose teacher left the project', () => {
  it('cannot be released: nothing is sent and the text still waits', async () => {
    const eva = space.members['member-teacher'];
    const subject = 'Before you go';
    const heldId = expectHeld(await send(pupil, eva, subject, phoneText), 'mailbox-message', 'phone');
    expect((await apiSend(endpoints, 'DELETE', `/projects/${space.projectId}/members/${eva.userId}`, ana.idToken)).status).toBe(204);
    expect((await release(endpoints, space, heldId)).status).toBe(409);
    expect(await withSubject(pupil, 'sent', subject)).toEqual([]);
    expect((await heldQueue(endpoints, space)).map((held) => held.heldId)).toContain(heldId);
    expect(await outcomesTold(endpoints, pupil, heldId)).toEqual([]);
  });
});
