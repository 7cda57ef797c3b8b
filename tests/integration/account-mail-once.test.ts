/**
 * send-account-mail sends each outbox e-mail once, and marks it sent only
 * after SES accepted it (issue 11, "Operations"). On the local stack: DynamoDB
 * Local for the outbox and the local SES, whose store counts what was sent.
 *
 * The failure between SES and the mark is injected by a table that refuses
 * the mark's transaction (as DynamoDB unavailable would); "the run stopped and
 * nothing remembers" is a second job instance, with no memory, after the lease.
 * The local scheduler runs the real job every minute meanwhile: assertions
 * count e-mails per address, so its runs cannot make a test pass or fail.
 */
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { DeleteCommand, GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { describe, expect, inject, it } from 'vitest';
import { listAccountMail, putAccountMail, sentMarkOf, type AccountMail, type OutboxMail } from '../../functions/data/account-mail.ts';
import { keys } from '../../functions/data/keys.ts';
import type { TableStore } from '../../functions/data/store.ts';
import { accountMailJob, leaseMs, type AccountMailWorld } from '../../functions/scheduled/send-account-mail.ts';
import { mailsTo, tableStoreOf } from '../support/clients.ts';

const endpoints = inject('endpoints');
const store = tableStoreOf(endpoints);
const ses = new SESv2Client({ endpoint: endpoints.mail, region: endpoints.region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });

async function sendWithLocalSes(mail: AccountMail): Promise<string> {
  const answer = await ses.send(
    new SendEmailCommand({
      FromEmailAddress: 'no-reply@test.twinspace',
      Destination: { ToAddresses: [mail.to] },
      Content: { Simple: { Subject: { Data: mail.subject }, Body: { Text: { Data: mail.text } } } },
    }),
  );
  return answer.MessageId ?? 'unknown';
}

async function queuedMail(at = Date.now()): Promise<AccountMail> {
  const mailId = ulid(at);
  const mail = { mailId, to: `once-${mailId.toLowerCase()}@test.twinspace`, subject: `Once ${mailId}`, text: 'Your account is ready.', createdAt: new Date().toISOString() };
  await putAccountMail(store, mail);
  return mail;
}

async function outboxItem(mailId: string): Promise<OutboxMail | undefined> {
  return (await store.db.send(new GetCommand({ TableName: store.tableName, Key: keys.accountMail(mailId), ConsistentRead: true }))).Item as OutboxMail | undefined;
}

/** The table, except that the mark's transaction fails while `failing` says so (counted). */
function tableFailingTheMark(): { store: TableStore; failing: { on: boolean; count: number } } {
  const failing = { on: true, count: 0 };
  const db = {
    send: (command: unknown) => {
      if (failing.on && command instanceof TransactWriteCommand) {
        failing.count += 1;
        return Promise.reject(Object.assign(new Error('Injected: the table is unavailable'), { name: 'InternalServerError' }));
      }
      return store.db.send(command as never);
    },
  };
  return { store: { db: db as unknown as TableStore['db'], tableName: store.tableName }, failing };
}

function world(overrides: Partial<AccountMailWorld> = {}): AccountMailWorld {
  return { store, send: sendWithLocalSes, now: () => new Date(), remainingMs: () => 120_000, ...overrides };
}

describe('send-account-mail: each e-mail once, marked sent only after SES accepted it', () => {
  it('a failure between SES and the mark: the e-mail stays claimed, and the re-run sends nothing and marks it sent', async () => {
    const mail = await queuedMail();
    const run = accountMailJob();
    const table = tableFailingTheMark();

    await run(world({ store: table.store }));
    expect(table.failing.count, 'the injected failure happened').toBeGreaterThanOrEqual(1);
    expect(await mailsTo(endpoints, mail.to)).toHaveLength(1);
    // Not marked: still in the outbox, claimed, no sent mark.
    expect((await outboxItem(mail.mailId))?.state).toBe('sending');
    expect(await sentMarkOf(store, mail.mailId)).toBeUndefined();

    const rerun = await run(world());
    expect(rerun.markedLate).toBeGreaterThanOrEqual(1);
    expect(await mailsTo(endpoints, mail.to), 'exactly one e-mail').toHaveLength(1);
    expect(await outboxItem(mail.mailId)).toBeUndefined();
    const mark = await sentMarkOf(store, mail.mailId);
    expect(mark?.messageId).toBeTruthy();
  });

  it('a run that stopped between SES and the mark (nothing remembers it): after the lease the e-mail is held, never sent again; its own run can still mark it', async () => {
    const mail = await queuedMail();
    const stopped = accountMailJob();
    const table = tableFailingTheMark();
    await stopped(world({ store: table.store }));
    expect(await mailsTo(endpoints, mail.to)).toHaveLength(1);

    // Within the lease another run leaves it alone.
    const within = await accountMailJob()(world());
    expect(within.held).toBe(0);
    expect((await outboxItem(mail.mailId))?.state).toBe('sending');

    // A fresh container, after the lease: held, not sent.
    const later = new Date(Date.now() + leaseMs + 1_000);
    const fresh = await accountMailJob()(world({ now: () => later }));
    expect(fresh.held).toBeGreaterThanOrEqual(1);
    expect((await outboxItem(mail.mailId))?.state).toBe('held');
    await accountMailJob()(world({ now: () => later }));
    expect(await mailsTo(endpoints, mail.to), 'still exactly one e-mail').toHaveLength(1);

    // The run that sent it still knows: it marks it sent.
    await stopped(world());
    expect(await outboxItem(mail.mailId)).toBeUndefined();
    expect(await sentMarkOf(store, mail.mailId)).toBeDefined();
  });

  it('two runs at once send each e-mail once', async () => {
    const mails = await Promise.all(Array.from({ length: 6 }, () => queuedMail()));
    const [first, second] = await Promise.all([accountMailJob()(world()), accountMailJob()(world())]);
    expect(first.sent + second.sent).toBeGreaterThanOrEqual(mails.length);
    for (const mail of mails) {
      expect(await mailsTo(endpoints, mail.to), mail.to).toHaveLength(1);
      expect(await outboxItem(mail.mailId)).toBeUndefined();
      expect(await sentMarkOf(store, mail.mailId)).toBeDefined();
    }
  });

  it('an e-mail SES refused (4xx) goes back to the outbox and the next run sends it, once', async () => {
    const mail = await queuedMail();
    const run = accountMailJob();
    const refusing = async (candidate: AccountMail) => {
      if (candidate.mailId === mail.mailId) throw Object.assign(new Error('Throttled'), { name: 'TooManyRequestsException', $metadata: { httpStatusCode: 429 } });
      return sendWithLocalSes(candidate);
    };
    const refused = await run(world({ send: refusing }));
    expect(refused.failed).toBeGreaterThanOrEqual(1);
    expect(await mailsTo(endpoints, mail.to)).toHaveLength(0);
    expect((await outboxItem(mail.mailId))?.state).toBeUndefined();

    await run(world());
    expect(await mailsTo(endpoints, mail.to)).toHaveLength(1);
    expect(await outboxItem(mail.mailId)).toBeUndefined();
  });

  it('an e-mail whose SES answer was lost is held at once, and no later run sends it', async () => {
    const mail = await queuedMail();
    const losingTheAnswer = async (candidate: AccountMail) => {
      const messageId = await sendWithLocalSes(candidate);
      if (candidate.mailId === mail.mailId) throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
      return messageId;
    };
    const run = await accountMailJob()(world({ send: losingTheAnswer }));
    expect(run.held).toBeGreaterThanOrEqual(1);
    expect((await outboxItem(mail.mailId))?.state).toBe('held');
    await accountMailJob()(world());
    await accountMailJob()(world({ now: () => new Date(Date.now() + leaseMs + 1_000) }));
    expect(await mailsTo(endpoints, mail.to)).toHaveLength(1);
    expect((await outboxItem(mail.mailId))?.state).toBe('held');
  });

  it('held e-mails at the head of the outbox never keep the others from being read', async () => {
    // Held long ago: the oldest ids of the partition, more of them than one read asks for.
    const held = await Promise.all([1, 2, 3].map((n) => queuedMail(n * 1_000)));
    for (const mail of held) {
      await store.db.send(
        new UpdateCommand({
          TableName: store.tableName,
          Key: keys.accountMail(mail.mailId),
          UpdateExpression: 'SET #state = :held',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':held': 'held' },
        }),
      );
    }
    try {
      await Promise.all([queuedMail(), queuedMail()]);
      const read = await listAccountMail(store, 2);
      expect(read).toHaveLength(2);
      expect(read.every((mail) => mail.state !== 'held')).toBe(true);
    } finally {
      for (const mail of held) await store.db.send(new DeleteCommand({ TableName: store.tableName, Key: keys.accountMail(mail.mailId) }));
    }
  });
});
