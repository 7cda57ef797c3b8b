/**
 * The tab's one live connection (README, "Live connection and chat
 * protocol"): a WebSocket to `<chat>/?token=<IdToken>`, opened the first
 * time live() is called (a page that never asks opens none). It carries the
 * person's notifications and the chat rooms the tab joined.
 *
 * When it drops it reconnects by itself with exponential backoff and full
 * jitter (a random wait up to 1 s, 2 s, 4 s … at most 30 s), with the
 * session's current ID token, and joins again the rooms it had joined. A chat
 * message sent while not connected waits: it goes once its room is joined
 * again, or, after 30 s, is given back to the page (onUnsent) to say so.
 */
import type { ClientFrame, ServerFrame } from '../../../../events/chat-frames.ts';
import { loadConfig, withoutTrailingSlash } from './config.ts';
import { currentSession } from './session.ts';

export type LiveStatus = 'connecting' | 'open' | 'reconnecting' | 'offline';

type SendMessage = Extract<ClientFrame, { action: 'sendMessage' }>;

export interface Live {
  send(frame: ClientFrame): void;
  on<T extends ServerFrame['type']>(type: T, handler: (frame: Extract<ServerFrame, { type: T }>) => void): () => void;
  status(): LiveStatus;
  onStatus(handler: (status: LiveStatus) => void): () => void;
  join(projectId: string): void;
  leave(projectId: string): void;
  /** A queued chat message that could not go within 30 s (not sent; the page says so and gives the text back). */
  onUnsent(handler: (frame: SendMessage) => void): () => void;
}

/** Backoff: full jitter up to min(30 s, 1 s × 2^attempt). */
export const backoff = { baseMs: 1_000, maxMs: 30_000 };
/** How long a chat message waits for the connection before it is given back. */
export const queuedMessageLimitMs = 30_000;
/** A ping while open keeps the socket within API Gateway's 10-minute idle limit. */
const keepAliveMs = 5 * 60_000;

/** The wait before reconnect attempt `attempt` (0 first): a random time up to the capped exponential. */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(backoff.maxMs, backoff.baseMs * 2 ** attempt));
}

interface Queued {
  frame: SendMessage;
  timer: ReturnType<typeof setTimeout>;
}

type AnyHandler = (frame: ServerFrame) => void;

