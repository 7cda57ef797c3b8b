/**
 * `npm start`: the whole platform on one laptop, on the DESIGN.md ports (each
 * movable by an environment variable), data kept under .twinspace/.
 * Ctrl-C (or SIGTERM) stops every part.
 */
import { join } from 'node:path';
import { StartupProblem } from './problems.ts';
import { demoAccounts, demoPassword, demoStaff } from './seed.ts';
import { defaultSiteFolder, repositoryRoot } from './site.ts';
import { portSettings, startStack, type RunningStack, type StackPorts } from './stack.ts';

export const dataFolder = join(repositoryRoot, '.twinspace');

function portsFromEnvironment(): StackPorts {
  const ports = {} as StackPorts;
  for (const [key, { env, fallback }] of Object.entries(portSettings) as [keyof StackPorts, (typeof portSettings)[keyof StackPorts]][]) {
    const raw = process.env[env];
    const port = raw ? Number(raw) : fallback;
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      throw new StartupProblem(`${env}=${raw} is not a port number: set it to a number between 1 and 65535.`);
    }
    ports[key] = port;
  }
  return ports;
}

function banner(stack: RunningStack): string {
  const { endpoints } = stack;
  const lines = [
    '',
    'Twinspace is running (Ctrl-C stops everything)',
    `  site      ${endpoints.web}/`,
    `  API       ${endpoints.api}   chat ${endpoints.chat}`,
    `  e-mail    ${endpoints.mail}   DynamoDB ${endpoints.dynamodb}   Cognito ${endpoints.cognito.endpoint}`,
    `  storage   ${endpoints.storage}/${endpoints.bucket}   (files in .twinspace/storage)`,
    `  accounts  ${demoAccounts.map((account) => account.username).join(', ')}`,
    `            password ${demoPassword}`,
    `  2nd step  ${demoStaff.map((account) => account.username).join(', ')} also ask for an authenticator code:`,
    `            keys in .twinspace/demo-authenticator.json, or the current code: npm run demo-code -- <username>`,
    `  settings  .twinspace/endpoints.json`,
  ];
  if (stack.siteProblem) lines.push('', stack.siteProblem);
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const stack = await startStack({
    ports: portsFromEnvironment(),
    dataDir: dataFolder,
    dynamodb: 'disk',
    // Built on every start (a few seconds): after a pull, a site built from older code would talk an older protocol.
    site: { folder: defaultSiteFolder, build: 'always' },
  });
  process.stdout.write(banner(stack));
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping Twinspace…\n`);
    stack.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);
}

main().catch((error: unknown) => {
  if (error instanceof StartupProblem) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Twinspace could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
