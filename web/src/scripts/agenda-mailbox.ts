/**
 * What the agenda and mailbox pages share: the project they belong to (?id=),
 * named in the page's title, with the member's type and whether it is closed;
 * the reader's locale for dates; and a failure to open the page at all.
 */
import type { ProjectDetailResponse } from '../../../functions/http/projects/schemas.ts';
import type { MessageKey } from '../i18n/index.ts';
import { ApiError, apiGet } from './api.ts';
import { fill, language, pageUrl, requireSession, showError, t } from './page.ts';
import { reportFailure } from './problems.ts';

export const element = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

/** The reader's own locale when it is in the page's language (en-GB, es-MX…), else the page's language. */
export const readerLocale = navigator.languages.find((tag) => tag.toLowerCase().split('-')[0] === language) ?? language;

/** The reader's time zone, named as the browser knows it (e.g. Europe/Madrid). */
export const readerTimeZone = new Intl.DateTimeFormat().resolvedOptions().timeZone;

/** A list read page by page from a GET that answers {items, nextCursor}; `Paged` is that GET's page schema type (e.g. AgendaPage). */
export function pager<Paged extends { items: unknown[]; nextCursor: string | null }>(path: string, query: Record<string, string>) {
  let cursor: string | null = null;
  let started = false;
  return {
    get done() {
      return started && !cursor;
    },
    async next(): Promise<Paged['items']> {
      const params = new URLSearchParams({ ...query, limit: '20' });
      if (cursor) params.set('cursor', cursor);
      const page = await apiGet<Paged>(`${path}?${params}`);
      started = true;
      cursor = page.nextCursor;
      return page.items;
    },
  };
}

/**
 * Opens the area page of the project in ?id=: reads the project, names it in
 * the title, links back to its TwinSpace, shows the closed notice; then runs
 * `show`. Nothing happens without a session (requireSession sends to sign-in).
 */
export function openAreaPage(titleKey: MessageKey, show: (project: ProjectDetailResponse, projectId: string) => Promise<void>): void {
  const session = requireSession();
  if (!session) return;
  const projectId = new URLSearchParams(location.search).get('id');
  const loading = element('area-loading');
  if (!projectId) {
    loading.hidden = true;
    showError(t('twinspace.missingId'));
    return;
  }
  const open = async () => {
    const project = await apiGet<ProjectDetailResponse>(`/projects/${encodeURIComponent(projectId)}`);
    const title = fill(titleKey, { project: project.title });
    element('page-title').textContent = title;
    document.title = `${title} · ${t('site.name')}`;
    element<HTMLAnchorElement>('back-link').href = pageUrl('twinspace', { id: projectId });
    element('closed-notice').hidden = project.state !== 'closed';
    await show(project, projectId);
    element('area').hidden = false;
  };
  open()
    .catch((error: unknown) => {
      if (error instanceof ApiError && (error.status === 404 || error.status === 403)) showError(t('twinspace.notFound'));
      else reportFailure(error);
    })
    .finally(() => (loading.hidden = true));
}

/** A button that says what it is doing while a call is on its way. */
export function busy(button: HTMLButtonElement, key: MessageKey): () => void {
  const label = button.textContent;
  button.disabled = true;
  button.textContent = t(key);
  return () => {
    button.disabled = false;
    button.textContent = label;
  };
}

/** Marks a field with a message in its data-field-error slot. */
export function markField(form: HTMLFormElement, field: string, message: string): void {
  const slot = form.querySelector<HTMLElement>(`[data-field-error="${field}"]`);
  if (slot) {
    slot.textContent = message;
    slot.hidden = false;
  }
  form.querySelectorAll(`[data-field="${field}"]`).forEach((input) => input.setAttribute('aria-invalid', 'true'));
}

export function focusFirstProblem(form: HTMLFormElement): void {
  form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

/** A plain button with a text label. */
export function button(label: string, className?: string): HTMLButtonElement {
  const made = document.createElement('button');
  made.type = 'button';
  made.textContent = label;
  if (className) made.className = className;
  return made;
}