function createLive(): Live {
  let socket: WebSocket | undefined;
  let current: LiveStatus = 'connecting';
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let keepAlive: ReturnType<typeof setInterval> | undefined;
  /** Rooms this tab has joined (asked for), re-joined after every reconnect. */
  const rooms = new Set<string>();
  /** Rooms the server confirmed on this socket (joined frame). */
  const confirmed = new Set<string>();
  const queue: Queued[] = [];
  const handlers = new Map<string, Set<AnyHandler>>();
  const statusHandlers = new Set<(status: LiveStatus) => void>();
  const unsentHandlers = new Set<(frame: SendMessage) => void>();

  const setStatus = (status: LiveStatus) => {
    if (status === current) return;
    current = status;
    for (const handler of statusHandlers) handler(status);
  };

  const isOpen = () => socket?.readyState === WebSocket.OPEN;
  const write = (frame: ClientFrame) => socket?.send(JSON.stringify(frame));

  /** Sends the queued messages of the rooms now joined on this socket. */
  const flush = () => {
    for (const item of [...queue]) {
      if (!isOpen() || !confirmed.has(item.frame.projectId)) continue;
      clearTimeout(item.timer);
      queue.splice(queue.indexOf(item), 1);
      write(item.frame);
    }
  };

  const giveBack = (item: Queued) => {
    clearTimeout(item.timer);
    const index = queue.indexOf(item);
    if (index !== -1) queue.splice(index, 1);
    for (const handler of unsentHandlers) handler(item.frame);
  };

  const dispatch = (frame: ServerFrame) => {
    if (frame.type === 'joined') {
      confirmed.add(frame.projectId);
      flush();
    } else if (frame.type === 'left') {
      rooms.delete(frame.projectId);
      confirmed.delete(frame.projectId);
    } else if (frame.type === 'error' && frame.code === 'FORBIDDEN' && frame.projectId && !confirmed.has(frame.projectId)) {
      // A join refused: the room is not re-joined, and what waited for it will not go.
      rooms.delete(frame.projectId);
      for (const item of queue.filter((queued) => queued.frame.projectId === frame.projectId)) giveBack(item);
    }
    for (const handler of handlers.get(frame.type) ?? []) handler(frame);
  };

  const scheduleReconnect = () => {
    clearTimeout(retryTimer);
    if (!currentSession()) return setStatus('offline');
    setStatus(navigator.onLine === false ? 'offline' : 'reconnecting');
    retryTimer = setTimeout(() => void open(), reconnectDelay(attempt));
    attempt += 1;
  };

  async function open(): Promise<void> {
    clearTimeout(retryTimer);
    const session = currentSession();
    if (!session) return setStatus('offline');
    let url: URL;
    try {
      const config = await loadConfig();
      url = new URL(`${withoutTrailingSlash(config.chat)}/`);
    } catch {
      return scheduleReconnect();
    }
    url.searchParams.set('token', session.idToken);
    const opened = new WebSocket(url);
    socket = opened;
    confirmed.clear();
    opened.addEventListener('open', () => {
      if (socket !== opened) return;
      attempt = 0;
      setStatus('open');
      for (const projectId of rooms) write({ action: 'join', projectId });
      clearInterval(keepAlive);
      keepAlive = setInterval(() => isOpen() && write({ action: 'ping' }), keepAliveMs);
    });
    opened.addEventListener('message', (event) => {
      if (socket !== opened) return;
      let frame: ServerFrame;
      try {
        frame = JSON.parse(String(event.data)) as ServerFrame;
      } catch {
        return;
      }
      if (frame && typeof frame.type === 'string') dispatch(frame);
    });
    opened.addEventListener('close', () => {
      if (socket !== opened) return;
      clearInterval(keepAlive);
      confirmed.clear();
      scheduleReconnect();
    });
  }

  // Back online: try at once rather than wait out the backoff.
  addEventListener('online', () => {
    if (!isOpen() && (current === 'reconnecting' || current === 'offline')) {
      attempt = 0;
      void open();
    }
  });
  addEventListener('offline', () => {
    if (!isOpen()) setStatus('offline');
  });

  void open();

  const api: Live = {
    send(frame) {
      if (frame.action === 'join') return api.join(frame.projectId);
      if (frame.action === 'leave') return api.leave(frame.projectId);
      if (frame.action === 'sendMessage') {
        if (isOpen() && confirmed.has(frame.projectId)) return write(frame);
        const item: Queued = { frame, timer: setTimeout(() => giveBack(item), queuedMessageLimitMs) };
        queue.push(item);
        return;
      }
      if (isOpen()) write(frame);
    },
    on(type, handler) {
      let set = handlers.get(type);
      if (!set) handlers.set(type, (set = new Set()));
      set.add(handler as AnyHandler);
      return () => void set.delete(handler as AnyHandler);
    },
    status: () => current,
    onStatus(handler) {
      statusHandlers.add(handler);
      return () => void statusHandlers.delete(handler);
    },
    join(projectId) {
      rooms.add(projectId);
      if (isOpen()) write({ action: 'join', projectId });
    },
    leave(projectId) {
      rooms.delete(projectId);
      confirmed.delete(projectId);
      if (isOpen()) write({ action: 'leave', projectId });
    },
    onUnsent(handler) {
      unsentHandlers.add(handler);
      return () => void unsentHandlers.delete(handler);
    },
  };
  return api;
}

let singleton: Live | undefined;

/** The tab's live connection, opened on first use. */
export function live(): Live {
  singleton ??= createLive();
  return singleton;
}
