/**
 * A broadcast keeps a bounded number of posts in flight (functions/chat/broadcast.ts):
 * with a fake room whose posts end only when the test lets them, it never has
 * more than N posts pending, it still reaches every connection, and a gone
 * connection is forgotten. No timing: the posts are released by hand.
 */
import { describe, expect, it } from 'vitest';
import type { ServerFrame } from '../../events/chat-frames.ts';
import { broadcast, broadcastConcurrency, type Room } from '../../functions/chat/broadcast.ts';
import { maxSockets } from '../../functions/lib/connections-api.ts';

const frame: ServerFrame = { type: 'messageDeleted', projectId: 'P', messageId: 'MSG1' };

/** A room whose posts stay pending until `releaseAll()`; it records the most posts ever pending at once. */
function heldRoom(count: number, goneIds: Set<string> = new Set()) {
  const ids = Array.from({ length: count }, (_, index) => `C${index}`);
  const pending: (() => void)[] = [];
  const sent: string[] = [];
  const forgotten: string[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const room: Room = {
    connections: async () => ids,
    send: (connectionId) =>
      new Promise<void>((resolve, reject) => {
        inFlight += 1;
        mostInFlight = Math.max(mostInFlight, inFlight);
        pending.push(() => {
          inFlight -= 1;
          if (goneIds.has(connectionId)) reject(Object.assign(new Error('Gone'), { name: 'GoneException', $metadata: { httpStatusCode: 410 } }));
          else {
            sent.push(connectionId);
            resolve();
          }
        });
      }),
    forget: async (connectionId) => void forgotten.push(connectionId),
  };
  /** Lets every pending post end, round after round, until the broadcast is done. */
  async function drive(done: Promise<unknown>): Promise<void> {
    let finished = false;
    void done.finally(() => (finished = true));
    while (!finished) {
      // Let the broadcast's workers reach their next post.
      await new Promise((resolve) => setImmediate(resolve));
      for (const release of pending.splice(0)) release();
    }
  }
  return { room, ids, sent, forgotten, drive, mostInFlight: () => mostInFlight };
}

describe('a broadcast to a large room', () => {
  it('never has more than N posts in flight, and every connection gets the frame', async () => {
    const { room, ids, sent, drive, mostInFlight } = heldRoom(1_000);
    const result = broadcast('P1', frame, room, 7);
    await drive(result);
    expect(await result).toEqual({ sent: 1_000, gone: 0 });
    expect(mostInFlight()).toBe(7);
    expect(sent.sort()).toEqual([...ids].sort());
  });

  it('uses the pool size by default, which the @connections client has sockets for', async () => {
    expect(broadcastConcurrency).toBe(maxSockets);
    const { room, drive, mostInFlight } = heldRoom(1_000);
    const result = broadcast('P1', frame, room);
    await drive(result);
    expect(await result).toEqual({ sent: 1_000, gone: 0 });
    expect(mostInFlight()).toBe(broadcastConcurrency);
  });

  it('keeps the bound while forgetting gone connections', async () => {
    const gone = new Set(['C3', 'C40', 'C41', 'C999']);
    const { room, forgotten, drive, mostInFlight } = heldRoom(1_000, gone);
    const result = broadcast('P1', frame, room, 10);
    await drive(result);
    expect(await result).toEqual({ sent: 996, gone: 4 });
    expect(forgotten.sort()).toEqual([...gone].sort());
    expect(mostInFlight()).toBeLessThanOrEqual(10);
  });

  it('sends to a room smaller than the bound all at once', async () => {
    const { room, drive, mostInFlight } = heldRoom(3);
    const result = broadcast('P1', frame, room, 50);
    await drive(result);
    expect(await result).toEqual({ sent: 3, gone: 0 });
    expect(mostInFlight()).toBe(3);
  });

  it('sends nothing to an empty room', async () => {
    const { room } = heldRoom(0);
    expect(await broadcast('P1', frame, room)).toEqual({ sent: 0, gone: 0 });
  });
});
