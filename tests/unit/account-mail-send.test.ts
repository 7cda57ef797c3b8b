/**
 * When send-account-mail may give an e-mail back to the outbox after an error
 * (SES certainly did not take it) and when it must hold it (it may have):
 * SES has no idempotency key, so only a certain refusal allows a second try.
 */
import { describe, expect, it } from 'vitest';
import { certainlyNotSent } from '../../functions/scheduled/send-account-mail.ts';

const answered = (httpStatusCode: number, name: string) => Object.assign(new Error(name), { name, $metadata: { httpStatusCode } });
const network = (code: string) => Object.assign(new Error(code), { code });

describe('certainlyNotSent', () => {
  it.each([
    [answered(400, 'MessageRejected')],
    [answered(400, 'MailFromDomainNotVerifiedException')],
    [answered(429, 'TooManyRequestsException')],
    [answered(403, 'AccessDeniedException')],
    [network('ECONNREFUSED')],
    [network('ENOTFOUND')],
  ])('%s: SES refused or was never reached, so the next run may send it', (error) => {
    expect(certainlyNotSent(error)).toBe(true);
  });

  it.each([
    [answered(500, 'InternalFailure')],
    [answered(503, 'ServiceUnavailable')],
    [network('ECONNRESET')],
    [Object.assign(new Error('Request timed out'), { name: 'TimeoutError' })],
    [new Error('anything else')],
  ])('%s: SES may have taken it, so it is held, never sent again', (error) => {
    expect(certainlyNotSent(error)).toBe(false);
  });
});
