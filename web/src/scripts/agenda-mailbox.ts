/**
 * What the agenda and mailbox pages share: the project they belong to (?id=),
 * named in the page's title, with the member's type and whether it is closed;
 * the reader's locale and time zone for dates; and a failure to open the page
 * at all. The agenda is a Preact island (openProject); the mailbox still
 * builds its DOM by hand (openAreaPage and the helpers below it).
 */
import type { ProjectDetailResponse } from '../../../functions/http/projects/schemas.ts';
import { readerLocale as localeFor } from '../components/kit/format.ts';
import { cursorPages } from '../components/kit/paging.ts';
import type { MessageKey } from '../i18n/index.ts';
import { ApiError, apiGet } from './api.ts';
import { fill, language, pageUrl, requireSession, showError, t } from './page.ts';
import { reportFailure } from './problems.ts';
import { currentProject } from './twinspace-project.ts';

export const element = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

/** The reader's own locale when it is in the page's language (en-GB, es-MX…), else the page's language. */
export const readerLocale = localeFor(language, navigator.languages);

/** The reader's time zone, named as the browser knows it (e.g. Europe/Madrid). */
export const readerTimeZone = new Intl.DateTimeFormat().resolvedOptions().timeZone;

/** A list read page by page ("load more", the kit's cursorPages) from a GET that answers {items, nextCursor}. */
export function pager<Paged extends { items: unknown[]; nextCursor: string | null }>(path: string, query: Record<string, string>) {
  return cursorPages<Paged['items'][number]>((cursor) => {
    const params = new URLSearchParams({ ...query, limit: '20' });
    if (cursor) params.set('cursor', cursor);
    return apiGet<Paged>(`${path}?${params}`);
  });
}

/** The project of an area page, or why it cannot be opened (a sentence to show). */
export type OpenedProject = { project: ProjectDetailResponse; projectId: string } | { failure: string };

/**
 * Reads the project in ?id= and names it in the page's title (h1 and the
 * document's). Undefined without a session (requireSession sends to sign-in)
 * or when the session ended (reportFailure sends to sign-in).
 */
export async function openProject(titleKey: MessageKey): Promise<OpenedProject | undefined> {
  if (!requireSession()) return undefined;
  const projectId = new URLSearchParams(location.search).get('id');
  if (!projectId) return { failure: t('twinspace.missingId') };
  try {
    const project = await currentProject();
    const title = fill(titleKey, { project: project.title });
    element('page-title').textContent = title;
    document.title = `${title} · ${t('site.name')}`;
    return { project, projectId };
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return { failure: t('twinspace.notFound') };
    if (error instanceof ApiError && error.status === 401) {
      reportFailure(error);
      return undefined;
    }
    throw error;
  }
}

/**
 * Opens the area page of the project in ?id= (openProject), links back to its
 * TwinSpace, shows the closed notice; then runs `show`.
 */
export function openAreaPage(titleKey: MessageKey, show: (project: ProjectDetailResponse, projectId: string) => Promise<void>): void {
  const loading = element('area-loading');
  const open = async () => {
    const opened = await openProject(titleKey);
    if (!opened) return;
    if ('failure' in opened) return showError(opened.failure);
    const { project, projectId } = opened;
    element<HTMLAnchorElement>('back-link').href = pageUrl('twinspace', { id: projectId });
    element('closed-notice').hidden = project.state !== 'closed';
    await show(project, projectId);
    element('area').hidden = false;
  };
  open()
    .catch(reportFailure)
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
