/**
 * The TwinSpace agenda (DOMAIN.md: dated events in the public area, also as
 * an iCalendar feed). Every member reads it; the project's teachers add, edit
 * and delete events ('edit-agenda'). Pure rules, no I/O.
 */

/** Lengths are counted as the user sees characters (code points: an emoji is one). */
export const agendaLimits = { title: 200, description: 5000, location: 200, link: 2000 } as const;

export interface AgendaEvent {
  eventId: string;
  projectId: string;
  title: string;
  description: string;
  /** ISO 8601 UTC, as Date.toISOString() writes it (sorts as time). */
  startsAt: string;
  endsAt: string;
  location?: string;
  /** https only. */
  link?: string;
  /**
   * Shown in the public calendar feed (title and times only): a teacher's
   * choice per event, false unless they make it (an item stored before the
   * field existed reads as false).
   */
  public: boolean;
  createdBy: { userId: string; displayName: string };
  createdAt: string;
  updatedAt: string;
  version: number;
}

export const codePointLength = (text: string) => [...text].length;

/** One spelling of an instant, so stored times compare and sort as strings. */
export const canonicalInstant = (iso: string) => new Date(iso).toISOString();

/** An event ends after it starts (a zero-length event is a mistake, not a reminder). */
export const endsAfterStart = (event: { startsAt: string; endsAt: string }) => Date.parse(event.endsAt) > Date.parse(event.startsAt);

/**
 * `?from=`: a date (the start of that day, UTC) or an instant. The agenda
 * lists events that START at or after it.
 */
export function agendaFrom(from: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(from) ? `${from}T00:00:00.000Z` : canonicalInstant(from);
}

/**
 * An event as the public calendar feed shows it (GET /public/projects/{id}/agenda.ics,
 * no sign-in): when and what, never where or how to join. A video-call link,
 * a meeting place or a description written for the class would tell a
 * stranger where and when to find children (issue 11); members read those in
 * their own feed.
 */
export function publicAgendaEvent(event: AgendaEvent): AgendaEvent {
  const { location: _where, link: _join, ...shown } = event;
  return { ...shown, description: '' };
}

/**
 * The public calendar feed (issue 11, §6): only the events a teacher marked
 * public, each as publicAgendaEvent shows it. An unmarked event, however
 * harmless its title, stays among members: the feed needs no sign-in.
 */
export function publicAgenda(events: readonly AgendaEvent[]): AgendaEvent[] {
  return events.filter((event) => event.public === true).map(publicAgendaEvent);
}
