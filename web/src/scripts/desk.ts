/**
 * What the desktop's own pages (profile, school, partners, mail) share: their
 * links, form fields and the unread mail count. The shapes they read and send
 * are the API's (functions/http/desktop/schemas.ts, GET /me's in projects/schemas.ts).
 */
import type { MailPage, ProfileUpdateBodyInput } from '../../../functions/http/desktop/schemas.ts';
import { apiGet } from './api.ts';
import { fill, language, t } from './page.ts';
import type { MessageKey } from '../i18n/index.ts';

export type DeskPage = 'profile' | 'school' | 'partners' | 'mail';

export function deskUrl(page: DeskPage, query?: Record<string, string>): string {
  const path = `/${language}/${page}/`;
  return query ? `${path}?${new URLSearchParams(query)}` : path;
}

export const element = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

/** A form control's trimmed value. */
export function fieldValue(form: HTMLFormElement, name: string): string {
  const control = form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | null;
  return control ? control.value.trim() : '';
}

export function setField(form: HTMLFormElement, name: string, value: string | undefined): void {
  const control = form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | null;
  if (control) control.value = value ?? '';
}

/** A comma-separated field as a list, empty entries dropped. */
export function listValue(form: HTMLFormElement, name: string): string[] {
  return fieldValue(form, name)
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** Marks one field as needing attention, with a translated message in its data-field-error slot. */
export function flagField(form: HTMLFormElement, field: string, key: MessageKey): void {
  const slot = form.querySelector<HTMLElement>(`[data-field-error="${field}"]`);
  if (slot) {
    slot.textContent = t(key);
    slot.hidden = false;
  }
  form.querySelectorAll(`[data-field="${field}"]`).forEach((input) => input.setAttribute('aria-invalid', 'true'));
}

export function focusFirstProblem(form: HTMLFormElement): void {
  form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

const isAge = (text: string) => /^\d+$/.test(text) && Number(text) >= 3 && Number(text) <= 19;

/** Both ages or neither; each 3..19, min ≤ max. Undefined means "not given"; null means "wrong". */
export function ageRangeValue(form: HTMLFormElement, minName: string, maxName: string): ProfileUpdateBodyInput['ages'] | null {
  const min = fieldValue(form, minName);
  const max = fieldValue(form, maxName);
  if (!min && !max) return undefined;
  if (!isAge(min) || !isAge(max) || Number(min) > Number(max)) return null;
  return { min: Number(min), max: Number(max) };
}

export const isAgeText = isAge;

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

export async function unreadMailCount(): Promise<number> {
  return (await apiGet<MailPage>('/mail?folder=inbox&limit=1')).unread;
}

/** The desktop's mail link names the unread count ("Desktop mail (2 unread)"). */
export function mailLinkText(unread: number): string {
  return unread > 0 ? fill('desktop.mailUnread', { count: String(unread) }) : t('desktop.mailLink');
}

/** Dates through the kit's one formatter. */
export { when } from './dates.ts';
