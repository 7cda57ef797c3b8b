/**
 * The demo staff's authenticator app (issue 11: NSS officers and evaluators
 * must use TOTP). On a first start the seed enrols every demo NSS officer and
 * evaluator exactly as the site's Security page does — sign in,
 * AssociateSoftwareToken, VerifySoftwareToken with a code computed from the
 * secret, SetUserMFAPreference (enabled, preferred) — and keeps their secrets
 * in `<dataDir>/demo-authenticator.json` (.twinspace/ for `npm start`,
 * git-ignored, never deployed). A person trying the demo adds a secret to an
 * authenticator app (the otpauth address is there too), or prints the current
 * code with `npm run demo-code -- nss.es@demo.twinspace`; the tests read the
 * same file (tests/support/authenticator.ts).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { generateSync } from 'otplib';
import { otpauthUri } from '../../web/src/scripts/account/security-page.ts';
import type { LocalEndpoints } from './endpoints.ts';
import { applyHandlerEnv } from './lambda-runtime.ts';

export interface DemoAuthenticator {
  about: string;
  /** username → the TOTP secret (base32) and the address an authenticator app reads. */
  accounts: Record<string, { secret: string; otpauth: string }>;
}

export const demoAuthenticatorFile = (dataDir: string) => join(dataDir, 'demo-authenticator.json');

/** The 6-digit code for a secret now, or at another moment (epoch ms): SHA-1, 6 digits, 30 s, what Cognito uses. */
export const currentCode = (secret: string, at = Date.now()): string => generateSync({ secret, epoch: Math.floor(at / 1000) });

/** The demo file, or undefined when this data folder has none (seeded before issue 11, or not seeded). */
export function readDemoAuthenticator(dataDir: string): DemoAuthenticator | undefined {
  const file = demoAuthenticatorFile(dataDir);
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as DemoAuthenticator;
}

/** Enrols each account (password known, no authenticator yet) and writes the demo file. */
export async function enrolDemoStaff(endpoints: LocalEndpoints, dataDir: string, accounts: readonly { username: string; password: string }[]): Promise<DemoAuthenticator> {
  // Signing in runs the pool's PreTokenGeneration trigger in this process (trigger-endpoint.ts): its handler reads these settings.
  applyHandlerEnv(endpoints);
  const cognito = new CognitoIdentityProviderClient({
    endpoint: endpoints.cognito.endpoint,
    region: endpoints.region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const enrolled: DemoAuthenticator = {
    about:
      'Local demo only: the authenticator-app keys of the demo NSS officers and evaluator. Add one to an authenticator app (the otpauth address as a QR code, or the secret typed), or print the current code with npm run demo-code -- <username>.',
    accounts: {},
  };
  try {
    for (const { username, password } of accounts) {
      const signedIn = await cognito.send(
        new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: endpoints.cognito.clientId, AuthParameters: { USERNAME: username, PASSWORD: password } }),
      );
      const AccessToken = signedIn.AuthenticationResult?.AccessToken;
      if (!AccessToken) throw new Error(`Seeding stopped: ${username} could not sign in to enrol an authenticator app (${signedIn.ChallengeName ?? 'no tokens'}).`);
      const { SecretCode: secret } = await cognito.send(new AssociateSoftwareTokenCommand({ AccessToken }));
      if (!secret) throw new Error(`Seeding stopped: Cognito gave ${username} no TOTP secret.`);
      await cognito.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: currentCode(secret), FriendlyDeviceName: 'Twinspace demo' }));
      await cognito.send(new SetUserMFAPreferenceCommand({ AccessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }));
      enrolled.accounts[username] = { secret, otpauth: otpauthUri(username, secret) };
    }
  } finally {
    cognito.destroy();
  }
  writeFileSync(demoAuthenticatorFile(dataDir), `${JSON.stringify(enrolled, null, 2)}\n`, { mode: 0o600 });
  return enrolled;
}
