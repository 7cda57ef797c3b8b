/**
 * The Cognito side of the NSS's decision on a teacher's account: its
 * confirmation with the address verified, and its deletion (a rejection).
 * The sign-up itself (SignUp, no admin right) is functions/http/sign-up.
 */
import {
  AdminConfirmSignUpCommand,
  AdminDeleteUserCommand,
  AdminUpdateUserAttributesCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { cognito } from '../../lib/clients.ts';
import { setting } from '../../lib/config.ts';

export const errorName = (error: unknown) => (error as { name?: string } | undefined)?.name ?? '';

/** Deletes a sign-up's Cognito user; one already gone is fine. */
export async function deleteSignedUpUser(username: string): Promise<void> {
  try {
    await cognito().send(new AdminDeleteUserCommand({ UserPoolId: setting('userPoolId'), Username: username }));
  } catch (error) {
    if (errorName(error) !== 'UserNotFoundException') throw error;
  }
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
