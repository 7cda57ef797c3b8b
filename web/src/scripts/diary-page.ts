/**
 * The Project Diary page (?id=<projectId>): GET /projects/{id}/diary page by
 * page (newest first); the server's `view` says who reads: 'team' (the
 * project's teachers: write entries, comment), 'nss' (a partner country's
 * NSS: answer) or 'open' (any other teacher: read only). Exports fetch the
 * document with the bearer token and hand it over as a Blob, never as markup
 * of this page.
 */
import type { DiaryEntryBodyInput, DiaryEntryResponse, DiaryPage, DiaryReplyBodyInput } from '../../../functions/http/diary/schemas.ts';
import type { MessageKey } from '../i18n/index.ts';
import { ApiError, apiGet, apiGetText, apiPost } from './api.ts';
import { fill, pageUrl, requireSession, showError, showStatus, t, textElement } from './page.ts';
import { clearFieldProblems, reportFailure, showFieldProblems } from './problems.ts';
import { when } from './dates.ts';
import { currentProject } from './twinspace-project.ts';

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const session = requireSession();
const projectId = new URLSearchParams(location.search).get('id') ?? '';
const diaryPath = `/projects/${encodeURIComponent(projectId)}/diary`;
const list = element<HTMLUListElement>('entry-list');
const more = element<HTMLButtonElement>('more-entries');
let cursor: string | null = null;
let view: DiaryPage['view'] = 'open';

const word = (prefix: string, value: string) => {
  const key = `${prefix}.${value}` as MessageKey;
  return t(key) === key ? value : t(key);
};

function badge(text: string): HTMLSpanElement {
  return textElement('span', text, 'badge');
}

function renderReply(reply: DiaryEntryResponse['replies'][number]): HTMLLIElement {
  const item = document.createElement('li');
  const meta = document.createElement('p');
  meta.className = 'chat-meta';
  meta.append(
    textElement('strong', reply.author.displayName, 'chat-author'),
    ` (${word('diary.role', reply.author.role)}, ${reply.author.country}), ${when(reply.createdAt)}`,
  );
  item.append(meta, textElement('p', reply.body, 'diary-text'));
  return item;
}

/** The reply form under an entry: the NSS answers, a teacher comments. */
function replyForm(entry: DiaryEntryResponse, onReplied: (updated: DiaryEntryResponse) => void): HTMLFormElement {
  const role = view === 'nss' ? 'nss' : 'teacher';
  const form = document.createElement('form');
  form.noValidate = true;
  const field = document.createElement('div');
  field.className = 'field';
  const label = textElement('label', t(`diary.replyLabel.${role}`));
  label.htmlFor = `reply-${entry.entryId}`;
  const text = document.createElement('textarea');
  text.id = label.htmlFor;
  text.rows = 3;
  text.dataset.field = 'body';
  const problem = textElement('p', '', 'field-error');
  problem.id = `reply-error-${entry.entryId}`;
  problem.dataset.fieldError = 'body';
  problem.hidden = true;
  text.setAttribute('aria-describedby', `${problem.id} entry-${entry.entryId}`);
  field.append(label, text, problem);
  const send = textElement('button', t(`diary.replySubmit.${role}`));
  send.type = 'submit';
  form.append(field, send);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldProblems(form);
    if (!text.value.trim()) {
      problem.textContent = t('diary.emptyReply');
      problem.hidden = false;
      text.setAttribute('aria-invalid', 'true');
      text.focus();
      return;
    }
    send.disabled = true;
    try {
      const updated = await apiPost<DiaryEntryResponse>(`${diaryPath}/${encodeURIComponent(entry.entryId)}/replies`, {
        body: text.value,
      } satisfies DiaryReplyBodyInput);
      showStatus(fill('diary.replied', { title: entry.title }));
      onReplied(updated);
    } catch (error) {
      send.disabled = false;
      if (!showFieldProblems(form, error)) reportFailure(error);
    }
  });
  return form;
}

function fillEntry(item: HTMLLIElement, entry: DiaryEntryResponse): void {
  const heading = textElement('h3', entry.title);
  heading.id = `entry-${entry.entryId}`;
  heading.tabIndex = -1;
  const tags = document.createElement('p');
  tags.className = 'actions';
  tags.append(
    textElement('span', `${t('diary.kind')}:`, 'visually-hidden'),
    badge(word('diary.kind', entry.kind)),
    textElement('span', `${t('diary.visibility')}:`, 'visually-hidden'),
    badge(word('diary.visibility', entry.visibility)),
  );
  if (entry.kind === 'doubt' && entry.visibility !== 'hidden') {
    tags.append(textElement('span', entry.answeredAt ? t('diary.answered') : t('diary.waiting'), 'muted'));
  }
  const byline = textElement('p', fill('diary.by', { name: entry.author.displayName, country: entry.author.country, date: when(entry.createdAt) }), 'muted');
  item.replaceChildren(heading, tags, byline, textElement('p', entry.body, 'diary-text'));
  if (entry.replies.length > 0) {
    const replies = document.createElement('ul');
    replies.className = 'plain diary-replies';
    replies.setAttribute('aria-label', `${t('diary.replies')}: ${entry.title}`);
    replies.append(...entry.replies.map(renderReply));
    item.append(replies);
  }
  if (view === 'team' || view === 'nss') {
    item.append(
      replyForm(entry, (updated) => {
        fillEntry(item, updated);
        element(`entry-${updated.entryId}`).focus();
      }),
    );
  }
}

