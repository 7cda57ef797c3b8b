/**
 * $default: every client frame of the live connection (events/chat-frames.ts,
 * protocol v2): join, leave, sendMessage, ping.
 *
 * `join` and every `sendMessage` are checked against the table, in ONE
 * BatchGetItem (project, membership, mute, room settings, the live
 * connection): a type changed, a mute set or the pupils' chat closed counts at
 * once, not at the next connect. A message is stored together with the
 * connection's rate-limit bucket in one TransactWriteItems (conditional on
 * the bucket as read), and only then posted to every connection of the room,
 * so history and live view never disagree and a refused message is never
 * stored. Problems go to the sender only, as an error frame; the socket
 * stays open after every one.
 *
 * Then the pupil guard (issue 12, guardWrite): a pupil's message with personal
 * data or abuse in it is held for a teacher — nothing in the room, a `held`
 * frame to the pupil's own tabs only, the teachers notified; it still spends
 * its rate-limit token. A teacher's such message is answered
 * PERSONAL_DATA_WARNING unless the frame acknowledges it.
 */
import { decodeTime, ulid } from 'ulid';
import type { FindingKind } from '../domain/pupil-guard/types.ts';
import {
  clientFrame,
  frameErrorCode,
  maxFrameBytes,
  type ChatErrorCode,
  type ErrorFrame,
  type JoinFrame,
  type LeaveFrame,
  type SendMessageFrame,
} from '../../events/chat-frames.ts';
import { tableStore } from '../lib/clients.ts';
import { countOf, logger, observedHandler } from '../lib/observability.ts';
import {
  bucketToken,
  chatRetentionDays,
  connectionTtlSeconds,
  getLiveConnection,
  getRoomAccess,
  joinRoom,
  leaveRoom,
  listRoomConnections,
  storeMessageWithBucket,
  type ChatMessage,
  type RoomAccess,
} from '../data/chat.ts';
import { takeToken } from '../domain/chat-rate.ts';
import type { GuardedItem } from '../data/transact.ts';
import { guardWrite, HeldWithRefused, type HeldSummary } from '../http/guarded-write.ts';
import { HttpError } from '../lib/errors.ts';
import type { Membership } from '../data/memberships.ts';
import type { Project } from '../data/projects.ts';
import type { TableStore } from '../data/store.ts';
import { isMuted, mayJoinChat, mayTalkWhilePupilsChat } from '../domain/chat-rules.ts';
import { sharedName } from '../domain/roster.ts';
import { broadcast, broadcastPresence, liveRoom, postFrame, postToPerson, presentIn } from './broadcast.ts';
import { connectionOwner, type ChatEvent, type ChatResult } from './events.ts';

class ChatFrameError extends Error {
  constructor(
    readonly code: ChatErrorCode,
    message: string,
    readonly extra: Pick<ErrorFrame, 'projectId' | 'retryAfter' | 'until' | 'kinds' | 'clientId'> = {},
  ) {
    super(message);
  }
}

interface Caller {
  userId: string;
  connectionId: string;
  /** When API Gateway received the frame (requestTimeEpoch): the rate limit counts frames as they were sent. */
  arrivedAt: number;
}

function parseFrame(event: ChatEvent) {
  const raw = event.isBase64Encoded && event.body ? Buffer.from(event.body, 'base64').toString('utf8') : (event.body ?? '');
  if (Buffer.byteLength(raw, 'utf8') > maxFrameBytes) {
    throw new ChatFrameError('TOO_LARGE', `A frame is at most ${maxFrameBytes / 1024} KB.`);
  }
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new ChatFrameError('BAD_FRAME', 'A frame is a JSON object with an "action".');
  }
  const parsed = clientFrame.safeParse(body);
  if (!parsed.success) {
    const code = frameErrorCode(parsed.error, body);
    const message = code === 'UNKNOWN_ACTION' ? 'Unknown action: use join, leave, sendMessage or ping.' : (parsed.error.issues[0]?.message ?? 'This frame is not valid.');
    const projectId = (body as { projectId?: unknown } | null)?.projectId;
    throw new ChatFrameError(code, message, typeof projectId === 'string' && projectId.length <= 64 ? { projectId } : {});
  }
  return parsed.data;
}

