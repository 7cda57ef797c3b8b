/** GET /me/notifications: my in-app notifications, newest first, paged. Every signed-in account has them. */
import { callerOf } from '../lib/claims.ts';
import { tableStore } from '../lib/clients.ts';
import { decodeCursor, encodeCursor, pageQuery } from '../lib/cursor.ts';
import { parseOr400 } from '../lib/errors.ts';
import { httpHandler, json } from '../lib/http.ts';
import { keys, prefixes } from '../data/keys.ts';
import { listNotificationPage } from '../data/notifications.ts';
import type { NotificationsPage } from './desktop-schemas.ts';

export const listMyNotifications = httpHandler(async (event) => {
  const caller = callerOf(event);
  const query = parseOr400(pageQuery, event.queryStringParameters ?? {}, 'query');
  const startKey = decodeCursor(query.cursor, keys.userPartition(caller.userId), prefixes.notification);
  const { notifications, lastKey } = await listNotificationPage(tableStore(), caller.userId, { limit: query.limit, startKey });
  const body: NotificationsPage = {
    items: notifications.map(({ notificationId, topic, title, body: text, createdAt }) => ({ notificationId, topic, title, body: text, createdAt })),
    nextCursor: encodeCursor(lastKey),
  };
  return json(200, body);
});
