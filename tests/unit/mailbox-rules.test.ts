/**
 * The mailbox page's rules (web/src/scripts/twinspace/mailbox/mailbox-page.ts), pure: the box
 * in the address, who may write at all and to whom (DOMAIN.md: teachers to
 * any member, pupils to the project's teachers, visitors not at all; a
 * closed project takes no new message), the reply's subject, the form → the
 * API's body, and a sentence split around its date.
 */
import { describe, expect, it } from 'vitest';
import { aroundDate, boxOf, emptyMessage, recipientsOf, replySubject, sendBody, toTeachersOnly, writing } from '../../web/src/scripts/twinspace/mailbox/mailbox-page.ts';

const member = (userId: string, type: 'teacher-admin' | 'member-teacher' | 'pupil-admin' | 'pupil-member' | 'visitor') => ({
  userId,
  type,
  kind: type.startsWith('pupil') ? ('pupil' as const) : ('teacher' as const),
  displayName: userId,
  country: 'ES',
});
const roster = [member('ana', 'teacher-admin'), member('eva', 'member-teacher'), member('pablo', 'pupil-member'), member('nora', 'pupil-admin'), member('guest', 'visitor')];

describe('boxOf', () => {
  it('reads the sent box from the address, the inbox otherwise', () => {
    expect(boxOf('?id=p1&box=sent')).toBe('sent');
    expect(boxOf('?id=p1')).toBe('inbox');
    expect(boxOf('?box=other')).toBe('inbox');
  });
});

describe('writing', () => {
  it('gives visitors and closed projects a reason instead of a form', () => {
    expect(writing('visitor', 'approved')).toEqual({ unavailable: 'mailbox.visitor' });
    expect(writing(null, 'approved')).toEqual({ unavailable: 'mailbox.visitor' });
    expect(writing('teacher-admin', 'closed')).toEqual({ unavailable: 'mailbox.closed' });
    expect('permission' in writing('pupil-member', 'approved')).toBe(true);
  });
});

describe('recipientsOf', () => {
  it('lets a teacher write to any other member, and a pupil to the teachers only', () => {
    const teacher = writing('member-teacher', 'approved');
    const pupil = writing('pupil-member', 'approved');
    if (!('permission' in teacher) || !('permission' in pupil)) throw new Error('both may write');
    expect(recipientsOf(teacher.permission, 'eva', roster).map((found) => found.userId)).toEqual(['ana', 'pablo', 'nora', 'guest']);
    expect(recipientsOf(pupil.permission, 'pablo', roster).map((found) => found.userId)).toEqual(['ana', 'eva']);
    expect(toTeachersOnly(pupil.permission)).toBe(true);
    expect(toTeachersOnly(teacher.permission)).toBe(false);
  });
});

describe('the write form', () => {
  it('names the empty fields, and sends the trimmed values', () => {
    expect(sendBody(emptyMessage)).toEqual({ missing: ['toUserId', 'subject', 'body'] });
    expect(sendBody({ toUserId: 'ana', subject: ' Photos ', body: 'Here.\n' })).toEqual({ body: { toUserId: 'ana', subject: 'Photos', body: 'Here.' } });
  });
  it('answers with “Re:” once', () => {
    expect(replySubject('Photos')).toBe('Re: Photos');
    expect(replySubject('RE: Photos')).toBe('RE: Photos');
  });
});

describe('aroundDate', () => {
  it('splits a sentence around its date', () => {
    expect(aroundDate('From Ana · {date}')).toEqual(['From Ana · ', '']);
    expect(aroundDate('{date}, de Ana')).toEqual(['', ', de Ana']);
    expect(aroundDate('No date')).toEqual(['No date', '']);
  });
});
