/** Notifications' pure rules (functions/domain/notifications.ts) and their shapes, without a database. */
import { describe, expect, it } from 'vitest';
import { decideProfileEdit } from '../../functions/domain/desktop.ts';
import {
  isNewSubmission,
  notificationExpiresAt,
  notificationMailOf,
  notificationTopics,
  splitNotices,
  transactionLimit,
} from '../../functions/domain/notifications.ts';
import { notificationPut, notificationView, toNotification } from '../../functions/data/notifications.ts';
import { notificationResponse, profileUpdateBody } from '../../functions/http/desktop/schemas.ts';

const store = { tableName: 'twinspace', db: undefined as never };

describe('how long a notification lives', () => {
  it('expires 90 days after it was made, in epoch seconds', () => {
    const createdAt = '2026-01-01T10:00:00.000Z';
    expect(notificationExpiresAt(createdAt)).toBe(Date.parse('2026-04-01T10:00:00.000Z') / 1000);
  });

  it('is stored with its TTL, its entity (the stream filter) and its keys, whatever the producer gave', () => {
    const put = notificationPut(store, {
      notificationId: '01JG3N0T1F1CAT10N000000000',
      userId: 'u1',
      topic: 'desktop-mail',
      subjectId: 'm1',
      params: { from: 'Ana', subject: 'Hi' },
      title: 'New mail',
      body: 'Hi',
      createdAt: '2026-01-01T00:00:00.000Z',
      expiresAt: 1,
    });
    expect(put.Put!.Item).toMatchObject({
      PK: 'USER#u1',
      SK: 'NOTIFICATION#01JG3N0T1F1CAT10N000000000',
      entity: 'notification',
      expiresAt: Date.parse('2026-04-01T00:00:00.000Z') / 1000,
    });
  });

  it('refuses a creation time that is not one', () => {
    expect(() => notificationExpiresAt('yesterday')).toThrow();
  });
});

describe('the e-mail preference', () => {
  it('is "daily" until chosen, as chosen after, and none for a pupil', () => {
    expect(notificationMailOf({ kind: 'teacher' })).toBe('daily');
    expect(notificationMailOf({ kind: 'nss', notificationMail: 'instant' })).toBe('instant');
    expect(notificationMailOf({ kind: 'evaluator', notificationMail: 'off' })).toBe('off');
    expect(notificationMailOf({ kind: 'pupil', notificationMail: 'instant' })).toBeUndefined();
  });

  it('takes instant, daily or off only', () => {
    expect(profileUpdateBody.safeParse({ version: 1, notificationMail: 'weekly' }).success).toBe(false);
    expect(profileUpdateBody.parse({ version: 1, notificationMail: 'off' })).toEqual({ version: 1, notificationMail: 'off' });
  });

  it('is a 400 on its field for a pupil, while any other change of a pupil stays a 403', () => {
    expect(decideProfileEdit('pupil', { notificationMail: 'daily' })).toEqual({
      outcome: 'invalid',
      problems: [{ field: 'body.notificationMail', message: 'Pupils never get e-mail, so they have no e-mail preference.' }],
    });
    expect(decideProfileEdit('pupil', { displayName: 'Marta' })).toMatchObject({ outcome: 'forbidden' });
    expect(decideProfileEdit('evaluator', { notificationMail: 'instant' })).toEqual({ outcome: 'allowed' });
    expect(decideProfileEdit('guest', { notificationMail: 'off' })).toEqual({ outcome: 'allowed' });
  });
});

describe('a page submitted for publishing', () => {
  const draft = (submittedForPublishing: boolean) => ({ submittedForPublishing, status: 'draft' });

  it('tells the teachers when a pupil sets the mark on a new page or an edit', () => {
    expect(isNewSubmission(undefined, draft(true), 'pupil-member')).toBe(true);
    expect(isNewSubmission(draft(false), draft(true), 'pupil-admin')).toBe(true);
  });

  it('tells nobody again when the page was already submitted, without the mark, for a teacher, or once published', () => {
    expect(isNewSubmission(draft(true), draft(true), 'pupil-member')).toBe(false);
    expect(isNewSubmission(undefined, draft(false), 'pupil-member')).toBe(false);
    expect(isNewSubmission(undefined, draft(true), 'member-teacher')).toBe(false);
    expect(isNewSubmission(draft(false), { submittedForPublishing: true, status: 'published' }, 'pupil-admin')).toBe(false);
  });
});

describe('notifications in a transaction', () => {
  it('go into the transaction while there is room, and the rest after it', () => {
    const notices = Array.from({ length: 10 }, (_, index) => index);
    expect(splitNotices(4, notices)).toEqual({ inTransaction: notices, after: [] });
    expect(splitNotices(transactionLimit - 3, notices)).toEqual({ inTransaction: [0, 1, 2], after: [3, 4, 5, 6, 7, 8, 9] });
    expect(splitNotices(transactionLimit + 5, notices).inTransaction).toEqual([]);
  });
});

describe('a notification on the wire', () => {
  it('says whether it was read and names every topic of the issue', () => {
    expect(notificationTopics).toEqual(
      expect.arrayContaining([
        'project-invited',
        'project-accepted',
        'project-declined',
        'project-approved',
        'project-rejected',
        'diary-reply',
        'label-result',
        'page-submitted',
        'mailbox-message',
        'desktop-mail',
        'member-added',
        'member-type-changed',
        'encounter-seat',
        'chat-report',
        // Issue 12: "The project's teachers get a notification", "The pupil is told the outcome".
        'pupil-text-held',
        'pupil-text-decided',
      ]),
    );
    const item = { notificationId: 'n', topic: 'page-submitted', title: 't', body: 'b', createdAt: 'c', projectId: 'p', subjectId: 's', params: { page: 'Rivers' } };
    expect(notificationResponse.safeParse(item).success).toBe(false);
    expect(notificationResponse.parse({ ...item, read: false })).toMatchObject({ read: false, subjectId: 's' });
  });
});

describe('from the table to the wire (GET /me/notifications and the live frame)', () => {
  it('says read or not, and never gives its keys, owner, TTL or entity', () => {
    const stored = {
      PK: 'USER#u1',
      SK: 'NOTIFICATION#n1',
      entity: 'notification',
      notificationId: 'n1',
      userId: 'u1',
      topic: 'mailbox-message',
      projectId: 'p1',
      subjectId: 'm1',
      params: { from: 'Eva', subject: 'Maps' },
      title: 'Eva wrote to you',
      body: 'A new message.',
      createdAt: '2026-01-01T00:00:00.000Z',
      expiresAt: 1774000000,
    };
    const unread = notificationView(toNotification(stored));
    expect(unread).toEqual({
      notificationId: 'n1',
      topic: 'mailbox-message',
      projectId: 'p1',
      subjectId: 'm1',
      params: { from: 'Eva', subject: 'Maps' },
      title: 'Eva wrote to you',
      body: 'A new message.',
      createdAt: '2026-01-01T00:00:00.000Z',
      read: false,
    });
    expect(notificationResponse.parse(unread)).toEqual(unread);
    expect(notificationView(toNotification({ ...stored, readAt: '2026-01-02T00:00:00.000Z' })).read).toBe(true);
  });
});
