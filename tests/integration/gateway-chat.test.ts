/**
 * The local WebSocket API: the $connect authorizer decides the handshake
 * (401 bad token, 403 denied), and the @connections management API answers
 * the real SDK client as API Gateway does (410 GoneException for a gone id).
 */
import { ApiGatewayManagementApiClient, GetConnectionCommand, GoneException, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import { listRoomConnections } from '../../functions/data/chat.ts';
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
    expect(await handshakeStatus('token=not-a-token&projectId=p1')).toBe(401);
  });

  it('refuses the handshake with 403 for a valid user who is not a member of the project', async () => {
    expect(await handshakeStatus(`token=${encodeURIComponent(idToken)}&projectId=no-such-project`)).toBe(403);
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

  beforeAll(async () => {
    const teacher = await newSignedInUser(endpoints);
    const userId = JSON.parse(Buffer.from(teacher.idToken.split('.')[1], 'base64url').toString()).sub as string;
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
    socket = new WebSocket(`${endpoints.chat}/?token=${encodeURIComponent(teacher.idToken)}&projectId=${projectId}`);
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('unexpected-response', (_request, response) => reject(new Error(`handshake ${response.statusCode}`)));
    });
  });

  afterAll(() => socket?.close());

  it('reaches $default with the frame and gets the broadcast back through @connections', async () => {
    const pushed = nextFrame(socket);
    socket.send(JSON.stringify({ action: 'sendMessage', text: 'Hello from the gateway test' }));
    expect(await pushed).toMatchObject({ type: 'message', message: { projectId, text: 'Hello from the gateway test', authorName: 'Test Teacher' } });
  });

  it('is known to the management API under the id the $connect handler stored, until it closes', async () => {
    const [stored] = await listRoomConnections(store, projectId);
    const ConnectionId = stored.connectionId;
    const info = await connections.send(new GetConnectionCommand({ ConnectionId }));
    expect(info.ConnectedAt).toBeInstanceOf(Date);
    const pushed = nextFrame(socket);
    await connections.send(new PostToConnectionCommand({ ConnectionId, Data: JSON.stringify({ type: 'messageDeleted', messageId: 'm1' }) }));
    expect(await pushed).toEqual({ type: 'messageDeleted', messageId: 'm1' });

    socket.close();
    await expect.poll(() => listRoomConnections(store, projectId), { timeout: 10_000 }).toEqual([]);
    await expect(connections.send(new GetConnectionCommand({ ConnectionId }))).rejects.toBeInstanceOf(GoneException);
  });
});
