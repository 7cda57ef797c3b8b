/** Cognito SignUp for a teacher, with the sign-up ticket's secret for the PreSignUp trigger. An unauthenticated call: no IAM right is needed. */
import { SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { ticketMetadataKey } from '../../domain/sign-up-ticket.ts';
import { cognito } from '../../lib/clients.ts';
import { setting } from '../../lib/config.ts';

export const errorName = (error: unknown) => (error as { name?: string } | undefined)?.name ?? '';

/** The user is made UNCONFIRMED; its sub. */
export async function signUp(email: string, password: string, ticketSecret: string): Promise<string> {
  const signedUp = await cognito().send(
    new SignUpCommand({
      ClientId: setting('userPoolClientId'),
      Username: email,
      Password: password,
      UserAttributes: [{ Name: 'email', Value: email }],
      ClientMetadata: { [ticketMetadataKey]: ticketSecret },
    }),
  );
  if (!signedUp.UserSub) throw new Error('Cognito SignUp gave no UserSub');
  return signedUp.UserSub;
}
