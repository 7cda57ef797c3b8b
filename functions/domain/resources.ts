/**
 * The resource library (DOMAIN.md, "Desktop": curated by the NSS, searchable
 * by tag and language). Pure rules, no I/O.
 */
import type { AccountKind } from './twinspace-types.ts';

/** Teachers read the library; the NSS curates it and reads what it curated. Pupils, guests, evaluators: no. */
/** A resource's tags are written in one transaction (DynamoDB allows 100 items): META + at most 10 tags stays far below. */
export const maxTags = 10;

export const mayReadResources = (kind: AccountKind | undefined) => kind === 'teacher' || kind === 'nss';
export const mayCurateResources = (kind: AccountKind | undefined) => kind === 'nss';

/**
 * Whether a link given by a person may be rendered as a link: https only
 * (never javascript:, data:, or plain http). The site applies the same rule
 * to what the API returns, whatever is stored.
 */
export function isSafeLink(url: string): boolean {
  if (!URL.canParse(url)) return false;
  return new URL(url).protocol === 'https:';
}

/**
 * Words too common to find anything by, in English and Spanish (normalised:
 * lower case, no accents). They are neither indexed nor searched for.
 */
const stopWords = new Set(
  (
    'a an and are as at be by for from in is it of on or the to with ' +
    'al con de del el en es la las lo los o para por que se su sus un una unos unas y'
  ).split(' '),
);

/** One word for search: lower case, accents and other marks removed ("Río" → "rio", "Niño" → "nino"). */
export const normaliseWord = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The distinct search words of a text, in order of first appearance:
 * split on anything that is not a letter or a digit (so the tag
 * "climate-change" gives "climate" and "change"), normalised, without
 * one-letter words and stop words. The same function serves what is stored
 * and what is searched, so "rio", "Río" and "RÍO" find one another.
 */
export function searchWords(text: string): string[] {
  const words = new Set<string>();
  for (const raw of normaliseWord(text).split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length >= 2 && raw.length <= 40 && !stopWords.has(raw)) words.add(raw);
  }
  return [...words];
}

/**
 * A resource's search words are written in the transaction that writes it
 * (DynamoDB takes 100 items): META + its tags + at most this many words.
 * Title words come first, then the tags', then the description's.
 */
export const maxSearchWords = 100 - 1 - maxTags - 1;

/** The words a resource is found by (title, tags, description; in both languages alike). */
export const resourceSearchWords = (resource: { title: string; description: string; tags: string[] }) =>
  searchWords([resource.title, resource.tags.join(' '), resource.description].join(' ')).slice(0, maxSearchWords);

/**
 * The word a search is served by (its index partition): the longest, as
 * longer words are rarer; the others are checked against each found
 * resource's words. Undefined when the search has no word to look for.
 */
export function searchPlan(query: string): { key: string; others: string[] } | undefined {
  const words = searchWords(query);
  if (words.length === 0) return undefined;
  const key = [...words].sort((one, other) => other.length - one.length || one.localeCompare(other))[0]!;
  return { key, others: words.filter((word) => word !== key) };
}
