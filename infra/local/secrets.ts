/**
 * The local stack's secrets, in `<dataDir>/secrets.json` (.twinspace/ for
 * `npm start`, git-ignored): generated at the first start, readable by its
 * owner only (0600), and reused by every start after, so the rate limit's
 * counters keep their names across restarts. The cloud's counterpart is the
 * Secrets Manager secret of infra/cdk/stack.ts.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { envNames } from '../../functions/lib/config.ts';
import { minimumSecretLength } from '../../functions/domain/rate-limits.ts';
import { StartupProblem } from './problems.ts';

export interface LocalSecrets {
  /** Keys the rate limit's hash of a source address (RATE_LIMIT_SECRET). */
  rateLimitKey: string;
}

export const secretsFileName = 'secrets.json';

/** Reads `<dataDir>/secrets.json`, or makes it (0600) when there is none yet. */
export function ensureLocalSecrets(dataDir: string): LocalSecrets {
  const file = join(dataDir, secretsFileName);
  if (!existsSync(file)) {
    const made: LocalSecrets = { rateLimitKey: randomBytes(32).toString('base64url') };
    try {
      // 'wx': two starts at once never overwrite each other's secret; the loser reads the winner's below.
      writeFileSync(file, `${JSON.stringify(made, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
      return made;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  // Kept private even if something widened it since.
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  let secrets: Partial<LocalSecrets>;
  try {
    secrets = JSON.parse(readFileSync(file, 'utf8')) as Partial<LocalSecrets>;
  } catch {
    throw new StartupProblem(`${file} is not readable JSON: delete it and start again (a new secret is generated; the rate limit's counters start afresh).`);
  }
  if (typeof secrets.rateLimitKey !== 'string' || secrets.rateLimitKey.length < minimumSecretLength) {
    throw new StartupProblem(`${file} has no rateLimitKey of at least ${minimumSecretLength} characters: delete it and start again.`);
  }
  return { rateLimitKey: secrets.rateLimitKey };
}

/** The handlers' settings that come from the secrets. */
export function secretsEnv(secrets: LocalSecrets): Record<string, string> {
  return { [envNames.rateLimitSecret]: secrets.rateLimitKey };
}
