/**
 * The chat panel: history from the API plus live frames from the WebSocket,
 * merged by message id so a message is never shown twice. The socket opens
 * before the history is read, so nothing sent in between is lost.
 */
import { apiGet } from './api.ts';
import { loadConfig, withoutTrailingSlash } from './config.ts';
import { t, textElement } from './page.ts';
import type { ChatErrorCode, ChatMessageBody, ClientFrame, ServerFrame } from '../../../events/chat-frames.ts';
import type { ChatMessagesPage } from '../../../functions/http/schemas.ts';
import type { MessageKey } from '../i18n/index.ts';
import { when } from './dates.ts';

/** What the sender reads for each error the server can send; the rest get the generic message. */
const errorMessages: Partial<Record<ChatErrorCode, MessageKey>> = {
  TOO_LONG: 'chat.tooLong',
  EMPTY_MESSAGE: 'chat.emptyMessage',
  MUTED: 'chat.muted',
  RATE_LIMITED: 'chat.rateLimited',
  FORBIDDEN: 'chat.refused',
};

const maxLength = 2000;

export interface ChatPanel {
  root: HTMLElement;
  list: HTMLOListElement;
  empty: HTMLElement;
  status: HTMLElement;
  announcer: HTMLElement;
  error: HTMLElement;
  form: HTMLFormElement;
  input: HTMLTextAreaElement;
  typeName: (type: string) => string;
}

export async function startChat(panel: ChatPanel, projectId: string, idToken: string): Promise<void> {
  const shown = new Map<string, HTMLLIElement>();

  const showError = (message: string) => {
    panel.error.textContent = message;
    panel.error.hidden = false;
  };
  const clearError = () => {
    panel.error.textContent = '';
    panel.error.hidden = true;
  };

  const render = (message: ChatMessageBody, live: boolean) => {
    if (shown.has(message.id)) return;
    const item = document.createElement('li');
    item.className = 'chat-message';
    item.dataset.messageId = message.id;
    const meta = document.createElement('p');
    meta.className = 'chat-meta';
    meta.append(
      textElement('strong', message.authorName, 'chat-author'),
      ' ',
      textElement('span', `(${panel.typeName(message.authorType)})`, 'chat-type'),
      ' ',
    );
    const time = textElement('time', formatTime(message.sentAt));
    time.dateTime = message.sentAt;
    meta.append(time);
    item.append(meta, textElement('p', message.text, 'chat-text'));

    // Oldest first on screen; the list stays sorted by (sentAt, id), ids being time-sortable.
    item.dataset.sortKey = `${message.sentAt}|${message.id}`;
    const before = [...panel.list.children].find(
      (element) => ((element as HTMLElement).dataset.sortKey ?? '') > (item.dataset.sortKey ?? ''),
    );
    panel.list.insertBefore(item, before ?? null);
    shown.set(message.id, item);
    panel.empty.hidden = true;
    if (live) {
      panel.announcer.textContent = `${t('chat.newMessage')} ${message.authorName}: ${message.text}`;
      panel.list.scrollTop = panel.list.scrollHeight;
    }
  };

  const remove = (messageId: string) => {
    const item = shown.get(messageId);
    if (!item) return;
    item.remove();
    shown.delete(messageId);
    panel.announcer.textContent = t('chat.deleted');
    panel.empty.hidden = shown.size > 0;
  };

  const config = await loadConfig();
  const url = new URL(`${withoutTrailingSlash(config.chat)}/`);
  url.searchParams.set('token', idToken);
  url.searchParams.set('projectId', projectId);

  panel.status.textContent = t('chat.connecting');
  const socket = new WebSocket(url);
  let opened = false;

  socket.addEventListener('message', (event) => {
    let frame: ServerFrame;
    try {
      frame = JSON.parse(String(event.data)) as ServerFrame;
    } catch {
      return;
    }
    if (frame.type === 'message') render(frame.message, true);
    else if (frame.type === 'messageDeleted') remove(frame.messageId);
    else if (frame.type === 'error') showError(t(errorMessages[frame.code] ?? 'chat.sendFailed'));
  });

  const connected = new Promise<boolean>((resolve) => {
    socket.addEventListener('open', () => {
      opened = true;
      panel.status.textContent = t('chat.connected');
      panel.form.hidden = false;
      resolve(true);
    });
    socket.addEventListener('close', () => {
      if (opened) {
        panel.status.textContent = t('chat.disconnected');
        panel.form.hidden = true;
      }
      resolve(false);
    });
  });

  // As in any chat: Enter sends, Shift+Enter is a new line.
  panel.input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      panel.form.requestSubmit();
    }
  });

  panel.form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearError();
    const text = panel.input.value.trim();
    if (text.length === 0) {
      showError(t('chat.emptyMessage'));
      return;
    }
    if (text.length > maxLength) {
      showError(t('chat.tooLong'));
      return;
    }
    if (socket.readyState !== WebSocket.OPEN) {
      showError(t('chat.disconnected'));
      return;
    }
    socket.send(JSON.stringify({ action: 'sendMessage', text } satisfies ClientFrame));
    panel.input.value = '';
    panel.input.focus();
  });

  const history = apiGet<ChatMessagesPage>(`/projects/${encodeURIComponent(projectId)}/chat/messages?limit=50`);
  const [isConnected, page] = await Promise.all([connected, history.catch((error: unknown) => error)]);
  if (!isConnected) {
    // The server refused the handshake (not a member who may chat, or a closed project).
    throw new ChatRefused();
  }
  if (page instanceof Error) throw page;
  for (const message of [...(page as ChatMessagesPage).items].reverse()) render(message, false);
  panel.empty.hidden = shown.size > 0;
  // Newest at the bottom, in view.
  panel.list.scrollTop = panel.list.scrollHeight;
}

export class ChatRefused extends Error {}

/** The site's one date format (the kit's), as on every other page. */
function formatTime(iso: string): string {
  return Number.isNaN(new Date(iso).getTime()) ? iso : when(iso);
}
