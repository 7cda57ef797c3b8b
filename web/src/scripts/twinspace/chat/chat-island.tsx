/**
 * The TwinSpace's Chat tab (?id=<projectId>), a Preact island built from the
 * kit, on the tab's one live connection (common/live.ts): it joins the
 * project's room when opened (and leaves it when closed), reads the history
 * (GET …/chat/messages) and merges it with the live frames by id, oldest
 * first, newest in view; who is in the room now (pupils by first name); a
 * polite live region announcing each new message; the connection's state
 * (reconnecting by itself); and the send form (Enter sends, Shift+Enter a new
 * line) with what went wrong said next to it — muted until when, the pupils'
 * chat closed, too fast. A message typed while reconnecting goes once the
 * connection is back, or comes back to the box after 30 s. How long messages
 * are kept is said under the log. Visitors, a closed or not yet open project,
 * or anyone the server refuses get a short explanation instead.
 *
 * The guard (issue 12): a pupil's message it holds shows in her own window
 * only, as waiting for a teacher with the reason in a child's words (also after
 * a reload, from GET …/moderation/mine); released, it arrives as any message;
 * deleted, the bubble says so. A teacher whose message has personal data in it
 * is asked first (PersonalDataWarning) and may send it anyway.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChatMessageBody, PresentMember } from '../../../../../events/chat-frames.ts';
import type { ChatMessagesPage } from '../../../../../functions/http/chat/schemas.ts';
import type { TwinspaceType } from '../../../../../functions/domain/twinspace-types.ts';
import { AbsoluteDate, Badge, BusyButton, EmptyState, FormField, StatusMessage, type Status } from '../../../components/kit/index.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { apiGet, ApiError } from '../../common/api.ts';
import { live, type LiveStatus } from '../../common/live.ts';
import { chatAccess, checkedText, errorWords, mergeMessages } from './chat-page.ts';
import { bubbleOf, decide, logEntries, mergeHeld, waitingBubbles, type HeldBubble, type MyHeldText } from './chat-held.ts';
import { HeldNotice, HeldOutcome, PersonalDataWarning } from '../../common/held-notice.tsx';
import { kindsInOrder, outcomeKey, reasonKey, type FindingKind } from '../../common/held-words.ts';
import { ChatControls, MessageActions } from './chat-supervision.tsx';
import { dateLocale } from '../../common/dates.ts';
import { typeName } from '../../common/labels.ts';
import { fill, requireSession, t } from '../../common/page.ts';
import { personName } from '../../common/person.ts';
import { explanation, reportFailure } from '../../common/problems.ts';
import { currentProject, projectIdOfPage } from '../twinspace-project.ts';

type Opened = { projectId: string; me: string; myType: TwinspaceType; writable: boolean } | { closed: boolean; reason: MessageKey } | { failure: string };

/** The signed-in person's id (the ID token's `sub`). */
function myUserId(idToken: string): string {
  try {
    const payload = idToken.split('.')[1] ?? '';
    return (JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { sub?: string }).sub ?? '';
  } catch {
    return '';
  }
}

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
        setOpened(
          access.open && project.myType
            ? { projectId, me: myUserId(session.idToken), myType: project.myType, writable: project.state === 'approved' }
            : { closed: project.state === 'closed', reason: access.open ? 'chat.refused' : access.reason },
        );
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
          <ChatPanel {...opened} onRefused={(reason) => setOpened({ closed: false, reason })} />
        )}
      </section>
    </>
  );
}

const connectionWords: Record<LiveStatus, MessageKey> = {
  connecting: 'chat.connecting',
  open: 'chat.connected',
  reconnecting: 'chat.reconnecting',
  offline: 'chat.offline',
};

const pupilTypes: readonly TwinspaceType[] = ['pupil-admin', 'pupil-member'];
const timeOf = (iso: string) => new Date(iso).toLocaleTimeString(dateLocale, { hour: '2-digit', minute: '2-digit' });

interface PanelProps {
  projectId: string;
  me: string;
  myType: TwinspaceType;
  writable: boolean;
  onRefused: (reason: MessageKey) => void;
}

