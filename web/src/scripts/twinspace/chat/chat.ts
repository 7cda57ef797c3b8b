/**
 * The chat's connection: the WebSocket opens first, then the history is read
 * (GET .../chat/messages), so nothing sent in between is lost; the island
 * merges both by message id (chat-page.ts). Frames as in API.md ("Chat over
 * WebSocket"): sendMessage out; message, messageDeleted and error in.
 */
import type { ChatErrorCode, ChatMessageBody, ClientFrame, ServerFrame } from '../../../../../events/chat-frames.ts';
import type { ChatMessagesPage } from '../../../../../functions/http/schemas.ts';
import { apiGet } from '../../common/api.ts';
import { loadConfig, withoutTrailingSlash } from '../../common/config.ts';

export type ChatConnectionState = 'connecting' | 'connected' | 'disconnected';

export interface ChatEvents {
  connection: (state: ChatConnectionState) => void;
  /** A live message (also one's own, as the server sends it to the whole room). */
  message: (message: ChatMessageBody) => void;
  deleted: (messageId: string) => void;
  /** The server's error to the sender: a bad frame, muted, too long, rate limited. */
  error: (code: ChatErrorCode) => void;
}

export interface ChatConnection {
  /** Sends a message; resolves once the server answered it (its copy or its error) or after a while. False when not connected. */
  send: (text: string) => Promise<boolean>;
  close: () => void;
}

/** The server refused the handshake (not a member who may chat, or a closed project). */
export class ChatRefused extends Error {}

/** How long a send waits for the server's answer before it stops being busy. */
const answerWait = 10_000;

/**
 * Opens the chat of a project: the socket first, then the history. Resolves
 * once both are there with the history (newest first, as the API gives it);
 * throws ChatRefused when the handshake is refused, or the history's failure.
 */
export async function startChat(projectId: string, idToken: string, events: ChatEvents, opened: (connection: ChatConnection) => void): Promise<ChatMessageBody[]> {
  const config = await loadConfig();
  const url = new URL(`${withoutTrailingSlash(config.chat)}/`);
  url.searchParams.set('token', idToken);
  url.searchParams.set('projectId', projectId);

  events.connection('connecting');
  const socket = new WebSocket(url);
  let wasOpen = false;
  /** Sends waiting for the server's answer: the text sent, and how to end the wait. */
  const waiting = new Set<{ text: string; done: () => void }>();
  const answered = (match: (text: string) => boolean) => {
    for (const wait of waiting) if (match(wait.text)) wait.done();
  };

  socket.addEventListener('message', (event) => {
    let frame: ServerFrame;
    try {
      frame = JSON.parse(String(event.data)) as ServerFrame;
    } catch {
      return;
    }
    if (frame.type === 'message') {
      events.message(frame.message);
      answered((text) => text === frame.message.text);
    } else if (frame.type === 'messageDeleted') events.deleted(frame.messageId);
    else if (frame.type === 'error') {
      events.error(frame.code);
      answered(() => true);
    }
  });

  const connected = new Promise<boolean>((resolve) => {
    socket.addEventListener('open', () => {
      wasOpen = true;
      events.connection('connected');
      resolve(true);
    });
    socket.addEventListener('close', () => {
      answered(() => true);
      if (wasOpen) events.connection('disconnected');
      resolve(false);
    });
  });

  opened({
    send(text) {
      if (socket.readyState !== WebSocket.OPEN) return Promise.resolve(false);
      return new Promise<boolean>((resolve) => {
        const wait = {
          text,
          done: () => {
            waiting.delete(wait);
            clearTimeout(timer);
            resolve(true);
          },
        };
        const timer = setTimeout(wait.done, answerWait);
        waiting.add(wait);
        socket.send(JSON.stringify({ action: 'sendMessage', text } satisfies ClientFrame));
      });
    },
    close: () => socket.close(),
  });

  const history = apiGet<ChatMessagesPage>(`/projects/${encodeURIComponent(projectId)}/chat/messages?limit=50`);
  const [isConnected, page] = await Promise.all([connected, history.catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))))]);
  if (!isConnected) throw new ChatRefused();
  if (page instanceof Error) throw page;
  return page.items;
}
