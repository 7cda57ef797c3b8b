/**
 * Test clients for the local stack: demo sign-in (as the site does it), the
 * HTTP API with a bearer token, the table through the handlers' own
 * repositories, and chat sockets that collect what the server pushes.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import WebSocket from 'ws';
import type { TableStore } from '../../functions/data/store.ts';
import type { LocalEndpoints } from '../../infra/local/endpoints.ts';
import { demoPassword } from '../../infra/local/seed.ts';
import { signIn } from './cognito-users.ts';
import { assertContract } from './contract.ts';

const tokens = new Map<string, Promise<string>>();

/** A demo account's ID token (API.md, demo accounts), signed in once per test file. */
export function demoToken(endpoints: LocalEndpoints, username: string): Promise<string> {
  let token = tokens.get(username);
  if (!token) {
    token = signIn(endpoints, username, demoPassword);
    tokens.set(username, token);
  }
  return token;
}

export function subOf(idToken: string): string {
  return JSON.parse(Buffer.from(idToken.split('.')[1], 'base64url').toString('utf8')).sub as string;
}

export interface ApiAnswer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** Any method on the local HTTP API, with the bearer token and a JSON body when given. */
export async function apiSend<T = any>(
  endpoints: LocalEndpoints,
  method: string,
  path: string,
  idToken?: string,
  body?: unknown,
): Promise<ApiAnswer<T>> {
  const response = await fetch(`${endpoints.api}${path}`, {
    method,
    headers: { ...(idToken ? { authorization: `Bearer ${idToken}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  const contentType = response.headers.get('content-type');
  const answer = { status: response.status, body: text && contentType?.includes('json') ? JSON.parse(text) : text || undefined, headers: response.headers };
  // Every answer is checked against its route's declaration (tests/support/contract.ts).
  assertContract({ method, url: path, status: answer.status, contentType, body: answer.body });
  return answer;
}

/** GET on the local HTTP API, with the bearer token when given. */
export function apiGet<T = any>(endpoints: LocalEndpoints, path: string, idToken?: string): Promise<ApiAnswer<T>> {
  return apiSend<T>(endpoints, 'GET', path, idToken);
}

/** The table, as the handlers see it (for arranging state the API cannot create yet). */
export function tableStoreOf(endpoints: LocalEndpoints): TableStore {
  const client = new DynamoDBClient({
    endpoint: endpoints.dynamodb,
    region: endpoints.region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  return { db: DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } }), tableName: endpoints.table };
}

/** The demo project's id, from ana's GET /me. */
export async function demoProjectId(endpoints: LocalEndpoints): Promise<string> {
  const me = await apiGet(endpoints, '/me', await demoToken(endpoints, 'ana@demo.twinspace'));
  const project = me.body.projects.find((candidate: { title: string }) => candidate.title === 'Water around Europe');
  if (!project) throw new Error('The demo project was not seeded');
  return project.projectId;
}

export type Frame = Record<string, any>;

/** An open chat socket that keeps every frame pushed to it. */
export class ChatSocket {
  readonly frames: Frame[] = [];
  private waiters: { predicate: (frame: Frame) => boolean; resolve: (frame: Frame) => void }[] = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as Frame;
      this.frames.push(frame);
      this.waiters = this.waiters.filter((waiter) => {
        if (!waiter.predicate(frame)) return true;
        waiter.resolve(frame);
        return false;
      });
    });
  }

  /** The tab's live connection: `<chat>/?token=…`, no room yet. */
  static connect(endpoints: LocalEndpoints, idToken: string): Promise<ChatSocket> {
    const socket = new WebSocket(`${endpoints.chat}/?token=${encodeURIComponent(idToken)}`);
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new ChatSocket(socket)));
      socket.once('unexpected-response', (_request, response) => {
        response.resume();
        reject(new Error(`chat handshake answered ${response.statusCode}`));
      });
      socket.once('error', reject);
    });
  }

  /** A live connection that has joined the project's room (rejects when the join is refused). */
  static async open(endpoints: LocalEndpoints, idToken: string, projectId: string): Promise<ChatSocket> {
    const chat = await ChatSocket.connect(endpoints, idToken);
    const answer = await chat.join(projectId);
    if (answer.type !== 'joined') {
      chat.close();
      throw new Error(`chat join refused: ${answer.code}`);
    }
    return chat;
  }

  /** Sends `join` and resolves with the answer: the `joined` frame, or the error naming the room. */
  join(projectId: string): Promise<Frame> {
    const seen = this.frames.length;
    this.send({ action: 'join', projectId });
    return this.frameAfter(seen, (frame) => (frame.type === 'joined' || frame.type === 'error') && frame.projectId === projectId);
  }

  /** Sends a frame (an object as JSON; a string as it is, for bad input). */
  send(frame: Frame | string): void {
    this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** The first frame (already received or still to come) that matches. */
  frame(predicate: (frame: Frame) => boolean): Promise<Frame> {
    const received = this.frames.find(predicate);
    if (received) return Promise.resolve(received);
    return new Promise((resolve) => this.waiters.push({ predicate, resolve }));
  }

  /** The first matching frame received after the first `index` frames. */
  frameAfter(index: number, predicate: (frame: Frame) => boolean): Promise<Frame> {
    const received = this.frames.slice(index).find(predicate);
    if (received) return Promise.resolve(received);
    return new Promise((resolve) => this.waiters.push({ predicate, resolve }));
  }

  close(): void {
    this.socket.close();
  }
}

/** The HTTP status of a chat handshake: 101 when it opened, else the refusal's status. */
export function chatHandshakeStatus(endpoints: LocalEndpoints, query: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${endpoints.chat}/?${query}`);
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      response.resume();
      socket.terminate();
    });
    socket.once('error', reject);
  });
}

/** A mail the local SES received (its `/store`), as the mail tests read it. */
export interface StoredMail {
  destination: { to: string[] };
  subject: string;
  body: { text?: string };
}

/** Every mail the local SES holds for one address. */
export async function mailsTo(endpoints: LocalEndpoints, address: string): Promise<StoredMail[]> {
  const mailStore = (await (await fetch(`${endpoints.mail}/store`)).json()) as { emails: StoredMail[] };
  return mailStore.emails.filter((mail) => mail.destination.to.includes(address));
}
