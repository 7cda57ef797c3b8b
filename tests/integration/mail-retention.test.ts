/**
 * Mail expires (issue 11, "Privacy: Retention"): every project mailbox
 * message and desktop mail is stored with an `expiresAt` TTL at the end of the
 * school year N after the one it was sent in (mailRetentionSchoolYears,
 * default 2: the local stack's setting). DynamoDB deletes expired items
 * lazily, so mail past its TTL but still in the table must not be shown:
 * not in a list, not by its id, and an unread one no longer counts as unread.
 * The expired mail here is written through the repositories with a sentAt of
 * October 2020 (TTL 1 September 2023) and a new id, so without the read filter
 * it would head its list.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { keys, mailboxKeys } from '../../functions/data/keys.ts';
import { sendDesktopMail, type DesktopMail } from '../../functions/data/mail.ts';
import { putMailboxMessage } from '../../functions/data/mailbox.ts';
import { mailExpiresAt } from '../../functions/domain/retention.ts';
import { newTestAccount } from '../support/accounts.ts';
import { apiGet, apiSend, tableStoreOf } from '../support/clients.ts';
import { newTwinspace, type TestTwinspace } from '../support/twinspace.ts';

const endpoints = inject('endpoints');
const store = tableStoreOf(endpoints);
const item = async (key: { PK: string; SK: string }) => (await store.db.send(new GetCommand({ TableName: store.tableName, Key: key }))).Item;
/** Two school years: the local stack's default (infra/local/endpoints.ts), as the CDK app's. */
const twoSchoolYears = (sentAt: string) => mailExpiresAt(new Date(sentAt), 2);
const longAgo = '2020-10-05T09:00:00.000Z';

describe('desktop mail', () => {
  let writer: Awaited<ReturnType<typeof newTestAccount>>;
  let reader: Awaited<ReturnType<typeof newTestAccount>>;

  beforeAll(async () => {
    [writer, reader] = await Promise.all([
      newTestAccount(endpoints, { kind: 'teacher', country: 'ES', displayName: 'Marta Retention' }),
      newTestAccount(endpoints, { kind: 'teacher', country: 'FR', displayName: 'Paul Retention' }),
    ]);
  });

  it('is stored with a TTL two school years after the one it was sent in: both copies and the unread mark', async () => {
    const sent = await apiSend(endpoints, 'POST', '/mail', writer.idToken, { toUserId: reader.userId, subject: 'Kept two years', body: 'Hello' });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const expected = twoSchoolYears(sent.body.sentAt);
    const { mailId } = sent.body;
    expect((await item(keys.mailInbox(reader.userId, mailId)))?.expiresAt).toBe(expected);
    expect((await item(keys.mailSent(writer.userId, mailId)))?.expiresAt).toBe(expected);
    expect((await item(keys.mailUnread(reader.userId, mailId)))?.expiresAt).toBe(expected);
    // The answer and the lists show the mail, never its TTL.
    expect(sent.body).not.toHaveProperty('expiresAt');
    const inbox = await apiGet(endpoints, '/mail?folder=inbox', reader.idToken);
    expect(inbox.body.items[0]).toMatchObject({ mailId, read: false });
    expect(inbox.body.items[0]).not.toHaveProperty('expiresAt');
    expect(inbox.body.unread).toBe(1);
    // Reading it takes the mark away: the count is the unread mail still there.
    expect((await apiGet(endpoints, `/mail/${mailId}`, reader.idToken)).body.read).toBe(true);
    expect(await item(keys.mailUnread(reader.userId, mailId))).toBeUndefined();
    expect((await apiGet(endpoints, '/mail?folder=inbox', reader.idToken)).body.unread).toBe(0);
  });

  it('past its TTL but not yet deleted, is not listed, not found by its id, and no longer counts as unread', async () => {
    const expired: DesktopMail = {
      mailId: ulid(),
      from: { userId: writer.userId, displayName: 'Marta Retention', country: 'ES' },
      to: { userId: reader.userId, displayName: 'Paul Retention', country: 'FR' },
      subject: 'Sent long ago',
      body: 'Unread ever since',
      sentAt: longAgo,
    };
    const notice = { notificationId: ulid(), userId: reader.userId, topic: 'desktop-mail' as const, subjectId: expired.mailId, title: 'x', body: 'x', createdAt: new Date().toISOString() };
    expect(await sendDesktopMail(store, expired, notice)).toBe('sent');
    // Still in the table (TTL deletion is lazy): only the reads keep it out.
    expect((await item(keys.mailInbox(reader.userId, expired.mailId)))?.expiresAt).toBe(Date.parse('2023-09-01T00:00:00Z') / 1000);
    expect(await item(keys.mailUnread(reader.userId, expired.mailId))).toBeDefined();

    const inbox = await apiGet(endpoints, '/mail?folder=inbox', reader.idToken);
    expect(inbox.body.items.map((mail: { mailId: string }) => mail.mailId)).not.toContain(expired.mailId);
    expect(inbox.body.unread).toBe(0);
    const sentFolder = await apiGet(endpoints, '/mail?folder=sent', writer.idToken);
    expect(sentFolder.body.items.map((mail: { mailId: string }) => mail.mailId)).not.toContain(expired.mailId);
    expect((await apiGet(endpoints, `/mail/${expired.mailId}`, reader.idToken)).status).toBe(404);
    expect((await apiGet(endpoints, `/mail/${expired.mailId}`, writer.idToken)).status).toBe(404);
  });
});

