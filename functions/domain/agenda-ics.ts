/**
 * A project's agenda as an iCalendar document (RFC 5545). No iCalendar
 * library is installed, so this is the small glue the format needs: CRLF line
 * ends, TEXT escaping of \ ; , and newlines, lines folded at 75 octets (never
 * inside a UTF-8 sequence), a UID per event that stays the same across edits,
 * DTSTAMP, and SEQUENCE that grows with each edit so calendar apps update
 * their copy. Pure: no I/O.
 */
import type { AgendaEvent } from './agenda.ts';

const crlf = '\r\n';

/** TEXT values (RFC 5545 3.3.11): backslash, semicolon, comma escaped; any newline as \n; other controls dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '');
}

/**
 * Folds one content line (RFC 5545 3.1): at most 75 octets per line, each
 * continuation starting with one space (which counts), split between code
 * points so no UTF-8 sequence is cut.
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  let room = 75;
  for (const character of line) {
    const size = Buffer.byteLength(character, 'utf8');
    if (octets + size > room) {
      lines.push(current);
      current = '';
      octets = 0;
      room = 74;
    }
    current += character;
    octets += size;
  }
  lines.push(current);
  return lines.join(`${crlf} `);
}

/** 2026-11-28T15:00:00.000Z → 20261128T150000Z (UTC, "form #2" of DATE-TIME). */
export function basicUtc(iso: string): string {
  return new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export interface AgendaCalendar {
  projectId: string;
  projectTitle: string;
  events: readonly AgendaEvent[];
}

function eventLines(event: AgendaEvent): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${event.eventId}@twinspace`,
    // The last revision: the calendar has no METHOD, so DTSTAMP is when the event's information last changed.
    `DTSTAMP:${basicUtc(event.updatedAt)}`,
    `CREATED:${basicUtc(event.createdAt)}`,
    `LAST-MODIFIED:${basicUtc(event.updatedAt)}`,
    `SEQUENCE:${event.version - 1}`,
    `DTSTART:${basicUtc(event.startsAt)}`,
    `DTEND:${basicUtc(event.endsAt)}`,
    `SUMMARY:${escapeText(event.title)}`,
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    // A URI value, not TEXT: stored as the URL parser's canonical href (https, no spaces or controls).
    ...(event.link ? [`URL:${event.link}`] : []),
    'END:VEVENT',
  ];
}

/** The whole calendar, every line folded and ended with CRLF. */
export function renderAgendaCalendar(calendar: AgendaCalendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Twinspace//TwinSpace agenda//EN',
    'CALSCALE:GREGORIAN',
    // Widely read calendar-name extension: the subscribed calendar shows the project's title.
    `X-WR-CALNAME:${escapeText(calendar.projectTitle)}`,
    ...calendar.events.flatMap(eventLines),
    'END:VCALENDAR',
  ];
  return lines.map((line) => `${foldLine(line)}${crlf}`).join('');
}
