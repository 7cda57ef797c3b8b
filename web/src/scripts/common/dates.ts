/**
 * Dates on the hand-built pages: the kit's one formatter (components/kit/format.ts)
 * in the page's language, the reader's regional variant of it (en-GB, es-MX…),
 * so a date reads the same here as in the islands.
 */
import { formatAbsolute, readerLocale } from '../../components/kit/format.ts';
import { language } from './page.ts';

export const dateLocale = readerLocale(language, typeof navigator === 'undefined' ? [] : navigator.languages);

/** An instant (ISO 8601) as the site writes it, in the reader's time zone. */
export const when = (iso: string): string => formatAbsolute(iso, dateLocale);
