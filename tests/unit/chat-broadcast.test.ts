/**
 * The chat broadcast (functions/chat/broadcast.ts) with a fake room: every
 * connection of the room gets the frame; a connection that answers 410 Gone
 * is forgotten (its room connection item deleted) and the others still get
 * the frame; any other failure keeps the connection. No table, no API.
 */
import { GoneException } from '@aws-sdk/client-apigatewaymanagementapi';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ServerFrame } from '../../events/chat-frames.ts';
import { broadcast, postFrame, type Room } from '../../functions/chat/broadcast.ts';
import { logger } from '../../functions/lib/logger.ts';

const frame: ServerFrame = { type: 'messageDeleted', projectId: 'P1', messageId: 'MSG1' };

/** The SDK's own 410: GoneException with the response's status in $metadata. */
const gone = () => new GoneException({ message: 'Gone', $metadata: { httpStatusCode: 410 } });
/** A 500 as the SDK reports a server failure. */
const serverError = () => Object.assign(new Error('Internal server error'), { name: 'InternalServerErrorException', $metadata: { httpStatusCode: 500 } });

/** A room of the given connections; `failures` says which answer with an error instead of taking the frame. */
function fakeRoom(connectionIds: string[], failures: Record<string, () => Error> = {}) {
  const received: { connectionId: string; payload: string }[] = [];
  const forgotten: string[] = [];
  const room: Room = {
    connections: async () => connectionIds,
    send: async (connectionId, payload) => {
      const failure = failures[connectionId];
      if (failure) throw failure();
      received.push({ connectionId, payload });
    },
    forget: async (connectionId) => {
      forgotten.push(connectionId);
    },
  };
  return { room, received, forgotten };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a chat broadcast', () => {
  it('sends the frame to every connection of the room and forgets none', async () => {
    const { room, received, forgotten } = fakeRoom(['A', 'B', 'C']);
    expect(await broadcast('P1', frame, room)).toEqual({ sent: 3, gone: 0 });
    expect(received.map((delivery) => delivery.connectionId).sort()).toEqual(['A', 'B', 'C']);
    for (const delivery of received) expect(JSON.parse(delivery.payload)).toEqual(frame);
    expect(forgotten).toEqual([]);
  });

  it('forgets exactly the connection that answers 410 Gone, and the other two still get the frame', async () => {
    const { room, received, forgotten } = fakeRoom(['A', 'B', 'C'], { B: gone });
    expect(await broadcast('P1', frame, room)).toEqual({ sent: 2, gone: 1 });
    expect(received.map((delivery) => delivery.connectionId).sort()).toEqual(['A', 'C']);
    for (const delivery of received) expect(JSON.parse(delivery.payload)).toEqual(frame);
    expect(forgotten).toEqual(['B']);
  });

  it('takes a 410 for gone whether the SDK names it or only its status says so', async () => {
    const statusOnly = () => Object.assign(new Error('Gone'), { $metadata: { httpStatusCode: 410 } });
    const nameOnly = () => Object.assign(new Error('Gone'), { name: 'GoneException' });
    const { room, received, forgotten } = fakeRoom(['A', 'B', 'C'], { A: statusOnly, C: nameOnly });
    expect(await broadcast('P1', frame, room)).toEqual({ sent: 1, gone: 2 });
    expect(received.map((delivery) => delivery.connectionId)).toEqual(['B']);
    expect(forgotten.sort()).toEqual(['A', 'C']);
  });

  it('keeps a connection that fails otherwise (500), and still reaches the others', async () => {
    const warn = vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
    const { room, received, forgotten } = fakeRoom(['A', 'B', 'C'], { A: serverError });
    expect(await broadcast('P1', frame, room)).toEqual({ sent: 2, gone: 0 });
    expect(received.map((delivery) => delivery.connectionId).sort()).toEqual(['B', 'C']);
    expect(forgotten).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('forgets the gone one and keeps the failing one in the same broadcast', async () => {
    vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
    const { room, received, forgotten } = fakeRoom(['A', 'B', 'C'], { A: serverError, C: gone });
    expect(await broadcast('P1', frame, room)).toEqual({ sent: 1, gone: 1 });
    expect(received.map((delivery) => delivery.connectionId)).toEqual(['B']);
    expect(forgotten).toEqual(['C']);
  });
});

describe('posting one frame', () => {
  it('says sent, gone or failed', async () => {
    vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
    const sent: string[] = [];
    expect(await postFrame('A', frame, async (connectionId, payload) => void sent.push(`${connectionId}:${payload}`))).toBe('sent');
    expect(sent).toEqual([`A:${JSON.stringify(frame)}`]);
    expect(await postFrame('B', frame, async () => Promise.reject(gone()))).toBe('gone');
    expect(await postFrame('C', frame, async () => Promise.reject(serverError()))).toBe('failed');
  });
});