/** The member may take part in the room (member of a type that may chat, project open), else FORBIDDEN naming the room. */
function memberOf(access: RoomAccess, projectId: string) {
  const { project, membership } = access;
  if (!project || !membership || !mayJoinChat(membership.type, project.state)) {
    throw new ChatFrameError('FORBIDDEN', 'You may not take part in this chat.', { projectId });
  }
  return membership;
}

async function join(frame: JoinFrame, caller: Caller): Promise<void> {
  const store = tableStore();
  const { projectId } = frame;
  const access = await getRoomAccess(store, projectId, caller.userId, caller.connectionId);
  const membership = memberOf(access, projectId);
  if (!access.live) throw new ChatFrameError('FORBIDDEN', 'This connection is no longer known; reconnect.', { projectId });
  const now = new Date();
  const joined = await joinRoom(store, {
    connectionId: caller.connectionId,
    projectId,
    userId: caller.userId,
    name: sharedName(membership),
    type: membership.type,
    joinedAt: now.toISOString(),
    expiresAt: access.live.expiresAt ?? Math.floor(now.getTime() / 1000) + connectionTtlSeconds,
  });
  if (!joined) throw new ChatFrameError('FORBIDDEN', 'You may not take part in this chat.', { projectId });
  const connections = await listRoomConnections(store, projectId);
  const present = presentIn(connections);
  const muted = isMuted(access.mute?.until, now) ? access.mute?.until : undefined;
  await postFrame(caller.connectionId, {
    type: 'joined',
    projectId,
    present,
    pupilsOpen: access.settings.pupilsOpen,
    ...(muted ? { mutedUntil: muted } : {}),
    retentionDays: chatRetentionDays(),
  });
  const others = connections.filter((connection) => connection.connectionId !== caller.connectionId);
  await broadcast(projectId, { type: 'presence', projectId, present }, liveRoom(projectId, others, store));
}

async function leave(frame: LeaveFrame, caller: Caller): Promise<void> {
  const store = tableStore();
  await leaveRoom(store, frame.projectId, caller.userId, caller.connectionId);
  await postFrame(caller.connectionId, { type: 'left', projectId: frame.projectId, reason: 'left' });
  await broadcastPresence(frame.projectId, store);
}

/**
 * The guard on a message that passed every other check: 'publish', or held
 * (stored for the teachers, who are notified, by guardWrite). A teacher's
 * message with a finding is refused PERSONAL_DATA_WARNING unless acknowledged.
 */
async function guarded(
  store: TableStore,
  frame: SendMessageFrame,
  project: Project,
  membership: Membership,
  token: GuardedItem<'heldWith'>,
): Promise<{ outcome: 'publish' } | { outcome: 'held'; held: HeldSummary }> {
  try {
    return await guardWrite({
      store,
      project,
      caller: { userId: membership.userId, type: membership.type, displayName: membership.displayName },
      surface: 'chat-message',
      target: { projectId: frame.projectId },
      draft: { text: frame.text },
      texts: { text: frame.text },
      // Pupils read the chat: a teacher is warned before personal data goes to them.
      pupilsRead: true,
      ...(frame.acknowledgePersonalData ? { acknowledgePersonalData: true } : {}),
      ...(frame.clientId ? { clientId: frame.clientId } : {}),
      // A held message counts against the rate limit as a sent one does: its token goes in the held text's transaction.
      heldWith: [token],
    });
  } catch (error) {
    if (!(error instanceof HttpError) || error.code !== 'PERSONAL_DATA_WARNING') throw error;
    const kinds = [...new Set(error.details.map((detail) => detail.message))] as FindingKind[];
    throw new ChatFrameError('PERSONAL_DATA_WARNING', 'Pupils read this chat: send it again to confirm it may hold personal data.', {
      projectId: frame.projectId,
      kinds,
      ...(frame.clientId ? { clientId: frame.clientId } : {}),
    });
  }
}

