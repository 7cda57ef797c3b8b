/** Test accounts made on the spot in the local user pool, signed in as the site does. */
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { LocalEndpoints } from '../../infra/local/endpoints.ts';

export const testPassword = 'Test-Password-1';

function cognitoOf(endpoints: LocalEndpoints): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    endpoint: endpoints.cognito.endpoint,
    region: endpoints.region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

/** Sign-in with USER_PASSWORD_AUTH; the ID token is the bearer token (API.md). */
export async function signIn(endpoints: LocalEndpoints, username: string, password = testPassword): Promise<string> {
  const cognito = cognitoOf(endpoints);
  const signedIn = await cognito.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: endpoints.cognito.clientId,
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  );
  cognito.destroy();
  return signedIn.AuthenticationResult!.IdToken!;
}

/** A new user with a permanent password, in the given groups, signed in. */
export async function newSignedInUser(endpoints: LocalEndpoints, groups: string[] = []): Promise<{ username: string; idToken: string }> {
  const cognito = cognitoOf(endpoints);
  const username = `test.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const UserPoolId = endpoints.cognito.userPoolId;
  await cognito.send(new AdminCreateUserCommand({ UserPoolId, Username: username, MessageAction: 'SUPPRESS' }));
  await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId, Username: username, Password: testPassword, Permanent: true }));
  for (const GroupName of groups) await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId, Username: username, GroupName }));
  cognito.destroy();
  return { username, idToken: await signIn(endpoints, username) };
}

/**
 * A pupil made by a TwinSpace test chose a password the test does not know:
 * give them one it knows (the Cognito admin API), so a browser test can sign
 * them in through the site's own form.
 */
export async function givePupilKnownPassword(endpoints: LocalEndpoints, username: string, password: string): Promise<void> {
  const cognito = new CognitoIdentityProviderClient({
    endpoint: endpoints.cognito.endpoint,
    region: endpoints.region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: endpoints.cognito.userPoolId, Username: username, Password: password, Permanent: true }));
  } finally {
    cognito.destroy();
  }
}
