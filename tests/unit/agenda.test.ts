/** The agenda's rules and its iCalendar form (RFC 5545), without a database. */
import { describe, expect, it } from 'vitest';
import { agendaFrom, publicAgenda, type AgendaEvent } from '../../functions/domain/agenda.ts';
import { renderAgendaCalendar } from '../../functions/domain/agenda-ics.ts';
import { agendaEventBody, agendaEventUpdateBody, agendaQuery } from '../../functions/http/agenda/schemas.ts';

const event = (overrides: Partial<AgendaEvent> = {}): AgendaEvent => ({
  eventId: '01JG2K7M9P3Q5R7S9T1V3W5X7Y',
  projectId: '01JF8Z3Q4W5X6Y7Z8A9B0C1D2E',
  title: 'Video call',
  description: '',
  startsAt: '2026-12-03T09:00:00.000Z',
  endsAt: '2026-12-03T10:30:00.000Z',
  createdBy: { userId: 'u1', displayName: 'Ana García' },
  createdAt: '2026-11-28T08:00:00.000Z',
  updatedAt: '2026-11-29T12:15:30.000Z',
  version: 3,
  public: false,
  ...overrides,
});

/** Undo RFC 5545 folding: a CRLF followed by one space joins the lines. */
const unfold = (calendar: string) => calendar.replace(/\r\n /g, '');

describe('iCalendar text', () => {
  const render = (overrides: Partial<AgendaEvent>, projectTitle = 'Rivers') =>
    unfold(renderAgendaCalendar({ projectId: 'p', projectTitle, events: [event(overrides)] })).split('\r\n');

  it('escapes backslash, semicolon, comma and every kind of newline', () => {
    expect(render({ title: 'a\\b; c, d\r\ne\nf\rg' })).toContain('SUMMARY:a\\\\b\\; c\\, d\\ne\\nf\\ng');
  });

  it('drops control characters that TEXT may not hold, keeps tabs', () => {
    expect(render({ title: 'bell\u0007 tab\there' })).toContain('SUMMARY:bell tab\there');
  });

  it('folds at 75 octets, continuation lines starting with a space, and never cuts a UTF-8 character', () => {
    const title = `${'ñ'.repeat(100)}🌊${'x'.repeat(60)}`;
    const calendar = renderAgendaCalendar({ projectId: 'p', projectTitle: 'Rivers', events: [event({ title })] });
    const physical = calendar.split('\r\n');
    const start = physical.findIndex((line) => line.startsWith('SUMMARY:'));
    // The title (272 octets) continues over at least three more lines, each starting with one space.
    expect(physical.slice(start + 1, start + 4).every((line) => line.startsWith(' '))).toBe(true);
    for (const [index, part] of physical.entries()) {
      expect(Buffer.byteLength(part, 'utf8'), `line ${index}`).toBeLessThanOrEqual(75);
      // A split inside a multi-octet sequence would leave a replacement character after a round trip.
      expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
    }
    expect(unfold(calendar).split('\r\n')).toContain(`SUMMARY:${title}`);
  });

  it('writes UTC times in the basic form', () => {
    expect(render({ startsAt: '2026-12-03T09:05:07.123Z' })).toContain('DTSTART:20261203T090507Z');
  });
});

