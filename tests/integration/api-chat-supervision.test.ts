/**
 * Chat supervision over HTTP (issue 9): teachers delete any message and
 * authors their own; teachers mute a pupil (10 min, 1 h, the rest of the day
 * in their time zone) and lift it; teacher administrators close and reopen
 * the pupils' chat; any member who chats reports a message once, and each
 * teacher administrator is notified in the same transaction. Every write is
 * refused once the project is closed. The frames each write posts
 * (messageDeleted, chatState, muted) reach the sockets in the room.
 *
 * Messages are written straight to the table (the route acts on stored
 * messages; how they are sent is the live chat's test), so this file does not
 * depend on the send protocol. Sockets: ChatSocket.open, then a `join` frame
 * (the protocol of issue 9); with the protocol before it, the socket is in the
 * room from its connect and the join is answered with an error frame, which
 * is ignored here. In a TwinSpace of this file's own.
 */
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { putChatMessage } from '../../functions/data/chat.ts';
import { keys } from '../../functions/data/keys.ts';
import { endOfDay } from '../../functions/domain/chat-supervision.ts';
import type { TwinspaceType } from '../../functions/domain/twinspace-types.ts';
import { apiGet, apiSend, ChatSocket, tableStoreOf, type Frame } from '../support/clients.ts';
import { newTwinspace, type TestTwinspace, type TwinspaceCaller } from '../support/twinspace.ts';

const endpoints = inject('endpoints');
const store = tableStoreOf(endpoints);

let space: TestTwinspace;
const opened: ChatSocket[] = [];

const member = (type: TwinspaceType): TwinspaceCaller => space.members[type];
const token = (type: TwinspaceType) => member(type).idToken!;
const chatPath = () => `/projects/${space.projectId}/chat`;

/** A message in the room, written as the chat stores it; its id. */
async function messageBy(author: TwinspaceCaller, text = `Hello ${Date.now()}`): Promise<string> {
  const id = ulid();
  await putChatMessage(store, {
    id,
    projectId: space.projectId,
    authorId: author.userId!,
    authorName: author.name,
    authorType: author.type!,
    text,
    sentAt: new Date().toISOString(),
  });
  return id;
}

async function messageExists(messageId: string): Promise<boolean> {
  const { Item } = await store.db.send(new GetCommand({ TableName: store.tableName, Key: keys.chatMessage(space.projectId, messageId) }));
  return Item !== undefined;
}

/** A socket of this member in the room. */
async function inRoom(caller: TwinspaceCaller): Promise<ChatSocket> {
  const socket = await ChatSocket.open(endpoints, caller.idToken!, space.projectId);
  opened.push(socket);
  socket.send({ action: 'join', projectId: space.projectId });
  await within(socket.frame((frame) => frame.type === 'joined' || frame.type === 'error'), 5_000, 'the answer to join');
  return socket;
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<T>((_resolve, reject) => setTimeout(() => reject(new Error(`${what} did not arrive within ${ms} ms`)), ms))]);
}

const framed = (socket: ChatSocket, predicate: (frame: Frame) => boolean, what: string) => within(socket.frame(predicate), 5_000, what);

/** The chat-report notifications of one person about one message (read from the table: pattern 14). */
async function reportNotices(userId: string, messageId: string) {
  const { Items = [] } = await store.db.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :n)',
      ExpressionAttributeValues: { ':pk': keys.userPartition(userId), ':n': 'NOTIFICATION#' },
    }),
  );
  return Items.filter((item) => item.topic === 'chat-report' && item.subjectId === messageId);
}

beforeAll(async () => {
  space = await newTwinspace(endpoints, `Supervised chat ${Date.now().toString(36)}`);
});

afterAll(() => {
  for (const socket of opened) socket.close();
});

