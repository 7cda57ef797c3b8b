/**
 * A translated sentence with a {date} in it ("Published {date}"), the date
 * drawn by the kit's AbsoluteDate (a <time> from the site's one formatter),
 * the rest of the sentence as text (fill-parts.ts does the filling).
 */
import { AbsoluteDate } from '../../components/kit/Dates.tsx';
import type { MessageKey } from '../../i18n/index.ts';
import { fillParts } from './fill-parts.ts';
import { t } from './page.ts';

export function FilledDate({ text, date, locale, values = {} }: { text: MessageKey; date: string; locale: string; values?: Record<string, string> }) {
  return <>{fillParts(t(text), { ...values, date: <AbsoluteDate value={date} locale={locale} /> })}</>;
}
