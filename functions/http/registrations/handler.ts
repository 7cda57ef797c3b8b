/**
 * POST /registrations (public): a teacher signs up (DOMAIN.md, "People").
 * Cognito SignUp makes the user UNCONFIRMED, so they cannot sign in
 * (UserNotConfirmedException) until the NSS of their country validates them
 * (functions/http/teacher-validation.ts). The profile (validated: false), the
 * username item and the pending registration are then written in one
 * transaction; if that write fails the Cognito user is deleted again, so a
 * failed sign-up leaves nothing behind. Being public, it is limited per
 * source address (domain/rate-limits.ts) before anything else happens.
 */
import { AdminDeleteUserCommand, AdminGetUserCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { createRegistration, RegistrationConflict, type Registration } from '../data/registrations.ts';
import { findUserIdByUsername, type UserProfile } from '../data/users.ts';
import { cognito, tableStore } from '../lib/clients.ts';
import { setting } from '../lib/config.ts';
import { conflict, parseOr400, validationFailed } from '../lib/errors.ts';
import { httpHandler, json } from '../lib/http.ts';
import { logger } from '../lib/logger.ts';
import { limitPerSourceAddress } from '../lib/rate-limit.ts';
import { registrationLimit } from '../domain/rate-limits.ts';
import { registrationBody, type RegistrationResponse } from './registration-schemas.ts';

/** One answer whether the address belongs to a validated or a waiting teacher: nothing more is revealed. */
const emailTaken = () => conflict('This e-mail address is already registered. Sign in, or wait for your NSS to validate your account.');

const errorName = (error: unknown) => (error as { name?: string } | undefined)?.name ?? '';

/** Deletes a sign-up's Cognito user; one already gone is fine. */
export async function deleteSignedUpUser(username: string): Promise<void> {
  try {
    await cognito().send(new AdminDeleteUserCommand({ UserPoolId: setting('userPoolId'), Username: username }));
  } catch (error) {
    if (errorName(error) !== 'UserNotFoundException') throw error;
  }
}

async function signUp(email: string, password: string): Promise<string> {
  const signedUp = await cognito().send(
    new SignUpCommand({ ClientId: setting('userPoolClientId'), Username: email, Password: password, UserAttributes: [{ Name: 'email', Value: email }] }),
  );
  if (!signedUp.UserSub) throw new Error('Cognito SignUp gave no UserSub');
  return signedUp.UserSub;
}

function signUpProblem(error: unknown): unknown {
  if (errorName(error) === 'UsernameExistsException') return emailTaken();
  if (errorName(error) === 'InvalidPasswordException') {
    return validationFailed('The body is not valid.', [{ field: 'body.password', message: (error as Error).message }]);
  }
  return error;
}

/** Deletes a Cognito account that has no profile here, if it never got confirmed; true when it did. */
async function removedOrphan(email: string): Promise<boolean> {
  const account = await cognito().send(new AdminGetUserCommand({ UserPoolId: setting('userPoolId'), Username: email }));
  if (account.UserStatus !== 'UNCONFIRMED') return false;
  logger.warn('Removing an unconfirmed Cognito account that has no registration');
  await deleteSignedUpUser(email);
  return true;
}

export const registerTeacher = httpHandler(async (event) => {
  const input = parseOr400(registrationBody, event.body ?? {}, 'body');
  const store = tableStore();
  if (await findUserIdByUsername(store, input.email)) throw emailTaken();

  let userId: string;
  try {
    userId = await signUp(input.email, input.password);
  } catch (error) {
    // Cognito knows the address but our table does not (checked above): an
    // unconfirmed account made around this API (SignUp called directly with the
    // site's client id) or left by a failed undo. It must not block the address.
    if (errorName(error) !== 'UsernameExistsException' || !(await removedOrphan(input.email))) throw signUpProblem(error);
    userId = await signUp(input.email, input.password).catch((retryError: unknown) => {
      throw signUpProblem(retryError);
    });
  }

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
  try {
    await createRegistration(store, profile, registration);
  } catch (error) {
    // Nothing in the table: the Cognito user must go too, or the address stays blocked.
    await deleteSignedUpUser(input.email).catch((undoError: unknown) =>
      logger.error('A failed sign-up left its Cognito user behind', { userId, error: undoError as Error }),
    );
    if (error instanceof RegistrationConflict) throw emailTaken();
    throw error;
  }
  const { status: _status, ...created } = registration;
  return json(201, { ...created, status: 'pending' } satisfies RegistrationResponse);
}).use(limitPerSourceAddress(registrationLimit));
