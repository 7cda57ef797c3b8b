/**
 * The Cognito side of a teacher's account: the sign-up (UNCONFIRMED until
 * validated), its confirmation with the address verified, and its deletion
 * (a failed sign-up, a rejection, an orphan made around the API).
 */
import {
  AdminConfirmSignUpCommand,
  AdminDeleteUserCommand,
  AdminGetUserCommand,
  AdminUpdateUserAttributesCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { cognito } from '../../lib/clients.ts';
import { setting } from '../../lib/config.ts';
import { logger } from '../../lib/logger.ts';

export const errorName = (error: unknown) => (error as { name?: string } | undefined)?.name ?? '';

/** Deletes a sign-up's Cognito user; one already gone is fine. */
export async function deleteSignedUpUser(username: string): Promise<void> {
  try {
    await cognito().send(new AdminDeleteUserCommand({ UserPoolId: setting('userPoolId'), Username: username }));
  } catch (error) {
    if (errorName(error) !== 'UserNotFoundException') throw error;
  }
}

/** Cognito SignUp (the user stays UNCONFIRMED): the new user's sub. */
export async function signUp(email: string, password: string): Promise<string> {
  const signedUp = await cognito().send(
    new SignUpCommand({ ClientId: setting('userPoolClientId'), Username: email, Password: password, UserAttributes: [{ Name: 'email', Value: email }] }),
  );
  if (!signedUp.UserSub) throw new Error('Cognito SignUp gave no UserSub');
  return signedUp.UserSub;
}

/** Deletes a Cognito account that has no profile here, if it never got confirmed; true when it did. */
export async function removedOrphan(email: string): Promise<boolean> {
  const account = await cognito().send(new AdminGetUserCommand({ UserPoolId: setting('userPoolId'), Username: email }));
  if (account.UserStatus !== 'UNCONFIRMED') return false;
  logger.warn('Removing an unconfirmed Cognito account that has no registration');
  await deleteSignedUpUser(email);
  return true;
}

/** The NSS's approval in Cognito: the user is confirmed (can sign in) and their address verified (their NSS vouches for it). */
export async function confirmValidatedTeacher(email: string): Promise<void> {
  try {
    await cognito().send(new AdminConfirmSignUpCommand({ UserPoolId: setting('userPoolId'), Username: email }));
  } catch (error) {
    // Already confirmed: an earlier attempt got this far; carry on with the table.
    const alreadyConfirmed = errorName(error) === 'NotAuthorizedException' && /status is CONFIRMED/i.test((error as Error).message);
    if (!alreadyConfirmed) throw error;
  }
  // Account recovery by e-mail needs the address verified.
  await cognito().send(
    new AdminUpdateUserAttributesCommand({
      UserPoolId: setting('userPoolId'),
      Username: email,
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
      ],
    }),
  );
}
