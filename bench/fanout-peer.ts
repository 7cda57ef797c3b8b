/**
 * The other side of the fan-out bench (bench/fanout.ts), in a child process
 * so its work does not share the broadcaster's event loop (on AWS the
 * browsers and API Gateway are elsewhere too). Two roles, told by the parent
 * over IPC:
 * - `clients`: opens N WebSockets to a URL; every frame's arrival time
 *   (epoch ms, sub-millisecond) is kept, and once each socket of a group has
 *   one frame the times go back to the parent.
 * - `stand-in`: an HTTP server answering like API Gateway's @connections
 *   (POST /@connections/{id} → 200 after a latency drawn between min and max
 *   ms; an id starting `gone-` → 410 GoneException), counting the sockets
 *   opened to it and the most requests it held at once.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';

export type PeerCommand =
  | { kind: 'clients'; group: string; url: string; count: number }
  | { kind: 'close-clients'; group: string }
  | { kind: 'stand-in'; latencyMs: [number, number] }
  | { kind: 'stand-in-stats' }
  | { kind: 'exit' };

export type PeerReport =
  | { kind: 'clients-open'; group: string; count: number }
  | { kind: 'arrivals'; group: string; arrivals: number[] }
  | { kind: 'stand-in-listening'; port: number }
  | { kind: 'stand-in-stats'; socketsOpened: number; mostAtOnce: number; posts: number }
  | { kind: 'failed'; message: string };

/** Wall time in epoch milliseconds with sub-millisecond precision (the parent reads the same clock). */
export const epochNow = () => performance.timeOrigin + performance.now();

function report(message: PeerReport): void {
  process.send?.(message);
}

const groups = new Map<string, WebSocket[]>();

async function openClients(group: string, url: string, count: number): Promise<void> {
  const sockets: WebSocket[] = [];
  let arrivals: number[] = [];
  const open = (): Promise<WebSocket> =>
    new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      socket.once('open', () => resolve(socket));
      socket.once('error', reject);
      socket.once('unexpected-response', (_request, response) => reject(new Error(`the handshake answered ${response.statusCode}`)));
      socket.on('message', () => {
        arrivals.push(epochNow());
        if (arrivals.length === count) {
          report({ kind: 'arrivals', group, arrivals });
          arrivals = [];
        }
      });
    });
  // A few handshakes at a time: each runs the authorizer and $connect.
  for (let start = 0; start < count; start += 20) {
    sockets.push(...(await Promise.all(Array.from({ length: Math.min(20, count - start) }, open))));
  }
  groups.set(group, sockets);
  report({ kind: 'clients-open', group, count: sockets.length });
}

let standIn: { socketsOpened: number; inFlight: number; mostAtOnce: number; posts: number } | undefined;

function startStandIn([minMs, maxMs]: [number, number]): void {
  const stats = { socketsOpened: 0, inFlight: 0, mostAtOnce: 0, posts: 0 };
  standIn = stats;
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const found = /^\/@connections\/([^/?]+)/.exec(request.url ?? '');
    request.resume();
    request.on('end', () => {
      if (!found || request.method !== 'POST') {
        response.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
        return;
      }
      stats.posts += 1;
      stats.inFlight += 1;
      stats.mostAtOnce = Math.max(stats.mostAtOnce, stats.inFlight);
      setTimeout(
        () => {
          stats.inFlight -= 1;
          if (decodeURIComponent(found[1]).startsWith('gone-')) {
            response.writeHead(410, { 'content-type': 'application/json', 'x-amzn-ErrorType': 'GoneException' }).end('{"message":null}');
          } else {
            response.writeHead(200).end();
          }
        },
        minMs + Math.random() * (maxMs - minMs),
      );
    });
  });
  server.keepAliveTimeout = 60_000;
  server.on('connection', () => (stats.socketsOpened += 1));
  server.listen(0, '127.0.0.1', () => report({ kind: 'stand-in-listening', port: (server.address() as AddressInfo).port }));
}

process.on('message', (command: PeerCommand) => {
  if (command.kind === 'clients') {
    openClients(command.group, command.url, command.count).catch((error: Error) => report({ kind: 'failed', message: error.message }));
  } else if (command.kind === 'close-clients') {
    for (const socket of groups.get(command.group) ?? []) socket.close();
    groups.delete(command.group);
  } else if (command.kind === 'stand-in') {
    startStandIn(command.latencyMs);
  } else if (command.kind === 'stand-in-stats' && standIn) {
    report({ kind: 'stand-in-stats', socketsOpened: standIn.socketsOpened, mostAtOnce: standIn.mostAtOnce, posts: standIn.posts });
    Object.assign(standIn, { socketsOpened: 0, mostAtOnce: 0, posts: 0 });
  } else if (command.kind === 'exit') {
    for (const sockets of groups.values()) for (const socket of sockets) socket.terminate();
    process.exit(0);
  }
});
