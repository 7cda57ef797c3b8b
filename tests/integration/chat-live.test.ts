/**
 * The live connection and the chat (protocol v2), end to end through the
 * local WebSocket gateway: a signed-in tab connects without a projectId and
 * joins rooms by frame; who may join; a message from ana reaching marta live
 * and staying in the history (with its TTL); every send checked against the
 * table (joined, mute, the pupils' chat closed, the rate limit); bad input
 * answered with an error frame on a socket that stays usable; presence.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ulid } from 'ulid';
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { listLiveConnections, listRoomConnections, putChatConnection } from '../../functions/data/chat.ts';
import { keys } from '../../functions/data/keys.ts';
import { addMembership } from '../../functions/data/memberships.ts';
import { createProject } from '../../functions/data/projects.ts';
import { apiGet, ChatSocket, chatHandshakeStatus, demoProjectId, demoToken, subOf, tableStoreOf, type Frame } from '../support/clients.ts';
import { newSignedInUser } from '../support/cognito-users.ts';
import { newTwinspace, type TestTwinspace } from '../support/twinspace.ts';

const endpoints = inject('endpoints');
const store = tableStoreOf(endpoints);
const opened: ChatSocket[] = [];

async function connect(idToken: string): Promise<ChatSocket> {
  const socket = await ChatSocket.connect(endpoints, idToken);
  opened.push(socket);
  return socket;
}

async function joined(idToken: string, projectId: string): Promise<ChatSocket> {
  const socket = await ChatSocket.open(endpoints, idToken, projectId);
  opened.push(socket);
  return socket;
}

/** The socket still answers: a ping gets its pong. */
async function stillUsable(socket: ChatSocket): Promise<void> {
  const seen = socket.frames.length;
  socket.send({ action: 'ping' });
  await socket.frameAfter(seen, (frame) => frame.type === 'pong');
}

/** The next error frame after what the socket has seen so far, once `act` ran. */
async function errorAfter(socket: ChatSocket, act: () => void): Promise<Frame> {
  const seen = socket.frames.length;
  act();
  return socket.frameAfter(seen, (frame) => frame.type === 'error');
}

const usersInRoom = async (projectId: string) => (await listRoomConnections(store, projectId)).map((connection) => connection.userId);
const historyTexts = async (projectId: string, idToken: string) =>
  ((await apiGet(endpoints, `/projects/${projectId}/chat/messages?limit=100`, idToken)).body.items as { text: string }[]).map((message) => message.text);

async function closedProjectOf(userId: string): Promise<string> {
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
  return closedId;
}

afterAll(() => {
  for (const socket of opened) socket.close();
});

describe('connecting: one live connection per tab', () => {
  it('refuses a bad or missing token with 401', async () => {
    expect(await chatHandshakeStatus(endpoints, 'token=not.a.token')).toBe(401);
    expect(await chatHandshakeStatus(endpoints, '')).toBe(401);
  });

  it('lets any signed-in person connect without a projectId (one given is ignored), and keeps the connection under the person', async () => {
    const stranger = await newSignedInUser(endpoints, ['teacher-admin']);
    const userId = subOf(stranger.idToken);
    expect(await chatHandshakeStatus(endpoints, `token=${encodeURIComponent(stranger.idToken)}`)).toBe(101);
    const projectId = await demoProjectId(endpoints);
    const socket = await connect(stranger.idToken);
    expect(await chatHandshakeStatus(endpoints, `token=${encodeURIComponent(stranger.idToken)}&projectId=${projectId}`)).toBe(101);
    await expect.poll(async () => (await listLiveConnections(store, userId)).length).toBeGreaterThanOrEqual(1);
    const [live] = (await listLiveConnections(store, userId)).filter((connection) => connection.rooms.length === 0);
    expect(live).toMatchObject({ userId, rooms: [], bucket: { tokens: 5 } });
    expect(live.expiresAt - Math.floor(Date.parse(live.connectedAt) / 1000)).toBe(2 * 60 * 60);
    expect(await usersInRoom(projectId)).not.toContain(userId);
    await stillUsable(socket);
  });
});

