/**
 * The secret that keys the rate limit's hash of a source address
 * (domain/rate-limits.ts sourceKey), read once per container and kept in
 * memory. On AWS it is a Secrets Manager secret the CDK app generates
 * (RATE_LIMIT_SECRET_ARN); its one GetSecretValue is sent as the SDK would
 * send it (POST, JSON 1.1, SigV4 for `secretsmanager`), without the SDK's
 * client, like connections-api.ts: the signer is already in every bundle for
 * the DynamoDB client, and every HTTP function carries this code (the router
 * binds the limit for all areas), so a client would cost each of them its
 * protocol code. Locally the value itself is in RATE_LIMIT_SECRET
 * (.twinspace/secrets.json, infra/local/secrets.ts).
 */
import { SignatureV4 } from '@smithy/signature-v4';
import { optionalSetting, setting } from './config.ts';
import { environmentCredentials, Sha256 } from './sigv4.ts';

/** As long as the SDK clients wait for an answer (lib/clients.ts). */
const requestTimeoutMs = 1_500;

let loading: Promise<string> | undefined;

/** The secret, fetched on first use and then kept; a failed fetch is tried again by the next request. */
export function rateLimitSecret(): Promise<string> {
  loading ??= fetchSecret().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** Forgets the kept secret (tests). */
export function forgetRateLimitSecret(): void {
  loading = undefined;
}

async function fetchSecret(): Promise<string> {
  const local = optionalSetting('rateLimitSecret');
  if (local) return local;
  return getSecretValue(setting('rateLimitSecretArn'), setting('region'));
}

/** Secrets Manager's GetSecretValue of one secret: its SecretString. */
export async function getSecretValue(secretId: string, region: string, send: typeof fetch = fetch): Promise<string> {
  const hostname = `secretsmanager.${region}.amazonaws.com`;
  const body = JSON.stringify({ SecretId: secretId });
  const signed = await new SignatureV4({ service: 'secretsmanager', region, sha256: Sha256, credentials: environmentCredentials }).sign({
    method: 'POST',
    protocol: 'https:',
    hostname,
    path: '/',
    query: {},
    headers: { host: hostname, 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'secretsmanager.GetSecretValue' },
    body,
  });
  let response: Response;
  try {
    response = await send(`https://${hostname}/`, { method: 'POST', headers: signed.headers, body, signal: AbortSignal.timeout(requestTimeoutMs) });
  } catch (error) {
    // No answer (a timeout is a TimeoutError already): the caller gets 503 and tries again (lib/errors.ts isTransientFault).
    throw Object.assign(new Error(`Secrets Manager could not be reached (${(error as Error).message})`, { cause: error }), {
      name: (error as Error).name === 'TimeoutError' ? 'TimeoutError' : 'SecretsManagerUnreachable',
      transient: true,
    });
  }
  const answer = (await response.json().catch(() => ({}))) as { SecretString?: string; __type?: string; message?: string; Message?: string };
  if (!response.ok || typeof answer.SecretString !== 'string') {
    // The error's type and message, never the answer itself (a success would carry the secret).
    const type = String(answer.__type ?? '').split('#').pop() ?? '';
    const reason = response.ok ? 'no SecretString' : `${type || response.status}: ${answer.message ?? answer.Message ?? ''}`;
    throw Object.assign(new Error(`Secrets Manager did not give the rate limit's secret (${reason})`), {
      $metadata: { httpStatusCode: response.status },
      // Throttled or a fault on its side: worth a retry (503 to the caller); a refusal is a deployment fault (500).
      $retryable: response.status >= 500 || type === 'ThrottlingException' ? {} : undefined,
    });
  }
  return answer.SecretString;
}
