/** The chat area's function (routes.ts): GET /projects/{projectId}/chat/messages, the history, newest first, paged. */
import { listChatMessages } from '../../data/chat.ts';
import { keys, prefixes } from '../../data/keys.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { areaHandler } from '../area.ts';
import type { ChatMessagesPage } from '../schemas.ts';
import { chatRoutes } from './routes.ts';

export const handler = areaHandler(chatRoutes, {
  listChatMessages: async ({ params: { projectId }, query, store }) => {
    const startKey = decodeCursor(query.cursor, keys.roomPartition(projectId), prefixes.chatMessage);
    const { messages, lastKey } = await listChatMessages(store, projectId, { limit: query.limit, startKey });
    const body: ChatMessagesPage = { items: messages, nextCursor: encodeCursor(lastKey) };
    return { status: 200, body };
  },
});
