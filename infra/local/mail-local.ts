/** aws-ses-v2-local: an SES v2 endpoint whose web page (and GET /store) lists every mail sent. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { answersHttp, spawnChild, waitUntilReady, type LocalChild } from './children.ts';
import { localHost } from './ports.ts';

export async function startMail({ port }: { port: number }): Promise<LocalChild> {
  const require = createRequire(import.meta.url);
  const entry = join(dirname(require.resolve('aws-ses-v2-local/package.json')), 'dist', 'cli.js');
  const child = spawnChild('aws-ses-v2-local', process.execPath, [entry, '--port', String(port), '--host', localHost], {});
  await waitUntilReady(child, () => answersHttp(`http://${localHost}:${port}/store`));
  return child;
}
