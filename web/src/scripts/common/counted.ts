/**
 * Counted words on the hand-built pages: plural() (src/i18n/plural.ts) picks
 * one of two dictionary forms ("{count} member" / "{count} members") for the
 * number that decides the noun; the placeholders are then filled as text
 * ({count} with the number in the page's language unless given, others from
 * `values`). "3 of 1 member" is never said: the caller passes the number next
 * to the noun ({max} in "{count} of {max} members").
 */
import type { MessageKey } from '../../i18n/index.ts';
import { plural } from '../../i18n/plural.ts';
import { language, t } from './page.ts';

export function counted(count: number, forms: { one: MessageKey; other: MessageKey }, values: Record<string, string> = {}): string {
  // plural() with the keys as forms answers which key the language wants for this number.
  const key = plural(count, { one: forms.one, other: forms.other }, language) as MessageKey;
  const filled: Record<string, string> = { count: new Intl.NumberFormat(language).format(count), ...values };
  return t(key).replace(/\{(\w+)\}/g, (placeholder, name: string) => filled[name] ?? placeholder);
}
