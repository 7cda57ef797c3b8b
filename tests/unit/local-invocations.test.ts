/**
 * The local stack runs every handler in one process, and their invocations overlap (an HTTP request while the
 * table's stream handler delivers notifications). Each must keep its own log keys, as on Lambda: when one ends
 * (Powertools resets its keys) another still running logs with its own correlation id. CI once read a mailbox
 * answer's log line without one (log-privacy.test.ts).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { invokeHandler } from '../../infra/local/lambda-runtime.ts';

const fixture = { name: 'overlapping', module: '../tests/fixtures/overlapping-handler', export: 'handler' };
const eventOf = (requestId: string) => ({ requestContext: { requestId } });

it('an invocation ending does not take the log keys of one still running', async () => {
  const { openGate, waiting } = await import('../fixtures/overlapping-handler.ts');
  const first = invokeHandler(fixture, eventOf('first-request-id'));
  const second = invokeHandler(fixture, eventOf('second-request-id'));
  await expect.poll(() => waiting('first-request-id') && waiting('second-request-id')).toBe(true);
  // The second ends first (its keys are reset as it ends), then the first answers.
  openGate('second-request-id');
  expect(await second).toEqual({ correlationId: 'second-request-id' });
  openGate('first-request-id');
  expect(await first).toEqual({ correlationId: 'first-request-id' });
});

it('a process started afterwards loads the handlers’ logger and metrics too (it inherits the setting, and gets its store)', () => {
  // A test worker forked after the local stack started, a child the bench starts: Powertools throws there without a store.
  const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
  const script = "await import('./functions/lib/observability.ts'); console.log('loaded')";
  const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repoRoot, env: process.env, encoding: 'utf8' });
  expect(output).toContain('loaded');
});

