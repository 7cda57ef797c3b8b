/**
 * What the community pages (groups, encounters, resources) share: paging
 * with "Show more", the 403 that means "not a teacher", opening the page and
 * sending its form. The shapes they read are the API's
 * (functions/http/community/schemas.ts).
 */
import type { MeWithProjectsResponse } from '../../../functions/http/projects/schemas.ts';
import { apiGet, ApiError } from './api.ts';
import { reportFailure, showFieldProblems } from './problems.ts';

/**
 * A list read page by page: `next()` gives the following page, or nothing once the list is done.
 * `Paged` is the GET's page schema type (GroupsPage, EncountersPage, ResourcesPage).
 */
export function pager<Paged extends { items: unknown[]; nextCursor: string | null }>(path: string, limit = 20) {
  let cursor: string | null | undefined;
  return {
    get done() {
      return cursor === null;
    },
    async next(): Promise<Paged['items']> {
      if (cursor === null) return [];
      const separator = path.includes('?') ? '&' : '?';
      const page = await apiGet<Paged>(`${path}${separator}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      cursor = page.nextCursor;
      return page.items;
    },
  };
}

/** A 403 on the first read means this account has no desktop (pupil, guest…): the page says so instead. */
export const isRefused = (error: unknown) => error instanceof ApiError && error.status === 403;

/** Only an https: address becomes a link (user-provided URLs: never javascript:, data: or http:). */
export function isSafeLink(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

export const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/**
 * Opens a community page: reads /me and lets the page start with it; then shows
 * the section `#name`, or on a 403 the notice `#name-refused`; `#name-loading` goes away either way.
 */
export function openCommunityPage(name: 'groups' | 'encounters' | 'resources', start: (me: MeWithProjectsResponse) => Promise<void>): void {
  apiGet<MeWithProjectsResponse>('/me')
    .then(start)
    .then(() => (element(name).hidden = false))
    .catch((error) => {
      if (isRefused(error)) element(`${name}-refused`).hidden = false;
      else reportFailure(error);
    })
    .finally(() => (element(`${name}-loading`).hidden = true));
}

/** Sends a form with its button disabled meanwhile: the API's field problems go next to their fields, anything else is reported. */
export async function sendForm(form: HTMLFormElement, send: () => Promise<void>): Promise<void> {
  const submit = form.querySelector('button')!;
  submit.disabled = true;
  try {
    await send();
  } catch (error) {
    if (!showFieldProblems(form, error)) reportFailure(error);
  } finally {
    submit.disabled = false;
  }
}

/** Puts a problem found before sending next to its field (a data-field-error slot) and marks the field invalid. */
export function markProblem(form: HTMLFormElement, field: string, message: string) {
  const slot = form.querySelector<HTMLElement>(`[data-field-error="${field}"]`)!;
  slot.textContent = message;
  slot.hidden = false;
  form.querySelector(`[data-field="${field}"]`)!.setAttribute('aria-invalid', 'true');
}