describe('deleting a chat message', () => {
  it('the teachers delete any message: 204, gone from the table and the history', async () => {
    for (const type of ['teacher-admin', 'member-teacher'] as const) {
      const messageId = await messageBy(member('pupil-member'));
      expect((await apiSend(endpoints, 'DELETE', `${chatPath()}/messages/${messageId}`, token(type))).status, type).toBe(204);
      expect(await messageExists(messageId)).toBe(false);
      const history = await apiGet(endpoints, `${chatPath()}/messages?limit=50`, token(type));
      expect(history.body.items.map((message: { id: string }) => message.id)).not.toContain(messageId);
    }
  });

  it('a pupil deletes their own message, not another member’s; a visitor none', async () => {
    const own = await messageBy(member('pupil-member'));
    expect((await apiSend(endpoints, 'DELETE', `${chatPath()}/messages/${own}`, token('pupil-member'))).status).toBe(204);
    const someoneElses = await messageBy(member('pupil-member'));
    const refused = await apiSend(endpoints, 'DELETE', `${chatPath()}/messages/${someoneElses}`, token('pupil-admin'));
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/your own/);
    expect((await apiSend(endpoints, 'DELETE', `${chatPath()}/messages/${someoneElses}`, token('visitor'))).status).toBe(403);
    expect(await messageExists(someoneElses)).toBe(true);
  });

  it('an unknown message, or one already deleted, is 404', async () => {
    expect((await apiSend(endpoints, 'DELETE', `${chatPath()}/messages/${ulid()}`, token('teacher-admin'))).status).toBe(404);
    const messageId = await messageBy(member('pupil-admin'));
    expect((await apiSend(endpoints, 'DELETE', `${chatPath()}/messages/${messageId}`, token('teacher-admin'))).status).toBe(204);
    expect((await apiSend(endpoints, 'DELETE', `${chatPath()}/messages/${messageId}`, token('teacher-admin'))).status).toBe(404);
  });

  it('reaches every open client in the room as a messageDeleted frame', async () => {
    const pupil = await inRoom(member('pupil-member'));
    const teacher = await inRoom(member('member-teacher'));
    const messageId = await messageBy(member('pupil-member'));
    expect((await apiSend(endpoints, 'DELETE', `${chatPath()}/messages/${messageId}`, token('teacher-admin'))).status).toBe(204);
    for (const socket of [pupil, teacher]) {
      const frame = await framed(socket, (f) => f.type === 'messageDeleted' && f.messageId === messageId, 'messageDeleted');
      expect(frame).toMatchObject({ type: 'messageDeleted', projectId: space.projectId, messageId });
    }
  });
});

