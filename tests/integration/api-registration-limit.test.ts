/**
 * The public sign-up is limited per source address (domain/rate-limits.ts):
 * once a network has used its attempts in the current window, the next one is
 * answered 429 RATE_LIMITED with Retry-After, and nothing is created: no
 * Cognito account, no profile. The test fills this machine's window through
 * the repository the middleware uses, and empties it again afterwards, so
 * the other sign-up tests keep their attempts.
 */
import { readFileSync } from 'node:fs';
import { AdminGetUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DeleteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { keys } from '../../functions/data/keys.ts';
import { takeAttempt } from '../../functions/data/rate-limits.ts';
import { findUserIdByUsername } from '../../functions/data/users.ts';
import { registrationLimit, sourceKey, windowAt } from '../../functions/domain/rate-limits.ts';
import { apiSend, tableStoreOf } from '../support/clients.ts';

const endpoints = inject('endpoints');
const store = tableStoreOf(endpoints);
const cognito = new CognitoIdentityProviderClient({
  endpoint: endpoints.cognito.endpoint,
  region: endpoints.region,
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});
/** The tests reach the local gateway from this address. */
const source = '127.0.0.1';
const run = Date.now().toString(36);
/** The local stack's secret (its secrets.json): the gateway's handlers name this machine's counter with it. */
const secret = (JSON.parse(readFileSync(inject('localSecrets'), 'utf8')) as { rateLimitKey: string }).rateLimitKey;
const key = sourceKey(secret, registrationLimit, source);

const signUp = (email: string) =>
  apiSend(endpoints, 'POST', '/registrations', undefined, {
    email,
    password: 'Sign-Up-Test-42',
    displayName: 'Rosa Limit',
    country: 'ES',
    schoolName: 'CEIP Los Olivos',
    city: 'Córdoba',
  });

/** The current window and the next: the hour may turn during the test. */
const windowsNow = () => {
  const current = windowAt(new Date(), registrationLimit.windowSeconds);
  return [current, { startsAt: current.startsAt + registrationLimit.windowSeconds, secondsLeft: registrationLimit.windowSeconds }];
};
const windowKey = (startsAt: number) => keys.rateWindow(registrationLimit.scope, key, startsAt);
const attemptsIn = async (startsAt: number): Promise<number> =>
  ((await store.db.send(new GetCommand({ TableName: store.tableName, Key: windowKey(startsAt) }))).Item?.attempts as number | undefined) ?? 0;

afterAll(async () => {
  for (const window of windowsNow()) await store.db.send(new DeleteCommand({ TableName: store.tableName, Key: windowKey(window.startsAt) }));
  cognito.destroy();
});

describe('sign-up attempts from one network', () => {
  it('are counted, and the counter keeps no address', async () => {
    const [current] = windowsNow();
    const before = await attemptsIn(current.startsAt);
    expect((await signUp(`counted.${run}@signup.example`)).status).toBe(202);
    expect(await attemptsIn(current.startsAt)).toBe(before + 1);
    const counter = await store.db.send(new GetCommand({ TableName: store.tableName, Key: windowKey(current.startsAt) }));
    expect(JSON.stringify(counter.Item)).not.toContain(source);
    // Named by the keyed hash, not by an unkeyed one anyone could recompute from the address.
    expect(counter.Item?.PK).toBe(`RATE#${registrationLimit.scope}#${key}`);
    expect(counter.Item?.expiresAt).toBeGreaterThan(current.startsAt);
  });

  it('are refused with 429 and Retry-After once the window is used up, and nothing is created', async () => {
    for (const window of windowsNow()) {
      while (await takeAttempt(store, registrationLimit, key, window));
    }
    const email = `refused.${run}@signup.example`;
    const refused = await signUp(email);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('RATE_LIMITED');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(registrationLimit.windowSeconds);
    await expect(cognito.send(new AdminGetUserCommand({ UserPoolId: endpoints.cognito.userPoolId, Username: email }))).rejects.toMatchObject({
      name: 'UserNotFoundException',
    });
    expect(await findUserIdByUsername(store, email)).toBeUndefined();
    // The refusal itself did not count: the window holds exactly the limit.
    expect(await attemptsIn(windowsNow()[0].startsAt)).toBe(registrationLimit.limit);
    // The limit comes before anything else: a malformed sign-up is refused the same way, not answered 400.
    const malformed = await apiSend(endpoints, 'POST', '/registrations', undefined, { email: 'not an address' });
    expect(malformed.status).toBe(429);
  });
});
