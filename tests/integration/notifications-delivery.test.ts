/**
 * Notifications delivered live and by e-mail (issue 9), on the local stack:
 * a notification put in the table reaches the table's stream, whose poller
 * (infra/local/streams.ts, the filter of functions/routes.ts) invokes
 * deliver-notifications. It reaches two open sockets of the same person within
 * 2 s and cleans up a connection that answers 410; an instant e-mail goes out
 * once even when the record is handled twice; the daily digest sends one
 * summary per person and day, none for 'off', none for pupils.
 *
 * The sockets connect with the chat protocol of the day; the test writes each
 * one's live connection item (LIVE#<sub> / CONN#<connectionId>) itself when
 * $connect has not.
 */
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { encodeTime, ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { listRoomConnections } from '../../functions/data/chat.ts';
import { keys, notificationMailKeys, prefixes } from '../../functions/data/keys.ts';
import { putNotification, type Notification } from '../../functions/data/notifications.ts';
import { createUserProfile, type UserProfile } from '../../functions/data/users.ts';
import { scheduledJobs, streamHandlers } from '../../functions/routes.ts';
import type { NotificationDigestRun } from '../../functions/scheduled/send-notification-digests.ts';
import { applyHandlerEnv, invokeHandler } from '../../infra/local/lambda-runtime.ts';
import { ChatSocket, demoProjectId, demoToken, mailsTo, subOf, tableStoreOf } from '../support/clients.ts';
import { scheduledEvent } from '../../infra/local/scheduler.ts';

const endpoints = inject('endpoints');
const store = tableStoreOf(endpoints);
const deliverHandler = streamHandlers.find((handler) => handler.name === 'deliver-notifications')!;
const sendMailJob = scheduledJobs.find((job) => job.name === 'send-account-mail')!;
const digestJob = scheduledJobs.find((job) => job.name === 'send-notification-digests')!;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await sleep(100);
  }
}

function notificationFor(userId: string, at = new Date(), title = `Something happened ${ulid()}`): Notification {
  return { notificationId: ulid(at.getTime()), userId, topic: 'diary-reply', title, body: 'Your National Support Service answered your doubt.', createdAt: at.toISOString() };
}

async function testPerson(kind: UserProfile['kind'], notificationMail?: 'instant' | 'daily' | 'off') {
  const userId = `test-${kind}-${ulid()}`;
  const email = `${userId.toLowerCase()}@test.twinspace`;
  await createUserProfile(store, {
    userId,
    username: userId,
    kind,
    country: 'ES',
    displayName: `Test ${kind}`,
    email,
    version: 1,
    createdAt: new Date().toISOString(),
    ...(notificationMail ? { notificationMail } : {}),
  } as UserProfile);
  return { userId, email };
}

async function itemExists(key: { PK: string; SK: string }): Promise<boolean> {
  return Boolean((await store.db.send(new GetCommand({ TableName: store.tableName, Key: key, ConsistentRead: true }))).Item);
}

async function liveConnectionIds(userId: string): Promise<string[]> {
  const result = await store.db.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :conn)',
      ExpressionAttributeValues: { ':pk': keys.livePartition(userId), ':conn': prefixes.chatConnection },
    }),
  );
  return (result.Items ?? []).map((item) => String(item.connectionId ?? String(item.SK).slice(prefixes.chatConnection.length)));
}

async function putLiveConnection(userId: string, connectionId: string): Promise<void> {
  await store.db.send(
    new PutCommand({
      TableName: store.tableName,
      Item: {
        ...keys.liveConnection(userId, connectionId),
        entity: 'liveConnection',
        connectionId,
        userId,
        connectedAt: new Date().toISOString(),
        expiresAt: Math.floor(Date.now() / 1000) + 3600,
      },
    }),
  );
}

/** Opens a socket as this person and makes sure their live connection item exists (written by $connect, or here). */
async function openTab(idToken: string, userId: string, projectId: string): Promise<ChatSocket> {
  const before = new Set([...(await liveConnectionIds(userId)), ...(await listRoomConnections(store, projectId)).map((c) => c.connectionId)]);
  const socket = await ChatSocket.open(endpoints, idToken, projectId);
  const found = await eventually(
    async () => [
      ...(await liveConnectionIds(userId)),
      ...(await listRoomConnections(store, projectId)).filter((c) => c.userId === userId).map((c) => c.connectionId),
    ].filter((id) => !before.has(id)),
    (ids) => ids.length > 0,
    5_000,
  );
  expect(found.length, 'the new connection is in the table').toBeGreaterThan(0);
  await putLiveConnection(userId, found[0]);
  return socket;
}

