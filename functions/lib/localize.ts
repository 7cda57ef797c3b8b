/**
 * The API's error texts in the reader's language. Gettext-style: the English
 * sentence a handler throws is the key, so no call site changes; a catalog
 * per language (messages.<lang>.json) gives the translation. A key may hold
 * placeholders, `{name}`, for the dynamic parts of a sentence ('A message is
 * at most {count} characters.'); each captured part is translated too when
 * the catalog knows it (a state, a type, a nested sentence), else kept as is.
 *
 * A catalog is a JSON file beside this module, read once, the first time an
 * answer in its language is needed: it is data, not code, so it stays out of
 * every function's JavaScript bundle (DESIGN.md's 400 KB budget) and costs an
 * English-only container nothing. The CDK app copies it beside each bundle
 * (infra/cdk/bundling.ts, `assetFiles`).
 */
import { readFileSync } from 'node:fs';
import Negotiator from 'negotiator';
import type { ErrorBody } from './errors.ts';

/** A catalog's entries: the English sentence → its translation. */
export function readCatalog(language: Exclude<Language, 'en'>): Record<string, string> {
  return JSON.parse(readFileSync(new URL(`./messages.${language}.json`, import.meta.url), 'utf8')) as Record<string, string>;
}

export const languages = ['en', 'es'] as const;
export type Language = (typeof languages)[number];

/** The language to answer in, from the request's Accept-Language; English when none we speak is asked for. */
export function languageOf(acceptLanguage: string | undefined): Language {
  const chosen = new Negotiator({ headers: { 'accept-language': acceptLanguage } }).language([...languages]);
  return (languages as readonly string[]).includes(chosen ?? '') ? (chosen as Language) : 'en';
}

/** `{name}` in a key: a dynamic part of the sentence. */
const placeholder = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(placeholder)].map((match) => match[1]!);
}

interface Pattern {
  matcher: RegExp;
  names: string[];
  translation: string;
  /** Literal characters of the key: when two patterns match, the more specific (longer) one wins. */
  specificity: number;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(key: string, translation: string): Pattern {
  let source = '';
  let last = 0;
  const names: string[] = [];
  for (const match of key.matchAll(placeholder)) {
    source += `${escapeRegExp(key.slice(last, match.index))}(.+?)`;
    names.push(match[1]!);
    last = match.index + match[0].length;
  }
  source += escapeRegExp(key.slice(last));
  return { matcher: new RegExp(`^${source}$`, 's'), names, translation, specificity: key.length - names.join('').length - 2 * names.length };
}

class Catalog {
  private readonly patterns: Pattern[];

  /** `sentences` also holds the parts a placeholder may capture ('closed', 'a visitor'). */
  constructor(private readonly sentences: Record<string, string>) {
    this.patterns = Object.entries(sentences)
      .filter(([key]) => placeholdersOf(key).length > 0)
      .map(([key, translation]) => compile(key, translation))
      .sort((a, b) => b.specificity - a.specificity);
  }

  /** The translation, or undefined when the catalog has no entry for this sentence. */
  lookup(message: string, depth = 0): string | undefined {
    if (Object.hasOwn(this.sentences, message)) return this.sentences[message];
    if (depth > 1) return undefined;
    for (const pattern of this.patterns) {
      const match = pattern.matcher.exec(message);
      if (!match) continue;
      const parts = new Map(pattern.names.map((name, index) => [name, this.part(match[index + 1]!, depth)]));
      return pattern.translation.replace(placeholder, (whole, name: string) => parts.get(name) ?? whole);
    }
    return undefined;
  }

  /** A captured part: a known word or sentence, a number written the Spanish way, a list of known parts, or as is. */
  private part(value: string, depth: number): string {
    const known = this.lookup(value, depth + 1);
    if (known !== undefined) return known;
    if (/^\d{1,3}(,\d{3})+$/.test(value)) return Number(value.replaceAll(',', '')).toLocaleString('es');
    const items = value.split(', ');
    const translated = items.map((item) => this.lookup(item, depth + 1));
    return items.length > 1 && translated.every((item) => item !== undefined) ? translated.join(', ') : value;
  }
}

const catalogs: Partial<Record<Exclude<Language, 'en'>, Catalog>> = {};

/** The message's translation, or undefined when the catalog lacks it (the coverage test uses this). */
export function translationOf(message: string, language: Exclude<Language, 'en'>): string | undefined {
  catalogs[language] ??= new Catalog(readCatalog(language));
  return catalogs[language].lookup(message);
}

/** The message in `language`; an untranslated message stays English rather than failing. */
export function translate(message: string, language: Language): string {
  return language === 'en' ? message : (translationOf(message, language) ?? message);
}

/** An API error body with its sentences translated; code and fields stay as they are (clients match on them). */
export function localizeErrorBody(body: ErrorBody, language: Language): ErrorBody {
  if (language === 'en') return body;
  const { code, message, details } = body.error;
  return {
    error: {
      code,
      message: translate(message, language),
      details: (details ?? []).map((problem) => ({ ...problem, message: translate(problem.message, language) })),
    },
  };
}
