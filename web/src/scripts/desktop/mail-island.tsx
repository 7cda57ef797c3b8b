/**
 * Desktop mail between teachers, a Preact island built from the kit. The
 * address chooses the view (mail-page.ts): a folder (inbox or sent, newest
 * first, read page by page with the kit's "load more" Pager, unread mails
 * marked with a Badge), one mail (opening it marks it read), or the compose
 * form (to a typed username, or to the partner chosen in partner search or
 * replied to). The unread count shows in the page's heading and on the Inbox
 * link, and is asked again once a mail is opened. Anyone but a teacher is
 * refused by the API (403): the page then says mail is for teachers only.
 */
import type { MailPage, MailResponse } from '../../../../functions/http/desktop/schemas.ts';
import { useEffect, useRef, useState } from 'preact/hooks';
import { Badge } from '../../components/kit/Badge.tsx';
import { BusyButton } from '../../components/kit/BusyButton.tsx';
import { AbsoluteDate } from '../../components/kit/Dates.tsx';
import { EmptyState } from '../../components/kit/EmptyState.tsx';
import { FieldError, FormField, errorId } from '../../components/kit/FormField.tsx';
import { Pager } from '../../components/kit/Pager.tsx';
import { StatusMessage, type Status } from '../../components/kit/StatusMessage.tsx';
import { usePagedList } from '../../components/kit/usePagedList.ts';
import { ApiError, apiGet, apiPost } from '../common/api.ts';
import { dateLocale } from '../common/dates.ts';
import { deskUrl, unreadMailCount } from './desk.ts';
import { problemsByField } from '../common/form-problems.ts';
import { emptyCompose, mailBody, mailViewOf, replySubject, type ComposeField, type ComposeValues, type Folder, type MailView, type Recipient } from './mail-page.ts';
import { fill, requireSession, t } from '../common/page.ts';
import { failed } from '../common/problems.ts';

const party = (person: MailResponse['from']) => `${person.displayName} (${person.country})`;

/** What each view tells the page: its first read settled (with the error that stopped it), the unread count, the nav's current link. */
interface ViewEvents {
  onOpened: (error?: unknown) => void;
  onUnread: (unread: number) => void;
}

export default function MailIsland() {
  const [view, setView] = useState<MailView | undefined>(() => (requireSession() ? mailViewOf(new URLSearchParams(location.search)) : undefined));
  const [current, setCurrent] = useState<Folder | 'compose' | undefined>(view && (view.view === 'folder' ? view.folder : view.view === 'compose' ? 'compose' : undefined));
  const [unread, setUnread] = useState<number>();
  const [loading, setLoading] = useState(!!view);
  const [refused, setRefused] = useState(false);
  const [failure, setFailure] = useState<Status>();
  const [sent, setSent] = useState<Status>();

  // The page's one h1 names the unread count ("Desktop mail (2 unread)").
  useEffect(() => {
    const title = document.getElementById('page-title');
    if (title && unread !== undefined) title.textContent = unread > 0 ? `${t('mail.title')} ${fill('mail.unreadHeading', { count: String(unread) })}` : t('mail.title');
  }, [unread]);

  const events: ViewEvents = {
    onOpened(error) {
      setLoading(false);
      if (error === undefined) return;
      if (error instanceof ApiError && error.status === 403) setRefused(true);
      else if (error instanceof ApiError && error.status === 404) setFailure({ tone: 'error', text: t('mail.notFound') });
      else failed(error, setFailure);
    },
    onUnread: setUnread,
  };

  const afterSending = (mail: MailResponse) => {
    history.replaceState(null, '', deskUrl('mail', { folder: 'sent' }));
    setSent({ tone: 'success', text: fill('mail.sentDone', { subject: mail.subject, name: mail.to.displayName }) });
    setCurrent('sent');
    setView({ view: 'folder', folder: 'sent' });
  };

  if (refused) return <p class="card">{t('mail.teachersOnly')}</p>;
  const link = (to: Folder | 'compose', query: Record<string, string>, text: string) => (
    <li>
      <a href={deskUrl('mail', query)} aria-current={current === to ? 'page' : undefined}>
        {text}
      </a>
    </li>
  );
  return (
    <>
      {loading && <p class="muted">{t('common.loading')}</p>}
      <StatusMessage status={failure} />
      <nav aria-label={t('mail.folders')} class="mail-nav">
        <ul class="plain">
          {link('inbox', { folder: 'inbox' }, unread ? fill('mail.inboxUnread', { count: String(unread) }) : t('mail.inbox'))}
          {link('sent', { folder: 'sent' }, t('mail.sent'))}
          {link('compose', { compose: '1' }, t('mail.compose'))}
        </ul>
      </nav>
      {view?.view === 'folder' && <FolderView key={view.folder} folder={view.folder} announce={sent} {...events} />}
      {view?.view === 'read' && <ReadView mailId={view.mailId} onFolder={setCurrent} {...events} />}
      {view?.view === 'compose' && <ComposeView recipient={view.recipient} subject={view.subject} onSent={afterSending} {...events} />}
    </>
  );
}

