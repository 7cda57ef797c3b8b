/**
 * cognito-local, run from its own working folder: it keeps its pools under
 * `<folder>/.cognito/db` and reads `<folder>/.cognito/config.json`, which
 * names the user pool's triggers and where to invoke them (trigger-endpoint.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { answersHttp, spawnChild, waitUntilReady, type LocalChild } from './children.ts';
import { localHost } from './ports.ts';
import { cognitoTriggerFunctions } from './trigger-endpoint.ts';

export interface CognitoOptions {
  port: number;
  /** Working folder, e.g. .twinspace/cognito. */
  folder: string;
  /** The local Lambda Invoke endpoint that runs the user pool's triggers (trigger-endpoint.ts); without it, no triggers. */
  triggerEndpoint?: string;
}

export async function startCognito({ port, folder, triggerEndpoint }: CognitoOptions): Promise<LocalChild> {
  mkdirSync(join(folder, '.cognito'), { recursive: true });
  const config = {
    // Without this every new pool uses e-mail usernames; pupils have plain usernames.
    UserPoolDefaults: { UsernameAttributes: [] },
    // It binds 127.0.0.1 (HOST) but the issuer must stay http://localhost:<port> (DESIGN.md).
    TokenConfig: { IssuerDomain: `http://localhost:${port}` },
    // The same trigger handlers as the cloud's pool (PreSignUp_SignUp, TokenGeneration_*), run by trigger-endpoint.ts.
    ...(triggerEndpoint
      ? {
          TriggerFunctions: cognitoTriggerFunctions,
          LambdaClient: { endpoint: triggerEndpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } },
        }
      : {}),
  };
  writeFileSync(join(folder, '.cognito', 'config.json'), JSON.stringify(config, null, 2));
  const require = createRequire(import.meta.url);
  const entry = join(dirname(require.resolve('cognito-local/package.json')), 'lib', 'bin', 'start.js');
  const child = spawnChild('cognito-local', process.execPath, [entry], {
    cwd: folder,
    env: { ...process.env, PORT: String(port), HOST: localHost },
  });
  await waitUntilReady(child, () => answersHttp(`http://${localHost}:${port}/health`));
  return child;
}
