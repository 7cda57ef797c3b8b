/** A fresh account for a test: signed in to the local user pool, with a profile in the table. */
import { createUserProfile, type UserProfile } from '../../functions/data/users.ts';
import type { LocalEndpoints } from '../../infra/local/endpoints.ts';
import { subOf, tableStoreOf } from './clients.ts';
import { newSignedInUser } from './cognito-users.ts';

export interface TestAccountSpec {
  kind: UserProfile['kind'];
  country: string;
  displayName?: string;
  /** Profile fields beyond the basics (e.g. `validated: false`). */
  extra?: Partial<UserProfile>;
  /** An NSS account gets an authenticator app (and a token showing it) unless this is false (cognito-users.ts). */
  secondFactor?: boolean;
}

export async function newTestAccount(
  endpoints: LocalEndpoints,
  { kind, country, displayName, extra = {}, secondFactor = true }: TestAccountSpec,
): Promise<{ username: string; userId: string; idToken: string }> {
  const { username, idToken } = await newSignedInUser(endpoints, kind === 'nss' ? ['nss'] : [], { secondFactor });
  const userId = subOf(idToken);
  await createUserProfile(tableStoreOf(endpoints), {
    userId,
    username,
    kind,
    country,
    displayName: displayName ?? `Test ${kind} ${country} ${username.slice(-4)}`,
    // Pupils never have an e-mail address.
    email: kind === 'pupil' ? undefined : `${username}@test.twinspace`,
    version: 1,
    createdAt: new Date().toISOString(),
    ...extra,
  });
  return { username, userId, idToken };
}
