/**
 * Issue 12, the guard on the chat, end to end through the local WebSocket
 * gateway in a fresh TwinSpace: a pupil's message with a phone number is held
 * — a `held` frame to her own tabs only (the other pupil and the teacher get
 * nothing), not in the history, her rate-limit token spent, the project's
 * teachers notified; a teacher releases it (everyone in the room gets it live
 * from the pupil, the history keeps it), edits it (the teacher's text goes
 * out) or deletes it (nothing goes out); the pupil is told each time. A
 * teacher's message with personal data is warned about first and goes once
 * acknowledged; harmless school talk full of numbers goes through. Another
 * pupil's surname is held too; a frame refused before the guard (muted) holds
 * nothing.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { listLiveConnections } from '../../functions/data/chat.ts';
import { keys } from '../../functions/data/keys.ts';
import { chatHandlers } from '../../functions/routes.ts';
import { authorizerOf, messageEvent } from '../../infra/local/chat-events.ts';
import { applyHandlerEnv, invokeHandler } from '../../infra/local/lambda-runtime.ts';
import { apiGet, apiSend, ChatSocket, tableStoreOf, type Frame } from '../support/clients.ts';
import { newTwinspace, type TestTwinspace } from '../support/twinspace.ts';

const endpoints = inject('endpoints');
const store = tableStoreOf(endpoints);
const opened: ChatSocket[] = [];

let space: TestTwinspace;
/** Pablo (pupil-member): his tab in the room, and a second tab elsewhere on the site (connected, not in the room). */
let pablo: ChatSocket;
let pabloElsewhere: ChatSocket;
/** Lucía (pupil-admin) and Ana (teacher-admin) in the room. */
let lucia: ChatSocket;
let ana: ChatSocket;
/** Eva (member-teacher): says something after each step, so what the room would have got before it has arrived. */
let eva: ChatSocket;

const tokenOf = (type: keyof TestTwinspace['members']) => space.members[type].idToken!;
const history = async () =>
  (await apiGet(endpoints, `/projects/${space.projectId}/chat/messages?limit=100`, tokenOf('teacher-admin'))).body.items as { text: string; authorId: string; authorName: string; authorType: string }[];

/** Eva speaks and everyone in the room hears it: anything the room was sent before has arrived by then. */
async function roomSettled(): Promise<void> {
  const text = `settled ${Date.now().toString(36)} ${Math.random().toString(36).slice(2, 6)}`;
  eva.send({ action: 'sendMessage', projectId: space.projectId, text });
  const heard = (frame: Frame) => frame.type === 'message' && frame.message.text === text;
  await Promise.all([lucia.frame(heard), ana.frame(heard), pablo.frame(heard)]);
}

/** Pablo sends a text and it is held: the held frame his room tab gets. */
async function heldFromPablo(text: string, clientId: string): Promise<Frame> {
  const seen = pablo.frames.length;
  pablo.send({ action: 'sendMessage', projectId: space.projectId, text, clientId });
  return pablo.frameAfter(seen, (frame) => frame.type === 'held' || frame.type === 'error' || (frame.type === 'message' && frame.message.clientId === clientId));
}

const mentions = (frames: Frame[], text: string) => frames.filter((frame) => JSON.stringify(frame).includes(text));

async function notificationsOf(idToken: string, topic: string) {
  const answer = await apiGet(endpoints, '/me/notifications?limit=50', idToken);
  return (answer.body.items as { topic: string; params?: Record<string, unknown> }[]).filter((notification) => notification.topic === topic);
}

beforeAll(async () => {
  space = await newTwinspace(endpoints, `Guarded chat ${Date.now().toString(36)}`);
  const join = async (type: keyof TestTwinspace['members']) => {
    const socket = await ChatSocket.open(endpoints, tokenOf(type), space.projectId);
    opened.push(socket);
    return socket;
  };
  [pablo, lucia, ana, eva] = await Promise.all([join('pupil-member'), join('pupil-admin'), join('teacher-admin'), join('member-teacher')]);
  pabloElsewhere = await ChatSocket.connect(endpoints, tokenOf('pupil-member'));
  opened.push(pabloElsewhere);
});

afterAll(() => {
  for (const socket of opened) socket.close();
});