/** A folder, newest first, page by page; `announce` (a mail just sent) is said under its heading once it is read. */
function FolderView({ folder, announce, onOpened, onUnread }: { folder: Folder; announce?: Status } & ViewEvents) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [status, setStatus] = useState<Status>();
  const mails = usePagedList<MailPage['items'][number]>(async (cursor) => {
    const query = new URLSearchParams({ folder, limit: '20' });
    if (cursor) query.set('cursor', cursor);
    const page = await apiGet<MailPage>(`/mail?${query}`);
    onUnread(page.unread);
    return page;
  });

  useEffect(() => {
    mails
      .reload()
      .then(() => {
        onOpened();
        if (!announce) return;
        setStatus(announce);
        heading.current?.focus();
      })
      .catch(onOpened);
  }, []);

  return (
    <section class="card" aria-labelledby="folder-heading">
      <h2 id="folder-heading" tabindex={-1} ref={heading}>
        {t(folder === 'inbox' ? 'mail.inbox' : 'mail.sent')}
      </h2>
      <StatusMessage status={status} />
      {mails.items.length > 0 && (
        <ul class="plain mail-list">
          {mails.items.map((mail) => (
            <li key={mail.mailId} class={mail.read ? undefined : 'unread'}>
              <span>
                <a href={deskUrl('mail', { id: mail.mailId })}>{mail.subject}</a>
                {!mail.read && (
                  <>
                    {' '}
                    <Badge variant="info">{t('mail.unread')}</Badge>
                  </>
                )}
              </span>
              <span class="muted">
                {`${mail.folder === 'inbox' ? `${t('mail.from')}: ${party(mail.from)}` : `${t('mail.to')}: ${party(mail.to)}`} · `}
                <AbsoluteDate value={mail.sentAt} locale={dateLocale} />
              </span>
            </li>
          ))}
        </ul>
      )}
      {mails.loaded && mails.items.length === 0 && <EmptyState>{t('mail.empty')}</EmptyState>}
      {mails.loaded && (
        <Pager done={mails.done} label={t('mail.more')} busyLabel={t('common.busy')} onMore={() => mails.more().catch((error: unknown) => failed(error, setStatus))} />
      )}
    </section>
  );
}

/** One mail; opening it marks it read, so the unread count is asked again. Reply (inbox only) opens the compose form addressed to its sender. */
function ReadView({ mailId, onFolder, onOpened, onUnread }: { mailId: string; onFolder: (folder: Folder) => void } & ViewEvents) {
  const [mail, setMail] = useState<MailResponse>();
  const subject = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    apiGet<MailResponse>(`/mail/${encodeURIComponent(mailId)}`)
      .then(async (read) => {
        setMail(read);
        onFolder(read.folder);
        onOpened();
        onUnread(await unreadMailCount());
      })
      .catch(onOpened);
  }, []);
  useEffect(() => subject.current?.focus(), [mail]);

  if (!mail) return null;
  return (
    <article class="card" aria-labelledby="read-subject">
      <h2 id="read-subject" tabindex={-1} ref={subject}>
        {mail.subject}
      </h2>
      <dl class="facts">
        <div>
          <dt>{t('mail.from')}</dt>
          <dd>{party(mail.from)}</dd>
        </div>
        <div>
          <dt>{t('mail.to')}</dt>
          <dd>{party(mail.to)}</dd>
        </div>
        <div>
          <dt>{t('mail.date')}</dt>
          <dd>
            <AbsoluteDate value={mail.sentAt} locale={dateLocale} />
          </dd>
        </div>
      </dl>
      <p class="mail-body">{mail.body}</p>
      <p class="actions">
        {mail.folder === 'inbox' && (
          <a class="button-link" href={deskUrl('mail', { compose: '1', to: mail.from.userId, name: mail.from.displayName, subject: replySubject(mail.subject) })}>
            {t('mail.reply')}
          </a>
        )}
        <a href={deskUrl('mail', { folder: mail.folder })}>{t('mail.back')}</a>
      </p>
    </article>
  );
}

