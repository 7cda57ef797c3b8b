/**
 * The local WebSocket API: the $connect authorizer decides the handshake
 * (401 bad token, 403 denied), and the @connections management API answers
 * the real SDK client as API Gateway does (410 GoneException for a gone id).
 */
import { ApiGatewayManagementApiClient, GetConnectionCommand, GoneException, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
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