describe('the agenda as a calendar', () => {
  const calendar = renderAgendaCalendar({
    projectId: '01JF8Z3Q4W5X6Y7Z8A9B0C1D2E',
    projectTitle: 'Rivers, lakes; and seas',
    events: [
      event({ description: 'Bring: maps, photos\nand questions', location: 'Room 12; online', link: 'https://meet.example.org/rivers?a=1,2' }),
      event({ eventId: '01JG2K7M9P3Q5R7S9T1V3W5X80', title: 'Exhibition', version: 1 }),
    ],
  });
  const lines = unfold(calendar).split('\r\n');

  it('ends every line with CRLF and has no bare LF', () => {
    expect(calendar.endsWith('\r\n')).toBe(true);
    expect(calendar.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('is one VCALENDAR of version 2.0 with a PRODID and one VEVENT per event', () => {
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.some((line) => line.startsWith('PRODID:'))).toBe(true);
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines.at(-2)).toBe('END:VCALENDAR');
    expect(lines.at(-1)).toBe('');
  });

  it('gives each event a stable UID, DTSTAMP, times in UTC, and SEQUENCE from its version', () => {
    expect(lines).toContain('UID:01JG2K7M9P3Q5R7S9T1V3W5X7Y@twinspace');
    expect(lines).toContain('DTSTAMP:20261129T121530Z');
    expect(lines).toContain('DTSTART:20261203T090000Z');
    expect(lines).toContain('DTEND:20261203T103000Z');
    expect(lines).toContain('SEQUENCE:2');
    expect(lines).toContain('SEQUENCE:0');
  });

  it('escapes the text fields and names the calendar after the project', () => {
    expect(lines).toContain('X-WR-CALNAME:Rivers\\, lakes\\; and seas');
    expect(lines).toContain('DESCRIPTION:Bring: maps\\, photos\\nand questions');
    expect(lines).toContain('LOCATION:Room 12\\; online');
    // A URI is not escaped as TEXT: the comma is percent-encoded instead (the same URL).
    expect(lines).toContain('URL;VALUE=URI:https://meet.example.org/rivers?a=1%2C2');
  });

  it('leaves out an empty description, location and link', () => {
    const second = lines.slice(lines.lastIndexOf('BEGIN:VEVENT'));
    expect(second.some((line) => /^(DESCRIPTION|LOCATION|URL)[:;]/.test(line))).toBe(false);
  });
});

describe('the public calendar feed (issue 11, §6: only what an event marks public)', () => {
  const privateCall = event({ eventId: 'e1', title: 'Call with the class', location: 'Room 12', link: 'https://meet.example.org/x', description: 'Bring maps' });
  const exhibition = event({ eventId: 'e2', title: 'Exhibition', public: true, location: 'School hall', link: 'https://example.org/expo', description: 'Parents welcome' });

  it('carries no event that is not marked public', () => {
    expect(publicAgenda([privateCall])).toEqual([]);
    expect(publicAgenda([])).toEqual([]);
  });

  it('carries a marked event with its title and times only: no place, link or description', () => {
    const [shown, ...rest] = publicAgenda([privateCall, exhibition]);
    expect(rest).toEqual([]);
    expect(shown).toMatchObject({ eventId: 'e2', title: 'Exhibition', startsAt: exhibition.startsAt, endsAt: exhibition.endsAt, description: '' });
    expect(shown).not.toHaveProperty('location');
    expect(shown).not.toHaveProperty('link');
  });

  it('treats an event without the flag (stored before it existed) as not public', () => {
    const { public: _flag, ...old } = exhibition;
    expect(publicAgenda([old as AgendaEvent])).toEqual([]);
  });

  it('keeps the order it is given (the agenda is in start order)', () => {
    const later = event({ eventId: 'e3', title: 'Concert', public: true, startsAt: '2026-12-10T09:00:00.000Z', endsAt: '2026-12-10T10:00:00.000Z' });
    expect(publicAgenda([exhibition, privateCall, later]).map((shown) => shown.eventId)).toEqual(['e2', 'e3']);
  });

  it('renders to a calendar without the private event or the public one\'s place, link and description', () => {
    const calendar = unfold(renderAgendaCalendar({ projectId: 'p', projectTitle: 'Rivers', events: publicAgenda([privateCall, exhibition]) }));
    expect(calendar).toContain('SUMMARY:Exhibition');
    expect(calendar).not.toMatch(/Call with the class|Room 12|School hall|example\.org|Bring maps|Parents welcome/);
  });
});

describe('agenda requests', () => {
  const valid = { title: '  Video call  ', startsAt: '2026-12-03T09:00:00Z', endsAt: '2026-12-03T10:00:00Z' };

  it('trims the title, stores times in one spelling, defaults the description to empty and the event to not public', () => {
    expect(agendaEventBody.parse(valid)).toEqual({
      title: 'Video call',
      description: '',
      startsAt: '2026-12-03T09:00:00.000Z',
      endsAt: '2026-12-03T10:00:00.000Z',
      public: false,
    });
  });

  it('takes public as a yes or no, and an edit without it is not public (an edit replaces the fields)', () => {
    expect(agendaEventBody.parse({ ...valid, public: true }).public).toBe(true);
    expect(agendaEventBody.safeParse({ ...valid, public: 'yes' }).success).toBe(false);
    expect(agendaEventUpdateBody.parse({ ...valid, version: 2 }).public).toBe(false);
    expect(agendaEventUpdateBody.parse({ ...valid, public: true, version: 2 }).public).toBe(true);
  });

  it('counts characters as the user sees them: 200 emoji are a valid title, 201 are not', () => {
    expect(agendaEventBody.safeParse({ ...valid, title: '🌊'.repeat(200) }).success).toBe(true);
    expect(agendaEventBody.safeParse({ ...valid, title: '🌊'.repeat(201) }).success).toBe(false);
    expect(agendaEventBody.safeParse({ ...valid, description: 'a'.repeat(5001) }).success).toBe(false);
  });

  it('refuses an empty title, an end not after the start, times with an offset, and non-https links', () => {
    const refused = (body: object) => agendaEventBody.safeParse({ ...valid, ...body }).error?.issues.map((issue) => issue.path.join('.'));
    expect(refused({ title: '   ' })).toEqual(['title']);
    expect(refused({ endsAt: valid.startsAt })).toEqual(['endsAt']);
    expect(refused({ startsAt: '2026-12-03T09:00:00+01:00' })).toEqual(['startsAt']);
    expect(refused({ link: 'http://example.org/call' })).toEqual(['link']);
    expect(refused({ link: 'javascript:alert(1)' })).toEqual(['link']);
    expect(refused({ colour: 'red' })).toEqual(['']);
  });

  it('needs the version read for an edit', () => {
    expect(agendaEventUpdateBody.safeParse(valid).success).toBe(false);
    expect(agendaEventUpdateBody.parse({ ...valid, version: 2 }).version).toBe(2);
  });

  it('reads ?from= as a date (its first instant, UTC) or an instant, and refuses anything else', () => {
    expect(agendaFrom(agendaQuery.parse({ from: '2026-12-01' }).from!)).toBe('2026-12-01T00:00:00.000Z');
    expect(agendaFrom(agendaQuery.parse({ from: '2026-12-01T08:30:00Z' }).from!)).toBe('2026-12-01T08:30:00.000Z');
    expect(agendaQuery.safeParse({ from: 'next week' }).success).toBe(false);
  });
});