describe('live delivery to every open tab', () => {
  let anaId: string;
  const tabs: ChatSocket[] = [];

  beforeAll(async () => {
    applyHandlerEnv(endpoints);
    const token = await demoToken(endpoints, 'ana@demo.twinspace');
    anaId = subOf(token);
    const projectId = await demoProjectId(endpoints);
    tabs.push(await openTab(token, anaId, projectId));
    tabs.push(await openTab(token, anaId, projectId));
  });

  afterAll(() => tabs.forEach((tab) => tab.close()));

  it('brings a new notification to both of ana’s sockets within 2 s', async () => {
    const notification = notificationFor(anaId);
    const started = Date.now();
    await putNotification(store, { ...notification, projectId: 'p-live' });
    const frames = await Promise.all(tabs.map((tab) => tab.frame((frame) => frame.type === 'notification' && frame.notification.notificationId === notification.notificationId)));
    expect(Date.now() - started).toBeLessThan(2_000);
    for (const frame of frames) {
      expect(frame).toEqual({
        type: 'notification',
        notification: {
          notificationId: notification.notificationId,
          topic: 'diary-reply',
          title: notification.title,
          body: notification.body,
          createdAt: notification.createdAt,
          projectId: 'p-live',
          read: false,
        },
      });
    }
  });

  it('deletes a connection that answers 410 and still reaches the open ones', async () => {
    const stale = `stale${ulid()}`;
    await putLiveConnection(anaId, stale);
    const notification = notificationFor(anaId);
    await putNotification(store, notification);
    await Promise.all(tabs.map((tab) => tab.frame((frame) => frame.type === 'notification' && frame.notification.notificationId === notification.notificationId)));
    expect(await eventually(() => itemExists(keys.liveConnection(anaId, stale)), (exists) => !exists, 5_000)).toBe(false);
  });

  it('does not post a notification changed later (read) again', async () => {
    const notification = notificationFor(anaId);
    await putNotification(store, notification);
    await tabs[0].frame((frame) => frame.type === 'notification' && frame.notification.notificationId === notification.notificationId);
    await store.db.send(new PutCommand({ TableName: store.tableName, Item: { ...keys.notification(anaId, notification.notificationId), entity: 'notification', ...notification, readAt: new Date().toISOString() } }));
    await sleep(1_500);
    expect(tabs[0].frames.filter((frame) => frame.type === 'notification' && frame.notification.notificationId === notification.notificationId)).toHaveLength(1);
  });
});

describe('instant e-mail', () => {
  beforeAll(() => applyHandlerEnv(endpoints));

  it('is sent once, even when the handler runs twice on the same record', async () => {
    const person = await testPerson('teacher', 'instant');
    const notification = notificationFor(person.userId);
    await putNotification(store, notification);
    // The stream's handler queued it: the mark and the outbox item (unless the send job already took it).
    expect(await eventually(() => itemExists(notificationMailKeys.mailedMark(person.userId, notification.notificationId)), Boolean)).toBe(true);

    // The same record once more, as Lambda would after a retry.
    const item = (await store.db.send(new GetCommand({ TableName: store.tableName, Key: keys.notification(person.userId, notification.notificationId) }))).Item!;
    const image = Object.fromEntries(Object.entries(item).map(([name, value]) => [name, typeof value === 'number' ? { N: String(value) } : { S: String(value) }]));
    const record: DynamoDBStreamEvent = {
      Records: [{ eventID: '1', eventName: 'INSERT', eventSource: 'aws:dynamodb', dynamodb: { Keys: { PK: image.PK, SK: image.SK }, NewImage: image as never, SequenceNumber: '1' } }],
    };
    await invokeHandler(sendMailJob, scheduledEvent(sendMailJob, new Date(), endpoints.region));
    expect(await invokeHandler(deliverHandler, record)).toEqual({ batchItemFailures: [] });
    await invokeHandler(sendMailJob, scheduledEvent(sendMailJob, new Date(), endpoints.region));
    expect(await invokeHandler(deliverHandler, record)).toEqual({ batchItemFailures: [] });
    await invokeHandler(sendMailJob, scheduledEvent(sendMailJob, new Date(), endpoints.region));

    const mails = await eventually(() => mailsTo(endpoints, person.email), (found) => found.length > 0);
    await sleep(500);
    expect(await mailsTo(endpoints, person.email)).toHaveLength(1);
    expect(mails[0].subject).toBe(`Twinspace: ${notification.title}`);
    expect(mails[0].body.text).toContain(notification.body);
    expect(await itemExists(keys.accountMail(notificationMailKeys.instantMailId(notification.notificationId)))).toBe(false);
  });
});

