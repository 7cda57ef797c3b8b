/**
 * The chat, end to end through the local WebSocket gateway: who may connect,
 * a message from ana reaching marta live and staying in the history, the
 * history's paging, moderation, and stale connections cleaned up (410).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ulid } from 'ulid';
import { listRoomConnections, putChatConnection } from '../../functions/data/chat.ts';
import { addMembership } from '../../functions/data/memberships.ts';
import { createProject } from '../../functions/data/projects.ts';
import { apiGet, ChatSocket, chatHandshakeStatus, demoProjectId, demoToken, subOf, tableStoreOf } from '../support/clients.ts';
import { newSignedInUser } from '../support/cognito-users.ts';

const endpoints = inject('endpoints');

describe('connecting to the chat', () => {
  let projectId: string;
  beforeAll(async () => {
    projectId = await demoProjectId(endpoints);
  });

  it('refuses a bad or missing token with 401', async () => {
    expect(await chatHandshakeStatus(endpoints, `token=not.a.token&projectId=${projectId}`)).toBe(401);
    expect(await chatHandshakeStatus(endpoints, `projectId=${projectId}`)).toBe(401);
  });

  it('refuses the visitor and a non-member with 403', async () => {
    const guest = await demoToken(endpoints, 'guest@demo.twinspace');
    expect(await chatHandshakeStatus(endpoints, `token=${encodeURIComponent(guest)}&projectId=${projectId}`)).toBe(403);
    const stranger = await newSignedInUser(endpoints, ['teacher-admin']);
    expect(await chatHandshakeStatus(endpoints, `token=${encodeURIComponent(stranger.idToken)}&projectId=${projectId}`)).toBe(403);
  });

  it('refuses even a teacher administrator with 403 once the project is closed', async () => {
    const store = tableStoreOf(endpoints);
    const teacher = await newSignedInUser(endpoints, ['teacher-admin']);
    const userId = subOf(teacher.idToken);
    const closedId = ulid();
    const now = new Date().toISOString();
    await createProject(store, {
      projectId: closedId,
      title: 'A finished project',
      description: 'Closed: read-only for everyone',
      state: 'closed',
      subjects: ['history'],
      ages: { min: 10, max: 12 },
      languages: ['en'],
      founders: [userId],
      partners: [{ userId, displayName: 'Closing Teacher', country: 'ES' }],
      createdAt: now,
      version: 2,
    });
    await addMembership(
      store,
      { projectId: closedId, userId, type: 'teacher-admin', kind: 'teacher', displayName: 'Closing Teacher', country: 'ES', joinedAt: now },
      'A finished project',
    );
    expect(await chatHandshakeStatus(endpoints, `token=${encodeURIComponent(teacher.idToken)}&projectId=${closedId}`)).toBe(403);
    // The history stays readable.
    expect((await apiGet(endpoints, `/projects/${closedId}/chat/messages`, teacher.idToken)).status).toBe(200);
  });

  it('lets a pupil member in', async () => {
    const jules = await demoToken(endpoints, 'pupil.jules');
    expect(await chatHandshakeStatus(endpoints, `token=${encodeURIComponent(jules)}&projectId=${projectId}`)).toBe(101);
  });
});

describe('talking in the demo project', () => {
  let projectId: string;
  let ana: ChatSocket;
  let marta: ChatSocket;

  beforeAll(async () => {
    projectId = await demoProjectId(endpoints);
    ana = await ChatSocket.open(endpoints, await demoToken(endpoints, 'ana@demo.twinspace'), projectId);
    marta = await ChatSocket.open(endpoints, await demoToken(endpoints, 'pupil.marta'), projectId);
  });

  afterAll(() => {
    ana?.close();
    marta?.close();
  });

  it('delivers ana’s message live to marta, and keeps it in the history', async () => {
    const text = `Our river sample is ready ${Date.now()}`;
    ana.send({ action: 'sendMessage', text: `  ${text}  ` });
    const received = await marta.frame((frame) => frame.type === 'message' && frame.message.text === text);
    expect(received.message).toMatchObject({ projectId, authorName: 'Ana García', authorType: 'teacher-admin', text });
    expect(Date.parse(received.message.sentAt)).not.toBeNaN();

    const history = await apiGet(endpoints, `/projects/${projectId}/chat/messages?limit=5`, await demoToken(endpoints, 'pupil.marta'));
    expect(history.status).toBe(200);
    expect(history.body.items[0]).toEqual(received.message);
  });

  it('names a pupil by first name only, to everyone in the room', async () => {
    const text = `Hello from Marta ${Date.now()}`;
    marta.send({ action: 'sendMessage', text });
    const received = await ana.frame((frame) => frame.type === 'message' && frame.message.text === text);
    expect(received.message).toMatchObject({ authorName: 'Marta', authorType: 'pupil-admin' });
  });

  it('pages the history newest first, and refuses a tampered cursor', async () => {
    const texts = ['first', 'second', 'third'].map((word) => `${word} ${Date.now()}`);
    for (const text of texts) {
      ana.send({ action: 'sendMessage', text });
      await marta.frame((frame) => frame.type === 'message' && frame.message.text === text);
    }
    const token = await demoToken(endpoints, 'pupil.jules');
    const firstPage = await apiGet(endpoints, `/projects/${projectId}/chat/messages?limit=2`, token);
    expect(firstPage.body.items.map((message: { text: string }) => message.text)).toEqual([texts[2], texts[1]]);
    expect(firstPage.body.nextCursor).toEqual(expect.any(String));
    const secondPage = await apiGet(endpoints, `/projects/${projectId}/chat/messages?limit=2&cursor=${firstPage.body.nextCursor}`, token);
    expect(secondPage.status).toBe(200);
    expect(secondPage.body.items[0].text).toBe(texts[0]);

    const key = JSON.parse(Buffer.from(firstPage.body.nextCursor, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...key, SK: 'CONN#someone' })).toString('base64url');
    const tampered = await apiGet(endpoints, `/projects/${projectId}/chat/messages?cursor=${forged}`, token);
    expect(tampered.status).toBe(400);
    expect(tampered.body.error.code).toBe('VALIDATION_FAILED');
    const garbage = await apiGet(endpoints, `/projects/${projectId}/chat/messages?cursor=%7B%7D`, token);
    expect(garbage.status).toBe(400);
  });

  it('keeps the history from the visitor', async () => {
    const history = await apiGet(endpoints, `/projects/${projectId}/chat/messages`, await demoToken(endpoints, 'guest@demo.twinspace'));
    expect(history.status).toBe(403);
  });

  it('answers a bad frame to the sender only', async () => {
    ana.send({ action: 'sendMessage', text: 'x'.repeat(2001) });
    expect(await ana.frame((frame) => frame.type === 'error')).toMatchObject({ type: 'error', code: 'TOO_LONG' });
    marta.send({ action: 'deleteMessage', messageId: '01JF8Z3Q4W5X6Y7Z8A9B0C1D2E' });
    expect(await marta.frame((frame) => frame.type === 'error')).toMatchObject({ type: 'error', code: 'FORBIDDEN' });
  });

  it('lets the teacher administrator delete a message for everyone', async () => {
    const text = `to be removed ${Date.now()}`;
    ana.send({ action: 'sendMessage', text });
    const sent = await marta.frame((frame) => frame.type === 'message' && frame.message.text === text);
    ana.send({ action: 'deleteMessage', messageId: sent.message.id });
    expect(await marta.frame((frame) => frame.type === 'messageDeleted' && frame.messageId === sent.message.id)).toBeDefined();
    const history = await apiGet(endpoints, `/projects/${projectId}/chat/messages?limit=100`, await demoToken(endpoints, 'ana@demo.twinspace'));
    expect(history.body.items.map((message: { id: string }) => message.id)).not.toContain(sent.message.id);
  });

  it('deletes a connection that answers 410 and still delivers to the others', async () => {
    const store = tableStoreOf(endpoints);
    const now = new Date();
    await putChatConnection(store, {
      connectionId: 'R29uZUxvbmdBZ28=',
      projectId,
      userId: 'someone-who-left',
      connectedAt: now.toISOString(),
      expiresAt: Math.floor(now.getTime() / 1000) + 3600,
    });
    const errorsBefore = ana.frames.filter((frame) => frame.type === 'error').length;
    const text = `after a stale connection ${Date.now()}`;
    ana.send({ action: 'sendMessage', text });
    await marta.frame((frame) => frame.type === 'message' && frame.message.text === text);
    // The sender gets the broadcast like everyone else, not an error.
    await ana.frame((frame) => frame.type === 'message' && frame.message.text === text);
    await expect
      .poll(async () => (await listRoomConnections(store, projectId)).map((connection) => connection.connectionId), { timeout: 10_000 })
      .not.toContain('R29uZUxvbmdBZ28=');
    expect(ana.frames.filter((frame) => frame.type === 'error')).toHaveLength(errorsBefore);
  });
});
