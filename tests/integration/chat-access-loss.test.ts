/**
 * Losing the chat takes effect at once (issue 9: "The connection also leaves
 * any room whose member has been removed or lowered to visitor"): a member
 * removed from the project, or made a visitor, has every connection of theirs
 * in the room taken out of it by the API call itself: a `left` frame with
 * reason 'removed', their room items gone, a message sent afterwards by a
 * teacher does not reach them, and a send or a join again is refused. The
 * sockets stay open (they still carry notifications). A type change that
 * keeps the chat changes nothing. In a TwinSpace of this file's own, so the
 * demo project is untouched.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import { listLiveConnections, listRoomConnections } from '../../functions/data/chat.ts';
import { newTestAccount } from '../support/accounts.ts';
import { apiSend, ChatSocket, tableStoreOf, type Frame } from '../support/clients.ts';
import { newTwinspace, type TestTwinspace } from '../support/twinspace.ts';

const endpoints = inject('endpoints');
const store = tableStoreOf(endpoints);

let twinspace: TestTwinspace;
let teacher: ChatSocket;
const opened: ChatSocket[] = [];

async function open(idToken: string): Promise<ChatSocket> {
  const socket = await ChatSocket.open(endpoints, idToken, twinspace.projectId);
  opened.push(socket);
  return socket;
}

/** The socket got `left` for this room with reason 'removed', and is still open and answering. */
async function removedButOpen(chat: ChatSocket): Promise<void> {
  expect(await chat.frame((frame) => frame.type === 'left')).toEqual({ type: 'left', projectId: twinspace.projectId, reason: 'removed' });
  const seen = chat.frames.length;
  chat.send({ action: 'ping' });
  await chat.frameAfter(seen, (frame) => frame.type === 'pong');
  expect(chat.socket.readyState).toBe(WebSocket.OPEN);
}

/** A send, then a join, from a connection that lost the chat: both refused with FORBIDDEN. */
async function refusedNow(chat: ChatSocket): Promise<void> {
  const seen = chat.frames.length;
  chat.send({ action: 'sendMessage', projectId: twinspace.projectId, text: 'still here?' });
  expect(await chat.frameAfter(seen, (frame) => frame.type === 'error')).toMatchObject({ code: 'FORBIDDEN' });
  expect(await chat.join(twinspace.projectId)).toMatchObject({ type: 'error', code: 'FORBIDDEN' });
}

/** Whether any live connection of the person still lists the room. */
async function roomsOf(userId: string): Promise<string[]> {
  return (await listLiveConnections(store, userId)).flatMap((connection) => connection.rooms);
}

/** The users with a connection item in the room (one Query, as a broadcast reads it). */
async function usersInRoom(): Promise<string[]> {
  return (await listRoomConnections(store, twinspace.projectId)).map((connection) => connection.userId);
}

/** The teacher says something; it reaches `witness` (still in the room); returns the text. */
async function teacherSays(witness: ChatSocket, what: string): Promise<string> {
  const text = `${what} ${Date.now()}`;
  teacher.send({ action: 'sendMessage', projectId: twinspace.projectId, text });
  await witness.frame((frame) => frame.type === 'message' && frame.message.text === text);
  await teacher.frame((frame) => frame.type === 'message' && frame.message.text === text);
  // Every connection of the room is posted to at once; give a frame to a stale socket time to arrive, were one sent.
  await new Promise((resolve) => setTimeout(resolve, 300));
  return text;
}

const saying = (text: string) => (frame: Frame) => frame.type === 'message' && frame.message.text === text;
const heard = (chat: ChatSocket, text: string) => chat.frames.some(saying(text));

beforeAll(async () => {
  twinspace = await newTwinspace(endpoints, `Chat access ${Date.now().toString(36)}`);
  teacher = await open(twinspace.members['teacher-admin'].idToken!);
});

afterAll(() => {
  for (const socket of opened) socket.close();
});

