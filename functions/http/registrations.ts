/**
 * POST /registrations (public): a teacher signs up (DOMAIN.md, "People").
 * Cognito SignUp makes the user UNCONFIRMED, so they cannot sign in
 * (UserNotConfirmedException) until the NSS of their country validates them
 * (functions/http/teacher-validation.ts). The profile (validated: false), the
 * username item and the pending registration are then written in one
 * transaction; if that write fails the Cognito user is deleted again, so a
 * failed sign-up leaves nothing behind.
 */
import { AdminDeleteUserCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { createRegistration, RegistrationConflict, type Registration } from '../data/registrations.ts';
import { findUserIdByUsername, type UserProfile } from '../data/users.ts';
import { cognito, tableStore } from '../lib/clients.ts';
import { setting } from '../lib/config.ts';
import { conflict, parseOr400, validationFailed } from '../lib/errors.ts';
import { httpHandler, json } from '../lib/http.ts';
import { logger } from '../lib/logger.ts';
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

export const registerTeacher = httpHandler(async (event) => {
  const input = parseOr400(registrationBody, event.body ?? {}, 'body');
  const store = tableStore();
  if (await findUserIdByUsername(store, input.email)) throw emailTaken();

  let userId: string;
  try {
    const signedUp = await cognito().send(
      new SignUpCommand({
        ClientId: setting('userPoolClientId'),
        Username: input.email,
        Password: input.password,
        UserAttributes: [{ Name: 'email', Value: input.email }],
      }),
    );
    if (!signedUp.UserSub) throw new Error('Cognito SignUp gave no UserSub');
    userId = signedUp.UserSub;
  } catch (error) {
    if (errorName(error) === 'UsernameExistsException') throw emailTaken();
    if (errorName(error) === 'InvalidPasswordException') {
      throw validationFailed('The body is not valid.', [{ field: 'body.password', message: (error as Error).message }]);
    }
    throw error;
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
});
