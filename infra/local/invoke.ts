/**
 * `npm run invoke -- <name> [event.json]`: runs one route's function (or a
 * chat handler, or a scheduled job) once against the running local stack and
 * prints its result. Without an event file it uses events/samples/<name>.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { invocables } from '../../functions/routes.ts';
import type { LocalEndpoints } from './endpoints.ts';
import { applyHandlerEnv, invokeHandler } from './lambda-runtime.ts';
import { StartupProblem } from './problems.ts';
import { ensureLocalSecrets, secretsEnv } from './secrets.ts';
import { repositoryRoot } from './site.ts';

const endpointsFile = join(repositoryRoot, '.twinspace', 'endpoints.json');

async function runningEndpoints(): Promise<LocalEndpoints> {
  const notRunning = new StartupProblem('The local stack is not running: start it with `npm start` in another terminal, then run this again.');
  if (!existsSync(endpointsFile)) throw notRunning;
  const endpoints = JSON.parse(readFileSync(endpointsFile, 'utf8')) as LocalEndpoints;
  try {
    await fetch(endpoints.dynamodb, { signal: AbortSignal.timeout(2000) });
  } catch {
    throw notRunning;
  }
  return endpoints;
}

async function main(): Promise<void> {
  const [name, eventPath] = process.argv.slice(2);
  const names = invocables.map((invocable) => invocable.name).join(', ');
  if (!name) throw new StartupProblem(`Name the function to run: npm run invoke -- <function> [event.json]; functions: ${names}.`);
  const ref = invocables.find((invocable) => invocable.name === name)?.function;
  if (!ref) throw new StartupProblem(`There is no function "${name}"; the functions are: ${names}.`);
  const file = eventPath ? resolve(process.cwd(), eventPath) : join(repositoryRoot, 'events', 'samples', `${name}.json`);
  if (!existsSync(file)) throw new StartupProblem(`No event file at ${file}: pass one, e.g. npm run invoke -- ${name} my-event.json.`);
  let event: unknown;
  try {
    event = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new StartupProblem(`${file} is not a JSON event: fix it or pass another file.`);
  }
  applyHandlerEnv(await runningEndpoints());
  // The running stack's secrets (its first start made them): a rate-limited route counts as it does behind the gateway.
  Object.assign(process.env, secretsEnv(ensureLocalSecrets(join(repositoryRoot, '.twinspace'))));
  const result = await invokeHandler(ref, event, 900_000);
  process.stdout.write(`${JSON.stringify(result ?? null, null, 2)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof StartupProblem ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
