import { describe, expect, it } from 'vitest';
import { checkChatText, mayDeleteChatMessage, mayJoinChat, mayReadChat } from '../../functions/domain/chat-rules.ts';
import { hasTwinspace, isWritable, nextState, projectStates } from '../../functions/domain/project-lifecycle.ts';
import { firstName, rosterEntryFor, sharedName, type RosterMember } from '../../functions/domain/roster.ts';
import { clientFrame, frameErrorCode } from '../../events/chat-frames.ts';

describe('chat messages', () => {
  it('keeps the trimmed text of 1 to 2,000 characters', () => {
    expect(checkChatText('  hola  ')).toEqual({ ok: true, text: 'hola' });
    expect(checkChatText('x'.repeat(2000))).toMatchObject({ ok: true });
  });

  it('refuses empty and whitespace-only text', () => {
    expect(checkChatText('')).toMatchObject({ ok: false, code: 'EMPTY_MESSAGE' });
    expect(checkChatText(' \n\t ')).toMatchObject({ ok: false, code: 'EMPTY_MESSAGE' });
  });

  it('refuses 2,001 characters, counting an emoji as one', () => {
    expect(checkChatText('x'.repeat(2001))).toMatchObject({ ok: false, code: 'TOO_LONG' });
    expect(checkChatText('💧'.repeat(2000))).toMatchObject({ ok: true });
  });

  it('parses frames with the same rules and names the problem', () => {
    expect(clientFrame.parse({ action: 'sendMessage', projectId: 'P1', text: ' hi ' })).toEqual({ action: 'sendMessage', projectId: 'P1', text: 'hi' });
    const tooLong = clientFrame.safeParse({ action: 'sendMessage', projectId: 'P1', text: 'x'.repeat(2001) });
    expect(tooLong.success).toBe(false);
    if (!tooLong.success) expect(frameErrorCode(tooLong.error)).toBe('TOO_LONG');
    const unknown = clientFrame.safeParse({ action: 'shout', text: 'hi' });
    expect(unknown.success).toBe(false);
    if (!unknown.success) expect(frameErrorCode(unknown.error, { action: 'shout', text: 'hi' })).toBe('UNKNOWN_ACTION');
    const noAction = clientFrame.safeParse({ text: 'hi' });
    if (!noAction.success) expect(frameErrorCode(noAction.error, { text: 'hi' })).toBe('BAD_FRAME');
    const noRoom = clientFrame.safeParse({ action: 'join' });
    if (!noRoom.success) expect(frameErrorCode(noRoom.error, { action: 'join' })).toBe('BAD_FRAME');
    expect(clientFrame.parse({ action: 'ping' })).toEqual({ action: 'ping' });
  });

  it('lets members but not visitors chat, and nobody in a closed project', () => {
    expect(mayJoinChat('pupil-member', 'approved')).toBe(true);
    expect(mayJoinChat('visitor', 'approved')).toBe(false);
    expect(mayJoinChat('teacher-admin', 'closed')).toBe(false);
    expect(mayReadChat('teacher-admin')).toBe(true);
    expect(mayReadChat('visitor')).toBe(false);
    expect(mayDeleteChatMessage('teacher-admin', 'approved')).toBe(true);
    expect(mayDeleteChatMessage('member-teacher', 'approved')).toBe(false);
  });
});

describe('project lifecycle', () => {
  it('follows DOMAIN.md: proposed → pending-approval → approved ⇄ closed, and rejected', () => {
    expect(nextState('proposed', 'partner-accepts')).toBe('pending-approval');
    expect(nextState('pending-approval', 'last-approval')).toBe('approved');
    expect(nextState('pending-approval', 'rejection')).toBe('rejected');
    expect(nextState('rejected', 'resubmission')).toBe('pending-approval');
    expect(nextState('approved', 'close')).toBe('closed');
    expect(nextState('closed', 'reopen')).toBe('approved');
  });

  it('refuses transitions the state does not allow', () => {
    expect(nextState('proposed', 'close')).toBeUndefined();
    expect(nextState('closed', 'close')).toBeUndefined();
    expect(nextState('approved', 'last-approval')).toBeUndefined();
  });

  it('makes a closed TwinSpace read-only, and only approved ones writable', () => {
    expect(projectStates.filter(isWritable)).toEqual(['approved']);
    expect(projectStates.filter(hasTwinspace)).toEqual(['approved', 'closed']);
  });
});

describe('the roster as each viewer sees it', () => {
  const teacher: RosterMember = { userId: 't', type: 'teacher-admin', kind: 'teacher', displayName: 'Ana García', country: 'ES', email: 'ana@x.es' };
  const pupil: RosterMember = { userId: 'p', type: 'pupil-member', kind: 'pupil', displayName: 'Jules Martin', country: 'FR' };
  const guest: RosterMember = { userId: 'g', type: 'visitor', kind: 'guest', displayName: 'Gloria Sanz', country: 'ES', email: 'g@x.es' };

  it('shows teachers everything, e-mail addresses included', () => {
    expect(rosterEntryFor('member-teacher', teacher)?.email).toBe('ana@x.es');
    expect(rosterEntryFor('teacher-admin', pupil)?.displayName).toBe('Jules Martin');
  });

  it('shows pupils other pupils by first name and nobody’s e-mail', () => {
    expect(rosterEntryFor('pupil-admin', pupil)?.displayName).toBe('Jules');
    for (const member of [teacher, pupil, guest]) expect(rosterEntryFor('pupil-member', member)).not.toHaveProperty('email');
  });

  it('shows visitors only the teachers, without e-mail', () => {
    expect(rosterEntryFor('visitor', teacher)).toEqual({ userId: 't', type: 'teacher-admin', kind: 'teacher', displayName: 'Ana García', country: 'ES' });
    expect(rosterEntryFor('visitor', pupil)).toBeUndefined();
    expect(rosterEntryFor('visitor', guest)).toBeUndefined();
  });

  it('names pupils by first name in the shared chat, adults in full', () => {
    expect(sharedName(pupil)).toBe('Jules');
    expect(sharedName(teacher)).toBe('Ana García');
  });

  it('takes the first word as first name', () => {
    expect(firstName('  Marta   Ruiz ')).toBe('Marta');
  });
});