describe('a pupil’s message with a phone number', () => {
  const phone = '612 34 56 78';
  const text = `Call me tonight on ${phone} about the river`;
  let heldId: string;

  it('is held: a held frame to her own tabs only, nothing to the room, not in the history, the token spent, the teachers notified', async () => {
    const luciaSeen = lucia.frames.length;
    const anaSeen = ana.frames.length;
    const held = await heldFromPablo(text, 'pablo-tab-1');
    expect(held).toMatchObject({ type: 'held', projectId: space.projectId, held: { clientId: 'pablo-tab-1', text, kinds: ['phone'] } });
    expect(Date.parse(held.held.heldAt)).not.toBeNaN();
    heldId = held.held.heldId;
    // Every tab of hers, also one not in the room.
    expect(await pabloElsewhere.frame((frame) => frame.type === 'held' && frame.held.heldId === heldId)).toMatchObject({ held: { text, kinds: ['phone'] } });

    await roomSettled();
    expect(mentions(lucia.frames.slice(luciaSeen), phone)).toEqual([]);
    expect(mentions(ana.frames.slice(anaSeen), phone)).toEqual([]);
    expect([...lucia.frames, ...ana.frames, ...eva.frames].filter((frame) => frame.type === 'held')).toEqual([]);
    expect(pablo.frames.filter((frame) => frame.type === 'message' && frame.message.text === text)).toEqual([]);
    expect((await history()).map((message) => message.text)).not.toContain(text);

    // A held message counts against the rate limit like a sent one: the first of a fresh tab leaves 4 of 5.
    const [roomTab] = (await listLiveConnections(store, space.members['pupil-member'].userId!)).filter((connection) => connection.rooms.includes(space.projectId));
    expect(roomTab.bucket?.tokens).toBe(4);

    // The project's teachers are told (live too); the other pupil is not.
    for (const teacher of ['teacher-admin', 'member-teacher'] as const) {
      await expect.poll(async () => (await notificationsOf(tokenOf(teacher), 'pupil-text-held')).map((notification) => notification.params?.heldId), { timeout: 10_000 }).toContain(heldId);
    }
    await ana.frame((frame) => frame.type === 'notification' && frame.notification.topic === 'pupil-text-held');
    expect(await notificationsOf(tokenOf('pupil-admin'), 'pupil-text-held')).toEqual([]);
  });

  it('once a teacher releases it, reaches everyone in the room live from the pupil, stays in the history, and the pupil is told', async () => {
    const heard = (frame: Frame) => frame.type === 'message' && frame.message.text === text;
    const released = await apiSend(endpoints, 'POST', `/projects/${space.projectId}/moderation/${heldId}/release`, tokenOf('teacher-admin'), {});
    expect(released.status).toBe(200);
    const [toLucia, toAna, toPablo] = await Promise.all([lucia.frame(heard), ana.frame(heard), pablo.frame(heard)]);
    for (const frame of [toLucia, toAna]) {
      expect(frame.message).toMatchObject({ projectId: space.projectId, authorId: space.members['pupil-member'].userId, authorName: 'Pablo', authorType: 'pupil-member', text });
    }
    // His own tab knows it as the message it sent.
    expect(toPablo.message.clientId).toBe('pablo-tab-1');
    for (const tab of [pablo, pabloElsewhere]) {
      expect(await tab.frame((frame) => frame.type === 'held-decided' && frame.heldId === heldId)).toEqual({ type: 'held-decided', projectId: space.projectId, heldId, outcome: 'released' });
    }
    expect((await history()).find((message) => message.text === text)).toMatchObject({ authorName: 'Pablo', authorType: 'pupil-member', authorId: space.members['pupil-member'].userId });
    await expect.poll(async () => (await notificationsOf(tokenOf('pupil-member'), 'pupil-text-decided')).map((notification) => notification.params?.heldId), { timeout: 10_000 }).toContain(heldId);
  });
});

describe('a teacher’s decision on a held message', () => {
  it('edited: the teacher’s text is what the room gets, never the pupil’s', async () => {
    const original = 'My mum’s number is +34 612 345 679, ask her';
    const held = await heldFromPablo(original, 'pablo-tab-2');
    expect(held).toMatchObject({ type: 'held', held: { kinds: ['phone'] } });
    const edited = `Ask my mum at the school gate ${Date.now().toString(36)}`;
    const answer = await apiSend(endpoints, 'POST', `/projects/${space.projectId}/moderation/${held.held.heldId}/release`, tokenOf('teacher-admin'), {
      fields: [{ field: 'text', text: edited }],
    });
    expect(answer.status).toBe(200);
    const toLucia = await lucia.frame((frame) => frame.type === 'message' && frame.message.text === edited);
    expect(toLucia.message).toMatchObject({ authorName: 'Pablo', authorType: 'pupil-member' });
    expect(await pablo.frame((frame) => frame.type === 'held-decided' && frame.heldId === held.held.heldId)).toMatchObject({ outcome: 'edited' });
    const texts = (await history()).map((message) => message.text);
    expect(texts).toContain(edited);
    expect(texts).not.toContain(original);
    expect(mentions(lucia.frames, '612 345 679')).toEqual([]);
  });

  it('deleted: nothing reaches the room nor the history, and the pupil is told', async () => {
    const text = 'Text me, 06 12 34 56 78, after school';
    const held = await heldFromPablo(text, 'pablo-tab-3');
    expect(held).toMatchObject({ type: 'held', held: { kinds: ['phone'] } });
    const heldId = held.held.heldId;
    const luciaSeen = lucia.frames.length;
    const answer = await apiSend(endpoints, 'POST', `/projects/${space.projectId}/moderation/${heldId}/delete`, tokenOf('teacher-admin'), {});
    expect(answer.status).toBe(200);
    for (const tab of [pablo, pabloElsewhere]) {
      expect(await tab.frame((frame) => frame.type === 'held-decided' && frame.heldId === heldId)).toEqual({ type: 'held-decided', projectId: space.projectId, heldId, outcome: 'deleted' });
    }
    await roomSettled();
    expect(mentions(lucia.frames.slice(luciaSeen), '56 78')).toEqual([]);
    expect((await history()).map((message) => message.text)).not.toContain(text);
    await expect
      .poll(async () => (await notificationsOf(tokenOf('pupil-member'), 'pupil-text-decided')).filter((notification) => notification.params?.heldId === heldId).map((notification) => notification.params?.outcome), { timeout: 10_000 })
      .toEqual(['deleted']);
  });
});

