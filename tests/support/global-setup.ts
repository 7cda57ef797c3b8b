/**
 * Global setup of the integration and browser projects: ONE local stack for
 * the whole run (the same startStack as `npm start`), on free ports, with an
 * in-memory DynamoDB and a temporary data folder, seeded with the demo data.
 * The browser project also gets the site built once. Tests read the endpoints
 * with `inject('endpoints')`.
 *
 * Each project runs its own global setup, in the one Vitest main process; the
 * stack is shared through globalThis and stopped when the last project tears down.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { readDemoAuthenticator } from '../../infra/local/demo-authenticator.ts';
import { freeStackPorts } from '../../infra/local/ports.ts';
import { buildSite } from '../../infra/local/site.ts';
import { startStack, type RunningStack } from '../../infra/local/stack.ts';

interface SharedStack {
  started: Promise<RunningStack>;
  dataDir: string;
  users: number;
  siteBuilt?: Promise<void>;
}

const sharedKey = Symbol.for('twinspace.test-stack');
const shared = globalThis as unknown as Record<symbol, SharedStack | undefined>;

function acquireStack(): SharedStack {
  let stack = shared[sharedKey];
  if (!stack) {
    const dataDir = mkdtempSync(join(tmpdir(), 'twinspace-test-'));
    const started = freeStackPorts().then((ports) =>
      startStack({ ports, dataDir, dynamodb: 'memory', site: { folder: join(dataDir, 'site'), build: 'never' }, handlerLog: join(dataDir, 'handler-log.jsonl') }),
    );
    stack = { started, dataDir, users: 0 };
    shared[sharedKey] = stack;
  }
  stack.users += 1;
  return stack;
}

export default async function setup(project: TestProject) {
  const stack = acquireStack();
  const running = await stack.started;
  if (project.name === 'browser') {
    stack.siteBuilt ??= buildSite(join(stack.dataDir, 'site')).then(({ built, output }) => {
      if (!built) throw new Error(`The site did not build (astro build --root web):\n${output}`);
    });
    await stack.siteBuilt;
  }
  project.provide('endpoints', running.endpoints);
  project.provide('handlerLog', join(stack.dataDir, 'handler-log.jsonl'));
  project.provide('localSecrets', join(stack.dataDir, 'secrets.json'));
  // The seed enrolled the demo staff's authenticator app: tests sign them in with codes from these keys.
  project.provide('demoAuthenticator', readDemoAuthenticator(stack.dataDir));

  return async function teardown() {
    stack.users -= 1;
    if (stack.users > 0) return;
    shared[sharedKey] = undefined;
    await running.stop();
    rmSync(stack.dataDir, { recursive: true, force: true });
  };
}
