/**
 * Cold init of a bundle: a fresh Node process imports it (module load plus
 * top-level code: clients, verifiers), timed inside that process, median of
 * several runs. The environment is a Lambda's: the same settings and
 * NODE_OPTIONS the CDK app sets, so top-level setting() calls succeed.
 */
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { envNames } from '../functions/lib/config.ts';
import { serviceName } from '../infra/cdk/function.ts';
import type { Bundle } from './bundle.ts';

const lambdaLikeEnv: Record<string, string> = {
  PATH: process.env.PATH ?? '',
  AWS_REGION: 'eu-west-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  NODE_OPTIONS: '--enable-source-maps',
  POWERTOOLS_SERVICE_NAME: serviceName,
  POWERTOOLS_LOG_LEVEL: 'WARN',
  [envNames.tableName]: 'Twinspace',
  [envNames.userPoolId]: 'eu-west-1_Bench0000',
  [envNames.userPoolClientId]: 'benchclient',
  [envNames.chatCallbackUrl]: 'https://bench.execute-api.eu-west-1.amazonaws.com/prod',
  [envNames.mailFrom]: 'no-reply@twinspace.example',
};

const timedImport = `
const started = performance.now();
await import(process.argv[1]);
process.stdout.write(String(performance.now() - started));
`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Median milliseconds to import the bundle in a fresh process. */
export function coldInitMs(bundle: Bundle, runs: number): number {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const output = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', timedImport, pathToFileURL(bundle.file).href],
      { env: lambdaLikeEnv, encoding: 'utf8' },
    );
    samples.push(Number(output));
  }
  return median(samples);
}
