/** Port checks: a free port for tests, and a clear message when a fixed port is taken. */
import { createServer } from 'node:net';
import { StartupProblem } from './problems.ts';

export const localHost = '127.0.0.1';

/** A port the OS says is free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, localHost, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Free ports for every part of a stack (tests, bench), all distinct. */
export async function freeStackPorts(): Promise<{ dynamodb: number; cognito: number; mail: number; api: number; chat: number; web: number; storage: number }> {
  const ports: number[] = [];
  while (ports.length < 7) {
    const port = await freePort();
    if (!ports.includes(port)) ports.push(port);
  }
  const [dynamodb, cognito, mail, api, chat, web, storage] = ports;
  return { dynamodb, cognito, mail, api, chat, web, storage };
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, localHost, () => server.close(() => resolve(true)));
  });
}

/** Throws a StartupProblem naming the part, the port and the variable that moves it. */
export async function assertPortFree(port: number, part: string, envVar: string): Promise<void> {
  if (await isFree(port)) return;
  throw new StartupProblem(
    `Port ${port} (${part}) is already in use: stop whatever holds it (is another \`npm start\` running?) or choose another port, e.g. ${envVar}=${port + 100} npm start.`,
  );
}
