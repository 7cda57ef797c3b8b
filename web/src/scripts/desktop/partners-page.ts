/**
 * The partner search page's rules, pure (no DOM; unit-tested in node): the
 * strings its island needs, and the filters as typed ↔ GET /partners's query
 * (also kept in the address, so a reload or a shared link shows the same
 * search), or which filter needs fixing first. The page itself is the Preact
 * island partners-island.tsx.
 */
import type { MessageKey } from '../../i18n/index.ts';
import { countryCode, isAgeText } from './desk-rules.ts';

/** Every dictionary entry the island reads (rendered into data-strings by the page). */
export const partnersStrings = [
  'partners.intro',
  'partners.teachersOnly',
  'partners.filters',
  'partners.country',
  'partners.anyCountry',
  'partners.subject',
  'partners.age',
  'partners.language',
  'partners.search',
  'partners.searching',
  'partners.results',
  'partners.none',
  'partners.found',
  'partners.found.one',
  'partners.more',
  'partners.school',
  'partners.subjects',
  'partners.languages',
  'partners.ages',
  'partners.writeTo',
  'desk.years',
  'desk.checkFields',
  'desk.countryInvalid',
  'desk.ageInvalid',
  'common.loading',
  'common.error',
  'common.sessionExpired',
  'common.unreachable',
] as const satisfies readonly MessageKey[];

export const filterNames = ['country', 'subject', 'age', 'language'] as const;
export type Filter = (typeof filterNames)[number];
/** The filters as typed (an empty one is ignored). */
export type Filters = Record<Filter, string>;

export const noFilters: Filters = { country: '', subject: '', age: '', language: '' };

/** A filtered page can come back short or even empty: the island follows the cursor this many times before showing "nothing". */
export const emptyPagesFollowed = 5;

/** The filters in an address's query (?country=FR&age=12), or undefined when it names none. */
export function filtersOf(search: string): Filters | undefined {
  const given = new URLSearchParams(search);
  if (!filterNames.some((name) => given.has(name))) return undefined;
  return Object.fromEntries(filterNames.map((name) => [name, given.get(name) ?? ''])) as Filters;
}

/**
 * The filters as GET /partners's query (only those given; the country in
 * upper case, the language in lower case), or which need fixing (as
 * dictionary keys): a country is a two-letter code, an age 3 to 19.
 */
export function partnerQuery(typed: Filters): { query: Partial<Filters> } | { problems: Partial<Record<Filter, MessageKey>> } {
  const problems: Partial<Record<Filter, MessageKey>> = {};
  const values: Filters = {
    country: typed.country.trim().toUpperCase(),
    subject: typed.subject.trim(),
    age: typed.age.trim(),
    language: typed.language.trim().toLowerCase(),
  };
  if (values.country && !countryCode(values.country)) problems.country = 'desk.countryInvalid';
  if (values.age && !isAgeText(values.age)) problems.age = 'desk.ageInvalid';
  if (Object.keys(problems).length) return { problems };
  return { query: Object.fromEntries(filterNames.filter((name) => values[name]).map((name) => [name, values[name]])) };
}