describe('joining a room', () => {
  let projectId: string;
  beforeAll(async () => {
    projectId = await demoProjectId(endpoints);
  });

  it('lets a member in: joined with who is there, the pupils’ chat state and the retention', async () => {
    const jules = await demoToken(endpoints, 'pupil.jules');
    const socket = await connect(jules);
    const answer = await socket.join(projectId);
    expect(answer).toMatchObject({ type: 'joined', projectId, pupilsOpen: true, retentionDays: 90 });
    expect(answer.mutedUntil).toBeUndefined();
    expect(answer.present).toContainEqual({ userId: subOf(jules), name: 'Jules', type: 'pupil-member' });
    expect(await usersInRoom(projectId)).toContain(subOf(jules));
  });

  it('refuses the visitor, a non-member, a closed project and an unknown one, storing nothing', async () => {
    const guest = await demoToken(endpoints, 'guest@demo.twinspace');
    const stranger = await newSignedInUser(endpoints, ['teacher-admin']);
    const closedId = await closedProjectOf(subOf(stranger.idToken));
    for (const [idToken, room] of [
      [guest, projectId],
      [stranger.idToken, projectId],
      [stranger.idToken, closedId],
      [stranger.idToken, ulid()],
    ]) {
      const socket = await connect(idToken);
      const answer = await socket.join(room);
      expect(answer).toMatchObject({ type: 'error', code: 'FORBIDDEN', projectId: room });
      expect(await usersInRoom(room)).not.toContain(subOf(idToken));
      expect((await listLiveConnections(store, subOf(idToken))).flatMap((connection) => connection.rooms)).not.toContain(room);
      await stillUsable(socket);
    }
    // The history of the closed project stays readable.
    expect((await apiGet(endpoints, `/projects/${closedId}/chat/messages`, stranger.idToken)).status).toBe(200);
  });

  it('refuses a message sent before joining, and stores nothing', async () => {
    const ana = await demoToken(endpoints, 'ana@demo.twinspace');
    const socket = await connect(ana);
    const text = `not joined yet ${Date.now()}`;
    const refused = await errorAfter(socket, () => socket.send({ action: 'sendMessage', projectId, text }));
    expect(refused).toMatchObject({ code: 'FORBIDDEN', projectId });
    expect(await historyTexts(projectId, ana)).not.toContain(text);
    await stillUsable(socket);
  });
});