async function sendMessage(frame: SendMessageFrame, caller: Caller): Promise<void> {
  const store = tableStore();
  const { projectId } = frame;
  let access = await getRoomAccess(store, projectId, caller.userId, caller.connectionId);
  const message: ChatMessage = {
    id: ulid(),
    projectId,
    authorId: caller.userId,
    authorName: '',
    authorType: 'visitor',
    text: frame.text,
    sentAt: '',
  };
  let cleared = false;
  // Two tries: the bucket as read, then (another frame took a token meanwhile) as read again.
  for (let attempt = 0; attempt < 2; attempt++) {
    if (attempt > 0) {
      const live = await getLiveConnection(store, caller.userId, caller.connectionId);
      access = { ...access, live };
    }
    const membership = memberOf(access, projectId);
    if (!access.live?.rooms.includes(projectId)) throw new ChatFrameError('FORBIDDEN', 'Join the room before sending to it.', { projectId });
    const now = new Date(Math.max(caller.arrivedAt, access.live.bucket?.at ?? 0));
    if (access.mute && isMuted(access.mute.until, new Date())) {
      throw new ChatFrameError('MUTED', 'You are muted in this chat for now.', { projectId, until: access.mute.until });
    }
    if (!mayTalkWhilePupilsChat(membership.type, access.settings.pupilsOpen)) {
      throw new ChatFrameError('CHAT_CLOSED', "The pupils' chat is closed for now.", { projectId });
    }
    const take = takeToken(access.live.bucket, now.getTime());
    if (!take.allowed) throw new ChatFrameError('RATE_LIMITED', 'You are sending too fast; wait a moment.', { projectId, retryAfter: take.retryAfter });
    // The guard once, after every other check passed (a refused frame costs no members Query, holds nothing).
    if (!cleared) {
      const connection = { userId: caller.userId, connectionId: caller.connectionId, readBucket: access.live.bucket, newBucket: take.bucket };
      let verdict: Awaited<ReturnType<typeof guarded>>;
      try {
        verdict = await guarded(store, frame, access.project!, membership, bucketToken(store, projectId, connection, 'heldWith'));
      } catch (error) {
        // Another frame of the connection took a token meanwhile (or it left the room): read again, as a sent message does.
        if (error instanceof HeldWithRefused) continue;
        throw error;
      }
      if (verdict.outcome === 'held') {
        const { heldId, kinds } = verdict.held;
        // The held text's id is a ULID of its heldAt: the frame says the same time as GET …/moderation/mine.
        const heldAt = new Date(decodeTime(heldId)).toISOString();
        const held = { heldId, ...(frame.clientId ? { clientId: frame.clientId } : {}), text: frame.text, kinds, heldAt };
        await postToPerson(caller.userId, { type: 'held', projectId, held }, store);
        return;
      }
      cleared = true;
    }
    Object.assign(message, { authorName: sharedName(membership), authorType: membership.type, sentAt: new Date().toISOString() });
    const outcome = await storeMessageWithBucket(store, message, {
      userId: caller.userId,
      connectionId: caller.connectionId,
      readBucket: access.live.bucket,
      newBucket: take.bucket,
    });
    if (outcome === 'stored') {
      countOf('ChatMessagesSent');
      await broadcast(projectId, { type: 'message', message: { ...message, ...(frame.clientId ? { clientId: frame.clientId } : {}) } });
      return;
    }
  }
  throw new ChatFrameError('RATE_LIMITED', 'You are sending too fast; wait a moment.', { projectId, retryAfter: 1 });
}

async function handle(event: ChatEvent): Promise<ChatResult> {
  const connectionId = event.requestContext.connectionId;
  try {
    const owner = connectionOwner(event);
    if (!owner) throw new ChatFrameError('FORBIDDEN', 'This connection was not authorised.');
    const caller = { userId: owner.userId, connectionId, arrivedAt: event.requestContext.requestTimeEpoch || Date.now() };
    const frame = parseFrame(event);
    if (frame.action === 'join') await join(frame, caller);
    else if (frame.action === 'leave') await leave(frame, caller);
    else if (frame.action === 'sendMessage') await sendMessage(frame, caller);
    else await postFrame(connectionId, { type: 'pong' });
  } catch (error) {
    if (error instanceof ChatFrameError) {
      await postFrame(connectionId, { type: 'error', code: error.code, message: error.message, ...error.extra });
    } else {
      logger.error('Chat frame failed', { error: error as Error, connectionId });
      await postFrame(connectionId, { type: 'error', code: 'INTERNAL', message: 'Something went wrong on our side.' });
    }
  }
  return { statusCode: 200 };
}

/** In the Powertools middlewares every function runs in (log context, correlation id, trace, metrics). */
export const handler = observedHandler(handle);
