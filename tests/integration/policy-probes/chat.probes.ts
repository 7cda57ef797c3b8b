/**
 * Probes of the chat: reading the history and taking part live (a `join`
 * on the tab's one live connection, then a message) are one permission and
 * must agree. Deleting, muting, closing and reporting are the supervision's
 * probes; the forum's moderation is probed in forum.probes.ts.
 */
import { expect } from 'vitest';
import { ChatSocket } from '../../support/clients.ts';
import { callAs, outcome, type Probes } from './kit.ts';

export const probes: Probes = {
  chat: async (caller, { endpoints, space }) => {
    const history = outcome(await callAs(endpoints, caller, 'GET', `/projects/${space.projectId}/chat/messages?limit=1`), `${caller.name} reads the chat`);
    if (!caller.idToken) {
      expect(history, `${caller.name}: live chat and history disagree`).toBe('denied');
      return 'denied';
    }
    const socket = await ChatSocket.connect(endpoints, caller.idToken);
    try {
      const answer = await socket.join(space.projectId);
      const live = answer.type === 'joined' ? 'allowed' : 'denied';
      if (live === 'denied') expect(answer.code, `${caller.name} joins the chat`).toBe('FORBIDDEN');
      // History and live chat are one permission: they must never disagree.
      expect(live, `${caller.name}: live chat and history disagree`).toBe(history);
      if (live === 'allowed') {
        socket.send({ action: 'sendMessage', projectId: space.projectId, text: `Hello from a ${caller.type ?? 'stranger'}` });
        const echoed = await socket.frame((frame) => frame.type === 'message' || (frame.type === 'error' && frame.code !== 'FORBIDDEN'));
        expect(echoed.type, `${caller.name} sends a message`).toBe('message');
      }
      return live;
    } finally {
      socket.close();
    }
  },
};
