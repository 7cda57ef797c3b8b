/**
 * What the community pages (groups, encounters, resources) share, pure (no
 * DOM; unit-tested in node): the dictionary keys every one of them reads,
 * a page's address with its cursor, which links may be links, the language
 * code check, and counted words from the dictionary through plural(). The
 * opening of a page (a 403 means "not a teacher") is community-gate.tsx.
 */
import type { MessageKey } from '../../i18n/index.ts';
import { plural } from '../../i18n/plural.ts';

/** Dictionary keys the gate and every community island read. */
export const communityStrings = [
  'common.loading',
  'common.busy',
  'common.error',
  'common.sessionExpired',
  'common.unreachable',
  'community.teachersOnly',
  'community.more',
  'community.required',
  'community.checkFields',
  'community.cancel',
  'community.language',
  'community.languageHint',
  'community.languageInvalid',
] as const satisfies readonly MessageKey[];

/** One page of a list: `path` with the page size, the cursor and the other query parameters given. */
export function listPath(path: string, cursor: string | null, limit = 20, query: Record<string, string> = {}): string {
  const search = new URLSearchParams({ ...query, limit: String(limit) });
  if (cursor) search.set('cursor', cursor);
  return `${path}?${search}`;
}

/** Only an https: address becomes a link (user-provided URLs: never javascript:, data: or http:). */
export function isSafeLink(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/** A two-letter language code, as the API takes it (any case). */
export const isLanguageCode = (text: string) => /^[a-zA-Z]{2}$/.test(text);

/** A dictionary lookup (page.ts's t in the browser, the dictionary itself in a test). */
export type Words = (key: MessageKey) => string;

/** {name} placeholders filled in as text. */
export function fillText(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
}

/**
 * Counted words: the form (`one` or `other` key) the language wants for `count`
 * (the number next to the noun), then every placeholder filled, numbers in the
 * page's language.
 */
export function countedText(
  words: Words,
  language: string,
  count: number,
  forms: { one: MessageKey; other: MessageKey },
  numbers: Record<string, number>,
): string {
  // plural() over the keys answers which form the language wants (a form's own {count} may be another number).
  const template = words(plural(count, { one: forms.one, other: forms.other }, language) as MessageKey);
  const format = new Intl.NumberFormat(language);
  return fillText(template, Object.fromEntries(Object.entries(numbers).map(([name, value]) => [name, format.format(value)])));
}
