/**
 * The TwinSpace mailbox (?id=<projectId>, &box=sent for the sent box), a
 * Preact island built from the kit: my messages in this project, newest
 * first, read page by page ("Show more"), each opened in place, with Reply;
 * "Write a message" offers only the members the policy lets me write to
 * (checkRecipient: pupils to the project's teachers). Visitors and a closed
 * project get a short reason instead of the form. Rules in mailbox-page.ts.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { MailboxBox } from '../../../../../functions/domain/mailbox.ts';
import type { MailboxMessageResponse, MailboxPage } from '../../../../../functions/http/mailbox/schemas.ts';
import type { ProjectDetailResponse } from '../../../../../functions/http/projects/schemas.ts';
import type { MembersPage } from '../../../../../functions/http/schemas.ts';
import { BusyButton } from '../../../components/kit/BusyButton.tsx';
import { AbsoluteDate } from '../../../components/kit/Dates.tsx';
import { EmptyState } from '../../../components/kit/EmptyState.tsx';
import { FormField } from '../../../components/kit/FormField.tsx';
import { Pager } from '../../../components/kit/Pager.tsx';
import { cursorPages } from '../../../components/kit/paging.ts';
import { StatusMessage, type Status } from '../../../components/kit/StatusMessage.tsx';
import { usePagedList } from '../../../components/kit/usePagedList.ts';
import { readerLocale } from '../agenda-mailbox.ts';
import { apiGet, apiPost } from '../../common/api.ts';
import { problemsByField } from '../../common/form-problems.ts';
import { typeName } from '../../common/labels.ts';
import {
  aroundDate,
  boxOf,
  emptyMessage,
  recipientsOf,
  replySubject,
  sendBody,
  toTeachersOnly,
  writing,
  type MessageField,
  type MessageValues,
} from './mailbox-page.ts';
import { fill, pageUrl, t } from '../../common/page.ts';
import { TwinspaceTab } from '../twinspace-tab.tsx';
import { failed } from '../../common/problems.ts';
import { currentSession, subOf } from '../../common/session.ts';
import { acknowledged, useGuardedSend, type HeldAnswer } from '../guarded-send.tsx';

type Member = MembersPage['items'][number];

/** Every member of the project (the recipients are chosen among all of them), read with the kit's pager. */
async function allMembers(projectId: string): Promise<Member[]> {
  const pages = cursorPages<Member>((cursor) => {
    const query = new URLSearchParams({ limit: '100' });
    if (cursor) query.set('cursor', cursor);
    return apiGet<MembersPage>(`/projects/${encodeURIComponent(projectId)}/members?${query}`);
  });
  const members: Member[] = [];
  do members.push(...(await pages.next()));
  while (!pages.done);
  return members;
}

export default function MailboxPage() {
  return <TwinspaceTab titleKey="mailbox.titleOf" backKey="agendaMailbox.back">{(opened) => <Mailbox project={opened.project} projectId={opened.projectId} />}</TwinspaceTab>;
}

