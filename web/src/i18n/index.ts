/**
 * The one dictionary of the site: English and Spanish share these keys.
 * `Dictionary` makes a missing key a type error; `assertComplete` makes it a
 * build error too, because Astro builds without type checking.
 */
import { en, type MessageKey } from './en.ts';
import { es } from './es.ts';

export type { MessageKey };
/** Counted words: `plural(count, { one: '{count} teacher', other: '{count} teachers' }, language)`. */
export { plural, type PluralForms } from './plural.ts';
export type Dictionary = Record<MessageKey, string>;

export const languages = ['en', 'es'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'en';

export const dictionaries: Record<Language, Dictionary> = { en, es };

/** The name of each language in its own words, for the language switch. */
export const languageNames: Record<Language, string> = { en: 'English', es: 'Español' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

export function assertComplete(): void {
  const reference = Object.keys(en) as MessageKey[];
  for (const language of languages) {
    const dictionary = dictionaries[language];
    const missing = reference.filter((key) => typeof dictionary[key] !== 'string' || dictionary[key] === '');
    const extra = Object.keys(dictionary).filter((key) => !(key in en));
    if (missing.length > 0 || extra.length > 0) {
      throw new Error(`Dictionary "${language}" is incomplete: missing [${missing.join(', ')}], unknown [${extra.join(', ')}]`);
    }
  }
}

assertComplete();

export function translator(language: Language): (key: MessageKey) => string {
  const dictionary = dictionaries[language];
  return (key) => dictionary[key];
}

/** The subset of strings a page's browser script needs, passed through a data attribute. */
export function pick(language: Language, keys: readonly MessageKey[]): Partial<Dictionary> {
  const dictionary = dictionaries[language];
  return Object.fromEntries(keys.map((key) => [key, dictionary[key]]));
}