describe('talking in the demo project', () => {
  let projectId: string;
  let ana: ChatSocket;
  let marta: ChatSocket;

  beforeAll(async () => {
    projectId = await demoProjectId(endpoints);
    ana = await joined(await demoToken(endpoints, 'ana@demo.twinspace'), projectId);
    marta = await joined(await demoToken(endpoints, 'pupil.marta'), projectId);
  });

  it('delivers ana’s message live to marta with ana’s clientId, keeps it in the history, and sets its TTL to sentAt + 90 days', async () => {
    const text = `Our river sample is ready ${Date.now()}`;
    ana.send({ action: 'sendMessage', projectId, text: `  ${text}  `, clientId: 'tab-1' });
    const received = await marta.frame((frame) => frame.type === 'message' && frame.message.text === text);
    expect(received.message).toMatchObject({ projectId, authorName: 'Ana García', authorType: 'teacher-admin', text, clientId: 'tab-1' });
    expect(Date.parse(received.message.sentAt)).not.toBeNaN();

    const history = await apiGet(endpoints, `/projects/${projectId}/chat/messages?limit=5`, await demoToken(endpoints, 'pupil.marta'));
    expect(history.status).toBe(200);
    const { clientId: _clientId, ...stored } = received.message;
    expect(history.body.items[0]).toEqual(stored);

    const { Item } = await store.db.send(new GetCommand({ TableName: store.tableName, Key: keys.chatMessage(projectId, received.message.id) }));
    expect(Item?.expiresAt).toBe(Math.floor(Date.parse(received.message.sentAt) / 1000) + 90 * 24 * 60 * 60);
  });

  it('names a pupil by first name only, to everyone in the room', async () => {
    const text = `Hello from Marta ${Date.now()}`;
    marta.send({ action: 'sendMessage', projectId, text });
    const received = await ana.frame((frame) => frame.type === 'message' && frame.message.text === text);
    expect(received.message).toMatchObject({ authorName: 'Marta', authorType: 'pupil-admin' });
  });

  it('pages the history newest first, and refuses a tampered cursor', async () => {
    const texts = ['first', 'second', 'third'].map((word) => `${word} ${Date.now()}`);
    for (const text of texts) {
      ana.send({ action: 'sendMessage', projectId, text });
      await marta.frame((frame) => frame.type === 'message' && frame.message.text === text);
      // One second apart at most 5 in a burst: these three stay well inside the rate limit.
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

  it('answers bad input to the sender only, with an error frame, and the socket stays usable', async () => {
    const othersBefore = marta.frames.filter((frame) => frame.type === 'error').length;
    expect(await errorAfter(ana, () => ana.send({ action: 'sendMessage', projectId, text: 'x'.repeat(2001) }))).toMatchObject({ code: 'TOO_LONG', projectId });
    await stillUsable(ana);
    expect(await errorAfter(ana, () => ana.send({ action: 'sendMessage', projectId, text: '   ' }))).toMatchObject({ code: 'EMPTY_MESSAGE' });
    await stillUsable(ana);
    // A frame over 8 KB (API Gateway itself would take up to 128 KB): not read at all.
    const oversized = `{"action":"sendMessage","projectId":"${projectId}","text":"${'y'.repeat(9 * 1024)}"}`;
    expect(await errorAfter(ana, () => ana.send(oversized))).toMatchObject({ code: 'TOO_LARGE' });
    await stillUsable(ana);
    expect(await errorAfter(ana, () => ana.send({ action: 'deleteMessage', messageId: '01JF8Z3Q4W5X6Y7Z8A9B0C1D2E' }))).toMatchObject({ code: 'UNKNOWN_ACTION' });
    await stillUsable(ana);
    expect(await errorAfter(ana, () => ana.send('{"action": "sendMessage", '))).toMatchObject({ code: 'BAD_FRAME' });
    await stillUsable(ana);
    expect(await errorAfter(ana, () => ana.send({ text: 'no action' }))).toMatchObject({ code: 'BAD_FRAME' });
    await stillUsable(ana);
    expect(marta.frames.filter((frame) => frame.type === 'error')).toHaveLength(othersBefore);
    // Still talking after all that.
    const text = `still here ${Date.now()}`;
    ana.send({ action: 'sendMessage', projectId, text });
    await marta.frame((frame) => frame.type === 'message' && frame.message.text === text);
  });

  it('deletes a room connection that answers 410 and still delivers to the others', async () => {
    // Ana has used her burst of 5 above: one more token comes each second.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await putChatConnection(store, {
      connectionId: 'R29uZUxvbmdBZ28=',
      projectId,
      userId: 'someone-who-left',
      name: 'Gone',
      type: 'pupil-member',
      expiresAt: Math.floor(Date.now() / 1000) + 3600,
    });
    const errorsBefore = ana.frames.filter((frame) => frame.type === 'error').length;
    const text = `after a stale connection ${Date.now()}`;
    ana.send({ action: 'sendMessage', projectId, text });
    await marta.frame((frame) => frame.type === 'message' && frame.message.text === text);
    // The sender gets the broadcast like everyone else, not an error.
    await ana.frame((frame) => frame.type === 'message' && frame.message.text === text);
    await expect
      .poll(async () => (await listRoomConnections(store, projectId)).map((connection) => connection.connectionId), { timeout: 10_000 })
      .not.toContain('R29uZUxvbmdBZ28=');
    expect(ana.frames.filter((frame) => frame.type === 'error')).toHaveLength(errorsBefore);
  });
});

describe('every send is checked against the table', () => {
  let space: TestTwinspace;
  let teacher: ChatSocket;
  let pupil: ChatSocket;
  const pupilMember = () => space.members['pupil-member'];

  beforeAll(async () => {
    space = await newTwinspace(endpoints, `Chat checks ${Date.now().toString(36)}`);
    teacher = await joined(space.members['teacher-admin'].idToken!, space.projectId);
    pupil = await joined(pupilMember().idToken!, space.projectId);
  });

  afterAll(async () => {
    await store.db.send(new DeleteCommand({ TableName: store.tableName, Key: keys.roomMute(space.projectId, pupilMember().userId!) }));
    await store.db.send(new DeleteCommand({ TableName: store.tableName, Key: keys.roomSettings(space.projectId) }));
  });

  it('rate-limits one connection: of 20 frames sent at once, exactly 5 are stored, the rest get RATE_LIMITED with retryAfter', async () => {
    const flood = await joined(space.members['member-teacher'].idToken!, space.projectId);
    const seen = flood.frames.length;
    const batch = `flood-${Date.now().toString(36)}`;
    const clientIds = Array.from({ length: 20 }, (_, index) => `${batch}-${index}`);
    // All 20 leave at once; none waits for an answer.
    for (const clientId of clientIds) flood.send({ action: 'sendMessage', projectId: space.projectId, text: `${clientId} text`, clientId });
    const answers = () =>
      flood.frames
        .slice(seen)
        .filter((frame) => (frame.type === 'message' && clientIds.includes(frame.message.clientId)) || (frame.type === 'error' && frame.code === 'RATE_LIMITED'));
    await expect.poll(() => answers().length, { timeout: 20_000 }).toBe(20);
    const stored = answers().filter((frame) => frame.type === 'message');
    const limited = answers().filter((frame) => frame.type === 'error');
    expect(stored.map((frame) => frame.message.clientId), JSON.stringify(limited)).toHaveLength(5);
    expect(stored).toHaveLength(5);
    expect(limited).toHaveLength(15);
    for (const frame of limited) {
      expect(frame).toMatchObject({ projectId: space.projectId, retryAfter: expect.any(Number) });
      expect(frame.retryAfter).toBeGreaterThanOrEqual(1);
    }
    const history = await historyTexts(space.projectId, space.members['teacher-admin'].idToken!);
    expect(history.filter((text) => text.startsWith(batch))).toHaveLength(5);
    // The refusals went to the flooding connection only.
    expect(teacher.frames.filter((frame) => frame.type === 'error')).toHaveLength(0);

    // A second later, one more token is there.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const text = `${batch} after a second`;
    flood.send({ action: 'sendMessage', projectId: space.projectId, text });
    await teacher.frame((frame) => frame.type === 'message' && frame.message.text === text);
  });

  it('refuses a muted pupil with MUTED and when it ends, stores nothing, and says so on join', async () => {
    const until = new Date(Date.now() + 10 * 60 * 1000).toISOString();
    await store.db.send(
      new PutCommand({
        TableName: store.tableName,
        Item: { ...keys.roomMute(space.projectId, pupilMember().userId!), entity: 'roomMute', until, by: space.members['teacher-admin'].userId, expiresAt: Math.floor(Date.parse(until) / 1000) },
      }),
    );
    const text = `while muted ${Date.now()}`;
    expect(await errorAfter(pupil, () => pupil.send({ action: 'sendMessage', projectId: space.projectId, text }))).toMatchObject({
      code: 'MUTED',
      projectId: space.projectId,
      until,
    });
    expect(await historyTexts(space.projectId, space.members['teacher-admin'].idToken!)).not.toContain(text);
    const again = await connect(pupilMember().idToken!);
    expect(await again.join(space.projectId)).toMatchObject({ type: 'joined', mutedUntil: until });

    // A mute whose time has passed (the TTL deletes it later) no longer counts.
    await store.db.send(
      new PutCommand({
        TableName: store.tableName,
        Item: { ...keys.roomMute(space.projectId, pupilMember().userId!), entity: 'roomMute', until: new Date(Date.now() - 1000).toISOString(), expiresAt: Math.floor(Date.now() / 1000) },
      }),
    );
    const after = `after the mute ${Date.now()}`;
    pupil.send({ action: 'sendMessage', projectId: space.projectId, text: after });
    await teacher.frame((frame) => frame.type === 'message' && frame.message.text === after);
  });

  it('refuses pupils with CHAT_CLOSED while the pupils’ chat is closed; teachers still talk', async () => {
    await store.db.send(
      new PutCommand({
        TableName: store.tableName,
        Item: { ...keys.roomSettings(space.projectId), entity: 'roomSettings', pupilsOpen: false, changedBy: space.members['teacher-admin'].userId, changedAt: new Date().toISOString() },
      }),
    );
    const text = `pupils closed ${Date.now()}`;
    expect(await errorAfter(pupil, () => pupil.send({ action: 'sendMessage', projectId: space.projectId, text }))).toMatchObject({
      code: 'CHAT_CLOSED',
      projectId: space.projectId,
    });
    expect(await historyTexts(space.projectId, space.members['teacher-admin'].idToken!)).not.toContain(text);
    const another = await connect(space.members['pupil-admin'].idToken!);
    expect(await another.join(space.projectId)).toMatchObject({ type: 'joined', pupilsOpen: false });
    const teacherText = `teachers still talk ${Date.now()}`;
    teacher.send({ action: 'sendMessage', projectId: space.projectId, text: teacherText });
    await pupil.frame((frame) => frame.type === 'message' && frame.message.text === teacherText);

    await store.db.send(new DeleteCommand({ TableName: store.tableName, Key: keys.roomSettings(space.projectId) }));
    const reopened = `pupils again ${Date.now()}`;
    pupil.send({ action: 'sendMessage', projectId: space.projectId, text: reopened });
    await teacher.frame((frame) => frame.type === 'message' && frame.message.text === reopened);
  });
});

describe('presence', () => {
  let space: TestTwinspace;
  beforeAll(async () => {
    space = await newTwinspace(endpoints, `Chat presence ${Date.now().toString(36)}`);
  });

  it('tells the room who is there on join, leave and disconnect (pupils by first name, each person once)', async () => {
    const teacherId = space.members['teacher-admin'].userId!;
    const pupil = space.members['pupil-admin'];
    const teacher = await joined(space.members['teacher-admin'].idToken!, space.projectId);
    const names = (frame: Frame) => (frame.present as { userId: string; name: string }[]).map((member) => member.userId);

    const tab = await connect(pupil.idToken!);
    const seen = teacher.frames.length;
    const answer = await tab.join(space.projectId);
    expect(names(answer).sort()).toEqual([teacherId, pupil.userId].sort());
    const arrived = await teacher.frameAfter(seen, (frame) => frame.type === 'presence' && names(frame).includes(pupil.userId!));
    expect(arrived.present).toContainEqual({ userId: pupil.userId, name: 'Lucía', type: 'pupil-admin' });

    // A second tab of the same pupil: still one entry.
    const secondTab = await joined(pupil.idToken!, space.projectId);
    const twice = await teacher.frameAfter(seen, (frame) => frame.type === 'presence' && frame.present.length === 2);
    expect(names(twice).filter((userId) => userId === pupil.userId)).toHaveLength(1);

    // Leaving (one tab): `left` to that tab; the other tab keeps the pupil present.
    const beforeLeave = teacher.frames.length;
    tab.send({ action: 'leave', projectId: space.projectId });
    expect(await tab.frame((frame) => frame.type === 'left')).toEqual({ type: 'left', projectId: space.projectId, reason: 'left' });
    expect(names(await teacher.frameAfter(beforeLeave, (frame) => frame.type === 'presence'))).toContain(pupil.userId);
    await stillUsable(tab);

    // Disconnecting the last tab: the pupil is gone from the room, and so are the connection's items.
    const beforeClose = teacher.frames.length;
    secondTab.close();
    const gone = await teacher.frameAfter(beforeClose, (frame) => frame.type === 'presence' && !names(frame).includes(pupil.userId!));
    expect(names(gone)).toEqual([teacherId]);
    expect(await usersInRoom(space.projectId)).toEqual([teacherId]);
    await expect.poll(async () => (await listLiveConnections(store, pupil.userId!)).filter((connection) => connection.rooms.length > 0)).toEqual([]);
  });
});
