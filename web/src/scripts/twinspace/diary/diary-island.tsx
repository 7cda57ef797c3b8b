/**
 * The Project Diary page (?id=<projectId>), a Preact island built from the
 * kit: GET /projects/{id}/diary page by page (newest first, "Show more"); the
 * server's `view` says who reads: 'team' (the project's teachers: write
 * entries, comment), 'nss' (a partner country's NSS: answer) or 'open' (any
 * other teacher: read only). A reader with no view of it (a pupil, a guest,
 * an evaluator...) is told its public entries are on the project's public
 * page. Exports fetch the document with the bearer token and hand it over as
 * a Blob, never as markup of this page.
 */
import type { DiaryEntryResponse, DiaryPage, DiaryReplyBodyInput } from '../../../../../functions/http/diary/schemas.ts';
import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { AbsoluteDate } from '../../../components/kit/Dates.tsx';
import { Badge } from '../../../components/kit/Badge.tsx';
import { BusyButton } from '../../../components/kit/BusyButton.tsx';
import { EmptyState } from '../../../components/kit/EmptyState.tsx';
import { FieldError, FormField, errorId } from '../../../components/kit/FormField.tsx';
import { readerLocale } from '../../../components/kit/format.ts';
import { Pager } from '../../../components/kit/Pager.tsx';
import { StatusMessage, type Status } from '../../../components/kit/StatusMessage.tsx';
import { usePagedList } from '../../../components/kit/usePagedList.ts';
import { ApiError, apiGet, apiGetText, apiPost } from '../../common/api.ts';
import {
  backTo,
  diaryRights,
  emptyEntry,
  entryBody,
  entryKinds,
  entryTextProblem,
  entryVisibilities,
  exportFileName,
  replyProblem,
  type DiaryView,
  type EntryField,
  type EntryValues,
} from './diary-page.ts';
import { fillParts } from '../../common/fill-parts.ts';
import { problemsByField } from '../../common/form-problems.ts';
import { fill, language, pageUrl, requireSession, t } from '../../common/page.ts';
import { personName } from '../../common/person.ts';
import { failed } from '../../common/problems.ts';
import { projectIdOfPage } from '../twinspace-project.ts';
import { Body, problemWords, TextField } from '../../common/rich-text.tsx';

const locale = readerLocale(language, navigator.languages);

export default function DiaryPage() {
  const [projectId] = useState(() => (requireSession() ? (projectIdOfPage() ?? '') : undefined));
  if (projectId === undefined) return null;
  if (!projectId) {
    return (
      <>
        <p>
          <a href={pageUrl('desktop')}>{t('diary.back')}</a>
        </p>
        <StatusMessage status={{ tone: 'error', text: t('twinspace.missingId') }} />
      </>
    );
  }
  return <Diary projectId={projectId} />;
}

