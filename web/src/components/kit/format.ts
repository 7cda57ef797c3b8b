/**
 * The site's one date formatter (Intl, in the page's language): every date a
 * page shows goes through here, so a date reads the same on every page.
 * Absolute: weekday, day, month, year and time ("Tuesday 1 December 2026 at
 * 09:30"; a span gives its range); relative: "3 days ago", "in 2 hours",
 * "yesterday". Pure: no DOM, unit-tested in node (tests/unit/kit-format.test.ts).
 */

/** The one absolute format. */
const absoluteOptions: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeStyle: 'short' };

/**
 * The locale dates are written in: the reader's own variant when it is of the
 * page's language (en-GB, es-MX…), else the page's language itself. So an
 * English page reads "1 December" for a British reader, never Spanish words.
 */
export function readerLocale(language: string, preferred: readonly string[]): string {
  return preferred.find((tag) => tag.toLowerCase().split('-')[0] === language) ?? language;
}

const cache = new Map<string, Intl.DateTimeFormat>();
function absoluteFormat(locale: string, timeZone?: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone ?? ''}`;
  let format = cache.get(key);
  if (!format) cache.set(key, (format = new Intl.DateTimeFormat(locale, { ...absoluteOptions, timeZone })));
  return format;
}

/** An instant (ISO 8601) as the site writes it, in the reader's time zone unless one is given. */
export function formatAbsolute(iso: string, locale: string, timeZone?: string): string {
  return absoluteFormat(locale, timeZone).format(new Date(iso));
}

/** A span from `start` to `end`, the shared parts written once ("Tuesday 1 December 2026, 09:30 – 11:00"). */
export function formatRange(start: string, end: string, locale: string, timeZone?: string): string {
  return absoluteFormat(locale, timeZone).formatRange(new Date(start), new Date(end));
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** An instant relative to `now` ("5 minutes ago", "tomorrow", "in 3 weeks"), in the largest whole unit. */
export function formatRelative(iso: string, locale: string, now: Date = new Date()): string {
  const seconds = (Date.parse(iso) - now.getTime()) / 1000;
  const [unit, size] = units.find(([, length]) => Math.abs(seconds) >= length) ?? ['second', 1];
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(Math.round(seconds / size), unit);
}
