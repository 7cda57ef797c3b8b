/**
 * The local WebSocket API: the $connect authorizer decides the handshake
 * (401 bad token or a staff token without a second factor; any other valid token opens, no projectId needed), API
 * Gateway's own 128 KB message limit, and the @connections management API
 * answers the real SDK client as API Gateway does (410 GoneException for a
 * gone id).
 */
import { ApiGatewayManagementApiClient, GetConnectionCommand, GoneException, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import { listLiveConnections, listRoomConnections } from '../../functions/data/chat.ts';
import { addMembership } from '../../functions/data/memberships.ts';
import { createProject } from '../../functions/data/projects.ts';
import { handlerEnv } from '../../infra/local/endpoints.ts';
import { newSignedInUser } from '../support/cognito-users.ts';

const endpoints = inject('endpoints');

/** The handshake's HTTP status: 101 when it opened, else the rejection's status. */
function handshakeStatus(query: string): Promise<number> {
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
    socket.once('error', (error) => reject(error));
  });
}

describe('the $connect authorizer', () => {
  let idToken: string;
  beforeAll(async () => {
    ({ idToken } = await newSignedInUser(endpoints));
  });

  it('refuses the handshake with 401 without a token or with a bad one', async () => {
    expect(await handshakeStatus('projectId=p1')).toBe(401);
    expect(await handshakeStatus('token=not-a-token')).toBe(401);
  });

  it('opens for any valid token, without a projectId (one given is ignored)', async () => {
    expect(await handshakeStatus(`token=${encodeURIComponent(idToken)}`)).toBe(101);
    expect(await handshakeStatus(`token=${encodeURIComponent(idToken)}&projectId=no-such-project`)).toBe(101);
  });

  it('refuses an NSS officer whose token shows no second factor, and opens once it does (issue 11)', async () => {
    const without = await newSignedInUser(endpoints, ['nss'], { secondFactor: false });
    expect(await handshakeStatus(`token=${encodeURIComponent(without.idToken)}`)).toBe(401);
    const enrolled = await newSignedInUser(endpoints, ['nss']);
    expect(await handshakeStatus(`token=${encodeURIComponent(enrolled.idToken)}`)).toBe(101);
  });
});

describe('the @connections management API', () => {
  // Handlers reach it through CHAT_CALLBACK_URL, exactly as configured for them.
  const connections = new ApiGatewayManagementApiClient({
    endpoint: handlerEnv(endpoints).CHAT_CALLBACK_URL,
    region: endpoints.region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });

  it('answers 410 GoneException to the SDK for a connection that does not exist', async () => {
    const post = connections.send(new PostToConnectionCommand({ ConnectionId: 'L0SM9cOFvHcCIhw=', Data: '{"type":"message"}' }));
    await expect(post).rejects.toBeInstanceOf(GoneException);
    await expect(post).rejects.toMatchObject({ $metadata: { httpStatusCode: 410 } });
    await expect(connections.send(new GetConnectionCommand({ ConnectionId: 'L0SM9cOFvHcCIhw=' }))).rejects.toBeInstanceOf(GoneException);
  });
});

/** The next frame the server pushes to this socket, parsed. */
function nextFrame(socket: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((resolve) => socket.once('message', (frame) => resolve(JSON.parse(frame.toString()))));
}

describe('a live connection', () => {
  const connections = new ApiGatewayManagementApiClient({
    endpoint: handlerEnv(endpoints).CHAT_CALLBACK_URL,
    region: endpoints.region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const store = {
    db: DynamoDBDocumentClient.from(
      new DynamoDBClient({ endpoint: endpoints.dynamodb, region: endpoints.region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
    ),
    tableName: endpoints.table,
  };
  const projectId = ulid();
  let socket: WebSocket;
  let userId: string;

  beforeAll(async () => {
    const teacher = await newSignedInUser(endpoints);
    userId = JSON.parse(Buffer.from(teacher.idToken.split('.')[1], 'base64url').toString()).sub as string;
    await createProject(store, {
      projectId,
      title: 'Gateway test project',
      description: 'A project for the chat gateway test',
      state: 'approved',
      subjects: ['science'],
      ages: { min: 10, max: 12 },
      languages: ['en'],
      founders: [userId],
      partners: [{ userId, displayName: 'Test Teacher', country: 'ES' }],
      createdAt: new Date().toISOString(),
      version: 1,
    });
    await addMembership(
      store,
      { projectId, userId, type: 'teacher-admin', kind: 'teacher', displayName: 'Test Teacher', country: 'ES', joinedAt: new Date().toISOString() },
      'Gateway test project',
    );
    socket = new WebSocket(`${endpoints.chat}/?token=${encodeURIComponent(teacher.idToken)}`);
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('unexpected-response', (_request, response) => reject(new Error(`handshake ${response.statusCode}`)));
    });
    const joined = nextFrame(socket);
    socket.send(JSON.stringify({ action: 'join', projectId }));
    expect(await joined).toMatchObject({ type: 'joined', projectId });
  });

  afterAll(() => socket?.close());

  it('reaches $default with the frame and gets the broadcast back through @connections', async () => {
    const pushed = nextFrame(socket);
    socket.send(JSON.stringify({ action: 'sendMessage', projectId, text: 'Hello from the gateway test' }));
    expect(await pushed).toMatchObject({ type: 'message', message: { projectId, text: 'Hello from the gateway test', authorName: 'Test Teacher' } });
  });

  it('is known to the management API under the id the $connect handler stored, until it closes', async () => {
    const [stored] = await listLiveConnections(store, userId);
    const ConnectionId = stored.connectionId;
    expect((await listRoomConnections(store, projectId)).map((connection) => connection.connectionId)).toEqual([ConnectionId]);
    const info = await connections.send(new GetConnectionCommand({ ConnectionId }));
    expect(info.ConnectedAt).toBeInstanceOf(Date);
    const pushed = nextFrame(socket);
    await connections.send(new PostToConnectionCommand({ ConnectionId, Data: JSON.stringify({ type: 'messageDeleted', projectId, messageId: 'm1' }) }));
    expect(await pushed).toEqual({ type: 'messageDeleted', projectId, messageId: 'm1' });

    socket.close();
    await expect.poll(() => listRoomConnections(store, projectId), { timeout: 10_000 }).toEqual([]);
    await expect.poll(() => listLiveConnections(store, userId), { timeout: 10_000 }).toEqual([]);
    await expect(connections.send(new GetConnectionCommand({ ConnectionId }))).rejects.toBeInstanceOf(GoneException);
  });
});

describe('message size', () => {
  it('closes the connection with 1009 above API Gateway\'s own 128 KB, as API Gateway does (the chat\'s 8 KB limit is $default\'s error frame)', async () => {
    const { idToken } = await newSignedInUser(endpoints);
    const socket = new WebSocket(`${endpoints.chat}/?token=${encodeURIComponent(idToken)}`);
    await new Promise((resolve) => socket.once('open', resolve));
    const big = nextFrame(socket);
    socket.send(JSON.stringify({ action: 'ping', pad: 'z'.repeat(9 * 1024) }));
    expect(await big).toMatchObject({ type: 'error', code: 'TOO_LARGE' });
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send('z'.repeat(129 * 1024));
    expect(await closed).toBe(1009);
  });
});
