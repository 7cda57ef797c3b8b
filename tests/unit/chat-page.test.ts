/**
 * The Chat tab's rules (web/src/scripts/twinspace/chat/chat-page.ts), pure: who takes part
 * and why not (visitors, a closed or not yet open project); the typed text
 * checked as the server does (1..2,000 characters after trimming); history
 * and live messages merged by id, oldest first, never twice.
 */
import { describe, expect, it } from 'vitest';
import type { ChatMessageBody } from '../../events/chat-frames.ts';
import { chatAccess, checkedText, errorMessage, errorWords, mergeMessages } from '../../web/src/scripts/twinspace/chat/chat-page.ts';
import { reconnectDelay } from '../../web/src/scripts/common/live.ts';

const message = (id: string, sentAt: string, text = id): ChatMessageBody => ({
  id,
  projectId: 'p1',
  authorId: 'u1',
  authorName: 'Marta',
  authorType: 'pupil-member',
  text,
  sentAt,
});

describe('chatAccess', () => {
  it('opens for members who may chat in an open project', () => {
    expect(chatAccess('pupil-member', 'approved')).toEqual({ open: true });
    expect(chatAccess('teacher-admin', 'approved')).toEqual({ open: true });
  });
  it('explains why not: visitors, no type, closed, not yet open', () => {
    expect(chatAccess('visitor', 'approved')).toEqual({ open: false, reason: 'chat.visitor' });
    expect(chatAccess(null, 'approved')).toEqual({ open: false, reason: 'chat.refused' });
    expect(chatAccess('teacher-admin', 'closed')).toEqual({ open: false, reason: 'chat.closed' });
    expect(chatAccess('teacher-admin', 'pending-approval')).toEqual({ open: false, reason: 'chat.refused' });
  });
});

describe('checkedText', () => {
  it('sends the trimmed text; refuses empty and over-long text', () => {
    expect(checkedText('  hello \n')).toEqual({ text: 'hello' });
    expect(checkedText(' \n ')).toEqual({ problem: 'chat.emptyMessage' });
    expect(checkedText('x'.repeat(2001))).toEqual({ problem: 'chat.tooLong' });
    expect(checkedText('😀'.repeat(2000))).toEqual({ text: '😀'.repeat(2000) });
  });
  it('names what the server said, the generic sentence for the rest', () => {
    expect(errorMessage('MUTED')).toBe('chat.muted');
    expect(errorMessage('INTERNAL')).toBe('chat.sendFailed');
  });
});

describe('mergeMessages', () => {
  it('keeps one copy per id, oldest first, whichever arrives first', () => {
    const live = [message('02', '2026-11-28T10:01:00.000Z')];
    const history = [message('03', '2026-11-28T10:02:00.000Z'), message('02', '2026-11-28T10:01:00.000Z'), message('01', '2026-11-28T10:00:00.000Z')];
    expect(mergeMessages(live, history).map((item) => item.id)).toEqual(['01', '02', '03']);
    expect(mergeMessages(mergeMessages(live, history), live)).toHaveLength(3);
  });
  it('orders messages of the same instant by id', () => {
    const at = '2026-11-28T10:00:00.000Z';
    expect(mergeMessages([message('b', at)], [message('a', at)]).map((item) => item.id)).toEqual(['a', 'b']);
  });
});

describe('errorWords', () => {
  it('says until when a pupil is muted, in how many seconds to try again, and that the pupils’ chat is closed', () => {
    const time = (iso: string) => iso.slice(11, 16);
    expect(errorWords({ code: 'MUTED', until: '2026-11-28T10:10:00.000Z' }, time)).toEqual({ key: 'chat.mutedUntil', values: { time: '10:10' } });
    expect(errorWords({ code: 'RATE_LIMITED', retryAfter: 2 }, time)).toEqual({ key: 'chat.rateLimitedFor', values: { seconds: '2' } });
    expect(errorWords({ code: 'CHAT_CLOSED' }, time)).toEqual({ key: 'chat.pupilsClosed', values: {} });
    expect(errorWords({ code: 'TOO_LARGE' }, time)).toEqual({ key: 'chat.sendFailed', values: {} });
  });
});

describe('reconnectDelay', () => {
  it('waits a random time up to 1 s, 2 s, 4 s … never more than 30 s', () => {
    expect(reconnectDelay(0, () => 0.999)).toBeLessThan(1000);
    expect(reconnectDelay(1, () => 0.5)).toBe(1000);
    expect(reconnectDelay(3, () => 1)).toBe(8000);
    expect(reconnectDelay(10, () => 1)).toBe(30000);
    expect(reconnectDelay(10, () => 0)).toBe(0);
  });
});
