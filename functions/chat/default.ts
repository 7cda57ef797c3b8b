/**
 * $default: every client frame (events/chat-frames.ts). The member's type is
 * read again from the table (a type changed since connecting counts now, not
 * at the next connect). A message is stored FIRST and then posted to every
 * connection of the room, so history and live view never disagree. Problems
 * go to the sender only, as an error frame.
 */
import { ulid } from 'ulid';
import { clientFrame, frameErrorCode, type ChatErrorCode, type DeleteMessageFrame, type SendMessageFrame } from '../../events/chat-frames.ts';
import { tableStore } from '../lib/clients.ts';
import { countOf, logger, observedHandler } from '../lib/observability.ts';
import { deleteChatMessage, putChatMessage, type ChatMessage } from '../data/chat.ts';
import type { Membership } from '../data/memberships.ts';
import { getProjectAccess } from '../data/projects.ts';
import { mayDeleteChatMessage, mayJoinChat } from '../domain/chat-rules.ts';
import type { ProjectState } from '../domain/project-lifecycle.ts';
import { sharedName } from '../domain/roster.ts';
import { broadcast, postFrame } from './broadcast.ts';
import { connectionOwner, type ChatEvent, type ChatResult } from './events.ts';

class ChatFrameError extends Error {
  constructor(
    readonly code: ChatErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function parseFrame(event: ChatEvent) {
  let body: unknown;
  try {
    const raw = event.isBase64Encoded && event.body ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
    body = JSON.parse(raw ?? '');
  } catch {
    throw new ChatFrameError('BAD_FRAME', 'A frame is a JSON object with an "action".');
  }
  const parsed = clientFrame.safeParse(body);
  if (!parsed.success) {
    const code = frameErrorCode(parsed.error);
    throw new ChatFrameError(code, parsed.error.issues[0]?.message ?? 'This frame is not valid.');
  }
  return parsed.data;
}

async function sendMessage(frame: SendMessageFrame, membership: Membership, state: ProjectState): Promise<void> {
  if (!mayJoinChat(membership.type, state)) throw new ChatFrameError('FORBIDDEN', 'You may not send messages in this chat.');
  const message: ChatMessage = {
    id: ulid(),
    projectId: membership.projectId,
    authorId: membership.userId,
    authorName: sharedName(membership),
    authorType: membership.type,
    text: frame.text,
    sentAt: new Date().toISOString(),
  };
  await putChatMessage(tableStore(), message);
  countOf('ChatMessagesSent');
  await broadcast(message.projectId, { type: 'message', message });
}

async function deleteMessage(frame: DeleteMessageFrame, membership: Membership, state: ProjectState): Promise<void> {
  if (!mayDeleteChatMessage(membership.type, state)) throw new ChatFrameError('FORBIDDEN', 'Only a teacher administrator deletes messages.');
  const deleted = await deleteChatMessage(tableStore(), membership.projectId, frame.messageId);
  if (!deleted) throw new ChatFrameError('NOT_FOUND', 'There is no such message.');
  await broadcast(membership.projectId, { type: 'messageDeleted', messageId: frame.messageId });
}

async function handle(event: ChatEvent): Promise<ChatResult> {
  const connectionId = event.requestContext.connectionId;
  try {
    const owner = connectionOwner(event);
    if (!owner) throw new ChatFrameError('FORBIDDEN', 'This connection was not authorised.');
    const frame = parseFrame(event);
    const { project, membership } = await getProjectAccess(tableStore(), owner.projectId, owner.userId);
    if (!project || !membership) throw new ChatFrameError('FORBIDDEN', 'You are no longer a member of this project.');
    if (frame.action === 'sendMessage') await sendMessage(frame, membership, project.state);
    else await deleteMessage(frame, membership, project.state);
  } catch (error) {
    if (error instanceof ChatFrameError) {
      await postFrame(connectionId, { type: 'error', code: error.code, message: error.message });
    } else {
      logger.error('Chat frame failed', { error: error as Error, connectionId });
      await postFrame(connectionId, { type: 'error', code: 'INTERNAL', message: 'Something went wrong on our side.' });
    }
  }
  return { statusCode: 200 };
}

/** In the Powertools middlewares every function runs in (log context, correlation id, trace, metrics). */
export const handler = observedHandler(handle);
