/**
 * A project's agenda as an iCalendar document (RFC 5545), written by
 * ical-generator (escaping, folding at 75 octets, CRLF line ends, UTC times).
 * Twinspace adds only what its events mean: a UID per event that stays the
 * same across edits, DTSTAMP at the last revision (the calendar has no
 * METHOD), and SEQUENCE that grows with each edit so calendar apps update
 * their copy. Pure: no I/O.
 */
import ical, { escape } from 'ical-generator';
import type { AgendaEvent } from './agenda.ts';

/** RFC 5545 TEXT holds no control character but tab and newline (which the library writes as \\n). */
const textOf = (value: string) => value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');

/**
 * A URI value is not TEXT: a backslash the library puts before , or ; would
 * break the link, so those two are percent-encoded (the same URL) first.
 */
const uriOf = (href: string) => href.replace(/,/g, '%2C').replace(/;/g, '%3B');

export interface AgendaCalendar {
  projectId: string;
  projectTitle: string;
  events: readonly AgendaEvent[];
}

/** The whole calendar, every line folded and ended with CRLF. */
export function renderAgendaCalendar(calendar: AgendaCalendar): string {
  return `${ical({
    prodId: { company: 'Twinspace', product: 'TwinSpace agenda', language: 'EN' },
    // X-WR-CALNAME: the subscribed calendar shows the project's title.
    // The library writes NAME / X-WR-CALNAME unescaped (11.1.2): escaped here, as TEXT must be.
    name: escape(textOf(calendar.projectTitle), false),
    scale: 'GREGORIAN',
    events: calendar.events.map((event) => ({
      id: `${event.eventId}@twinspace`,
      stamp: new Date(event.updatedAt),
      created: new Date(event.createdAt),
      lastModified: new Date(event.updatedAt),
      sequence: event.version - 1,
      start: new Date(event.startsAt),
      end: new Date(event.endsAt),
      summary: textOf(event.title),
      description: event.description ? textOf(event.description) : null,
      location: event.location ? textOf(event.location) : null,
      // Stored as the URL parser's canonical href (https, no spaces or controls).
      url: event.link ? uriOf(event.link) : null,
    })),
    // Every content line ends with CRLF, the last one too; the library leaves it off.
  }).toString()}\r\n`;
}