describe('the TwinSpace mailbox', () => {
  let space: TestTwinspace;
  beforeAll(async () => {
    space = await newTwinspace(endpoints, 'Mail that expires');
  });

  it('stores both copies with a TTL two school years after the one it was sent in', async () => {
    const teacher = space.members['teacher-admin'];
    const pupil = space.members['pupil-member'];
    const sent = await apiSend(endpoints, 'POST', `/projects/${space.projectId}/mailbox`, teacher.idToken, { toUserId: pupil.userId, subject: 'Kept', body: 'Hello' });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const expected = twoSchoolYears(sent.body.sentAt);
    expect((await item(mailboxKeys.inbox(space.projectId, pupil.userId!, sent.body.messageId)))?.expiresAt).toBe(expected);
    expect((await item(mailboxKeys.sent(space.projectId, teacher.userId!, sent.body.messageId)))?.expiresAt).toBe(expected);
    const inbox = await apiGet(endpoints, `/projects/${space.projectId}/mailbox`, pupil.idToken);
    expect(inbox.body.items[0]).toMatchObject({ messageId: sent.body.messageId });
    expect(inbox.body.items[0]).not.toHaveProperty('expiresAt');
  });

  it('leaves a message past its TTL out of both boxes while it waits for deletion', async () => {
    const teacher = space.members['member-teacher'];
    const pupil = space.members['pupil-admin'];
    const messageId = ulid();
    const outcome = await putMailboxMessage(
      store,
      {
        messageId,
        projectId: space.projectId,
        from: { userId: teacher.userId!, displayName: 'Teacher', type: 'member-teacher' },
        to: { userId: pupil.userId!, displayName: 'Pupil', type: 'pupil-admin' },
        subject: 'Sent long ago',
        body: 'Expired',
        sentAt: longAgo,
      },
      { notificationId: ulid(), userId: pupil.userId!, topic: 'mailbox-message', projectId: space.projectId, subjectId: messageId, title: 'x', body: 'x', createdAt: new Date().toISOString() },
    );
    expect(outcome).toBe('sent');
    expect(await item(mailboxKeys.inbox(space.projectId, pupil.userId!, messageId))).toBeDefined();
    const inbox = await apiGet(endpoints, `/projects/${space.projectId}/mailbox`, pupil.idToken);
    expect(inbox.status).toBe(200);
    expect(inbox.body.items.map((message: { messageId: string }) => message.messageId)).not.toContain(messageId);
    const sent = await apiGet(endpoints, `/projects/${space.projectId}/mailbox?box=sent`, teacher.idToken);
    expect(sent.body.items.map((message: { messageId: string }) => message.messageId)).not.toContain(messageId);
  });
});
