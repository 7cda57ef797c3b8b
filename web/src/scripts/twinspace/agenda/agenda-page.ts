/**
 * The agenda page's rules, pure (no DOM; unit-tested in node): the strings
 * its island needs, the form's fields and how they become the API's body,
 * local dates and times for the inputs, and which links are linked. The page
 * itself is the Preact island agenda-island.tsx, built from the kit.
 */
import type { AgendaEventBodyInput, AgendaEventResponse } from '../../../../../functions/http/agenda/schemas.ts';
import type { MessageKey } from '../../../i18n/index.ts';

/** Every dictionary entry the island reads (rendered into data-strings by the page). */
export const agendaStrings = [
  'site.name',
  'twinspace.missingId',
  'twinspace.notFound',
  'common.loading',
  'common.busy',
  'common.error',
  'common.sessionExpired',
  'common.unreachable',
  'agendaMailbox.back',
  'agendaMailbox.closed',
  'agendaMailbox.more',
  'agendaMailbox.cancel',
  'agendaMailbox.required',
  'agendaMailbox.checkFields',
  'agenda.titleOf',
  'agenda.upcoming',
  'agenda.none',
  'agenda.timeZone',
  'agenda.calendar',
  'agenda.calendarHint',
  'agenda.inputsHint',
  'agenda.when',
  'agenda.where',
  'agenda.link',
  'agenda.unsafeLink',
  'agenda.addedBy',
  'agenda.add',
  'agenda.editing',
  'agenda.eventTitle',
  'agenda.startDate',
  'agenda.startTime',
  'agenda.endDate',
  'agenda.endDateHint',
  'agenda.endTime',
  'agenda.location',
  'agenda.eventLink',
  'agenda.linkHint',
  'agenda.linkInvalid',
  'agenda.description',
  'agenda.public',
  'agenda.publicHint',
  'agenda.publicMark',
  'agenda.endsBeforeStart',
  'agenda.save',
  'agenda.saveEdit',
  'agenda.cancelEdit',
  'agenda.edit',
  'agenda.delete',
  'agenda.confirmDelete',
  'agenda.added',
  'agenda.saved',
  'agenda.deleted',
  'agenda.changedElsewhere',
  'agenda.gone',
] as const satisfies readonly MessageKey[];

/** The form's values, as typed (local date and time in the reader's zone). */
export interface EventValues {
  title: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  location: string;
  link: string;
  description: string;
  /** In the public calendar feed (title and times only): unticked unless a teacher ticks it. */
  public: boolean;
}

/** The form's typed fields (all but the public tick box). */
export type TextField = Exclude<keyof EventValues, 'public'>;

export const emptyEvent: EventValues = { title: '', startDate: '', startTime: '', endDate: '', endTime: '', location: '', link: '', description: '', public: false };

/** The API's fields a problem can be about (the start and end pair their date and time inputs). */
export type EventField = 'title' | 'startsAt' | 'endsAt' | 'location' | 'link' | 'description';

/** The reader's midnight today, as an instant: events that started earlier today still show. */
export function startOfToday(now = new Date()): string {
  const today = new Date(now);
  today.setHours(0, 0, 0, 0);
  return today.toISOString();
}

const pad = (value: number) => String(value).padStart(2, '0');

/** An instant as the reader's local date and time, for <input type=date|time>. */
export function localParts(iso: string): { date: string; time: string } {
  const at = new Date(iso);
  return { date: `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`, time: `${pad(at.getHours())}:${pad(at.getMinutes())}` };
}

/** A local date and time typed by the reader, as a UTC instant (the Date reads them in the reader's zone). */
export const instantOf = (date: string, time: string) => new Date(`${date}T${time}`).toISOString();

/** The API accepts only https links; the page links nothing else, whatever it reads. */
export function isHttps(link: string): boolean {
  try {
    return new URL(link).protocol === 'https:';
  } catch {
    return false;
  }
}

/** An event as the form's values (to edit it). */
export function valuesOf(event: AgendaEventResponse): EventValues {
  const start = localParts(event.startsAt);
  const end = localParts(event.endsAt);
  return {
    title: event.title,
    startDate: start.date,
    startTime: start.time,
    endDate: end.date,
    endTime: end.time,
    location: event.location ?? '',
    link: event.link ?? '',
    description: event.description,
    public: event.public,
  };
}

/**
 * The form as the API's body, or what is missing or wrong, field by field
 * (as dictionary keys). An empty end date means the day the event starts.
 */
export function eventBody(typed: EventValues): { body: AgendaEventBodyInput } | { problems: Partial<Record<EventField, MessageKey>> } {
  const value = (name: TextField) => typed[name].trim();
  const problems: Partial<Record<EventField, MessageKey>> = {};
  if (!value('title')) problems.title = 'agendaMailbox.required';
  if (!value('startDate') || !value('startTime')) problems.startsAt = 'agendaMailbox.required';
  if (!value('endTime')) problems.endsAt = 'agendaMailbox.required';
  if (value('link') && !isHttps(value('link'))) problems.link = 'agenda.linkInvalid';
  const startsAt = problems.startsAt ? undefined : instantOf(value('startDate'), value('startTime'));
  const endsAt = value('endTime') && value('startDate') ? instantOf(value('endDate') || value('startDate'), value('endTime')) : undefined;
  if (startsAt && endsAt && Date.parse(endsAt) <= Date.parse(startsAt)) problems.endsAt = 'agenda.endsBeforeStart';
  if (Object.keys(problems).length || !startsAt || !endsAt) return { problems };
  // The tick box is always sent: an edit replaces the event's fields, the mark among them.
  const body: AgendaEventBodyInput = { title: value('title'), description: value('description'), startsAt, endsAt, public: typed.public };
  if (value('location')) body.location = value('location');
  if (value('link')) body.link = value('link');
  return { body };
}
