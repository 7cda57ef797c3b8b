/**
 * Test accounts made on the spot in the local user pool, signed in as the site
 * does. Staff accounts (groups nss, evaluator) must use a second sign-in step
 * (issue 11): a new one is enrolled with an authenticator app as the Security
 * page does, unless the test asks for one without, and signing in answers the
 * SOFTWARE_TOKEN_MFA challenge with a code computed from the key
 * (authenticator.ts), as an app would.
 */
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
  type AuthenticationResultType,
} from '@aws-sdk/client-cognito-identity-provider';
import { staffGroups } from '../../functions/lib/claims.ts';
import type { LocalEndpoints } from '../../infra/local/endpoints.ts';
import { authenticatorCode, currentCode, rememberAuthenticator } from './authenticator.ts';

export const testPassword = 'Test-Password-1';

function cognitoOf(endpoints: LocalEndpoints): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    endpoint: endpoints.cognito.endpoint,
    region: endpoints.region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

/**
 * Sign-in with USER_PASSWORD_AUTH, answering SOFTWARE_TOKEN_MFA with the
 * authenticator's current code when the account has one: all tokens.
 */
export async function signInTokens(endpoints: LocalEndpoints, username: string, password = testPassword): Promise<AuthenticationResultType> {
  const cognito = cognitoOf(endpoints);
  try {
    const signedIn = await cognito.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: endpoints.cognito.clientId,
        AuthParameters: { USERNAME: username, PASSWORD: password },
      }),
    );
    if (signedIn.ChallengeName !== 'SOFTWARE_TOKEN_MFA') return signedIn.AuthenticationResult!;
    const answered = await cognito.send(
      new RespondToAuthChallengeCommand({
        ClientId: endpoints.cognito.clientId,
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        Session: signedIn.Session,
        ChallengeResponses: { USERNAME: signedIn.ChallengeParameters?.USER_ID_FOR_SRP ?? username, SOFTWARE_TOKEN_MFA_CODE: authenticatorCode(username) },
      }),
    );
    return answered.AuthenticationResult!;
  } finally {
    cognito.destroy();
  }
}

/** Sign-in (with the authenticator's code when asked); the ID token is the bearer token (API.md). */
export async function signIn(endpoints: LocalEndpoints, username: string, password = testPassword): Promise<string> {
  return (await signInTokens(endpoints, username, password)).IdToken!;
}

/**
 * Enrols an authenticator app for the account as the Security page does
 * (AssociateSoftwareToken, VerifySoftwareToken with a code from the key,
 * SetUserMFAPreference enabled and preferred), with an access token of a
 * sign-in; the key is remembered for later sign-ins. Returns it.
 */
export async function enrolAuthenticator(endpoints: LocalEndpoints, username: string, accessToken: string): Promise<string> {
  const cognito = cognitoOf(endpoints);
  try {
    const { SecretCode: secret } = await cognito.send(new AssociateSoftwareTokenCommand({ AccessToken: accessToken }));
    await cognito.send(new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: currentCode(secret!), FriendlyDeviceName: 'test' }));
    await cognito.send(new SetUserMFAPreferenceCommand({ AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }));
    rememberAuthenticator(username, secret!);
    return secret!;
  } finally {
    cognito.destroy();
  }
}

/**
 * A new user with a permanent password, in the given groups, signed in. A
 * staff account (nss, evaluator) is enrolled with an authenticator app first
 * and signed in with its code, so its token shows the second factor; with
 * `secondFactor: false` it is left without one (the API then answers it 403
 * MFA_REQUIRED).
 */
export async function newSignedInUser(
  endpoints: LocalEndpoints,
  groups: string[] = [],
  { secondFactor = true }: { secondFactor?: boolean } = {},
): Promise<{ username: string; idToken: string }> {
  const cognito = cognitoOf(endpoints);
  const username = `test.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const UserPoolId = endpoints.cognito.userPoolId;
  await cognito.send(new AdminCreateUserCommand({ UserPoolId, Username: username, MessageAction: 'SUPPRESS' }));
  await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId, Username: username, Password: testPassword, Permanent: true }));
  for (const GroupName of groups) await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId, Username: username, GroupName }));
  cognito.destroy();
  const staff = groups.some((group) => (staffGroups as readonly string[]).includes(group));
  if (staff && secondFactor) await enrolAuthenticator(endpoints, username, (await signInTokens(endpoints, username)).AccessToken!);
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