describe('muting a pupil', () => {
  it('for 10 minutes or an hour: 200 with until; the teachers read it in the state, pupils do not', async () => {
    const pupil = member('pupil-member');
    const before = Date.now();
    const muted = await apiSend(endpoints, 'PUT', `${chatPath()}/mutes/${pupil.userId}`, token('member-teacher'), { duration: '10m' });
    expect(muted.status).toBe(200);
    expect(muted.body.userId).toBe(pupil.userId);
    const until = Date.parse(muted.body.until);
    expect(until - before).toBeGreaterThanOrEqual(10 * 60 * 1000 - 1_000);
    expect(until - Date.now()).toBeLessThanOrEqual(10 * 60 * 1000);

    const state = await apiGet(endpoints, `${chatPath()}/state`, token('teacher-admin'));
    expect(state.status).toBe(200);
    expect(state.body.mutes).toContainEqual(expect.objectContaining({ userId: pupil.userId, until: muted.body.until }));
    expect((await apiGet(endpoints, `${chatPath()}/state`, token('pupil-admin'))).body.mutes).toEqual([]);

    // The mute item expires (TTL) when the mute ends.
    const { Item } = await store.db.send(new GetCommand({ TableName: store.tableName, Key: keys.roomMute(space.projectId, pupil.userId!) }));
    expect(Item).toMatchObject({ until: muted.body.until, by: member('member-teacher').userId, expiresAt: Math.ceil(until / 1000) });

    const hour = await apiSend(endpoints, 'PUT', `${chatPath()}/mutes/${pupil.userId}`, token('teacher-admin'), { duration: '1h' });
    expect(Date.parse(hour.body.until) - Date.now()).toBeGreaterThan(59 * 60 * 1000);
  });

  it('for the rest of the day in the teacher’s time zone (UTC without one)', async () => {
    const pupil = member('pupil-admin');
    const madrid = await apiSend(endpoints, 'PUT', `${chatPath()}/mutes/${pupil.userId}`, token('teacher-admin'), { duration: 'day', timeZone: 'Europe/Madrid' });
    expect(madrid.status).toBe(200);
    expect(madrid.body.until).toBe(endOfDay(new Date(), 'Europe/Madrid').toISOString());
    const utc = await apiSend(endpoints, 'PUT', `${chatPath()}/mutes/${pupil.userId}`, token('teacher-admin'), { duration: 'day' });
    expect(utc.body.until).toBe(endOfDay(new Date(), 'UTC').toISOString());
    const bad = await apiSend(endpoints, 'PUT', `${chatPath()}/mutes/${pupil.userId}`, token('teacher-admin'), { duration: 'day', timeZone: 'Mars/Olympus' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('body.timeZone');
    expect((await apiSend(endpoints, 'PUT', `${chatPath()}/mutes/${pupil.userId}`, token('teacher-admin'), { duration: 'week' })).status).toBe(400);
  });

  it('only pupils: a teacher or a visitor is refused with 409 and a sentence; a non-member is 404', async () => {
    for (const type of ['member-teacher', 'teacher-admin', 'visitor'] as const) {
      const refused = await apiSend(endpoints, 'PUT', `${chatPath()}/mutes/${member(type).userId}`, token('teacher-admin'), { duration: '10m' });
      expect(refused.status, type).toBe(409);
      expect(refused.body.error.message).toBe('Only pupils can be muted in the chat.');
    }
    const stranger = space.outsiders[0];
    expect((await apiSend(endpoints, 'PUT', `${chatPath()}/mutes/${stranger.userId}`, token('teacher-admin'), { duration: '10m' })).status).toBe(404);
  });

  it('pupils and visitors may not mute or unmute anyone', async () => {
    const target = member('pupil-member').userId;
    for (const type of ['pupil-admin', 'pupil-member', 'visitor'] as const) {
      expect((await apiSend(endpoints, 'PUT', `${chatPath()}/mutes/${target}`, token(type), { duration: '10m' })).status, type).toBe(403);
      expect((await apiSend(endpoints, 'DELETE', `${chatPath()}/mutes/${target}`, token(type))).status, type).toBe(403);
    }
  });

  it('sends the muted frame to the pupil’s connections only, and until null when lifted', async () => {
    const pupil = member('pupil-member');
    const pupilSocket = await inRoom(pupil);
    const otherSocket = await inRoom(member('pupil-admin'));
    const muted = await apiSend(endpoints, 'PUT', `${chatPath()}/mutes/${pupil.userId}`, token('teacher-admin'), { duration: '10m' });
    expect(await framed(pupilSocket, (f) => f.type === 'muted' && f.until === muted.body.until, 'muted')).toMatchObject({
      type: 'muted',
      projectId: space.projectId,
      until: muted.body.until,
    });

    expect((await apiSend(endpoints, 'DELETE', `${chatPath()}/mutes/${pupil.userId}`, token('member-teacher'))).status).toBe(204);
    await framed(pupilSocket, (f) => f.type === 'muted' && f.until === null, 'muted with until null');
    expect((await apiGet(endpoints, `${chatPath()}/state`, token('teacher-admin'))).body.mutes.map((mute: { userId: string }) => mute.userId)).not.toContain(pupil.userId);
    // Lifting a mute that is not there is still 204.
    expect((await apiSend(endpoints, 'DELETE', `${chatPath()}/mutes/${pupil.userId}`, token('teacher-admin'))).status).toBe(204);

    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(otherSocket.frames.filter((frame) => frame.type === 'muted')).toEqual([]);
  });
});

describe("closing and reopening the pupils' chat", () => {
  it('only a teacher administrator does it', async () => {
    for (const type of ['member-teacher', 'pupil-admin', 'pupil-member', 'visitor'] as const) {
      expect((await apiSend(endpoints, 'PUT', `${chatPath()}/pupils`, token(type), { open: false })).status, type).toBe(403);
    }
  });

  it('closes and reopens: the state says so, every reader sees it, and the room gets chatState', async () => {
    const pupilSocket = await inRoom(member('pupil-admin'));
    expect((await apiGet(endpoints, `${chatPath()}/state`, token('pupil-member'))).body).toMatchObject({ pupilsOpen: true, retentionDays: 90, mutes: [] });

    const closed = await apiSend(endpoints, 'PUT', `${chatPath()}/pupils`, token('teacher-admin'), { open: false });
    expect(closed).toMatchObject({ status: 200, body: { pupilsOpen: false } });
    expect((await apiGet(endpoints, `${chatPath()}/state`, token('pupil-member'))).body.pupilsOpen).toBe(false);
    await framed(pupilSocket, (f) => f.type === 'chatState' && f.pupilsOpen === false, 'chatState closed');

    const reopened = await apiSend(endpoints, 'PUT', `${chatPath()}/pupils`, token('teacher-admin'), { open: true });
    expect(reopened).toMatchObject({ status: 200, body: { pupilsOpen: true } });
    expect((await apiGet(endpoints, `${chatPath()}/state`, token('member-teacher'))).body.pupilsOpen).toBe(true);
    expect(await framed(pupilSocket, (f) => f.type === 'chatState' && f.pupilsOpen === true, 'chatState open')).toMatchObject({ projectId: space.projectId });

    expect((await apiSend(endpoints, 'PUT', `${chatPath()}/pupils`, token('teacher-admin'), { open: 'no' })).status).toBe(400);
  });

  it('a visitor reads no chat state', async () => {
    expect((await apiGet(endpoints, `${chatPath()}/state`, token('visitor'))).status).toBe(403);
  });
});

describe('reporting a message', () => {
  it('notifies each teacher administrator, in the same write; a second report by the same member is 200 and adds nothing', async () => {
    const messageId = await messageBy(member('pupil-admin'), 'Something unkind');
    const reported = await apiSend(endpoints, 'POST', `${chatPath()}/messages/${messageId}/reports`, token('pupil-member'), { reason: 'It hurt my friend.' });
    expect(reported).toMatchObject({ status: 201, body: { messageId } });

    for (const admin of [member('teacher-admin'), space.secondFounder]) {
      const notices = await reportNotices(admin.userId!, messageId);
      expect(notices, admin.name).toHaveLength(1);
      expect(notices[0]).toMatchObject({ topic: 'chat-report', projectId: space.projectId, subjectId: messageId, userId: admin.userId });
      expect(notices[0].body).toContain('It hurt my friend.');
      expect(typeof notices[0].expiresAt).toBe('number');
    }
    // Member teachers are not teacher administrators.
    expect(await reportNotices(member('member-teacher').userId!, messageId)).toEqual([]);

    const again = await apiSend(endpoints, 'POST', `${chatPath()}/messages/${messageId}/reports`, token('pupil-member'), {});
    expect(again).toMatchObject({ status: 200, body: { messageId } });
    expect(await reportNotices(member('teacher-admin').userId!, messageId)).toHaveLength(1);

    const report = await store.db.send(
      new GetCommand({ TableName: store.tableName, Key: keys.messageReport(space.projectId, messageId, member('pupil-member').userId!) }),
    );
    expect(report.Item).toMatchObject({ messageId, reporterId: member('pupil-member').userId, reason: 'It hurt my friend.' });
  });

  it('another member’s report of the same message is a new one; a teacher administrator who reports is not notified of it', async () => {
    const messageId = await messageBy(member('pupil-member'));
    expect((await apiSend(endpoints, 'POST', `${chatPath()}/messages/${messageId}/reports`, token('member-teacher'))).status).toBe(201);
    expect((await apiSend(endpoints, 'POST', `${chatPath()}/messages/${messageId}/reports`, token('teacher-admin'))).status).toBe(201);
    expect(await reportNotices(member('teacher-admin').userId!, messageId)).toHaveLength(1);
    expect(await reportNotices(space.secondFounder.userId!, messageId)).toHaveLength(2);
  });

  it('an unknown message is 404; a visitor may not report; a reason is at most 500 characters', async () => {
    expect((await apiSend(endpoints, 'POST', `${chatPath()}/messages/${ulid()}/reports`, token('pupil-admin'), {})).status).toBe(404);
    const messageId = await messageBy(member('teacher-admin'));
    expect((await apiSend(endpoints, 'POST', `${chatPath()}/messages/${messageId}/reports`, token('visitor'), {})).status).toBe(403);
    expect((await apiSend(endpoints, 'POST', `${chatPath()}/messages/${messageId}/reports`, token('pupil-admin'), { reason: 'x'.repeat(501) })).status).toBe(400);
  });
});

describe('a closed project', () => {
  it('refuses every supervision write with 409, and still answers its state', async () => {
    const messageId = await messageBy(member('pupil-member'));
    expect((await apiSend(endpoints, 'POST', `/projects/${space.projectId}/close`, token('teacher-admin'))).status).toBe(200);
    const writes = [
      apiSend(endpoints, 'DELETE', `${chatPath()}/messages/${messageId}`, token('teacher-admin')),
      apiSend(endpoints, 'DELETE', `${chatPath()}/messages/${messageId}`, token('pupil-member')),
      apiSend(endpoints, 'PUT', `${chatPath()}/mutes/${member('pupil-member').userId}`, token('teacher-admin'), { duration: '10m' }),
      apiSend(endpoints, 'DELETE', `${chatPath()}/mutes/${member('pupil-member').userId}`, token('teacher-admin')),
      apiSend(endpoints, 'PUT', `${chatPath()}/pupils`, token('teacher-admin'), { open: false }),
      apiSend(endpoints, 'POST', `${chatPath()}/messages/${messageId}/reports`, token('pupil-admin'), {}),
    ];
    for (const answer of await Promise.all(writes)) {
      expect(answer.status).toBe(409);
      expect(answer.body.error.message).toBe('The project is closed: its TwinSpace is read-only.');
    }
    expect(await messageExists(messageId)).toBe(true);
    expect((await apiGet(endpoints, `${chatPath()}/state`, token('pupil-member'))).status).toBe(200);
  });
});
