/**
 * Every minute: sends the account e-mails the NSS's decisions put in the
 * outbox (keys.ts R3), oldest first. Each e-mail is claimed (a conditional
 * delete) before it is sent, so two runs never send it twice; a failed send
 * puts it back for the next run.
 */
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { scheduledEvent } from '../../events/schedule.ts';
import { claimAccountMail, listAccountMail, releaseAccountMail } from '../data/account-mail.ts';
import { mail, tableStore } from '../lib/clients.ts';
import { setting } from '../lib/config.ts';
import { countOf, logger, observedHandler } from '../lib/observability.ts';

export interface AccountMailRun {
  sent: number;
  failed: number;
}

/** A run sends at most this many; a backlog drains over the next runs. */
const perRun = 100;

async function handle(event: unknown): Promise<AccountMailRun> {
  scheduledEvent.parse(event);
  const store = tableStore();
  const run: AccountMailRun = { sent: 0, failed: 0 };
  for (const accountMail of await listAccountMail(store, perRun)) {
    if (!(await claimAccountMail(store, accountMail.mailId))) continue;
    try {
      await mail().send(
        new SendEmailCommand({
          FromEmailAddress: setting('mailFrom'),
          Destination: { ToAddresses: [accountMail.to] },
          Content: { Simple: { Subject: { Data: accountMail.subject }, Body: { Text: { Data: accountMail.text } } } },
        }),
      );
      run.sent += 1;
      countOf('AccountMailsSent');
    } catch (error) {
      run.failed += 1;
      logger.warn('An account e-mail could not be sent; it waits for the next run', { mailId: accountMail.mailId, error: error as Error });
      await releaseAccountMail(store, accountMail);
    }
  }
  return run;
}

export const handler = observedHandler(handle);