describe('a member who loses the chat leaves the room at once', () => {
  it('takes a removed member out of the room on every tab, keeps the sockets open, and later messages do not reach them', async () => {
    const pupil = twinspace.members['pupil-member'];
    const witness = await open(twinspace.members['pupil-admin'].idToken!);
    const [firstTab, secondTab] = [await open(pupil.idToken!), await open(pupil.idToken!)];
    // Connected: in the room, and hearing the teacher.
    expect(await usersInRoom()).toContain(pupil.userId);
    const before = await teacherSays(witness, 'before the removal');
    await Promise.all([firstTab.frame(saying(before)), secondTab.frame(saying(before))]);

    const witnessSeen = witness.frames.length;
    const removed = await apiSend(endpoints, 'DELETE', `/projects/${twinspace.projectId}/members/${pupil.userId}`, twinspace.members['teacher-admin'].idToken);
    expect(removed.status).toBe(204);
    await Promise.all([removedButOpen(firstTab), removedButOpen(secondTab)]);
    // The room is told who is left.
    const presence = await witness.frameAfter(witnessSeen, (frame) => frame.type === 'presence');
    expect(presence.present.map((member: { userId: string }) => member.userId)).not.toContain(pupil.userId);

    expect(await usersInRoom()).not.toContain(pupil.userId);
    expect(await roomsOf(pupil.userId!)).not.toContain(twinspace.projectId);
    const after = await teacherSays(witness, 'after the removal');
    expect(heard(firstTab, after)).toBe(false);
    expect(heard(secondTab, after)).toBe(false);
    // And they cannot send or come back in.
    await refusedNow(firstTab);
  });

  it('takes a member made a visitor out of the room, keeps the socket open, and later messages do not reach them', async () => {
    // A teacher of this file's own (so no demo account's groups change), added as a member teacher.
    const colleague = await newTestAccount(endpoints, { kind: 'teacher', country: 'FR', displayName: 'Claire Dubois' });
    const admin = twinspace.members['teacher-admin'].idToken;
    const added = await apiSend(endpoints, 'POST', `/projects/${twinspace.projectId}/members`, admin, { username: colleague.username, type: 'member-teacher' });
    expect(added.status).toBe(201);
    const witness = await open(twinspace.members['member-teacher'].idToken!);
    const colleagueSocket = await open(colleague.idToken);
    await colleagueSocket.frame(saying(await teacherSays(witness, 'before the change')));

    const changed = await apiSend(endpoints, 'PATCH', `/projects/${twinspace.projectId}/members/${colleague.userId}`, admin, { type: 'visitor' });
    expect(changed.status).toBe(200);
    expect(changed.body.member.type).toBe('visitor');
    await removedButOpen(colleagueSocket);

    expect(await usersInRoom()).not.toContain(colleague.userId);
    expect(await roomsOf(colleague.userId)).not.toContain(twinspace.projectId);
    expect(heard(colleagueSocket, await teacherSays(witness, 'after the change'))).toBe(false);
    await refusedNow(colleagueSocket);
  });

  it('leaves the socket open for a type change that keeps the chat', async () => {
    const pupilAdmin = twinspace.members['pupil-admin'];
    const socket = await open(pupilAdmin.idToken!);
    const witness = await open(twinspace.secondFounder.idToken!);
    const changed = await apiSend(endpoints, 'PATCH', `/projects/${twinspace.projectId}/members/${pupilAdmin.userId}`, twinspace.members['teacher-admin'].idToken, {
      type: 'pupil-member',
    });
    expect(changed.status).toBe(200);
    const text = await teacherSays(witness, 'still here');
    await socket.frame(saying(text));
    expect(socket.socket.readyState).toBe(WebSocket.OPEN);
    expect(socket.frames.some((frame) => frame.type === 'left')).toBe(false);
    expect(await usersInRoom()).toContain(pupilAdmin.userId);
  });
});