function Diary({ projectId }: { projectId: string }) {
  const diaryPath = `/projects/${encodeURIComponent(projectId)}/diary`;
  const [view, setView] = useState<DiaryView>();
  const [noView, setNoView] = useState(false);
  const [listStatus, setListStatus] = useState<Status>();
  // Entries changed since they were read (a reply sent), shown as they are now.
  const [changed, setChanged] = useState<Record<string, DiaryEntryResponse>>({});
  const listHeading = useRef<HTMLHeadingElement>(null);
  const entries = usePagedList<DiaryEntryResponse>(async (cursor) => {
    const query = new URLSearchParams({ limit: '20' });
    if (cursor) query.set('cursor', cursor);
    const page = await apiGet<DiaryPage>(`${diaryPath}?${query}`);
    setView(page.view);
    return page;
  });

  useEffect(() => {
    entries
      .reload()
      .then(() => {
        // A link from the NSS inbox names the entry to answer.
        if (location.hash) requestAnimationFrame(() => document.getElementById(location.hash.slice(1))?.focus());
      })
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 403) setNoView(true);
        else failed(error, setListStatus);
      });
  }, []);

  const back = backTo(view, projectId);
  const backLink = (
    <p>
      <a href={'query' in back ? pageUrl(back.page, back.query) : pageUrl(back.page)}>{t('diary.back')}</a>
    </p>
  );

  if (noView) {
    return (
      <>
        {backLink}
        <p class="notice" role="status">
          {fillParts(t('publicPage.diaryForGuests'), { link: <a href={pageUrl('public', { id: projectId })}>{t('publicPage.diaryForGuestsLink')}</a> })}
        </p>
      </>
    );
  }
  if (!entries.loaded || !view) {
    return (
      <>
        {backLink}
        <StatusMessage status={listStatus} />
        {!listStatus && <p class="muted">{t('common.loading')}</p>}
      </>
    );
  }

  const rights = diaryRights(view);
  const focusEntry = (entryId: string) => requestAnimationFrame(() => document.getElementById(`entry-${entryId}`)?.focus());
  return (
    <>
      {backLink}
      <Exports diaryPath={diaryPath} projectId={projectId} />
      {rights.write && (
        <Writer
          projectId={projectId}
          diaryPath={diaryPath}
          onWritten={async (entry) => {
            await entries.reload().catch((error: unknown) => failed(error, setListStatus));
            focusEntry(entry.entryId);
          }}
        />
      )}
      <section class="card" aria-labelledby="entries-heading">
        <h2 id="entries-heading" tabindex={-1} ref={listHeading}>
          {t('diary.entries')}
        </h2>
        <StatusMessage status={listStatus} />
        <ul id="entry-list" class="plain diary-list">
          {entries.items.map((read) => {
            const entry = changed[read.entryId] ?? read;
            return (
              <Entry
                key={entry.entryId}
                entry={entry}
                reply={rights.reply}
                diaryPath={diaryPath}
                onReplied={(updated) => {
                  setChanged((before) => ({ ...before, [updated.entryId]: updated }));
                  focusEntry(updated.entryId);
                }}
              />
            );
          })}
        </ul>
        {entries.items.length === 0 && <EmptyState>{t('diary.none')}</EmptyState>}
        <Pager done={entries.done} label={t('diary.more')} busyLabel={t('common.busy')} onMore={() => entries.more().catch((error: unknown) => failed(error, setListStatus))} />
      </section>
    </>
  );
}

/** "Export (Markdown)" downloads the Markdown; "Printable version" opens the printable page in a new window; both from a Blob. */
function Exports({ diaryPath, projectId }: { diaryPath: string; projectId: string }) {
  const [status, setStatus] = useState<Status>();
  const download = useRef<HTMLAnchorElement>(null);
  const exportPath = (format: 'md' | 'html') => `${diaryPath}/export?format=${format}`;

  const markdown = async () => {
    setStatus(undefined);
    try {
      const text = await apiGetText(exportPath('md'));
      const url = URL.createObjectURL(new Blob([text], { type: 'text/markdown;charset=utf-8' }));
      const link = download.current!;
      link.href = url;
      link.download = exportFileName(projectId);
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setStatus({ tone: 'success', text: t('diary.exported') });
    } catch (error) {
      failed(error, setStatus);
    }
  };

  const printable = async () => {
    setStatus(undefined);
    // Opened at once, while the click still counts as the user's gesture; filled once the document arrives.
    const opened = window.open('', '_blank');
    try {
      const html = await apiGetText(exportPath('html'));
      const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
      if (opened) opened.location.href = url;
      else window.open(url, '_blank');
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      opened?.close();
      failed(error, setStatus);
    }
  };

  return (
    <div class="diary-exports">
      <div class="actions">
        <BusyButton class="secondary" busyLabel={t('common.busy')} onClick={markdown}>
          {t('diary.export')}
        </BusyButton>
        <BusyButton class="secondary" busyLabel={t('common.busy')} onClick={printable}>
          {t('diary.printable')}
        </BusyButton>
      </div>
      {/* The download's link: never shown, clicked with the Blob's address. */}
      <a ref={download} hidden aria-hidden="true" tabindex={-1} />
      <StatusMessage status={status} />
    </div>
  );
}