/** The compose form: what is missing is said next to each field before anything is sent; the API's refusals (a username that is no teacher) too. */
function ComposeView({ recipient, subject, onSent, onOpened, onUnread }: { recipient?: Recipient; subject: string; onSent: (mail: MailResponse) => void } & ViewEvents) {
  const [values, setValues] = useState<ComposeValues>({ ...emptyCompose, subject });
  const [problems, setProblems] = useState<Partial<Record<ComposeField, string>>>({});
  const [status, setStatus] = useState<Status>();
  const [sending, setSending] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const set = (name: keyof ComposeValues) => (event: { currentTarget: { value: string } }) => setValues({ ...values, [name]: event.currentTarget.value });

  // Also tells at once whether this account has desktop mail at all (403 otherwise).
  useEffect(() => {
    unreadMailCount().then((unread) => {
      onUnread(unread);
      onOpened();
    }, onOpened);
  }, []);

  /** Marks the fields and focuses the first, once Preact has marked it. */
  const showProblems = (found: Partial<Record<ComposeField, string>>, text: string) => {
    setProblems(found);
    setStatus({ tone: 'error', text });
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setStatus(undefined);
    const checked = mailBody(values, recipient);
    if ('problems' in checked) {
      showProblems(Object.fromEntries(Object.entries(checked.problems).map(([field, key]) => [field, t(key)])), t('desk.checkFields'));
      return;
    }
    setProblems({});
    setSending(true);
    try {
      onSent(await apiPost<MailResponse>('/mail', checked.body));
    } catch (error) {
      setSending(false);
      // Only the problems of fields this form shows: the others are said as a failure.
      const shownFields: ComposeField[] = [recipient ? 'toUserId' : 'toUsername', 'subject', 'body'];
      const found = Object.entries(problemsByField(error) ?? {}).filter(([field]) => shownFields.includes(field as ComposeField));
      if (found.length) showProblems(Object.fromEntries(found), `${t('mail.notSent')} ${t('desk.checkFields')}`);
      else failed(error, setStatus);
    }
  };

  return (
    <section class="card" aria-labelledby="compose-heading">
      <h2 id="compose-heading" tabindex={-1}>
        {t('mail.compose')}
      </h2>
      <form ref={form} noValidate onSubmit={(event) => void submit(event)}>
        {recipient ? (
          <div class="field">
            <p>
              <strong>{`${t('mail.to')}:`}</strong> {recipient.name}
            </p>
            <FieldError id={errorId('toUserId')} message={problems.toUserId} />
            <p>
              <a href={deskUrl('mail', { compose: '1' })}>{t('mail.someoneElse')}</a>
            </p>
          </div>
        ) : (
          <FormField id="compose-to" label={t('mail.recipient')} hint={t('mail.recipientHint')} error={problems.toUsername}>
            {(control) => (
              <input {...control} type="text" autocapitalize="none" spellcheck={false} maxLength={128} value={values.toUsername} onInput={set('toUsername')} />
            )}
          </FormField>
        )}
        <FormField id="compose-subject" label={t('mail.subject')} error={problems.subject}>
          {(control) => <input {...control} type="text" maxLength={200} required value={values.subject} onInput={set('subject')} />}
        </FormField>
        <FormField id="compose-body" label={t('mail.body')} error={problems.body}>
          {(control) => <textarea {...control} rows={8} maxLength={10_000} required value={values.body} onInput={set('body')} />}
        </FormField>
        <BusyButton type="submit" busy={sending} busyLabel={t('mail.sending')}>
          {t('mail.send')}
        </BusyButton>
        <StatusMessage status={status} />
      </form>
    </section>
  );
}
