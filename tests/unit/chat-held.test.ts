/**
 * A pupil's held chat messages in her window (web/src/scripts/twinspace/chat/chat-held.ts), pure (issue 12): shown as
 * held where they were sent, also after a reload (her waiting chat messages only); released or edited, the bubble
 * goes (the message comes in the room); deleted, it says so without the text; never shown twice.
 */
import { describe, expect, it } from 'vitest';
import type { ChatMessageBody } from '../../events/chat-frames.ts';
import { bubbleOf, decide, logEntries, mergeHeld, waitingBubbles, type MyHeldText } from '../../web/src/scripts/twinspace/chat/chat-held.ts';

const message = (id: string, sentAt: string): ChatMessageBody => ({ id, projectId: 'p1', authorId: 'u1', authorName: 'Marta', authorType: 'pupil-member', text: id, sentAt });
const bubble = (heldId: string, heldAt: string) => bubbleOf({ heldId, text: `text ${heldId}`, kinds: ['phone'], heldAt });

describe('waitingBubbles (after a reload)', () => {
  const mine = (over: Partial<MyHeldText>): MyHeldText => ({
    heldId: 'h1',
    surface: 'chat-message',
    status: 'held',
    heldAt: '2026-03-01T10:00:00.000Z',
    kinds: ['phone'],
    draft: { text: 'call me on 612 34 56 78' },
    ...over,
  });

  it('shows her chat messages still waiting, with their text and reasons', () => {
    expect(waitingBubbles([mine({ clientId: 'tab-1' })])).toEqual([
      { heldId: 'h1', clientId: 'tab-1', text: 'call me on 612 34 56 78', kinds: ['phone'], heldAt: '2026-03-01T10:00:00.000Z' },
    ]);
  });

  it('leaves out what a teacher decided already and what she held elsewhere (a forum reply)', () => {
    expect(waitingBubbles([mine({ heldId: 'h2', status: 'released', draft: undefined }), mine({ heldId: 'h3', status: 'deleted', draft: undefined }), mine({ heldId: 'h4', surface: 'forum-reply' })])).toEqual([]);
  });

  it('reads the checked text when the list carries no draft, and keeps only kinds the site knows', () => {
    expect(waitingBubbles([mine({ draft: undefined, fields: [{ field: 'text', text: 'my mail is ana at mail dot com' }], kinds: ['email', 'unheard-of'] })])[0]).toMatchObject({
      text: 'my mail is ana at mail dot com',
      kinds: ['email'],
    });
  });
});

describe('mergeHeld', () => {
  it('adds new bubbles and never shows one twice (a reload after the live frame keeps the first)', () => {
    const shown = decide([bubble('h1', '2026-03-01T10:00:00.000Z')], 'h1', 'deleted');
    const merged = mergeHeld(shown, [bubble('h1', '2026-03-01T10:00:00.000Z'), bubble('h2', '2026-03-01T10:01:00.000Z')]);
    expect(merged.map((entry) => [entry.heldId, entry.deleted ?? false])).toEqual([
      ['h1', true],
      ['h2', false],
    ]);
  });
});

describe('decide', () => {
  const shown = [bubble('h1', '2026-03-01T10:00:00.000Z'), bubble('h2', '2026-03-01T10:01:00.000Z')];

  it('released or edited: the bubble goes (the message itself arrives in the room)', () => {
    expect(decide(shown, 'h1', 'released').map((entry) => entry.heldId)).toEqual(['h2']);
    expect(decide(shown, 'h2', 'edited').map((entry) => entry.heldId)).toEqual(['h1']);
  });

  it('deleted: the bubble stays to say so, without the text', () => {
    const after = decide(shown, 'h1', 'deleted');
    expect(after[0]).toMatchObject({ heldId: 'h1', deleted: true, text: '' });
    expect(after[1]).toEqual(shown[1]);
  });
});

describe('logEntries', () => {
  it('puts a held message where it was sent, between the room’s messages, oldest first', () => {
    const entries = logEntries(
      [message('m2', '2026-03-01T10:02:00.000Z'), message('m1', '2026-03-01T10:00:00.000Z')],
      [bubble('h1', '2026-03-01T10:01:00.000Z')],
    );
    expect(entries.map((entry) => ('held' in entry ? entry.held.heldId : entry.message.id))).toEqual(['m1', 'h1', 'm2']);
  });
});