/**
 * "Write an entry": kind, who reads it (each choice explained), title and
 * text (the rich-text editor, fetched when the text is used; its pictures
 * from the public area's albums: the diary is read by NSS officers and on
 * the public page).
 */
function Writer({ projectId, diaryPath, onWritten }: { projectId: string; diaryPath: string; onWritten: (entry: DiaryEntryResponse) => Promise<void> }) {
  const [values, setValues] = useState<EntryValues>(emptyEntry);
  const [problems, setProblems] = useState<Partial<Record<EntryField, string>>>({});
  const [status, setStatus] = useState<Status>();
  const [saving, setSaving] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setProblems({});
    setStatus(undefined);
    const textProblem = entryTextProblem(values.body);
    if (textProblem) {
      setProblems({ body: textProblem.key === 'richEditor.empty' ? t('diary.emptyReply') : problemWords(textProblem) });
      requestAnimationFrame(() => document.querySelector<HTMLElement>('#entry-form [aria-invalid="true"]')?.focus());
      return;
    }
    setSaving(true);
    let entry: DiaryEntryResponse;
    try {
      entry = await apiPost<DiaryEntryResponse>(diaryPath, entryBody(values));
    } catch (error) {
      setSaving(false);
      const found = problemsByField(error);
      if (found) {
        setProblems(found);
        requestAnimationFrame(() => document.querySelector<HTMLElement>('#entry-form [aria-invalid="true"]')?.focus());
      } else failed(error, setStatus);
      return;
    }
    setSaving(false);
    setValues(emptyEntry());
    setStatus({ tone: 'success', text: fill('diary.written', { title: entry.title }) });
    await onWritten(entry);
  };

  return (
    <section class="card" id="write" aria-labelledby="write-heading">
      <h2 id="write-heading">{t('diary.write')}</h2>
      <form id="entry-form" noValidate onSubmit={(event) => void submit(event)}>
        <FormField id="entry-kind" label={t('diary.kind')} error={problems.kind}>
          {(control) => (
            <select {...control} value={values.kind} onChange={(event) => setValues({ ...values, kind: event.currentTarget.value as EntryValues['kind'] })}>
              {entryKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`diary.kind.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <fieldset aria-describedby={problems.visibility ? errorId('visibility') : undefined}>
          <legend>{t('diary.visibility')}</legend>
          {entryVisibilities.map((visibility) => (
            <div class="choice" key={visibility}>
              <input
                type="radio"
                id={`visibility-${visibility}`}
                name="visibility"
                value={visibility}
                checked={values.visibility === visibility}
                aria-describedby={`visibility-${visibility}-hint`}
                aria-invalid={problems.visibility ? 'true' : undefined}
                onChange={() => setValues({ ...values, visibility })}
              />
              <label for={`visibility-${visibility}`}>{t(`diary.visibility.${visibility}`)}</label>
              <span id={`visibility-${visibility}-hint`} class="hint">
                {t(`diary.explain.${visibility}`)}
              </span>
            </div>
          ))}
          <FieldError id={errorId('visibility')} message={problems.visibility} />
        </fieldset>
        <FormField id="entry-title" label={t('diary.entryTitle')} error={problems.title}>
          {(control) => <input {...control} type="text" maxLength={200} required value={values.title} onInput={(event) => setValues({ ...values, title: event.currentTarget.value })} />}
        </FormField>
        <TextField
          id="entry-body"
          label={t('diary.body')}
          error={problems.body}
          value={values.body}
          onChange={(body) => setValues((before) => ({ ...before, body }))}
          pictures={{ projectId, area: 'public' }}
          load="on-focus"
          rows={6}
        />
        <BusyButton type="submit" busy={saving} busyLabel={t('common.busy')}>
          {t('diary.submit')}
        </BusyButton>
        <StatusMessage status={status} />
      </form>
    </section>
  );
}

const word = (key: string) => {
  const translated = t(key as Parameters<typeof t>[0]);
  return translated === key ? key.slice(key.lastIndexOf('.') + 1) : translated;
};

interface EntryProps {
  entry: DiaryEntryResponse;
  reply: 'teacher' | 'nss' | undefined;
  diaryPath: string;
  onReplied: (updated: DiaryEntryResponse) => void;
}

function Entry({ entry, reply, diaryPath, onReplied }: EntryProps) {
  const headingId = `entry-${entry.entryId}`;
  return (
    <li>
      <h3 id={headingId} tabindex={-1}>
        {entry.title}
      </h3>
      <p class="actions">
        <span class="visually-hidden">{`${t('diary.kind')}:`}</span>
        <Badge variant="info">{word(`diary.kind.${entry.kind}`)}</Badge>
        <span class="visually-hidden">{`${t('diary.visibility')}:`}</span>
        <Badge>{word(`diary.visibility.${entry.visibility}`)}</Badge>
        {entry.kind === 'doubt' && entry.visibility !== 'hidden' && (
          <Badge variant={entry.answeredAt ? 'success' : 'neutral'}>{t(entry.answeredAt ? 'diary.answered' : 'diary.waiting')}</Badge>
        )}
      </p>
      <p class="muted">
        {fillParts(t('diary.by'), { name: entry.author.displayName, country: entry.author.country, date: <AbsoluteDate value={entry.createdAt} locale={locale} /> })}
      </p>
      {/* Under the entry's h3: its headings start at h4. */}
      <Body item={entry} headingLevel={4} class="diary-text" />
      {entry.replies.length > 0 && (
        <ul class="plain diary-replies" aria-label={`${t('diary.replies')}: ${entry.title}`}>
          {entry.replies.map((answer) => (
            <li key={answer.replyId}>
              <p class="chat-meta">
                <strong class="chat-author">{personName(answer.author.displayName)}</strong> ({word(`diary.role.${answer.author.role}`)}, {answer.author.country}),{' '}
                <AbsoluteDate value={answer.createdAt} locale={locale} />
              </p>
              <p class="diary-text">{answer.body}</p>
            </li>
          ))}
        </ul>
      )}
      {reply && <ReplyForm entry={entry} role={reply} diaryPath={diaryPath} headingId={headingId} onReplied={onReplied} />}
    </li>
  );
}

/** The reply form under an entry: the NSS answers, a teacher comments. */
function ReplyForm({ entry, role, diaryPath, headingId, onReplied }: { entry: DiaryEntryResponse; role: 'teacher' | 'nss'; diaryPath: string; headingId: string; onReplied: (updated: DiaryEntryResponse) => void }) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string>();
  const [status, setStatus] = useState<Status>();
  const [saving, setSaving] = useState(false);
  const field: Ref<HTMLTextAreaElement> = useRef<HTMLTextAreaElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setStatus(undefined);
    const empty = replyProblem(text);
    setProblem(empty && t(empty));
    if (empty) return field.current?.focus();
    setSaving(true);
    try {
      const updated = await apiPost<DiaryEntryResponse>(`${diaryPath}/${encodeURIComponent(entry.entryId)}/replies`, { body: text } satisfies DiaryReplyBodyInput);
      setText('');
      setStatus({ tone: 'success', text: fill('diary.replied', { title: entry.title }) });
      onReplied(updated);
    } catch (error) {
      const found = problemsByField(error);
      if (found?.body) {
        setProblem(found.body);
        field.current?.focus();
      } else failed(error, setStatus);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <FormField id={`reply-${entry.entryId}`} label={t(`diary.replyLabel.${role}`)} error={problem} describedBy={[headingId]}>
        {(control) => <textarea {...control} ref={field} rows={3} value={text} onInput={(event) => setText(event.currentTarget.value)} />}
      </FormField>
      <BusyButton type="submit" busy={saving} busyLabel={t('common.busy')}>
        {t(`diary.replySubmit.${role}`)}
      </BusyButton>
      <StatusMessage status={status} />
    </form>
  );
}
