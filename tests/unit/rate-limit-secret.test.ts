/**
 * Where the rate limit's secret comes from: locally a file made once (0600)
 * and reused; on AWS one GetSecretValue per container, signed for
 * Secrets Manager, whose failure never shows the answer.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { envNames } from '../../functions/lib/config.ts';
import { isTransientFault } from '../../functions/lib/errors.ts';
import { forgetRateLimitSecret, getSecretValue, rateLimitSecret } from '../../functions/lib/rate-limit-secret.ts';
import { ensureLocalSecrets, secretsEnv } from '../../infra/local/secrets.ts';

const folders: string[] = [];
const folder = () => {
  const made = mkdtempSync(join(tmpdir(), 'twinspace-secrets-'));
  folders.push(made);
  return made;
};
afterEach(() => {
  for (const made of folders.splice(0)) rmSync(made, { recursive: true, force: true });
});

describe('the local secrets file', () => {
  it('is made at the first start, readable by its owner only, and reused by the next', () => {
    const dataDir = folder();
    const first = ensureLocalSecrets(dataDir);
    const file = join(dataDir, 'secrets.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.rateLimitKey.length).toBeGreaterThanOrEqual(32);
    expect(ensureLocalSecrets(dataDir)).toEqual(first);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(first);
    expect(secretsEnv(first)).toEqual({ [envNames.rateLimitSecret]: first.rateLimitKey });
    // Another data folder (another laptop) gets another secret.
    expect(ensureLocalSecrets(folder()).rateLimitKey).not.toBe(first.rateLimitKey);
  });

  it('is made private again if it was opened up, and a broken one is named with its fix', () => {
    const dataDir = folder();
    const file = join(dataDir, 'secrets.json');
    ensureLocalSecrets(dataDir);
    chmodSync(file, 0o644);
    ensureLocalSecrets(dataDir);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    writeFileSync(file, '{"rateLimitKey":"short"}');
    expect(() => ensureLocalSecrets(dataDir)).toThrow(/delete it and start again/);
  });
});

describe('the secret on AWS', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    forgetRateLimitSecret();
  });

  it('is one GetSecretValue, signed for secretsmanager in the region with the role in the environment', async () => {
    process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
    process.env.AWS_SECRET_ACCESS_KEY = 'secret-example';
    process.env.AWS_SESSION_TOKEN = 'session-example';
    const calls: { url: string; init: RequestInit }[] = [];
    const fake = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response(JSON.stringify({ SecretString: 'the-secret-value', Name: 'x' }), { status: 200 });
    }) as unknown as typeof fetch;
    const arn = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:RateLimitKey-AbCdEf';
    expect(await getSecretValue(arn, 'eu-west-1', fake)).toBe('the-secret-value');
    expect(calls).toHaveLength(1);
    const [{ url, init }] = calls;
    expect(url).toBe('https://secretsmanager.eu-west-1.amazonaws.com/');
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual({ SecretId: arn });
    const headers = init.headers as Record<string, string>;
    expect(headers['x-amz-target']).toBe('secretsmanager.GetSecretValue');
    expect(headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(headers['x-amz-security-token']).toBe('session-example');
    expect(headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/secretsmanager\/aws4_request, SignedHeaders=[^,]*x-amz-target[^,]*, Signature=[0-9a-f]{64}$/);
  });

  it('fails with the error type, never with the answer', async () => {
    process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
    process.env.AWS_SECRET_ACCESS_KEY = 'secret-example';
    const denied = (async () =>
      new Response(JSON.stringify({ __type: 'AccessDeniedException', message: 'not allowed' }), { status: 400 })) as unknown as typeof fetch;
    await expect(getSecretValue('arn:x', 'eu-west-1', denied)).rejects.toThrow(/AccessDeniedException: not allowed/);
    expect(isTransientFault(await getSecretValue('arn:x', 'eu-west-1', denied).catch((error) => error))).toBe(false);
  });

  it('is a transient fault (503 to the caller, tried again next request) when Secrets Manager throttles, fails or does not answer', async () => {
    process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
    process.env.AWS_SECRET_ACCESS_KEY = 'secret-example';
    const answering = (status: number, type: string) =>
      (async () => new Response(JSON.stringify({ __type: type, message: 'x' }), { status })) as unknown as typeof fetch;
    const failures = [
      await getSecretValue('arn:x', 'eu-west-1', answering(400, 'ThrottlingException')).catch((error) => error),
      await getSecretValue('arn:x', 'eu-west-1', answering(500, 'InternalServiceError')).catch((error) => error),
      await getSecretValue('arn:x', 'eu-west-1', (async () => { throw new TypeError('fetch failed'); }) as unknown as typeof fetch).catch((error) => error),
    ];
    for (const failure of failures) expect(isTransientFault(failure), String(failure)).toBe(true);
  });

  it('is the local value when there is one (the local stack sets RATE_LIMIT_SECRET), read once', async () => {
    process.env[envNames.rateLimitSecret] = 'local-secret-from-secrets-json-0123456789';
    delete process.env[envNames.rateLimitSecretArn];
    expect(await rateLimitSecret()).toBe('local-secret-from-secrets-json-0123456789');
    process.env[envNames.rateLimitSecret] = 'changed-after-the-cold-start-0123456789';
    expect(await rateLimitSecret()).toBe('local-secret-from-secrets-json-0123456789');
  });
});