function ChatPanel({ projectId, me, myType, writable, onRefused }: PanelProps) {
  const isPupil = pupilTypes.includes(myType);
  const [messages, setMessages] = useState<ChatMessageBody[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [connection, setConnection] = useState<LiveStatus>(() => live().status());
  const [present, setPresent] = useState<PresentMember[]>([]);
  const [pupilsOpen, setPupilsOpen] = useState(true);
  const [mutedUntil, setMutedUntil] = useState<string>();
  const [retentionDays, setRetentionDays] = useState<number>();
  const [announcement, setAnnouncement] = useState('');
  const [failure, setFailure] = useState<Status>();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string>();
  const [status, setStatus] = useState<Status>();
  /** Messages of this tab not yet seen back from the server, by clientId. */
  const pending = useRef(new Map<string, string>());
  /** The pupil's own messages held by the guard (only she sees them). */
  const [held, setHeld] = useState<HeldBubble[]>([]);
  /** A teacher's message the guard found personal data in: asked about before it goes. */
  const [warning, setWarning] = useState<{ kinds: FindingKind[]; text: string }>();
  /** Whether the room was joined once (a FORBIDDEN before that is the join refused). */
  const joinedOnce = useRef(false);
  const [sending, setSending] = useState(0);
  const list = useRef<HTMLOListElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const connection = live();
    const mine = <T extends { projectId?: string }>(frame: T) => frame.projectId === projectId;
    const settle = (clientId: string | undefined) => {
      if (clientId && pending.current.delete(clientId)) setSending(pending.current.size);
    };
    /** The teacher's message the server warned about leaves the waiting list; the dialog asks whether it goes anyway. */
    const askFirst = (kinds: readonly string[], clientId: string | undefined) => {
      const entry = (clientId && pending.current.has(clientId) ? [clientId, pending.current.get(clientId)!] : [...pending.current][0]) as [string, string] | undefined;
      if (!entry) return;
      pending.current.delete(entry[0]);
      setSending(pending.current.size);
      setWarning({ kinds: kindsInOrder(kinds), text: entry[1] });
    };
    /** The oldest message still waiting, given back to the box (if the box is empty) after a refusal. */
    const giveBackOldest = () => {
      const [first] = pending.current;
      if (!first) return;
      pending.current.delete(first[0]);
      setSending(pending.current.size);
      setText((typed) => typed || first[1]);
    };
    /** The pupil's messages still waiting for a teacher (a reload, or a drop): hers only, nobody else's. */
    const readHeld = () =>
      isPupil &&
      apiGet<{ items: MyHeldText[] }>(`/projects/${encodeURIComponent(projectId)}/moderation/mine?surface=chat-message`).then(
        (page) => setHeld((shown) => mergeHeld(shown, waitingBubbles(page.items))),
        // Not fatal: the chat works without them, and the Moderation tab lists them too.
        () => undefined,
      );
    const readHistory = () =>
      apiGet<ChatMessagesPage>(`/projects/${encodeURIComponent(projectId)}/chat/messages?limit=50`).then(
        (page) => {
          setMessages((shown) => mergeMessages(shown, page.items));
          setLoaded(true);
        },
        (error: unknown) => {
          if (error instanceof ApiError && error.status === 403) return onRefused('chat.refused');
          if (error instanceof ApiError && error.status === 401) return reportFailure(error);
          setFailure({ tone: 'error', text: explanation(error) });
        },
      );

    const unsubscribe = [
      connection.onStatus((next) => {
        setConnection(next);
        // Back after a drop: what was said meanwhile comes from the history (merged by id).
        if (next === 'open') {
          void readHistory();
          void readHeld();
        }
      }),
      connection.on('joined', (frame) => {
        if (!mine(frame)) return;
        joinedOnce.current = true;
        setPresent(frame.present);
        setPupilsOpen(frame.pupilsOpen);
        setMutedUntil(frame.mutedUntil);
        setRetentionDays(frame.retentionDays);
      }),
      connection.on('presence', (frame) => mine(frame) && setPresent(frame.present)),
      connection.on('chatState', (frame) => mine(frame) && setPupilsOpen(frame.pupilsOpen)),
      connection.on('muted', (frame) => mine(frame) && setMutedUntil(frame.until ?? undefined)),
      connection.on('message', ({ message }) => {
        if (message.projectId !== projectId) return;
        settle(message.clientId);
        setMessages((shown) => mergeMessages(shown, [message]));
        setAnnouncement(`${t('chat.newMessage')} ${personName(message.authorName)}: ${message.text}`);
      }),
      connection.on('messageDeleted', (frame) => {
        if (!mine(frame)) return;
        setMessages((shown) => shown.filter((message) => message.id !== frame.messageId));
        setAnnouncement(t('chat.deleted'));
      }),
      connection.on('held', (frame) => {
        if (!mine(frame)) return;
        settle(frame.held.clientId);
        setHeld((shown) => mergeHeld(shown, [bubbleOf(frame.held)]));
        setAnnouncement(`${t('chat.held')} ${heldReason(frame.held.kinds)}`);
      }),
      connection.on('held-decided', (frame) => {
        if (!mine(frame)) return;
        setHeld((shown) => decide(shown, frame.heldId, frame.outcome));
        setAnnouncement(t(outcomeKey(frame.outcome)));
      }),
      connection.on('left', (frame) => {
        if (mine(frame) && frame.reason === 'removed') onRefused('chat.removed');
      }),
      connection.on('error', (frame) => {
        if (frame.projectId !== undefined && !mine(frame)) return;
        if (frame.code === 'FORBIDDEN' && !joinedOnce.current) return onRefused('chat.refused');
        if (frame.code === 'MUTED' && frame.until) setMutedUntil(frame.until);
        if (frame.code === 'CHAT_CLOSED') setPupilsOpen(false);
        if (frame.code === 'PERSONAL_DATA_WARNING') return askFirst(frame.kinds ?? [], frame.clientId);
        const words = errorWords(frame, timeOf);
        setStatus({ tone: 'error', text: fill(words.key, words.values) });
        giveBackOldest();
      }),
      connection.onUnsent((frame) => {
        if (frame.projectId !== projectId) return;
        if (frame.clientId) pending.current.delete(frame.clientId);
        setSending(pending.current.size);
        setText((typed) => typed || frame.text);
        setStatus({ tone: 'error', text: t('chat.unsent') });
      }),
    ];
    // The tab's socket may have opened (another island asked first) between the first render and this effect.
    setConnection(connection.status());
    connection.join(projectId);
    // The socket first (joined above), then the history: nothing said in between is lost.
    void readHistory();
    void readHeld();
    return () => {
      for (const stop of unsubscribe) stop();
      connection.leave(projectId);
    };
  }, []);

  // Newest at the bottom, in view.
  useEffect(() => {
    if (list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [messages, held]);

  const stillMuted = mutedUntil !== undefined && Date.parse(mutedUntil) > Date.now();
  const mutedWords = mutedUntil ? fill('chat.mutedUntil', { time: timeOf(mutedUntil) }) : '';
  // A refused send already says it, next to the form: the same sentence is not shown twice.
  const saysMuted = status?.tone === 'error' && status.text === mutedWords;
  const mayWrite = writable && !(isPupil && !pupilsOpen);

  const send = (event: Event) => {
    event.preventDefault();
    setStatus(undefined);
    const checked = checkedText(text);
    if ('problem' in checked) {
      setProblem(t(checked.problem));
      input.current?.focus();
      return;
    }
    setProblem(undefined);
    setText('');
    input.current?.focus();
    post(checked.text);
  };

  /** Sends a text (acknowledged: a teacher who was warned sends it anyway), waiting for it to come back by its clientId. */
  const post = (messageText: string, acknowledgePersonalData?: true) => {
    const clientId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    pending.current.set(clientId, messageText);
    setSending(pending.current.size);
    if (live().status() !== 'open') setStatus({ tone: 'success', text: t('chat.queued') });
    live().send({ action: 'sendMessage', projectId, text: messageText, clientId, ...(acknowledgePersonalData ? { acknowledgePersonalData } : {}) });
  };

  const sendAnyway = () => {
    if (!warning) return;
    setWarning(undefined);
    post(warning.text, true);
  };

  const changeFirst = () => {
    if (!warning) return;
    setWarning(undefined);
    setText((typed) => typed || warning.text);
    setStatus({ tone: 'error', text: t('chat.backInBox') });
    input.current?.focus();
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
      <ChatControls projectId={projectId} myType={myType} writable={writable} pupilsOpen={pupilsOpen} />
      {present.length > 0 && (
        <section class="chat-present" aria-labelledby="chat-present-heading">
          <h3 id="chat-present-heading">{t('chat.present')}</h3>
          <ul>
            {present.map((member) => (
              <li key={member.userId}>
                {member.name} <span class="chat-type">({typeName(member.type)})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <ol ref={list} class="chat-log" tabindex={0} aria-label={t('chat.history')}>
        {logEntries(messages, held).map((entry) =>
          'held' in entry ? (
            <HeldEntry key={entry.held.heldId} bubble={entry.held} />
          ) : (
            <li key={entry.message.id} class="chat-message">
              <p class="chat-meta">
                <strong class="chat-author">{personName(entry.message.authorName)}</strong> <span class="chat-type">({typeName(entry.message.authorType)})</span>{' '}
                <AbsoluteDate value={entry.message.sentAt} locale={dateLocale} />
              </p>
              <p class="chat-text">{entry.message.text}</p>
              <MessageActions message={entry.message} projectId={projectId} me={me} myType={myType} writable={writable} />
            </li>
          ),
        )}
      </ol>
      {loaded && messages.length === 0 && held.length === 0 && <EmptyState>{t('chat.empty')}</EmptyState>}
      {retentionDays !== undefined && <p class="muted chat-retention">{fill('chat.retention', { days: String(retentionDays) })}</p>}
      <div class="visually-hidden" aria-live="polite">
        {announcement}
      </div>
      {!pupilsOpen && <p class="notice">{t(isPupil ? 'chat.pupilsClosed' : 'chat.pupilsClosedTeacher')}</p>}
      {stillMuted && mutedUntil && !saysMuted && <p class="notice">{mutedWords}</p>}
      {mayWrite && (
        <form class="chat-form" noValidate onSubmit={send}>
          <FormField id="chat-input" label={t('chat.message')} hint={t('chat.hint')} error={problem}>
            {(control) => (
              <textarea {...control} ref={input} name="text" maxLength={2000} required value={text} onInput={(event) => setText(event.currentTarget.value)} onKeyDown={enter} />
            )}
          </FormField>
          <BusyButton type="submit" busy={sending > 0 && connection === 'open'} busyLabel={t('common.busy')}>
            {t('chat.send')}
          </BusyButton>
          <StatusMessage status={status} />
        </form>
      )}
      {warning && <PersonalDataWarning kinds={warning.kinds} onConfirm={sendAnyway} onCancel={changeFirst} />}
    </div>
  );
}

/** The reason a message was held, as one sentence per kind for a child, then that a teacher will look. */
const heldReason = (kinds: readonly string[]) => [...kindsInOrder(kinds).map((kind) => t(reasonKey(kind))), t('held.waiting')].join(' ');

/** The pupil's own held message: marked as not sent, the reason under it; once deleted, only that a teacher decided so. */
function HeldEntry({ bubble }: { bubble: HeldBubble }) {
  return (
    <li class={`chat-message chat-held${bubble.deleted ? ' chat-held-deleted' : ''}`}>
      <p class="chat-meta">
        <strong class="chat-author">{t('chat.you')}</strong> {!bubble.deleted && <Badge variant="info">{t('held.badge')}</Badge>}{' '}
        <AbsoluteDate value={bubble.heldAt} locale={dateLocale} />
      </p>
      {bubble.deleted ? (
        <HeldOutcome outcome="deleted" />
      ) : (
        <>
          <p class="chat-text">{bubble.text}</p>
          <HeldNotice kinds={bubble.kinds} />
        </>
      )}
    </li>
  );
}
