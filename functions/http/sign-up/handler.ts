/**
 * The sign-up area's function (routes.ts): POST /registrations, public, a
 * teacher signs up (DOMAIN.md, "People"). Being public it is limited per
 * source address (domain/rate-limits.ts) before anything else, and it holds
 * no Cognito admin right: SignUp is an unauthenticated call.
 *
 * The answer is the same 202 whether or not the address already has an
 * account, so it never tells who is registered; the owner of an existing
 * account gets an e-mail instead (once a day at most).
 *
 * A new address: a sign-up ticket is written (domain/sign-up-ticket.ts), then
 * Cognito SignUp with the ticket's secret in ClientMetadata (the PreSignUp
 * trigger refuses a SignUp without it), then the profile (validated: false),
 * the username item and the pending registration in one transaction that
 * also consumes the ticket. The user stays UNCONFIRMED until the NSS of their
 * country validates them.
 *
 * If that transaction fails, the Cognito user is left without a registration
 * (an orphan) and would block the address: the next attempt finds Cognito
 * knows the address while the table does not, asks the remove-orphan-sign-ups
 * stream handler (which holds the AdminDeleteUser right this function lacks) to
 * remove it, and retries SignUp for a few seconds; if the orphan is still too
 * young to be told from a sign-up in flight, 503 with Retry-After.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { ulid } from 'ulid';
import { createRegistration, type Registration } from '../../data/registrations.ts';
import { consumeTicketDelete, putSignUpTicket, queueAttemptNotice, requestOrphanRemoval } from '../../data/sign-up-tickets.ts';
import type { TableStore } from '../../data/store.ts';
import { findUserIdByUsername, getUserProfile, type UserProfile } from '../../data/users.ts';
import { registrationAttemptMail } from '../../domain/registration.ts';
import { orphanMinimumAgeSeconds, signUpTicketSeconds } from '../../domain/sign-up-ticket.ts';
import { HttpError, validationFailed } from '../../lib/errors.ts';
import { logger } from '../../lib/logger.ts';
import { countOf } from '../../lib/observability.ts';
import { rateLimitedAreaHandler } from '../rate-limited-area.ts';
import type { RegistrationBody } from '../registrations/schemas.ts';
import { errorName, signUp } from './cognito-sign-up.ts';
import { signUpRoutes } from './routes.ts';

const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** The one answer, new address or not. */
const received = (email: string) => ({ status: 202 as const, body: { email, status: 'received' as const } });

/** An orphan is being removed, or a concurrent attempt holds the address's ticket: try again shortly. */
const notYet = () =>
  new HttpError('UNAVAILABLE', 'An earlier sign-up with this address has not finished. Try again in a minute.', [], orphanMinimumAgeSeconds * 2);

/** SignUp is retried this often, this far apart, while an orphan is being removed. */
export const orphanRetry = { attempts: 4, delayMs: 750 };

/** The owner of the address is told someone tried to register it (one e-mail a day at most). */
async function tellOwner(store: TableStore, userId: string, now: Date): Promise<void> {
  const profile = await getUserProfile(store, userId);
  if (!profile?.email) return;
  const message = registrationAttemptMail(profile.displayName, profile.username);
  const mail = { mailId: ulid(), to: profile.email, ...message, createdAt: now.toISOString() };
  await queueAttemptNotice(store, profile.email, mail, epochSeconds(now) + 2 * 86_400);
}

function passwordRefused(error: unknown): HttpError {
  return validationFailed('The body is not valid.', [{ field: 'body.password', message: (error as Error).message }]);
}

/** SignUp; when Cognito already knows the address (the table does not), the orphan is handed over for removal and SignUp retried. */
async function signUpNewAddress(store: TableStore, input: RegistrationBody, secret: string): Promise<string> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await signUp(input.email, input.password, secret);
    } catch (error) {
      const name = errorName(error);
      if (name === 'InvalidPasswordException') throw passwordRefused(error);
      // The PreSignUp trigger refused: another attempt for this address replaced the ticket meanwhile, or the trigger failed.
      if (name === 'UserLambdaValidationException') throw notYet();
      if (name !== 'UsernameExistsException') throw error;
      if (attempt === 0) {
        logger.warn('Cognito knows an address the table does not: asking for the orphan to be removed');
        const now = new Date();
        await requestOrphanRemoval(store, input.email, now.toISOString(), epochSeconds(now) + 3600);
      }
      if (attempt + 1 >= orphanRetry.attempts) throw notYet();
      await sleep(orphanRetry.delayMs);
    }
  }
}

export const handler = rateLimitedAreaHandler(signUpRoutes, {
  registerTeacher: async ({ body: input, store }) => {
    const now = new Date();
    const existing = await findUserIdByUsername(store, input.email);
    if (existing) {
      await tellOwner(store, existing, now);
      return received(input.email);
    }

    const secret = randomBytes(32).toString('base64url');
    await putSignUpTicket(store, { email: input.email, secret, expiresAt: epochSeconds(now) + signUpTicketSeconds });
    const userId = await signUpNewAddress(store, input, secret);

    const registeredAt = new Date().toISOString();
    const profile: UserProfile = {
      userId,
      username: input.email,
      kind: 'teacher',
      country: input.country,
      displayName: input.displayName,
      school: input.schoolName,
      email: input.email,
      validated: false,
      version: 1,
      createdAt: registeredAt,
    };
    const registration: Registration = {
      userId,
      email: input.email,
      displayName: input.displayName,
      country: input.country,
      schoolName: input.schoolName,
      city: input.city,
      registeredAt,
      status: 'pending',
    };
    // A failure here leaves an orphan in Cognito: the next attempt for the address has it removed (above).
    const outcome = await createRegistration(store, profile, registration, [consumeTicketDelete(store, input.email)]);
    if (outcome === 'taken') {
      // The address (or the new sub) was taken between the check and the write: the same answer as for any taken address.
      logger.error('A sign-up found its address or user id taken after SignUp; its Cognito user is an orphan', { userId });
      return received(input.email);
    }
    countOf('TeachersRegistered');
    return received(input.email);
  },
});
