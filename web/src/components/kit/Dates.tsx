/**
 * Dates as the site shows them, always in a <time datetime=…> element (the
 * machine-readable instant) with the text from the one formatter (format.ts).
 * AbsoluteDate: the date and time, or a span when `end` is given.
 * RelativeDate: "3 days ago", with the absolute date as its title.
 */
import { formatAbsolute, formatRange, formatRelative } from './format.ts';

interface AbsoluteProps {
  /** The instant, ISO 8601. */
  value: string;
  /** The end of a span, ISO 8601. */
  end?: string;
  locale: string;
  timeZone?: string;
}

export function AbsoluteDate({ value, end, locale, timeZone }: AbsoluteProps) {
  const text = end ? formatRange(value, end, locale, timeZone) : formatAbsolute(value, locale, timeZone);
  return <time dateTime={value}>{text}</time>;
}

interface RelativeProps {
  value: string;
  locale: string;
  /** Defaults to the moment of rendering. */
  now?: Date;
}

export function RelativeDate({ value, locale, now }: RelativeProps) {
  return (
    <time dateTime={value} title={formatAbsolute(value, locale)}>
      {formatRelative(value, locale, now)}
    </time>
  );
}