describe('another pupil’s surname', () => {
  it('is held too: the guard reads the project’s own pupils', async () => {
    const luciaSeen = lucia.frames.length;
    const held = await heldFromPablo('Lucía Romero left her boots by the river', 'pablo-tab-5');
    expect(held).toMatchObject({ type: 'held', held: { kinds: ['surname'] } });
    await roomSettled();
    expect(mentions(lucia.frames.slice(luciaSeen), 'Romero')).toEqual([]);
  });
});

describe('a frame refused before the guard', () => {
  it('holds nothing: a muted pupil’s phone number is answered MUTED, and no teacher gets it to review', async () => {
    const luciaId = space.members['pupil-admin'].userId!;
    const until = new Date(Date.now() + 10 * 60 * 1000).toISOString();
    await store.db.send(
      new PutCommand({ TableName: store.tableName, Item: { ...keys.roomMute(space.projectId, luciaId), entity: 'roomMute', until, expiresAt: Math.floor(Date.parse(until) / 1000) } }),
    );
    try {
      const seen = lucia.frames.length;
      lucia.send({ action: 'sendMessage', projectId: space.projectId, text: 'My number is 612 34 56 70', clientId: 'lucia-tab-1' });
      expect(await lucia.frameAfter(seen, (frame) => frame.type === 'error' || frame.type === 'held')).toMatchObject({ type: 'error', code: 'MUTED' });
      const mine = await apiGet(endpoints, `/projects/${space.projectId}/moderation/mine?surface=chat-message`, tokenOf('pupil-admin'));
      expect(mine.status).toBe(200);
      expect(mine.body.items).toEqual([]);
    } finally {
      await store.db.send(new DeleteCommand({ TableName: store.tableName, Key: keys.roomMute(space.projectId, luciaId) }));
    }
  });
});

describe('a teacher writing personal data where pupils read', () => {
  it('is warned first (nothing sent, nothing held), and the message goes once she acknowledges it', async () => {
    const text = 'The school office: +33 1 42 68 53 00';
    const seen = ana.frames.length;
    const luciaSeen = lucia.frames.length;
    ana.send({ action: 'sendMessage', projectId: space.projectId, text, clientId: 'ana-tab-1' });
    const warning = await ana.frameAfter(seen, (frame) => frame.type === 'error' || (frame.type === 'message' && frame.message.text === text));
    expect(warning).toMatchObject({ type: 'error', code: 'PERSONAL_DATA_WARNING', projectId: space.projectId, kinds: ['phone'], clientId: 'ana-tab-1' });
    await roomSettled();
    expect(mentions(lucia.frames.slice(luciaSeen), '42 68 53')).toEqual([]);
    expect(ana.frames.slice(seen).filter((frame) => frame.type === 'held')).toEqual([]);
    expect((await history()).map((message) => message.text)).not.toContain(text);

    ana.send({ action: 'sendMessage', projectId: space.projectId, text, clientId: 'ana-tab-2', acknowledgePersonalData: true });
    const toLucia = await lucia.frame((frame) => frame.type === 'message' && frame.message.text === text);
    expect(toLucia.message).toMatchObject({ authorName: 'Ana García', authorType: 'teacher-admin' });
    expect((await history()).map((message) => message.text)).toContain(text);
  });
});

