/**
 * The chat area's function (routes.ts): the history, newest first, paged; and
 * the chat's supervision (issue 9): delete a message, mute and unmute a
 * pupil, the room's state, close and reopen the pupils' chat, report a
 * message. What a route reads beyond the gate (the message, the muted member,
 * the room's settings) is read in the gate's own BatchGetItem (`alongWith`).
 * The table is written first; then the room's open clients get their frame
 * (room-frames.ts).
 */
import { ulid } from 'ulid';
import { listChatMessages } from '../../data/chat.ts';
import { chatRetentionDays, deleteMessage, deleteMute, listMutes, putMute, reportMessage, roomSettingsOf, setPupilsOpen } from '../../data/chat-supervision.ts';
import { keys, prefixes, type ItemKey } from '../../data/keys.ts';
import { listTeacherAdminIds, toMembership } from '../../data/memberships.ts';
import type { Notification } from '../../data/notifications.ts';
import { mayBeMuted, mayDeleteMessage, muteUntil } from '../../domain/chat-supervision.ts';
import { mayAtAll } from '../../domain/policy.ts';
import { sharedName } from '../../domain/roster.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { conflict, forbidden, notFound } from '../../lib/errors.ts';
import { areaHandler } from '../area.ts';
import { gated } from '../router.ts';
import type { ChatMessagesPage } from './schemas.ts';
import type { TwinspaceAccess } from '../twinspace-access.ts';
import { postToRoom } from './room-frames.ts';
import { chatRoutes } from './routes.ts';

const noSuchMessage = () => notFound('There is no such message in this chat.');
const closedProject = () => conflict('The project is closed: its TwinSpace is read-only.');
const notAMember = () => notFound('This person is not a member of this project.');

/** The item read alongside the gate with this key, if it exists. */
const alongside = (twinspace: TwinspaceAccess, key: ItemKey) => twinspace.alongside.find((item) => item.PK === key.PK && item.SK === key.SK);

export const handler = areaHandler(chatRoutes, {
  listChatMessages: async ({ params: { projectId }, query, store }) => {
    const startKey = decodeCursor(query.cursor, keys.roomPartition(projectId), prefixes.chatMessage);
    const { messages, lastKey } = await listChatMessages(store, projectId, { limit: query.limit, startKey });
    const body: ChatMessagesPage = { items: messages, nextCursor: encodeCursor(lastKey) };
    return { status: 200, body };
  },

  deleteChatMessage: gated({
    alongWith: ({ params: { projectId, messageId } }) => [keys.chatMessage(projectId, messageId)],
    handle: async ({ caller, params: { projectId, messageId }, twinspace, store }) => {
      const message = alongside(twinspace, keys.chatMessage(projectId, messageId));
      if (!message) throw noSuchMessage();
      if (!mayDeleteMessage({ userId: caller.userId, type: twinspace.membership.type }, { authorId: message.authorId as string })) {
        throw forbidden("Only the project's teachers delete other members' messages; you may delete your own.");
      }
      const outcome = await deleteMessage(store, projectId, messageId);
      if (!outcome.written) throw outcome.failed.includes('gone') ? noSuchMessage() : closedProject();
      await postToRoom(store, projectId, { type: 'messageDeleted', projectId, messageId });
      return { status: 204 };
    },
  }),

  muteChatMember: gated({
    // The caller's own membership is the gate's read already (a BatchGetItem refuses the same key twice).
    alongWith: ({ caller, params: { projectId, userId } }) => (userId === caller.userId ? [] : [keys.membership(projectId, userId)]),
    handle: async ({ caller, params: { projectId, userId }, body, twinspace, store }) => {
      const item = userId === caller.userId ? undefined : alongside(twinspace, keys.membership(projectId, userId));
      const target = userId === caller.userId ? twinspace.membership : item && toMembership(item);
      if (!target) throw notAMember();
      if (!mayBeMuted(target.type)) throw conflict('Only pupils can be muted in the chat.');
      const until = muteUntil(body.duration, new Date(), body.timeZone).toISOString();
      const outcome = await putMute(store, projectId, { userId, until, by: caller.userId, name: sharedName(target) }, target.type);
      if (!outcome.written) {
        throw outcome.failed.includes('closed') ? closedProject() : conflict("This member's type changed meanwhile; reload and try again.");
      }
      await postToRoom(store, projectId, { type: 'muted', projectId, until }, userId);
      return { status: 200, body: { userId, until } };
    },
  }),

  unmuteChatMember: async ({ params: { projectId, userId }, store }) => {
    const outcome = await deleteMute(store, projectId, userId);
    if (!outcome.written) throw closedProject();
    await postToRoom(store, projectId, { type: 'muted', projectId, until: null }, userId);
    return { status: 204 };
  },

  getChatState: gated({
    alongWith: ({ params: { projectId } }) => [keys.roomSettings(projectId)],
    handle: async ({ params: { projectId }, twinspace, store }) => {
      const settings = roomSettingsOf(alongside(twinspace, keys.roomSettings(projectId)));
      const supervises = mayAtAll(twinspace.membership.type, 'supervise-chat');
      const mutes = supervises ? await listMutes(store, projectId, new Date()) : [];
      return {
        status: 200,
        body: { pupilsOpen: settings.pupilsOpen, retentionDays: chatRetentionDays(), mutes: mutes.map(({ userId, until, name }) => ({ userId, until, name })) },
      };
    },
  }),

  setPupilsChat: async ({ caller, params: { projectId }, body: { open }, store }) => {
    const outcome = await setPupilsOpen(store, projectId, open, caller.userId, new Date());
    if (!outcome.written) throw closedProject();
    await postToRoom(store, projectId, { type: 'chatState', projectId, pupilsOpen: open });
    return { status: 200, body: { pupilsOpen: open } };
  },

  reportChatMessage: gated({
    alongWith: ({ params: { projectId, messageId } }) => [keys.chatMessage(projectId, messageId)],
    whileGated: ({ params: { projectId }, store }) => listTeacherAdminIds(store, projectId),
    handle: async ({ caller, params: { projectId, messageId }, body, twinspace, store }, teacherAdminIds) => {
      const message = alongside(twinspace, keys.chatMessage(projectId, messageId));
      if (!message) throw noSuchMessage();
      const createdAt = new Date().toISOString();
      const reporter = sharedName(twinspace.membership);
      const excerpt = String(message.text ?? '').slice(0, 200);
      // Each teacher administrator hears of it (not the reporter themselves, who knows).
      const notifications: Notification[] = teacherAdminIds
        .filter((userId) => userId !== caller.userId)
        .map((userId) => ({
          notificationId: ulid(),
          userId,
          topic: 'chat-report',
          projectId,
          subjectId: messageId,
          params: { by: reporter, project: twinspace.project.title },
          about: caller.userId,
          title: `${reporter} reported a chat message in "${twinspace.project.title}"`,
          body: `${String(message.authorName ?? '')}: "${excerpt}"${body.reason ? `\nReason: ${body.reason}` : ''}`,
          createdAt,
        }));
      const outcome = await reportMessage(
        store,
        {
          projectId,
          messageId,
          reporterId: caller.userId,
          reason: body.reason || undefined,
          createdAt,
          expiresAt: typeof message.expiresAt === 'number' ? message.expiresAt : undefined,
        },
        notifications,
      );
      if (!outcome.written) {
        if (outcome.failed.includes('gone')) throw noSuchMessage();
        if (outcome.failed.includes('closed')) throw closedProject();
        // This member reported it before: nothing new.
        return { status: 200, body: { messageId } };
      }
      return { status: 201, body: { messageId } };
    },
  }),
});
