/**
 * Losing the chat takes effect at once (DESIGN.md, "Live channel": sockets
 * closed when access is lost): a member removed from the project, or made a
 * visitor, has their open chat sockets closed by the API call itself, their
 * connection items leave the room, and a message sent afterwards by a teacher
 * does not reach them. A type change that keeps the chat leaves the socket
 * open. In a TwinSpace of this file's own, so the demo project is untouched.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import { listRoomConnections } from '../../functions/data/chat.ts';
import { newTestAccount } from '../support/accounts.ts';
import { apiSend, ChatSocket, chatHandshakeStatus, tableStoreOf } from '../support/clients.ts';
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

/** Resolves with the close code once the server closes the socket; rejects if it is still open after `ms`. */
function closedWithin(chat: ChatSocket, ms: number): Promise<number> {
  if (chat.socket.readyState === WebSocket.CLOSED) return Promise.resolve(0);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the chat socket was still open ${ms} ms after the change`)), ms);
    chat.socket.once('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/** The users with a connection item in the room (one Query, as a broadcast reads it). */
async function usersInRoom(): Promise<string[]> {
  return (await listRoomConnections(store, twinspace.projectId)).map((connection) => connection.userId);
}

/** The teacher says something; it reaches `witness` (still in the room); returns the text. */
async function teacherSays(witness: ChatSocket, what: string): Promise<string> {
  const text = `${what} ${Date.now()}`;
  teacher.send({ action: 'sendMessage', text });
  await witness.frame((frame) => frame.type === 'message' && frame.message.text === text);
  await teacher.frame((frame) => frame.type === 'message' && frame.message.text === text);
  // Every connection of the room is posted to at once; give a frame to a stale socket time to arrive, were one sent.
  await new Promise((resolve) => setTimeout(resolve, 300));
  return text;
}

const saying = (text: string) => (frame: Record<string, any>) => frame.type === 'message' && frame.message.text === text;
const heard = (chat: ChatSocket, text: string) => chat.frames.some(saying(text));

beforeAll(async () => {
  twinspace = await newTwinspace(endpoints, `Chat access ${Date.now().toString(36)}`);
  teacher = await open(twinspace.members['teacher-admin'].idToken!);
});

afterAll(() => {
  for (const socket of opened) socket.close();
});

describe('a member who loses the chat is disconnected at once', () => {
  it('closes the sockets of a removed member (every tab), and later messages do not reach them', async () => {
    const pupil = twinspace.members['pupil-member'];
    const witness = await open(twinspace.members['pupil-admin'].idToken!);
    const [firstTab, secondTab] = [await open(pupil.idToken!), await open(pupil.idToken!)];
    // Connected: in the room, and hearing the teacher.
    expect(await usersInRoom()).toContain(pupil.userId);
    const before = await teacherSays(witness, 'before the removal');
    await Promise.all([firstTab.frame(saying(before)), secondTab.frame(saying(before))]);

    const closing = [closedWithin(firstTab, 5_000), closedWithin(secondTab, 5_000)];
    const removed = await apiSend(endpoints, 'DELETE', `/projects/${twinspace.projectId}/members/${pupil.userId}`, twinspace.members['teacher-admin'].idToken);
    expect(removed.status).toBe(204);
    await Promise.all(closing);

    expect(await usersInRoom()).not.toContain(pupil.userId);
    const after = await teacherSays(witness, 'after the removal');
    expect(heard(firstTab, after)).toBe(false);
    expect(heard(secondTab, after)).toBe(false);
    // And they cannot come back in.
    expect(await chatHandshakeStatus(endpoints, `token=${encodeURIComponent(pupil.idToken!)}&projectId=${twinspace.projectId}`)).toBe(403);
  });

  it('closes the socket of a member made a visitor, and later messages do not reach them', async () => {
    // A teacher of this file's own (so no demo account's groups change), added as a member teacher.
    const colleague = await newTestAccount(endpoints, { kind: 'teacher', country: 'FR', displayName: 'Claire Dubois' });
    const admin = twinspace.members['teacher-admin'].idToken;
    const added = await apiSend(endpoints, 'POST', `/projects/${twinspace.projectId}/members`, admin, { username: colleague.username, type: 'member-teacher' });
    expect(added.status).toBe(201);
    const witness = await open(twinspace.members['member-teacher'].idToken!);
    const colleagueSocket = await open(colleague.idToken);
    await colleagueSocket.frame(saying(await teacherSays(witness, 'before the change')));

    const closing = closedWithin(colleagueSocket, 5_000);
    const changed = await apiSend(endpoints, 'PATCH', `/projects/${twinspace.projectId}/members/${colleague.userId}`, admin, { type: 'visitor' });
    expect(changed.status).toBe(200);
    expect(changed.body.member.type).toBe('visitor');
    await closing;

    expect(await usersInRoom()).not.toContain(colleague.userId);
    expect(heard(colleagueSocket, await teacherSays(witness, 'after the change'))).toBe(false);
    expect(await chatHandshakeStatus(endpoints, `token=${encodeURIComponent(colleague.idToken)}&projectId=${twinspace.projectId}`)).toBe(403);
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
    expect(await usersInRoom()).toContain(pupilAdmin.userId);
  });
});
