/**
 * The chat's HTTP side: its history and its supervision (the live chat itself
 * is the WebSocket API, functions/chat/). Area 'chat', folder
 * functions/http/chat/; the WebSocket handlers' folder functions/chat/ is
 * another thing. Members whose type may chat read the history, also once the
 * project is closed (a read).
 *
 * Supervision (issue 9): teachers delete any message and authors their own,
 * teachers mute a pupil, teacher administrators close and reopen the pupils'
 * chat, any member who chats reports a message. Writes are refused while the
 * project is closed. After each write the room hears of it through the
 * @connections API (messageDeleted, chatState, muted to the muted member's
 * connections): so these routes carry the 'chat-connections' grant.
 */
import { pageQuery } from '../../lib/cursor.ts';
import { area, route } from '../../lib/route.ts';
import { projectPathParams } from '../schemas.ts';
import { chatMessagesPage } from './schemas.ts';
import {
  chatMessagePathParams,
  chatMutePathParams,
  chatStateResponse,
  muteBody,
  muteResponse,
  pupilsChatBody,
  pupilsChatResponse,
  reportBody,
  reportResponse,
} from './schemas.ts';

export const chatRoutes = area('chat', {
  listChatMessages: route({
    name: 'list-chat-messages',
    method: 'GET',
    path: '/projects/{projectId}/chat/messages',
    auth: 'jwt',
    action: 'chat',
    summary: 'The chat history, newest first (members whose type may chat; also of a closed project)',
    params: projectPathParams,
    query: pageQuery,
    responses: { 200: chatMessagesPage },
  }),
  deleteChatMessage: route({
    name: 'delete-chat-message',
    method: 'DELETE',
    path: '/projects/{projectId}/chat/messages/{messageId}',
    auth: 'jwt',
    // Pupils pass the gate: they delete their own messages; the handler keeps anyone else's to 'supervise-chat'.
    action: 'chat',
    summary:
      "Delete a chat message: the project's teachers any message, its author their own (403 otherwise; 404 unknown). Every open client in the room gets a messageDeleted frame",
    params: chatMessagePathParams,
    responses: { 204: null },
    grants: ['chat-connections'],
  }),
  muteChatMember: route({
    name: 'mute-chat-member',
    method: 'PUT',
    path: '/projects/{projectId}/chat/mutes/{userId}',
    auth: 'jwt',
    action: 'supervise-chat',
    summary:
      'Mute a pupil {duration: "10m" | "1h" | "day", timeZone?} ("day": until the end of the day in that IANA zone, UTC by default) → {userId, until}. Only pupils are muted (409); 404 not a member. The pupil\'s open clients get a muted frame',
    params: chatMutePathParams,
    body: muteBody,
    responses: { 200: muteResponse },
    grants: ['chat-connections'],
  }),
  unmuteChatMember: route({
    name: 'unmute-chat-member',
    method: 'DELETE',
    path: '/projects/{projectId}/chat/mutes/{userId}',
    auth: 'jwt',
    action: 'supervise-chat',
    summary: "Lift a member's mute (also when there is none); their open clients get a muted frame with until null",
    params: chatMutePathParams,
    responses: { 204: null },
    grants: ['chat-connections'],
  }),
  getChatState: route({
    name: 'get-chat-state',
    method: 'GET',
    path: '/projects/{projectId}/chat/state',
    auth: 'jwt',
    action: 'chat',
    summary: "The chat's state: whether the pupils' chat is open, how many days messages are kept, and the running mutes (only for the project's teachers; others get [])",
    params: projectPathParams,
    responses: { 200: chatStateResponse },
  }),
  setPupilsChat: route({
    name: 'set-pupils-chat',
    method: 'PUT',
    path: '/projects/{projectId}/chat/pupils',
    auth: 'jwt',
    action: 'open-pupils-chat',
    summary: "Close {open: false} or reopen {open: true} the pupils' chat (teacher administrators); teachers still chat while it is closed. The room gets a chatState frame",
    params: projectPathParams,
    body: pupilsChatBody,
    responses: { 200: pupilsChatResponse },
    grants: ['chat-connections'],
  }),
  reportChatMessage: route({
    name: 'report-chat-message',
    method: 'POST',
    path: '/projects/{projectId}/chat/messages/{messageId}/reports',
    auth: 'jwt',
    action: 'report-chat-message',
    summary:
      "Report a chat message {reason? ≤ 500} to the project's teacher administrators (each gets a notification linking to it) → 201; the same member reporting it again → 200, nothing new; 404 unknown message",
    params: chatMessagePathParams,
    body: reportBody,
    responses: { 201: reportResponse, 200: reportResponse },
  }),
});
