/**
 * The chat's HTTP side: its history (the live chat itself is the WebSocket
 * API, functions/chat/). Area 'chat', folder functions/http/chat/; the
 * WebSocket handlers' folder functions/chat/ is another thing. Members whose
 * type may chat read it, also once the project is closed (a read).
 */
import { pageQuery } from '../../lib/cursor.ts';
import { area, route } from '../../lib/route.ts';
import { chatMessagesPage, projectPathParams } from '../schemas.ts';

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
});
