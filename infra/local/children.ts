/**
 * Child processes of the local stack (the three emulators). Every child is
 * registered here so it dies with its parent: on stop(), on Ctrl-C/SIGTERM
 * (handled by start.ts) and, as a last resort, on the parent's exit.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { StartupProblem } from './problems.ts';

export interface LocalChild {
  name: string;
  process: ChildProcess;
  /** The last lines it printed, to explain a failed start. */
  output(): string;
  stop(): Promise<void>;
}

const running = new Set<LocalChild>();

// Synchronous last resort: 'exit' handlers cannot wait, so send SIGKILL.
process.once('exit', () => {
  for (const child of running) child.process.kill('SIGKILL');
});

export function spawnChild(name: string, command: string, args: string[], options: SpawnOptions): LocalChild {
  const childProcess = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let recent = '';
  const remember = (chunk: Buffer) => {
    recent = (recent + chunk.toString()).slice(-4000);
  };
  childProcess.stdout?.on('data', remember);
  childProcess.stderr?.on('data', remember);
  const exited = new Promise<void>((resolve) => childProcess.once('exit', () => resolve()));
  const child: LocalChild = {
    name,
    process: childProcess,
    output: () => recent,
    async stop() {
      running.delete(child);
      if (childProcess.exitCode !== null || childProcess.signalCode !== null) return;
      childProcess.kill('SIGTERM');
      const timer = setTimeout(() => childProcess.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
  running.add(child);
  childProcess.once('exit', () => running.delete(child));
  childProcess.once('error', () => running.delete(child));
  return child;
}

/** Polls `isReady` until it answers true, the child dies, or the time is up. */
export async function waitUntilReady(child: LocalChild, isReady: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let spawnError: Error | undefined;
  child.process.once('error', (error) => (spawnError = error));
  while (Date.now() < deadline) {
    if (spawnError) throw new StartupProblem(`${child.name} could not be started (${spawnError.message}).`);
    if (child.process.exitCode !== null || child.process.signalCode !== null) {
      throw new StartupProblem(`${child.name} stopped during start-up; its last output was:\n${child.output().trim()}`);
    }
    if (await isReady().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await child.stop();
  throw new StartupProblem(`${child.name} did not answer within ${timeoutMs / 1000} s; its last output was:\n${child.output().trim()}`);
}

/** True when something answers HTTP at the URL (any status). */
export async function answersHttp(url: string, init?: RequestInit): Promise<boolean> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(2000) });
  await response.arrayBuffer();
  return true;
}
