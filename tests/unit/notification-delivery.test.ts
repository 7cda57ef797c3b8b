/**
 * Delivering notifications (issue 9): the stream filter declared once in
 * functions/routes.ts lets only notification INSERTs through (as the local
 * poller applies it; the CDK mapping carries the same patterns, see
 * tests/infra/stack.test.ts); the digest's day is a ULID range of one UTC day;
 * who gets which e-mail; and the handler's rules with a fake world.
 */
import { encodeTime, ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import type { DynamoDBRecord } from 'aws-lambda';
import { streamHandlers } from '../../functions/routes.ts';
import { dayRange, digestMail, instantMail, mailChoice, notificationDay, previousDay } from '../../functions/domain/notification-mail.ts';
import { deliverNotification, deliverRecords, notificationOf, type DeliveryWorld, type StoredNotification } from '../../functions/streams/deliver-notifications.ts';
import { matchesPattern, passesFilters } from '../../infra/local/event-filter.ts';

const deliver = streamHandlers.find((handler) => handler.name === 'deliver-notifications')!;

function record(eventName: 'INSERT' | 'MODIFY' | 'REMOVE', entity: string | undefined, sequenceNumber = '1'): DynamoDBRecord {
  const notificationId = ulid();
  const image = {
    PK: { S: 'USER#u1' },
    SK: { S: `NOTIFICATION#${notificationId}` },
    ...(entity ? { entity: { S: entity } } : {}),
    notificationId: { S: notificationId },
    userId: { S: 'u1' },
    topic: { S: 'diary-reply' },
    title: { S: 'Your NSS answered' },
    body: { S: 'Yes.' },
    createdAt: { S: new Date().toISOString() },
    expiresAt: { N: '1900000000' },
  };
  return {
    eventID: sequenceNumber,
    eventName,
    eventSource: 'aws:dynamodb',
    dynamodb: { Keys: { PK: image.PK, SK: image.SK }, ...(eventName === 'REMOVE' ? {} : { NewImage: image }), SequenceNumber: sequenceNumber, StreamViewType: 'NEW_IMAGE' },
  } as DynamoDBRecord;
}

const passes = (r: DynamoDBRecord) => passesFilters(deliver.filters, r as unknown as Record<string, unknown>);

describe('the deliver-notifications filter (functions/routes.ts, applied locally as by the event source mapping)', () => {
  it('lets a notification INSERT through', () => {
    expect(passes(record('INSERT', 'notification'))).toBe(true);
  });

  it('keeps out a notification changed (read) or deleted (TTL), and every other entity', () => {
    expect(passes(record('MODIFY', 'notification'))).toBe(false);
    expect(passes(record('REMOVE', 'notification'))).toBe(false);
    expect(passes(record('INSERT', 'chatMessage'))).toBe(false);
    expect(passes(record('INSERT', 'accountMail'))).toBe(false);
    expect(passes(record('INSERT', undefined))).toBe(false);
  });

  it('is the Lambda pattern form: lists of values at the leaves, any value of a list, nothing else', () => {
    expect(matchesPattern({ a: { b: ['x', 'y'] } }, { a: { b: 'y', c: 1 } })).toBe(true);
    expect(matchesPattern({ a: { b: ['x'] } }, { a: { b: 'z' } })).toBe(false);
    expect(matchesPattern({ a: { b: ['x'] } }, { a: 'x' })).toBe(false);
    expect(matchesPattern({ a: ['x'] }, { a: ['z', 'x'] })).toBe(true);
    expect(() => matchesPattern({ a: [{ prefix: 'x' }] as never }, { a: 'x' })).toThrow(/not supported/);
    expect(passesFilters([], { anything: true })).toBe(true);
  });

  it('reads the notification of a record, and nothing from any other', () => {
    const insert = record('INSERT', 'notification');
    expect(notificationOf(insert)).toMatchObject({ userId: 'u1', topic: 'diary-reply', expiresAt: 1900000000 });
    expect(notificationOf(insert)).not.toHaveProperty('PK');
    expect(notificationOf(record('INSERT', 'chatMessage'))).toBeUndefined();
    expect(notificationOf(record('MODIFY', 'notification'))).toBeUndefined();
  });
});

describe('the digest’s day', () => {
  it('is the ULID range of one UTC day, both ends included', () => {
    const { from, to } = dayRange('2026-03-29');
    const at = (iso: string) => ulid(Date.parse(iso));
    for (const inside of ['2026-03-29T00:00:00.000Z', '2026-03-29T12:00:00.000Z', '2026-03-29T23:59:59.999Z']) {
      const id = at(inside);
      expect(id >= from && id <= to, inside).toBe(true);
    }
    for (const outside of ['2026-03-28T23:59:59.999Z', '2026-03-30T00:00:00.000Z']) {
      const id = at(outside);
      expect(id >= from && id <= to, outside).toBe(false);
    }
    expect(from).toBe(`${encodeTime(Date.parse('2026-03-29T00:00:00Z'), 10)}0000000000000000`);
    expect(to).toHaveLength(26);
    expect(() => dayRange('29/03/2026')).toThrow();
  });

  it('is yesterday for the morning job, across months and years', () => {
    expect(previousDay(new Date('2026-03-01T07:00:00Z'))).toBe('2026-02-28');
    expect(previousDay(new Date('2027-01-01T07:00:00Z'))).toBe('2026-12-31');
  });

  it('is the day of the notification’s ULID (the range the job queries), else of createdAt', () => {
    const id = ulid(Date.parse('2026-05-04T23:59:59.500Z'));
    expect(notificationDay({ notificationId: id, createdAt: '2026-05-05T00:00:00.100Z' })).toBe('2026-05-04');
    expect(notificationDay({ notificationId: 'not-a-ulid', createdAt: '2026-05-05T00:00:00.100Z' })).toBe('2026-05-05');
  });
});

describe('who gets which e-mail', () => {
  const teacher = { kind: 'teacher' as const, email: 'ana@example.test' };
  it('gives teachers, NSS officers and evaluators their choice, daily by default', () => {
    expect(mailChoice(teacher, 'diary-reply')).toBe('daily');
    expect(mailChoice({ ...teacher, notificationMail: 'instant' }, 'diary-reply')).toBe('instant');
    expect(mailChoice({ ...teacher, kind: 'nss', notificationMail: 'daily' }, 'project-approved')).toBe('daily');
    expect(mailChoice({ ...teacher, kind: 'evaluator', notificationMail: 'off' }, 'label-result')).toBe('none');
  });

  it('never mails pupils or guests, someone without an address, or the evaluators’ digest (already an e-mail)', () => {
    expect(mailChoice({ kind: 'pupil', notificationMail: 'instant' } as never, 'member-added')).toBe('none');
    expect(mailChoice({ ...teacher, kind: 'guest', notificationMail: 'instant' }, 'member-added')).toBe('none');
    expect(mailChoice({ kind: 'teacher', notificationMail: 'instant' }, 'member-added')).toBe('none');
    expect(mailChoice(undefined, 'member-added')).toBe('none');
    expect(mailChoice({ ...teacher, notificationMail: 'instant' }, 'evaluator-digest')).toBe('none');
  });

  it('writes one notification per e-mail, or one summary of the day, oldest first', () => {
    expect(instantMail({ title: 'Project approved', body: 'Rivers is open.', createdAt: '' })).toMatchObject({ subject: 'Twinspace: Project approved' });
    expect(digestMail('2026-03-29', [])).toBeUndefined();
    const digest = digestMail('2026-03-29', [
      { title: 'Second', body: 'b', createdAt: '2026-03-29T10:00:00.000Z' },
      { title: 'First', body: 'a', createdAt: '2026-03-29T08:00:00.000Z' },
    ])!;
    expect(digest.subject).toBe('Twinspace: 2 notifications on 2026-03-29');
    expect(digest.text.indexOf('First')).toBeLessThan(digest.text.indexOf('Second'));
  });
});

describe('delivering one notification (a fake world)', () => {
  const notification: StoredNotification = {
    notificationId: ulid(),
    userId: 'u1',
    topic: 'diary-reply',
    title: 'Your NSS answered',
    body: 'Yes.',
    createdAt: new Date().toISOString(),
    projectId: 'p1',
  };

  function world(options: { preference?: 'instant' | 'daily' | 'off'; kind?: 'teacher' | 'pupil'; gone?: string[] } = {}) {
    const posted: { connectionId: string; payload: any }[] = [];
    const forgotten: string[] = [];
    const queued = new Set<string>();
    const digests: string[] = [];
    const fake: DeliveryWorld = {
      connections: async () => ['tab-1', 'tab-2', 'stale'],
      send: async (connectionId, payload) => {
        if (connectionId === 'stale') throw Object.assign(new Error('gone'), { name: 'GoneException', $metadata: { httpStatusCode: 410 } });
        posted.push({ connectionId, payload: JSON.parse(payload) });
      },
      forget: async (_userId, connectionId) => void forgotten.push(connectionId),
      reader: async () => ({ kind: options.kind ?? 'teacher', email: 'ana@example.test', notificationMail: options.preference }),
      queueInstant: async (n) => (queued.has(n.notificationId) ? false : (queued.add(n.notificationId), true)),
      markDigest: async (day) => (digests.push(day), 'marked'),
    };
    return { fake, posted, forgotten, queued, digests };
  }

  it('posts the notification frame to every tab and forgets a connection that answers 410', async () => {
    const { fake, posted, forgotten } = world();
    const delivery = await deliverNotification(notification, fake);
    expect(delivery.live).toEqual({ sent: 2, gone: 1, failed: 0 });
    expect(posted.map((post) => post.connectionId).sort()).toEqual(['tab-1', 'tab-2']);
    expect(posted[0].payload).toEqual({
      type: 'notification',
      notification: { notificationId: notification.notificationId, topic: 'diary-reply', title: 'Your NSS answered', body: 'Yes.', createdAt: notification.createdAt, projectId: 'p1', read: false },
    });
    expect(forgotten).toEqual(['stale']);
  });

  it('queues an instant e-mail once however often the record comes', async () => {
    const { fake, queued } = world({ preference: 'instant' });
    expect((await deliverNotification(notification, fake)).mail).toBe('instant');
    expect((await deliverNotification(notification, fake)).mail).toBe('instant-already-queued');
    expect(queued.size).toBe(1);
  });

  it('marks the day’s digest by default, and nothing for a pupil or off', async () => {
    const daily = world();
    expect((await deliverNotification(notification, daily.fake)).mail).toBe('daily');
    expect(daily.digests).toEqual([notification.createdAt.slice(0, 10)]);
    expect((await deliverNotification(notification, world({ kind: 'pupil', preference: 'instant' }).fake)).mail).toBe('none');
    expect((await deliverNotification(notification, world({ preference: 'off' }).fake)).mail).toBe('none');
  });

  it('fails only the record whose e-mail could not be written (Lambda retries it), and skips records that are no notification', async () => {
    const { fake } = world({ preference: 'instant' });
    const broken: DeliveryWorld = { ...fake, queueInstant: async () => Promise.reject(new Error('table unavailable')) };
    const response = await deliverRecords({ Records: [record('INSERT', 'notification', '7'), record('INSERT', 'chatMessage', '8')] }, broken);
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: '7' }]);
    expect((await deliverRecords({ Records: [record('INSERT', 'notification', '9')] }, fake)).batchItemFailures).toEqual([]);
  });
});
