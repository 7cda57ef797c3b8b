/** GET /projects/{projectId}/chat/messages: the chat history, newest first, paged. Members who may chat only. */
import { callerOf } from '../lib/claims.ts';
import { tableStore } from '../lib/clients.ts';
import { decodeCursor, encodeCursor, pageQuery } from '../lib/cursor.ts';
import { forbidden, parseOr400 } from '../lib/errors.ts';
import { httpHandler, json } from '../lib/http.ts';
import { keys, prefixes } from '../data/keys.ts';
import { listChatMessages as listStoredChatMessages } from '../data/chat.ts';
import { mayReadChat } from '../domain/chat-rules.ts';
import { requireMember } from './access.ts';
import { projectPathParams, type ChatMessagesPage } from './schemas.ts';

export const listChatMessages = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { projectId } = parseOr400(projectPathParams, event.pathParameters ?? {}, 'path');
  const query = parseOr400(pageQuery, event.queryStringParameters ?? {}, 'query');
  const startKey = decodeCursor(query.cursor, keys.roomPartition(projectId), prefixes.chatMessage);
  const store = tableStore();
  const { membership } = await requireMember(store, projectId, caller);
  if (!mayReadChat(membership.type)) throw forbidden('Visitors do not take part in the chat.');
  const { messages, lastKey } = await listStoredChatMessages(store, projectId, { limit: query.limit, startKey });
  const body: ChatMessagesPage = { items: messages, nextCursor: encodeCursor(lastKey) };
  return json(200, body);
});