describe('harmless school talk', () => {
  it('goes through at once, numbers, dates and places and all', async () => {
    const text = `We measured 12.5 °C at 10:30 on 14 March 2025, 3.2 km from the bridge; room 204 won 21 to 14 (${Date.now().toString(36)})`;
    const seen = pablo.frames.length;
    pablo.send({ action: 'sendMessage', projectId: space.projectId, text, clientId: 'pablo-tab-4' });
    const answer = await pablo.frameAfter(seen, (frame) => frame.message?.clientId === 'pablo-tab-4' || frame.held?.clientId === 'pablo-tab-4' || frame.type === 'error');
    expect(answer).toMatchObject({ type: 'message', message: { text } });
    const toLucia = await lucia.frame((frame) => frame.type === 'message' && frame.message.text === text);
    expect(toLucia.message).toMatchObject({ authorName: 'Pablo', authorType: 'pupil-member' });
  });
});

/** A fresh tab of Lucía's in the room (a full bucket: a burst of 5, then 1 a second) and its connection id. */
async function freshTabOfLucia(): Promise<{ tab: ChatSocket; tabId: string }> {
  const luciaId = space.members['pupil-admin'].userId!;
  const before = new Set((await listLiveConnections(store, luciaId)).map((connection) => connection.connectionId));
  const tab = await ChatSocket.open(endpoints, tokenOf('pupil-admin'), space.projectId);
  opened.push(tab);
  return { tab, tabId: (await listLiveConnections(store, luciaId)).find((connection) => !before.has(connection.connectionId))!.connectionId };
}

/** API Gateway may run a connection's frames at once (the local gateway queues them): these, invoked together, all stamped now. */
async function framesAtOnce(tabId: string, frames: { text: string; clientId: string }[]): Promise<void> {
  const luciaId = space.members['pupil-admin'].userId!;
  applyHandlerEnv(endpoints);
  const connection = { connectionId: tabId, connectedAt: Date.now(), domainName: '127.0.0.1', sourceIp: '127.0.0.1', userAgent: 'test', rawHeaders: [], rawQueryString: '', region: endpoints.region };
  const now = new Date();
  await Promise.all(
    frames.map((frame) =>
      invokeHandler(chatHandlers.default, messageEvent(connection, authorizerOf(luciaId, { userId: luciaId }, 0), JSON.stringify({ action: 'sendMessage', projectId: space.projectId, ...frame }), false, now)),
    ),
  );
}

describe('a burst of frames racing on one connection', () => {
  it('holds no more texts than the bucket allows: each held text spends its token in its own transaction', async () => {
    const { tab, tabId } = await freshTabOfLucia();
    const burst = Array.from({ length: 9 }, (_, i) => `burst-${i}-${Date.now().toString(36)}`);
    const seen = tab.frames.length;
    await framesAtOnce(tabId, burst.map((clientId) => ({ text: `mi número es 612 34 56 78, ${clientId}`, clientId })));
    const answered = () => {
      const frames = tab.frames.slice(seen);
      return {
        held: frames.filter((frame) => frame.type === 'held' && burst.includes(frame.held.clientId)),
        limited: frames.filter((frame) => frame.type === 'error' && frame.code === 'RATE_LIMITED'),
      };
    };
    await expect.poll(() => answered().held.length + answered().limited.length, { timeout: 15_000 }).toBe(burst.length);
    const { held } = answered();
    // Five tokens at the most (the frames share one arrival time: nothing refills meanwhile).
    expect(held.length).toBeGreaterThanOrEqual(1);
    expect(held.length).toBeLessThanOrEqual(5);
    // The queue holds exactly the texts she was told were held: none stored without its token.
    const mine = await apiGet(endpoints, `/projects/${space.projectId}/moderation/mine?surface=chat-message`, tokenOf('pupil-admin'));
    const fromBurst = (mine.body.items as { heldId: string; fields?: { text: string }[] }[]).filter((item) => burst.some((clientId) => item.fields?.[0]?.text.includes(clientId)));
    expect(fromBurst.map((item) => item.heldId).sort()).toEqual(held.map((frame) => frame.held.heldId).sort());
  });

  it('stores no more messages than the bucket allows, also when they share one arrival time', async () => {
    const { tab, tabId } = await freshTabOfLucia();
    const burst = Array.from({ length: 9 }, (_, i) => `sent-${i}-${Date.now().toString(36)}`);
    const seen = tab.frames.length;
    await framesAtOnce(tabId, burst.map((clientId) => ({ text: `We saw 3 herons, ${clientId}`, clientId })));
    const answers = () => tab.frames.slice(seen).filter((frame) => (frame.type === 'message' && burst.includes(frame.message.clientId)) || (frame.type === 'error' && frame.code === 'RATE_LIMITED'));
    await expect.poll(() => answers().length, { timeout: 15_000 }).toBe(burst.length);
    const stored = (await history()).filter((message) => burst.some((clientId) => message.text.endsWith(clientId)));
    expect(stored.length).toBeGreaterThanOrEqual(1);
    expect(stored.length).toBeLessThanOrEqual(5);
    expect(stored.length).toBe(answers().filter((frame) => frame.type === 'message').length);
  });
});