function renderEntry(entry: DiaryEntryResponse, where: 'start' | 'end'): void {
  const item = document.createElement('li');
  fillEntry(item, entry);
  if (where === 'start') list.prepend(item);
  else list.append(item);
  element('no-entries').hidden = true;
}

async function loadMore(): Promise<void> {
  const query = new URLSearchParams({ limit: '20' });
  if (cursor) query.set('cursor', cursor);
  const page = await apiGet<DiaryPage>(`${diaryPath}?${query}`);
  view = page.view;
  page.items.forEach((entry) => renderEntry(entry, 'end'));
  cursor = page.nextCursor;
  more.hidden = !cursor;
  element('no-entries').hidden = list.children.length > 0;
}

function setUpWriting(): void {
  const form = element<HTMLFormElement>('entry-form');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldProblems(form);
    const fields = new FormData(form);
    const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    submit.disabled = true;
    try {
      // kind and visibility: the form's choices carry exactly the API's values (a missing one is the server's 400).
      const entry = await apiPost<DiaryEntryResponse>(diaryPath, {
        kind: fields.get('kind') as DiaryEntryBodyInput['kind'],
        visibility: fields.get('visibility') as DiaryEntryBodyInput['visibility'],
        title: String(fields.get('title') ?? ''),
        body: String(fields.get('body') ?? ''),
      } satisfies DiaryEntryBodyInput);
      form.reset();
      renderEntry(entry, 'start');
      showStatus(fill('diary.written', { title: entry.title }));
      element(`entry-${entry.entryId}`).focus();
    } catch (error) {
      if (!showFieldProblems(form, error)) reportFailure(error);
    } finally {
      submit.disabled = false;
    }
  });
}

/** Downloads the Markdown export, or opens the printable page in a new window, both from a Blob. */
function setUpExports(): void {
  const exportPath = (format: 'md' | 'html') => `${diaryPath}/export?format=${format}`;
  element('export-markdown').addEventListener('click', async () => {
    try {
      const markdown = await apiGetText(exportPath('md'));
      const url = URL.createObjectURL(new Blob([markdown], { type: 'text/markdown;charset=utf-8' }));
      const download = document.createElement('a');
      download.href = url;
      download.download = `project-diary-${projectId}.md`;
      document.body.append(download);
      download.click();
      download.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      showStatus(t('diary.exported'));
    } catch (error) {
      reportFailure(error);
    }
  });
  element('export-printable').addEventListener('click', async () => {
    // Opened at once, while the click still counts as the user's gesture; filled once the document arrives.
    const printable = window.open('', '_blank');
    try {
      const html = await apiGetText(exportPath('html'));
      const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
      if (printable) printable.location.href = url;
      else window.open(url, '_blank');
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      printable?.close();
      reportFailure(error);
    }
  });
}

async function showDiary(): Promise<void> {
  // The title is a courtesy: a reader without a view of the project itself still reads the diary.
  currentProject().then(
    (project) => {
      const title = element('diary-project');
      title.textContent = project.title;
      title.hidden = false;
    },
    () => undefined,
  );
  await loadMore();
  element('write').hidden = view !== 'team';
  const back = element<HTMLAnchorElement>('back-link');
  if (view === 'team') back.href = pageUrl('twinspace', { id: projectId });
  else if (view === 'nss') back.href = pageUrl('nss/diary');
  element('diary').hidden = false;
  // A link from the NSS inbox names the entry to answer.
  const target = location.hash ? document.getElementById(location.hash.slice(1)) : null;
  target?.focus();
}

/**
 * A reader with no view of the diary (a pupil, a guest, an evaluator...) is
 * told where its public entries are, with a link: the project's public page
 * shows them (GET /public/projects/{id}). Any other failure as usual.
 */
function explainNoView(error: unknown): void {
  if (!(error instanceof ApiError && error.status === 403)) return reportFailure(error);
  element<HTMLAnchorElement>('diary-public-link').href = pageUrl('public', { id: projectId });
  element('diary-public-note').hidden = false;
}

if (session) {
  if (!projectId) {
    showError(t('twinspace.missingId'));
    element('diary-loading').hidden = true;
  } else {
    setUpWriting();
    setUpExports();
    more.addEventListener('click', () => loadMore().catch(reportFailure));
    showDiary()
      .catch(explainNoView)
      .finally(() => (element('diary-loading').hidden = true));
  }
}
