/**
 * Every minute: sends the e-mails in the outbox (keys.ts R3: the NSS's
 * decisions on sign-ups, notifications, digests), oldest first, each ONCE.
 *
 * Each e-mail is claimed (conditional update: `sending`, this run's token, a
 * lease) before SES is called, and marked sent (the outbox item deleted under
 * the same claim, a sent mark R4 written) only after SES accepted it. So:
 * - two runs at once: one claim wins, the other skips the e-mail;
 * - SES refuses it (a 4xx answer, or no connection at all): it was not sent,
 *   the claim is released and the next run tries again;
 * - SES accepted it but the mark failed: this container remembers it and the
 *   next run marks it first, sending nothing; the claim keeps every other run
 *   off it meanwhile;
 * - SES's answer is lost (timeout, connection reset), or the run stopped
 *   between SES and the mark (crash, timeout) so nobody remembers: the e-mail
 *   is HELD, never sent again by the job, and the AccountMailsHeld metric
 *   raises an alarm (README "Operations": how to check and release it).
 * SES has no idempotency key, so this last window cannot be closed; it is
 * kept as small as it can be: the mark is written right after SES answers,
 * SES gets one attempt per send (no SDK retry) and 10 s to answer, and a run
 * claims no new e-mail with less than 20 s of its time left (SES 11 s, the mark 4 s at most).
 */
import { randomUUID } from 'node:crypto';
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Context } from 'aws-lambda';
import { scheduledEvent } from '../../events/schedule.ts';
import {
  claimAccountMail,
  holdAccountMail,
  listAccountMail,
  markAccountMailSent,
  releaseAccountMail,
  type AccountMail,
} from '../data/account-mail.ts';
import type { TableStore } from '../data/store.ts';
import { mailSentOnce, tableStore } from '../lib/clients.ts';
import { setting } from '../lib/config.ts';
import { countOf, logger, observedHandler } from '../lib/observability.ts';

export interface AccountMailRun {
  /** Accepted by SES in this run. */
  sent: number;
  /** Refused by SES: back in the outbox for the next run. */
  failed: number;
  /** Held: may or may not have gone; an operator decides. */
  held: number;
  /** Sent by an earlier run of this container and marked only now. */
  markedLate: number;
}

/** A run sends at most this many; a backlog drains over the next runs. */
export const perRun = 100;
/** How long a claim keeps other runs off an e-mail: longer than the job's 2-minute timeout. */
export const leaseMs = 5 * 60_000;
/** A run claims no new e-mail with less than this left before its timeout. */
export const stopBeforeTimeoutMs = 20_000;

export interface AccountMailWorld {
  store: TableStore;
  /** Hands one e-mail to SES; resolves with SES's message id once SES accepted it. */
  send: (mail: AccountMail) => Promise<string>;
  now: () => Date;
  /** Milliseconds the invocation has left. */
  remainingMs: () => number;
}

/** True when SES certainly did not take the e-mail: it answered 4xx, or no connection was ever made. */
export function certainlyNotSent(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  if (status !== undefined) return status >= 400 && status < 500;
  const code = (error as { code?: string }).code;
  return code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
}

/**
 * The job with its own memory of e-mails SES accepted but the table has not
 * heard of yet (one per container on AWS: module scope below).
 */
export function accountMailJob() {
  const acceptedNotMarked = new Map<string, { claimToken: string; messageId: string }>();

  async function mark(world: AccountMailWorld, mailId: string, claimToken: string, messageId: string): Promise<boolean> {
    try {
      await markAccountMailSent(world.store, mailId, claimToken, messageId, world.now());
      acceptedNotMarked.delete(mailId);
      return true;
    } catch (error) {
      acceptedNotMarked.set(mailId, { claimToken, messageId });
      logger.error('SES accepted an e-mail but the table could not record it; the next run records it (and sends nothing)', { mailId, messageId, error: error as Error });
      return false;
    }
  }

  return async function run(world: AccountMailWorld): Promise<AccountMailRun> {
    const result: AccountMailRun = { sent: 0, failed: 0, held: 0, markedLate: 0 };
    for (const [mailId, { claimToken, messageId }] of [...acceptedNotMarked]) {
      if (await mark(world, mailId, claimToken, messageId)) result.markedLate += 1;
    }
    for (const mail of await listAccountMail(world.store, perRun)) {
      if (acceptedNotMarked.has(mail.mailId)) continue;
      if (mail.state === 'sending') {
        // Another run is at it, or stopped between SES and the mark: only a lease that is over says which.
        if (await holdAccountMail(world.store, mail.mailId, world.now())) {
          result.held += 1;
          countOf('AccountMailsHeld');
          logger.error('An e-mail was left "sending" by a run that stopped: held, not sent again', { mailId: mail.mailId, claimedUntil: mail.leaseUntil });
        }
        continue;
      }
      if (world.remainingMs() < stopBeforeTimeoutMs) break;
      const claimToken = randomUUID();
      const now = world.now();
      if (!(await claimAccountMail(world.store, mail.mailId, claimToken, now, new Date(now.getTime() + leaseMs)))) continue;
      let messageId: string;
      try {
        messageId = await world.send(mail);
      } catch (error) {
        if (certainlyNotSent(error)) {
          result.failed += 1;
          countOf('AccountMailsFailed');
          logger.warn('SES refused an e-mail; it waits for the next run', { mailId: mail.mailId, error: error as Error });
          await releaseAccountMail(world.store, mail.mailId, claimToken);
        } else {
          result.held += 1;
          countOf('AccountMailsHeld');
          logger.error('SES\'s answer to an e-mail was lost: held, not sent again', { mailId: mail.mailId, error: error as Error });
          await holdAccountMail(world.store, mail.mailId, world.now(), claimToken);
        }
        continue;
      }
      result.sent += 1;
      countOf('AccountMailsSent');
      await mark(world, mail.mailId, claimToken, messageId);
    }
    return result;
  };
}

/** SES, as the job sends: from the platform's sender, plain text. */
async function sendWithSes(mail: AccountMail): Promise<string> {
  const answer = await mailSentOnce().send(
    new SendEmailCommand({
      FromEmailAddress: setting('mailFrom'),
      Destination: { ToAddresses: [mail.to] },
      Content: { Simple: { Subject: { Data: mail.subject }, Body: { Text: { Data: mail.text } } } },
    }),
  );
  return answer.MessageId ?? 'unknown';
}

const runInThisContainer = accountMailJob();

async function handle(event: unknown, context: Context): Promise<AccountMailRun> {
  scheduledEvent.parse(event);
  return runInThisContainer({
    store: tableStore(),
    send: sendWithSes,
    now: () => new Date(),
    remainingMs: () => context?.getRemainingTimeInMillis?.() ?? Number.POSITIVE_INFINITY,
  });
}

export const handler = observedHandler(handle);
