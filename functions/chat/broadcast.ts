/**
 * Pushing frames to connections through the @connections API. A connection
 * that answers 410 (GoneException) is stale: its item is deleted, and the
 * broadcast carries on; one dead socket never fails the sender.
 */
import { PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import type { ServerFrame } from '../../events/chat-frames.ts';
import { chatConnections, tableStore } from '../lib/clients.ts';
import { logger } from '../lib/logger.ts';
import { deleteChatConnection, listRoomConnections } from '../data/chat.ts';

function isGone(error: unknown): boolean {
  const failure = error as { $metadata?: { httpStatusCode?: number }; name?: string };
  return failure?.$metadata?.httpStatusCode === 410 || failure?.name === 'GoneException';
}

/** Posts one frame to one connection; 'gone' when the connection no longer exists. */
export async function postFrame(connectionId: string, frame: ServerFrame): Promise<'sent' | 'gone' | 'failed'> {
  try {
    await chatConnections().send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: JSON.stringify(frame) }));
    return 'sent';
  } catch (error) {
    if (isGone(error)) return 'gone';
    logger.warn('Posting to a chat connection failed', { connectionId, error: error as Error });
    return 'failed';
  }
}

/** Sends a frame to every connection of the room (one Query), cleaning up stale ones. */
export async function broadcast(projectId: string, frame: ServerFrame): Promise<{ sent: number; gone: number }> {
  const store = tableStore();
  const connections = await listRoomConnections(store, projectId);
  const outcomes = await Promise.all(
    connections.map(async (connection) => {
      const outcome = await postFrame(connection.connectionId, frame);
      if (outcome === 'gone') await deleteChatConnection(store, projectId, connection.connectionId);
      return outcome;
    }),
  );
  return { sent: outcomes.filter((outcome) => outcome === 'sent').length, gone: outcomes.filter((outcome) => outcome === 'gone').length };
}
