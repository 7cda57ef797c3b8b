/**
 * DynamoDB Local, AWS's own emulator: the jar shipped in amplify-dynamodb-simulator,
 * run with java. `-sharedDb` so every client sees one database whatever its
 * credentials and region; `-disableTelemetry` always.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { answersHttp, spawnChild, waitUntilReady, type LocalChild } from './children.ts';
import { StartupProblem } from './problems.ts';

export interface DynamoDbOptions {
  port: number;
  /** A folder for the data files, or 'memory' (tests). */
  storage: string | 'memory';
}

function emulatorFolder(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('amplify-dynamodb-simulator/package.json')), 'emulator');
}

function assertJava(): void {
  const probe = spawnSync('java', ['-version'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) {
    throw new StartupProblem(
      'Java is not installed, and DynamoDB Local needs it: install a Java runtime (e.g. `sudo apt-get install default-jre-headless`) and run the command again.',
    );
  }
}

export async function startDynamoDb({ port, storage }: DynamoDbOptions): Promise<LocalChild> {
  assertJava();
  const emulator = emulatorFolder();
  const storageArgs = storage === 'memory' ? ['-inMemory'] : ['-dbPath', storage];
  if (storage !== 'memory') mkdirSync(storage, { recursive: true });
  const child = spawnChild(
    'DynamoDB Local',
    'java',
    [
      `-Djava.library.path=${join(emulator, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(emulator, 'DynamoDBLocal.jar'),
      '-sharedDb',
      '-disableTelemetry',
      '-port',
      String(port),
      ...storageArgs,
    ],
    { cwd: emulator },
  );
  // Any HTTP answer (DynamoDB Local replies 400 to a bare GET) means it listens.
  await waitUntilReady(child, () => answersHttp(`http://127.0.0.1:${port}/`));
  return child;
}
