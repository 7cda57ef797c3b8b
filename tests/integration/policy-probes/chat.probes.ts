/** Probes of the chat: reading and sending (history and live socket agree), and moderating. */
import { expect } from 'vitest';
import { ChatSocket, chatHandshakeStatus } from '../../support/clients.ts';
import { callAs, outcome, type Probes } from './kit.ts';

export const probes: Probes = {
  chat: async (caller, { endpoints, space }) => {
    const history = outcome(await callAs(endpoints, caller, 'GET', `/projects/${space.projectId}/chat/messages?limit=1`), `${caller.name} reads the chat`);
    const query = new URLSearchParams({ token: caller.idToken ?? '', projectId: space.projectId }).toString();
    const live = (await chatHandshakeStatus(endpoints, query)) === 101 ? 'allowed' : 'denied';
    // History and live chat are one permission: they must never disagree.
    expect(live, `${caller.name}: live chat and history disagree`).toBe(history);
    if (live === 'allowed') {
      const socket = await ChatSocket.open(endpoints, caller.idToken!, space.projectId);
      try {
        socket.send({ action: 'sendMessage', text: `Hello from ${caller.name}` });
        const echoed = await socket.frame((frame) => frame.type === 'message' || frame.type === 'error');
        expect(echoed.type, `${caller.name} sends a message`).toBe('message');
      } finally {
        socket.close();
      }
    }
    return live;
  },
  moderate: async (caller, { endpoints, space }) => {
    if (!caller.idToken) return 'denied';
    // A message of a pupil's, so there is something to moderate.
    const pupil = space.members['pupil-member'];
    const author = await ChatSocket.open(endpoints, pupil.idToken!, space.projectId);
    let messageId: string;
    try {
      author.send({ action: 'sendMessage', text: 'A message to moderate' });
      messageId = (await author.frame((frame) => frame.type === 'message' && frame.message.text === 'A message to moderate')).message.id;
    } finally {
      author.close();
    }
    let socket: ChatSocket;
    try {
      socket = await ChatSocket.open(endpoints, caller.idToken, space.projectId);
    } catch {
      return 'denied';
    }
    try {
      socket.send({ action: 'deleteMessage', messageId });
      const answer = await socket.frame((frame) => frame.type === 'messageDeleted' || frame.type === 'error');
      if (answer.type === 'messageDeleted') return 'allowed';
      expect(answer.code, `${caller.name} deletes a message`).toBe('FORBIDDEN');
      return 'denied';
    } finally {
      socket.close();
    }
  },
};