function Mailbox({ project, projectId }: { project: ProjectDetailResponse; projectId: string }) {
  const mailboxPath = `/projects/${encodeURIComponent(projectId)}/mailbox`;
  const [box, setBox] = useState<MailboxBox>(() => boxOf(location.search));
  const boxRef = useRef(box);
  boxRef.current = box;
  const messages = usePagedList<MailboxMessageResponse>((cursor) => {
    const query = new URLSearchParams({ box: boxRef.current, limit: '20' });
    if (cursor) query.set('cursor', cursor);
    return apiGet<MailboxPage>(`${mailboxPath}?${query}`);
  });
  const [listStatus, setListStatus] = useState<Status>();
  const boxHeading = useRef<HTMLHeadingElement>(null);

  const can = writing(project.myType, project.state);
  /** The members I may write to (undefined until read; empty when nobody). */
  const [recipients, setRecipients] = useState<Member[]>();
  const [values, setValues] = useState<MessageValues>(emptyMessage);
  const bodyInput = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    // The recipients first: a Reply button is offered only to someone I may write to.
    const me = subOf(currentSession()?.idToken ?? '');
    const who = 'permission' in can ? allMembers(projectId).then((members) => setRecipients(recipientsOf(can.permission, me, members))) : Promise.resolve(setRecipients([]));
    who
      .catch((error: unknown) => failed(error, setListStatus))
      .then(() => messages.reload())
      .catch((error: unknown) => failed(error, setListStatus));
  }, []);

  const reply = (message: MailboxMessageResponse) => {
    setValues({ ...values, toUserId: message.from.userId, subject: replySubject(message.subject) });
    bodyInput.current?.focus();
  };

  /** After sending: the sent box, with the message on top (the address says so too). */
  const showSent = async (text: string) => {
    history.replaceState(null, '', pageUrl('twinspace/mailbox', { id: projectId, box: 'sent' }));
    boxRef.current = 'sent';
    setBox('sent');
    await messages.reload();
    setListStatus(undefined);
    boxHeading.current?.focus();
    return text;
  };

  const mayReply = (message: MailboxMessageResponse) => box === 'inbox' && !!recipients?.some((member) => member.userId === message.from.userId);

  return (
    <div>
      {project.state === 'closed' && <p class="notice closed-notice">{t('agendaMailbox.closed')}</p>}
      <p>{t('mailbox.intro')}</p>
      <nav aria-label={t('mailbox.boxes')} class="box-nav">
        <ul class="plain">
          {(['inbox', 'sent'] as const).map((which) => (
            <li key={which}>
              <a href={pageUrl('twinspace/mailbox', which === 'sent' ? { id: projectId, box: 'sent' } : { id: projectId })} aria-current={which === box ? 'page' : undefined}>
                {t(which === 'inbox' ? 'mailbox.inbox' : 'mailbox.sent')}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <section class="card" aria-labelledby="box-heading">
        <h2 id="box-heading" tabindex={-1} ref={boxHeading}>
          {t(box === 'inbox' ? 'mailbox.inbox' : 'mailbox.sent')}
        </h2>
        <StatusMessage status={listStatus} />
        <ul class="plain decision-list">
          {messages.items.map((message) => (
            <MessageItem key={message.messageId} message={message} box={box} onReply={mayReply(message) ? () => reply(message) : undefined} />
          ))}
        </ul>
        {messages.loaded && messages.items.length === 0 && <EmptyState>{t('mailbox.empty')}</EmptyState>}
        {messages.loaded && (
          <Pager done={messages.done} label={t('agendaMailbox.more')} busyLabel={t('common.busy')} onMore={() => messages.more().catch((error: unknown) => failed(error, setListStatus))} />
        )}
      </section>

      <section class="card" aria-labelledby="write-heading">
        <h2 id="write-heading" tabindex={-1}>
          {t('mailbox.write')}
        </h2>
        {'unavailable' in can && <p class="notice">{t(can.unavailable)}</p>}
        {'permission' in can && recipients && recipients.length === 0 && <p class="notice">{t('mailbox.nobody')}</p>}
        {'permission' in can && recipients && recipients.length > 0 && (
          <WriteForm
            path={mailboxPath}
            recipients={recipients}
            toTeachers={toTeachersOnly(can.permission)}
            values={values}
            onInput={setValues}
            bodyInput={bodyInput}
            sent={showSent}
          />
        )}
      </section>
    </div>
  );
}

function MessageItem({ message, box, onReply }: { message: MailboxMessageResponse; box: MailboxBox; onReply?: () => void }) {
  const [open, setOpen] = useState(false);
  const bodyId = `message-${message.messageId}`;
  const other = box === 'inbox' ? message.from : message.to;
  const [before, after] = aroundDate(fill(box === 'inbox' ? 'mailbox.fromLine' : 'mailbox.toLine', { name: other.displayName }));
  const party = (person: MailboxMessageResponse['from']) => `${person.displayName} (${typeName(person.type)})`;
  return (
    <li>
      <h3>
        <button type="button" class="message-open" aria-expanded={open ? 'true' : 'false'} aria-controls={bodyId} onClick={() => setOpen(!open)}>
          {message.subject}
        </button>
      </h3>
      <p class="muted">
        {before}
        <AbsoluteDate value={message.sentAt} locale={readerLocale} />
        {after}
      </p>
      <div id={bodyId} hidden={!open}>
        <dl class="facts">
          <div>
            <dt>{t('mailbox.from')}</dt>
            <dd>{party(message.from)}</dd>
          </div>
          <div>
            <dt>{t('mailbox.to')}</dt>
            <dd>{party(message.to)}</dd>
          </div>
          <div>
            <dt>{t('mailbox.date')}</dt>
            <dd>
              <AbsoluteDate value={message.sentAt} locale={readerLocale} />
            </dd>
          </div>
        </dl>
        <p class="message-body">{message.body}</p>
        {onReply && (
          <button type="button" class="secondary" onClick={onReply}>
            {t('mailbox.reply')}
          </button>
        )}
      </div>
    </li>
  );
}

interface WriteProps {
  path: string;
  recipients: Member[];
  toTeachers: boolean;
  values: MessageValues;
  onInput: (values: MessageValues) => void;
  bodyInput: { current: HTMLTextAreaElement | null };
  /** The message went: shows the sent box; resolves to the sentence to say. */
  sent: (text: string) => Promise<string>;
}

function WriteForm({ path, recipients, toTeachers, values, onInput, bodyInput, sent }: WriteProps) {
  const [problems, setProblems] = useState<Partial<Record<MessageField, string>>>({});
  const [status, setStatus] = useState<Status>();
  const [sending, setSending] = useState(false);

  const showProblems = (found: Partial<Record<MessageField, string>>) => {
    setProblems(found);
    setStatus({ tone: 'error', text: t('agendaMailbox.checkFields') });
    requestAnimationFrame(() => document.querySelector<HTMLElement>('#write-form [aria-invalid="true"]')?.focus());
  };

  const guard = useGuardedSend();

  /** Sends the form; `confirmed`: a teacher warned of personal data sends it anyway. */
  const submit = async (confirmed = false) => {
    setProblems({});
    setStatus(undefined);
    guard.reset();
    const checked = sendBody(values);
    if ('missing' in checked) return showProblems(Object.fromEntries(checked.missing.map((field) => [field, t('agendaMailbox.required')])));
    setSending(true);
    try {
      const answer = await apiPost<MailboxMessageResponse | HeldAnswer>(path, { ...checked.body, ...acknowledged(confirmed) });
      setSending(false);
      // Held for a teacher: nothing was sent; the form keeps what was typed, with the reason.
      if (guard.held(answer)) return;
      onInput({ toUserId: '', subject: '', body: '' });
      setStatus({ tone: 'success', text: await sent(fill('mailbox.sentDone', { subject: answer.subject, name: answer.to.displayName })) });
    } catch (error) {
      setSending(false);
      if (guard.warned(error, () => void submit(true))) return;
      const found = problemsByField(error);
      if (found) showProblems(found);
      else failed(error, setStatus);
    }
  };

  const set = (field: MessageField) => (event: { currentTarget: { value: string } }) => onInput({ ...values, [field]: event.currentTarget.value });

  return (
    <form
      id="write-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <FormField id="write-to" label={t('mailbox.recipient')} hint={toTeachers ? t('mailbox.pupilsHint') : undefined} error={problems.toUserId}>
        {(control) => (
          <select {...control} required value={values.toUserId} onChange={set('toUserId')}>
            <option value="">{t('mailbox.choose')}</option>
            {recipients.map((member) => (
              <option key={member.userId} value={member.userId}>
                {`${member.displayName} — ${typeName(member.type)}`}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id="write-subject" label={t('mailbox.subject')} error={problems.subject}>
        {(control) => <input {...control} type="text" maxLength={200} required value={values.subject} onInput={set('subject')} />}
      </FormField>
      <FormField id="write-body" label={t('mailbox.body')} error={problems.body}>
        {(control) => <textarea {...control} ref={bodyInput} rows={6} maxLength={5000} required value={values.body} onInput={set('body')} />}
      </FormField>
      <BusyButton type="submit" busy={sending} busyLabel={t('mailbox.sending')}>
        {t('mailbox.send')}
      </BusyButton>
      <StatusMessage status={status} />
      {guard.view}
    </form>
  );
}
