/**
 * The agenda page's form rules (web/src/scripts/twinspace/agenda/agenda-page.ts), pure: what
 * is missing or wrong, field by field; an empty end date is the start's day;
 * only https links; an edited event's values round-trip, its public mark too.
 */
import { describe, expect, it } from 'vitest';
import { emptyEvent, eventBody, instantOf, isHttps, valuesOf } from '../../web/src/scripts/twinspace/agenda/agenda-page.ts';

const typed = { ...emptyEvent, title: ' River walk ', startDate: '2026-12-01', startTime: '09:30', endTime: '11:00' };

describe('eventBody', () => {
  it('marks each missing field with the dictionary key to show', () => {
    expect(eventBody(emptyEvent)).toEqual({ problems: { title: 'agendaMailbox.required', startsAt: 'agendaMailbox.required', endsAt: 'agendaMailbox.required' } });
  });
  it('refuses a link that is not https, and an end before the start', () => {
    expect(eventBody({ ...typed, link: 'http://example.org' })).toEqual({ problems: { link: 'agenda.linkInvalid' } });
    expect(eventBody({ ...typed, endTime: '09:00' })).toEqual({ problems: { endsAt: 'agenda.endsBeforeStart' } });
  });
  it('gives the API body in instants; an empty end date is the day it starts; optional fields only when typed', () => {
    expect(eventBody(typed)).toEqual({
      body: { title: 'River walk', description: '', startsAt: instantOf('2026-12-01', '09:30'), endsAt: instantOf('2026-12-01', '11:00'), public: false },
    });
    const body = eventBody({ ...typed, endDate: '2026-12-02', endTime: '08:00', location: 'Zaragoza', link: 'https://example.org/walk' });
    expect(body).toEqual({
      body: {
        title: 'River walk',
        description: '',
        startsAt: instantOf('2026-12-01', '09:30'),
        endsAt: instantOf('2026-12-02', '08:00'),
        location: 'Zaragoza',
        link: 'https://example.org/walk',
        public: false,
      },
    });
  });
  it('starts unticked, and always sends the public mark (an edit replaces it): ticked true, unticked false', () => {
    expect(emptyEvent.public).toBe(false);
    expect(eventBody({ ...typed, public: true })).toMatchObject({ body: { public: true } });
    expect(eventBody({ ...typed, public: false })).toMatchObject({ body: { public: false } });
  });
});

describe('an event back in the form', () => {
  it('round-trips through the local date and time inputs', () => {
    const startsAt = instantOf('2026-12-01', '09:30');
    const endsAt = instantOf('2026-12-01', '11:00');
    const values = valuesOf({ eventId: 'e', projectId: 'p', title: 'Walk', description: 'Boots', startsAt, endsAt, public: true, version: 1, createdBy: { userId: 'u', displayName: 'Ana' }, createdAt: startsAt, updatedAt: startsAt });
    expect(values).toEqual({ title: 'Walk', startDate: '2026-12-01', startTime: '09:30', endDate: '2026-12-01', endTime: '11:00', location: '', link: '', description: 'Boots', public: true });
    expect(eventBody(values)).toMatchObject({ body: { public: true } });
  });
  it('links https only', () => {
    expect(isHttps('https://example.org')).toBe(true);
    expect(isHttps('javascript:alert(1)')).toBe(false);
    expect(isHttps('not a link')).toBe(false);
  });
});