describe('the daily digest', () => {
  // A day of its own (long past), so nothing else in the run has notifications on it.
  const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(Math.random() * 3000) * 86_400_000);
  const dayText = day.toISOString().slice(0, 10);
  const at = (hour: number) => new Date(day.getTime() + hour * 3_600_000);
  const nextMorning = new Date(day.getTime() + 31 * 3_600_000);

  beforeAll(() => applyHandlerEnv(endpoints));

  it('sends one summary per person and day, none for off, none for pupils', async () => {
    const daily = await testPerson('teacher');
    const off = await testPerson('nss', 'off');
    const pupil = await testPerson('pupil', 'daily');
    const instant = await testPerson('evaluator', 'instant');
    await putNotification(store, notificationFor(off.userId, at(8)));
    await putNotification(store, notificationFor(pupil.userId, at(8)));
    await putNotification(store, notificationFor(instant.userId, at(8)));
    await putNotification(store, notificationFor(daily.userId, at(9), 'Morning news'));
    await putNotification(store, notificationFor(daily.userId, at(15), 'Afternoon news'));
    // One for the next day: not in this day's summary.
    await putNotification(store, notificationFor(daily.userId, at(24), 'Tomorrow’s news'));

    const dueItem = async () =>
      (await store.db.send(new GetCommand({ TableName: store.tableName, Key: notificationMailKeys.digestDue(dayText, daily.userId), ConsistentRead: true }))).Item;
    const due = await eventually(dueItem, (item) => (item?.notificationIds as Set<string> | undefined)?.size === 2);
    expect(due?.notificationIds.size).toBe(2);
    // The stream keeps order: the others were handled before these.
    expect(await itemExists(notificationMailKeys.digestDue(dayText, off.userId))).toBe(false);
    expect(await itemExists(notificationMailKeys.digestDue(dayText, pupil.userId))).toBe(false);
    expect(await itemExists(notificationMailKeys.digestDue(dayText, instant.userId))).toBe(false);

    const first = (await invokeHandler(digestJob, scheduledEvent(digestJob, nextMorning, endpoints.region))) as NotificationDigestRun;
    expect(first).toMatchObject({ day: dayText, due: 1, queued: 1 });
    const again = (await invokeHandler(digestJob, scheduledEvent(digestJob, nextMorning, endpoints.region))) as NotificationDigestRun;
    expect(again).toMatchObject({ day: dayText, due: 0, queued: 0 });

    await invokeHandler(sendMailJob, scheduledEvent(sendMailJob, new Date(), endpoints.region));
    const mails = await eventually(() => mailsTo(endpoints, daily.email), (found) => found.length > 0);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe(`Twinspace: 2 notifications on ${dayText}`);
    expect(mails[0].body.text).toContain('Morning news');
    expect(mails[0].body.text).toContain('Afternoon news');
    expect(mails[0].body.text).not.toContain('Tomorrow');
    expect(mails[0].body.text!.indexOf('Morning news')).toBeLessThan(mails[0].body.text!.indexOf('Afternoon news'));

    // Run again (and the send job): still one summary.
    await invokeHandler(digestJob, scheduledEvent(digestJob, nextMorning, endpoints.region));
    await invokeHandler(sendMailJob, scheduledEvent(sendMailJob, new Date(), endpoints.region));
    await sleep(300);
    expect(await mailsTo(endpoints, daily.email)).toHaveLength(1);
    expect(await mailsTo(endpoints, off.email)).toHaveLength(0);
    expect(await mailsTo(endpoints, pupil.email)).toHaveLength(0);
    // The evaluator chose instant: that one e-mail, and no summary.
    expect((await mailsTo(endpoints, instant.email)).map((mail) => mail.subject)).toEqual([expect.stringMatching(/^Twinspace: Something happened/)]);
  });
});
