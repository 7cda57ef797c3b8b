// placeholder: replaced by the chat branch
/**
 * The tab's one live socket (issue 9 design, section 6). This placeholder has
 * the exact interface the chat branch's live.ts exports, and never connects:
 * `on` handlers are kept but never called, `send` drops the frame, the status
 * stays 'connecting'. It lets the notifications branch build; the chat
 * branch's file replaces it whole (with the frames typed from events/chat-frames.ts).
 */
import type { NotificationItem } from '../desktop/notifications-page.ts';

export type LiveStatus = 'connecting' | 'open' | 'reconnecting' | 'offline';

/** What the site sends (design section 2). */
export type ClientFrame =
  | { action: 'join'; projectId: string }
  | { action: 'leave'; projectId: string }
  | { action: 'sendMessage'; projectId: string; text: string; clientId?: string }
  | { action: 'ping' };

/** What the server pushes; only the frames the notifications part reads are spelled out here. */
export type ServerFrame =
  | { type: 'notification'; notification: NotificationItem }
  | { type: 'pong' }
  | { type: 'error'; code: string; message: string; projectId?: string; retryAfter?: number; until?: string };

export interface Live {
  send(frame: ClientFrame): void;
  on<T extends ServerFrame['type']>(type: T, handler: (frame: Extract<ServerFrame, { type: T }>) => void): () => void;
  status(): LiveStatus;
  onStatus(handler: (status: LiveStatus) => void): () => void;
  join(projectId: string): void;
  leave(projectId: string): void;
}

let connection: Live | undefined;

export function live(): Live {
  connection ??= placeholder();
  return connection;
}

function placeholder(): Live {
  const handlers = new Set<unknown>();
  return {
    send: () => undefined,
    on: (_type, handler) => {
      handlers.add(handler);
      return () => void handlers.delete(handler);
    },
    status: () => 'connecting',
    onStatus: (handler) => {
      handlers.add(handler);
      return () => void handlers.delete(handler);
    },
    join: () => undefined,
    leave: () => undefined,
  };
}
