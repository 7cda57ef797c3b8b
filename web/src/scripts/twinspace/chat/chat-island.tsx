/**
 * The TwinSpace's Chat tab (?id=<projectId>), a Preact island built from the
 * kit: the messages (history and live, merged by id, oldest first, newest in
 * view), a polite live region announcing each new message, and the send form
 * (Enter sends, Shift+Enter a new line) with what went wrong said next to
 * it. Visitors, a closed or not yet open project, or anyone the server
 * refuses get a short explanation instead.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChatMessageBody } from '../../../../../events/chat-frames.ts';
import { AbsoluteDate, BusyButton, EmptyState, FormField, StatusMessage, type Status } from '../../../components/kit/index.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { ApiError } from '../../common/api.ts';
import { ChatRefused, startChat, type ChatConnection, type ChatConnectionState } from './chat.ts';
import { chatAccess, checkedText, errorMessage, mergeMessages } from './chat-page.ts';
import { dateLocale } from '../../common/dates.ts';
import { typeName } from '../../common/labels.ts';
import { requireSession, t } from '../../common/page.ts';
import { explanation, reportFailure } from '../../common/problems.ts';
import { currentProject, projectIdOfPage } from '../twinspace-project.ts';

type Opened = { projectId: string; idToken: string } | { closed: boolean; reason: MessageKey } | { failure: string };

export default function ChatPage() {
  const [opened, setOpened] = useState<Opened>();

  useEffect(() => {
    const session = requireSession();
    if (!session) return;
    const projectId = projectIdOfPage();
    if (!projectId) return setOpened({ failure: t('twinspace.missingId') });
    currentProject().then(
      (project) => {
        const access = chatAccess(project.myType, project.state);
        setOpened(access.open ? { projectId, idToken: session.idToken } : { closed: project.state === 'closed', reason: access.reason });
      },
      (error: unknown) => {
        if (error instanceof ApiError && error.status === 401) return reportFailure(error);
        setOpened({ failure: error instanceof ApiError && (error.status === 404 || error.status === 403) ? t('twinspace.notFound') : explanation(error) });
      },
    );
  }, []);

  if (!opened) return <p class="muted">{t('common.loading')}</p>;
  if ('failure' in opened) return <StatusMessage status={{ tone: 'error', text: opened.failure }} />;
  return (
    <>
      {'closed' in opened && opened.closed && <p class="notice closed-notice">{t('twinspace.closed')}</p>}
      <section class="card" aria-labelledby="chat-heading">
        <h2 id="chat-heading">{t('chat.title')}</h2>
        {'reason' in opened ? (
          <p class="notice">{t(opened.reason)}</p>
        ) : (
          <ChatPanel projectId={opened.projectId} idToken={opened.idToken} onRefused={() => setOpened({ closed: false, reason: 'chat.refused' })} />
        )}
      </section>
    </>
  );
}

const connectionWords: Record<ChatConnectionState, MessageKey> = {
  connecting: 'chat.connecting',
  connected: 'chat.connected',
  disconnected: 'chat.disconnected',
};

function ChatPanel({ projectId, idToken, onRefused }: { projectId: string; idToken: string; onRefused: () => void }) {
  const [messages, setMessages] = useState<ChatMessageBody[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [connection, setConnection] = useState<ChatConnectionState>('connecting');
  const [announcement, setAnnouncement] = useState('');
  const [failure, setFailure] = useState<Status>();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string>();
  const [status, setStatus] = useState<Status>();
  const [sending, setSending] = useState(0);
  const chat = useRef<ChatConnection>();
  const list = useRef<HTMLOListElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    startChat(
      projectId,
      idToken,
      {
        connection: setConnection,
        message: (message) => {
          setMessages((shown) => mergeMessages(shown, [message]));
          setAnnouncement(`${t('chat.newMessage')} ${message.authorName}: ${message.text}`);
        },
        deleted: (messageId) => {
          setMessages((shown) => shown.filter((message) => message.id !== messageId));
          setAnnouncement(t('chat.deleted'));
        },
        error: (code) => setStatus({ tone: 'error', text: t(errorMessage(code)) }),
      },
      (connection) => (chat.current = connection),
    ).then(
      (history) => {
        setMessages((shown) => mergeMessages(shown, history));
        setLoaded(true);
      },
      (error: unknown) => {
        if (error instanceof ChatRefused || (error instanceof ApiError && error.status === 403)) return onRefused();
        if (error instanceof ApiError && error.status === 401) return reportFailure(error);
        setFailure({ tone: 'error', text: explanation(error) });
      },
    );
    return () => chat.current?.close();
  }, []);

  // Newest at the bottom, in view.
  useEffect(() => {
    if (list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [messages]);

  const send = async (event: Event) => {
    event.preventDefault();
    setStatus(undefined);
    const checked = checkedText(text);
    if ('problem' in checked) {
      setProblem(t(checked.problem));
      input.current?.focus();
      return;
    }
    setProblem(undefined);
    const connected = chat.current;
    if (!connected) return setStatus({ tone: 'error', text: t('chat.disconnected') });
    setText('');
    input.current?.focus();
    setSending((count) => count + 1);
    const sent = await connected.send(checked.text);
    setSending((count) => count - 1);
    if (!sent) {
      setText(checked.text);
      setStatus({ tone: 'error', text: t('chat.disconnected') });
    }
  };

  // As in any chat: Enter sends, Shift+Enter is a new line.
  const enter = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      (event.currentTarget as HTMLTextAreaElement).form?.requestSubmit();
    }
  };

  return (
    <div>
      <p class="muted" role="status">
        {t(connectionWords[connection])}
      </p>
      <StatusMessage status={failure} />
      <ol ref={list} class="chat-log" tabindex={0} aria-label={t('chat.history')}>
        {messages.map((message) => (
          <li key={message.id} class="chat-message">
            <p class="chat-meta">
              <strong class="chat-author">{message.authorName}</strong> <span class="chat-type">({typeName(message.authorType)})</span>{' '}
              <AbsoluteDate value={message.sentAt} locale={dateLocale} />
            </p>
            <p class="chat-text">{message.text}</p>
          </li>
        ))}
      </ol>
      {loaded && messages.length === 0 && <EmptyState>{t('chat.empty')}</EmptyState>}
      <div class="visually-hidden" aria-live="polite">
        {announcement}
      </div>
      {connection === 'connected' && (
        <form class="chat-form" noValidate onSubmit={(event) => void send(event)}>
          <FormField id="chat-input" label={t('chat.message')} hint={t('chat.hint')} error={problem}>
            {(control) => (
              <textarea {...control} ref={input} name="text" maxLength={2000} required value={text} onInput={(event) => setText(event.currentTarget.value)} onKeyDown={enter} />
            )}
          </FormField>
          <BusyButton type="submit" busy={sending > 0} busyLabel={t('common.busy')}>
            {t('chat.send')}
          </BusyButton>
          <StatusMessage status={status} />
        </form>
      )}
    </div>
  );
}
