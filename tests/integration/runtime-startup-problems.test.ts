/**
 * `npm start`'s plain-sentence failures (DESIGN.md "Local runtime"): a port in
 * use, a missing java, a half-initialised data folder. Each is a
 * StartupProblem, which start.ts prints alone and exits 1 with.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { bootstrap } from '../../infra/local/bootstrap.ts';
import { startDynamoDb } from '../../infra/local/dynamodb-local.ts';
import { assertPortFree, freePort } from '../../infra/local/ports.ts';
import { StartupProblem } from '../../infra/local/problems.ts';

const endpoints = inject('endpoints');
const folders: string[] = [];

function emptyDataFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'twinspace-broken-'));
  folders.push(folder);
  return folder;
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('start-up problems', () => {
  it('names a port that is taken, the part that needed it and the variable that moves it', async () => {
    const port = await freePort();
    const holder = createServer().listen(port, '127.0.0.1');
    await new Promise((resolve) => holder.once('listening', resolve));
    try {
      const refusal = assertPortFree(port, 'the HTTP API', 'API_PORT');
      await expect(refusal).rejects.toBeInstanceOf(StartupProblem);
      await expect(refusal).rejects.toThrow(`Port ${port} (the HTTP API) is already in use`);
      await expect(refusal).rejects.toThrow(/API_PORT=\d+ npm start/);
    } finally {
      holder.close();
    }
  });

  it('says how to install Java when there is none', async () => {
    const path = process.env.PATH;
    process.env.PATH = dirname(process.execPath);
    try {
      await expect(startDynamoDb({ port: await freePort(), storage: 'memory' })).rejects.toThrow(/Java is not installed.*apt-get install/);
    } finally {
      process.env.PATH = path;
    }
  });

  it('recognises a data folder whose user pool record points nowhere, and says to delete it', async () => {
    const dataDir = emptyDataFolder();
    writeFileSync(join(dataDir, 'local-state.json'), JSON.stringify({ userPoolId: 'local_gone', clientId: 'x', phase: 'ready' }));
    const start = bootstrap(dataDir, endpoints, { seed: false });
    await expect(start).rejects.toBeInstanceOf(StartupProblem);
    await expect(start).rejects.toThrow(`half-initialised (user pool local_gone is recorded but cognito-local does not know it); delete it (rm -rf ${dataDir})`);
  });

  it('recognises a data folder with a table but no record of its user pool', async () => {
    await expect(bootstrap(emptyDataFolder(), endpoints, { seed: false })).rejects.toThrow(/half-initialised \(the table exists but no user pool was recorded\)/);
  });

  it('recognises a first start that stopped while loading the demo data', async () => {
    const dataDir = emptyDataFolder();
    const { userPoolId, clientId } = endpoints.cognito;
    writeFileSync(join(dataDir, 'local-state.json'), JSON.stringify({ userPoolId, clientId, phase: 'seeding' }));
    await expect(bootstrap(dataDir, endpoints, { seed: true })).rejects.toThrow(/stopped while loading the demo data/);
  });
});
