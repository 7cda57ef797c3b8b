/**
 * Glue every page's script shares: its language, its translated strings
 * (rendered by Astro into data-strings on <body>), links between pages, and
 * the polite/assertive live regions.
 */
import type { Dictionary, MessageKey } from '../../i18n/index.ts';
import { personName } from './person.ts';
import { currentSession, type Session } from './session.ts';

export const language = document.documentElement.lang === 'es' ? 'es' : 'en';

const strings = JSON.parse(document.body.dataset.strings ?? '{}') as Partial<Dictionary>;

export function t(key: MessageKey): string {
  return strings[key] ?? key;
}

export type PageName =
  | ''
  | 'desktop'
  | 'twinspace'
  | 'signout'
  | 'projects/new'
  | 'projects/edit'
  | 'nss'
  | 'nss/diary'
  | 'evaluations'
  | 'public'
  | 'security'
  | TwinspaceAreaPage;

/** The TwinSpace's area pages, each under twinspace/ with ?id=<projectId>. */
export type TwinspaceAreaPage = 'twinspace/pages' | 'twinspace/materials' | 'twinspace/forum' | 'twinspace/agenda' | 'twinspace/mailbox' | 'twinspace/diary' | 'twinspace/labels' | 'twinspace/moderation';

export function pageUrl(page: PageName, query?: Record<string, string>): string {
  const path = page === '' ? `/${language}/` : `/${language}/${page}/`;
  return query ? `${path}?${new URLSearchParams(query)}` : path;
}

/** Sends the visitor to sign in, coming back here afterwards. */
export function requireSession(): Session | undefined {
  const session = currentSession();
  if (!session) {
    location.assign(pageUrl('', { next: location.pathname + location.search }));
    return undefined;
  }
  return session;
}

/** Errors are announced at once (role=alert); the element lives in the layout. */
export function showError(message: string): void {
  const region = document.getElementById('page-error');
  if (!region) return;
  region.textContent = message;
  region.hidden = false;
}

/**
 * A translated string with {name} placeholders filled in (as text, never markup). A value that is the marker of an
 * erased person ("Former pupil") is filled in translated (person.ts).
 */
export function fill(key: MessageKey, values: Record<string, string>): string {
  return t(key).replace(/\{(\w+)\}/g, (placeholder, name: string) => (values[name] === undefined ? placeholder : personName(values[name], language)));
}
