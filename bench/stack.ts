/**
 * The one local stack of a bench run, started when a measurement first asks
 * and stopped at the end. One per process: the handlers' SDK clients are made
 * once (functions/lib/clients.ts) with the first stack's endpoints, so a
 * second stack on other ports would leave them talking to a stopped one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeStackPorts } from '../infra/local/ports.ts';
import { startStack, type RunningStack } from '../infra/local/stack.ts';

let running: Promise<{ stack: RunningStack; dataDir: string }> | undefined;
const afterStop: (() => void)[] = [];

/** Runs after the stack has stopped (a peer whose sockets must not close while the stack runs: their $disconnects would overlap the next measurement). */
export function whenStackStops(callback: () => void): void {
  afterStop.push(callback);
}

/** The bench's stack: the one `npm start` runs, on free ports, with an in-memory table and no site build. */
export async function benchStack(): Promise<RunningStack> {
  running ??= (async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'twinspace-bench-'));
    const stack = await startStack({ ports: await freeStackPorts(), dataDir, dynamodb: 'memory', site: { folder: join(dataDir, 'site'), build: 'never' } });
    return { stack, dataDir };
  })();
  return (await running).stack;
}

export async function stopBenchStack(): Promise<void> {
  if (running) {
    const { stack, dataDir } = await running;
    running = undefined;
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  for (const callback of afterStop.splice(0)) callback();
}
