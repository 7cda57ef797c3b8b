/**
 * The site's one date formatter (web/src/components/kit/format.ts) and the
 * plural helper (web/src/i18n): dates in the page's language, the reader's
 * regional variant kept; counted words by Intl.PluralRules.
 */
import { describe, expect, it } from 'vitest';
import { formatAbsolute, formatRange, formatRelative, readerLocale } from '../../web/src/components/kit/format.ts';
import { plural } from '../../web/src/i18n/index.ts';

const zone = 'Europe/Madrid';
const at = '2026-12-01T08:30:00.000Z'; // 09:30 in Madrid, a Tuesday
/** The date alone as this runtime's Intl writes it (commas vary between ICU versions). */
const dayOf = (locale: string, iso = at) => new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: zone }).format(new Date(iso));

describe('readerLocale', () => {
  it("keeps the reader's variant of the page's language", () => {
    expect(readerLocale('en', ['en-GB', 'es-ES'])).toBe('en-GB');
    expect(readerLocale('es', ['en-GB', 'es-MX'])).toBe('es-MX');
  });
  it("falls back to the page's language, never another language", () => {
    expect(readerLocale('es', ['en-GB', 'fr-FR'])).toBe('es');
    expect(readerLocale('en', [])).toBe('en');
  });
});

describe('absolute dates: one format everywhere', () => {
  it('writes weekday, day, month, year and time in the given language', () => {
    expect(formatAbsolute(at, 'en-GB', zone)).toContain(dayOf('en-GB'));
    expect(formatAbsolute(at, 'en-GB', zone)).toMatch(/^Tuesday,? 1 December 2026.*09:30$/);
    expect(formatAbsolute(at, 'es-ES', zone)).toContain(dayOf('es-ES'));
    expect(formatAbsolute(at, 'es-ES', zone)).toMatch(/^martes, 1 de diciembre de 2026.*9:30$/);
    expect(formatAbsolute(at, 'en-US', zone)).toMatch(/^Tuesday, December 1, 2026/);
  });
  it('writes a span once, with both times', () => {
    const range = formatRange(at, '2026-12-01T10:00:00.000Z', 'en-GB', zone);
    expect(range).toContain(dayOf('en-GB'));
    expect(range).toMatch(/09:30\s*–\s*11:00/);
    expect(range.match(/2026/g)).toHaveLength(1);
  });
});

describe('relative dates', () => {
  const now = new Date('2026-12-10T12:00:00.000Z');
  it('says the largest whole unit, in words where the language has them', () => {
    expect(formatRelative('2026-12-10T11:55:00.000Z', 'en', now)).toBe('5 minutes ago');
    expect(formatRelative('2026-12-09T12:00:00.000Z', 'en', now)).toBe('yesterday');
    expect(formatRelative('2026-12-13T12:00:00.000Z', 'en', now)).toBe('in 3 days');
    expect(formatRelative('2026-11-26T12:00:00.000Z', 'en', now)).toBe('2 weeks ago');
    expect(formatRelative('2026-12-10T12:00:00.000Z', 'en', now)).toBe('now');
    expect(formatRelative('2026-12-11T12:00:00.000Z', 'es', now)).toBe('mañana');
    expect(formatRelative('2026-12-10T09:00:00.000Z', 'es', now)).toBe('hace 3 horas');
  });
});

describe('plural', () => {
  const teachers = { one: '{count} teacher', other: '{count} teachers' };
  const miembros = { one: '{count} miembro', other: '{count} miembros' };
  it('picks the form by Intl.PluralRules of the language', () => {
    expect(plural(1, teachers, 'en')).toBe('1 teacher');
    expect(plural(2, teachers, 'en')).toBe('2 teachers');
    expect(plural(0, teachers, 'en')).toBe('0 teachers');
    expect(plural(1, miembros, 'es')).toBe('1 miembro');
    expect(plural(2, miembros, 'es')).toBe('2 miembros');
    expect(plural(0, miembros, 'es')).toBe('0 miembros');
  });
  it('writes the number in the language, and falls back to "other" for a category the forms lack', () => {
    expect(plural(1500, teachers, 'en')).toBe('1,500 teachers');
    expect(plural(1_000_000, miembros, 'es')).toBe('1.000.000 miembros');
  });
});
