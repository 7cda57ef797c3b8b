/**
 * The chat frames of issue 12 (events/chat-frames.ts), additive to protocol v2: a teacher's `sendMessage` may
 * acknowledge personal data (only as `true`); the server's `held` and `held-decided` frames and the
 * PERSONAL_DATA_WARNING error name what was found with the guard's own kinds, nothing else.
 */
import { describe, expect, it } from 'vitest';
import { clientFrame, frameErrorCode, serverFrame } from '../../events/chat-frames.ts';

const send = { action: 'sendMessage', projectId: '01JF8Z3Q4W5X6Y7Z8A9B0C1D2E', text: 'The office: +33 1 42 68 53 00' };

describe('sendMessage with acknowledgePersonalData', () => {
  it('takes true, and a frame without it as before', () => {
    expect(clientFrame.parse({ ...send, acknowledgePersonalData: true })).toMatchObject({ acknowledgePersonalData: true });
    expect(clientFrame.parse(send)).not.toHaveProperty('acknowledgePersonalData');
  });

  it('refuses anything but true (a client cannot turn the warning off another way)', () => {
    for (const value of [false, 'true', 1]) {
      const parsed = clientFrame.safeParse({ ...send, acknowledgePersonalData: value });
      expect(parsed.success).toBe(false);
      if (!parsed.success) expect(frameErrorCode(parsed.error, send)).toBe('BAD_FRAME');
    }
  });
});

describe('the server’s guard frames', () => {
  const held = { heldId: '01JF8Z3Q4W5X6Y7Z8A9B0C1D2F', clientId: 'tab-1', text: 'call me on 612 34 56 78', kinds: ['phone'], heldAt: '2026-03-01T10:00:00.000Z' };

  it('reads held, held-decided and the warning', () => {
    expect(serverFrame.parse({ type: 'held', projectId: 'p1', held })).toMatchObject({ type: 'held', held: { kinds: ['phone'] } });
    for (const outcome of ['released', 'edited', 'deleted']) {
      expect(serverFrame.parse({ type: 'held-decided', projectId: 'p1', heldId: held.heldId, outcome })).toMatchObject({ outcome });
    }
    expect(serverFrame.parse({ type: 'error', code: 'PERSONAL_DATA_WARNING', message: 'm', projectId: 'p1', kinds: ['email', 'phone'], clientId: 'tab-1' })).toMatchObject({
      code: 'PERSONAL_DATA_WARNING',
      kinds: ['email', 'phone'],
    });
  });

  it('names only the guard’s kinds and the three outcomes', () => {
    expect(serverFrame.safeParse({ type: 'held', projectId: 'p1', held: { ...held, kinds: ['rude'] } }).success).toBe(false);
    expect(serverFrame.safeParse({ type: 'held-decided', projectId: 'p1', heldId: held.heldId, outcome: 'held' }).success).toBe(false);
  });
});
