/** The TwinSpace mailbox's rules: who may receive what a sender writes, and how people are named to the reader. */
import { describe, expect, it } from 'vitest';
import { checkRecipient, messageAsSeenBy, type MailboxMessage } from '../../functions/domain/mailbox.ts';
import { may } from '../../functions/domain/policy.ts';
import type { TwinspaceType } from '../../functions/domain/twinspace-types.ts';
import { mailboxQuery, mailboxSendBody } from '../../functions/http/mailbox/schemas.ts';

const member = (type: TwinspaceType, userId = `user-${type}`) => ({ userId, type });
const permissionOf = (type: TwinspaceType) => {
  const permission = may(type, 'write-mailbox');
  if (permission === 'deny') throw new Error(`${type} may not write at all`);
  return permission;
};

describe('who may receive a message', () => {
  it('lets teachers write to every member of the project, of any type', () => {
    for (const sender of ['teacher-admin', 'member-teacher'] as const) {
      for (const recipient of ['teacher-admin', 'member-teacher', 'pupil-admin', 'pupil-member', 'visitor'] as const) {
        expect(checkRecipient(permissionOf(sender), 'me', member(recipient)), `${sender} → ${recipient}`).toEqual({ ok: true });
      }
    }
  });

  it("lets pupils write to the project's teachers only, and says why not to a pupil or a visitor", () => {
    for (const sender of ['pupil-admin', 'pupil-member'] as const) {
      expect(checkRecipient(permissionOf(sender), 'me', member('teacher-admin')).ok).toBe(true);
      expect(checkRecipient(permissionOf(sender), 'me', member('member-teacher')).ok).toBe(true);
      expect(checkRecipient(permissionOf(sender), 'me', member('pupil-member'))).toEqual({
        ok: false,
        status: 403,
        message: "Pupils write only to the project's teachers; this member is a pupil.",
      });
      expect(checkRecipient(permissionOf(sender), 'me', member('visitor'))).toMatchObject({ ok: false, status: 403, message: expect.stringContaining('a visitor') });
    }
  });

  it('refuses someone who is not a member, and oneself, as bad input', () => {
    expect(checkRecipient('to any member', 'me', undefined)).toMatchObject({ ok: false, status: 400 });
    expect(checkRecipient('to any member', 'me', member('pupil-member', 'me'))).toMatchObject({ ok: false, status: 400 });
  });
});

describe('how a message names its people', () => {
  const message: MailboxMessage = {
    messageId: '01JG2K7M9P3Q5R7S9T1V3W5X7Y',
    projectId: '01JF8Z3Q4W5X6Y7Z8A9B0C1D2E',
    from: { userId: 'ana', displayName: 'Ana García', type: 'teacher-admin' },
    to: { userId: 'pablo', displayName: 'Pablo Ortega', type: 'pupil-member' },
    subject: 'Your drawing',
    body: 'Well done!',
    sentAt: '2026-11-28T10:00:00.000Z',
  };

  it('shows pupils by first name to a pupil, teachers by full name', () => {
    const seen = messageAsSeenBy('pupil-member', message);
    expect(seen.to.displayName).toBe('Pablo');
    expect(seen.from.displayName).toBe('Ana García');
  });

  it('shows every name in full to a teacher', () => {
    expect(messageAsSeenBy('member-teacher', message)).toEqual(message);
  });
});

describe('mailbox requests', () => {
  it('needs a recipient, a subject and a body, trimmed, within their lengths', () => {
    expect(mailboxSendBody.parse({ toUserId: ' u1 ', subject: ' Hi ', body: ' Text ' })).toEqual({ toUserId: 'u1', subject: 'Hi', body: 'Text' });
    const fields = (body: object) => mailboxSendBody.safeParse(body).error?.issues.map((issue) => issue.path.join('.')).sort();
    expect(fields({ toUserId: 'u1', subject: '  ', body: 'x' })).toEqual(['subject']);
    expect(fields({ toUserId: 'u1', subject: 'x', body: '🌊'.repeat(5001) })).toEqual(['body']);
    expect(fields({ subject: 'x', body: 'x' })).toEqual(['toUserId']);
    expect(mailboxSendBody.safeParse({ toUserId: 'u1', subject: 'x', body: '🌊'.repeat(5000) }).success).toBe(true);
  });

  it('lists the inbox unless the sent box is asked for, and nothing else', () => {
    expect(mailboxQuery.parse({}).box).toBe('inbox');
    expect(mailboxQuery.parse({ box: 'sent' }).box).toBe('sent');
    expect(mailboxQuery.safeParse({ box: 'drafts' }).success).toBe(false);
  });
});
