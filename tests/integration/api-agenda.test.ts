/**
 * The TwinSpace agenda through the real HTTP API: the project's teachers add,
 * edit (versioned) and delete events; every member reads them in start order,
 * paged and from a date; the same agenda as iCalendar, for members and as a
 * public feed; a closed project keeps its agenda readable and takes no edits.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { apiGet, apiSend } from '../support/clients.ts';
import { newTwinspace, type TestTwinspace } from '../support/twinspace.ts';

const endpoints = inject('endpoints');
let space: TestTwinspace;
let agendaPath: string;

const token = (type: keyof TestTwinspace['members']) => space.members[type].idToken!;
const eventBody = (title: string, startsAt: string, endsAt: string, extra: object = {}) => ({ title, startsAt, endsAt, ...extra });

/** Every event of the agenda, following nextCursor page by page. */
async function readWholeAgenda(query: string, idToken: string): Promise<{ titles: string[]; pages: number }> {
  const titles: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: { status: number; body: { items: { title: string }[]; nextCursor: string | null } } = await apiGet(endpoints, `${agendaPath}?${query}${cursor ? `&cursor=${cursor}` : ''}`, idToken);
    expect(page.status).toBe(200);
    titles.push(...page.body.items.map((event) => event.title));
    cursor = page.body.nextCursor;
    pages += 1;
  } while (cursor);
  return { titles, pages };
}

async function fetchCalendar(path: string, idToken?: string) {
  const response = await fetch(`${endpoints.api}${path}`, { headers: idToken ? { authorization: `Bearer ${idToken}` } : {}, signal: AbortSignal.timeout(15_000) });
  return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
}

beforeAll(async () => {
  space = await newTwinspace(endpoints, 'Agenda of the rivers');
  agendaPath = `/projects/${space.projectId}/agenda`;
});

describe('the agenda', () => {
  let callId: string;

  it('a teacher administrator adds an event and gets it back as stored', async () => {
    const created = await apiSend(
      endpoints,
      'POST',
      agendaPath,
      token('teacher-admin'),
      eventBody('  Video call with Nantes ', '2027-01-15T09:00:00Z', '2027-01-15T10:00:00Z', {
        description: 'Each class presents its river; bring maps, photos',
        location: 'Room 12',
        link: 'https://meet.example.org/rivers',
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: 'Video call with Nantes',
      startsAt: '2027-01-15T09:00:00.000Z',
      endsAt: '2027-01-15T10:00:00.000Z',
      location: 'Room 12',
      link: 'https://meet.example.org/rivers',
      version: 1,
      createdBy: { userId: space.members['teacher-admin'].userId },
    });
    callId = created.body.eventId;
  });

  it('a member teacher adds events too; pupils and visitors may not, and are told why', async () => {
    for (const [title, day] of [
      ['Exhibition', '2027-03-01'],
      ['Kick-off', '2026-12-01'],
      ['River walk', '2027-02-10'],
    ]) {
      const created = await apiSend(endpoints, 'POST', agendaPath, token('member-teacher'), eventBody(title, `${day}T08:00:00Z`, `${day}T12:00:00Z`));
      expect(created.status, title).toBe(201);
    }
    for (const type of ['pupil-admin', 'pupil-member', 'visitor'] as const) {
      const refused = await apiSend(endpoints, 'POST', agendaPath, token(type), eventBody('Party', '2027-01-20T15:00:00Z', '2027-01-20T17:00:00Z'));
      expect(refused.status, type).toBe(403);
      expect(refused.body.error.message).toBe("Only the project's teachers edit the agenda.");
    }
  });

  it('every member reads the agenda in start order, page by page', async () => {
    for (const type of ['pupil-member', 'visitor'] as const) {
      const { titles, pages } = await readWholeAgenda('limit=2', token(type));
      expect(titles, type).toEqual(['Kick-off', 'Video call with Nantes', 'River walk', 'Exhibition']);
      expect(pages).toBeGreaterThanOrEqual(2);
    }
  });

  it('?from= lists the events starting on or after that date', async () => {
    expect((await readWholeAgenda('from=2027-01-16', token('pupil-admin'))).titles).toEqual(['River walk', 'Exhibition']);
    expect((await readWholeAgenda('from=2027-01-15T09:00:00Z&limit=1', token('pupil-admin'))).titles).toEqual(['Video call with Nantes', 'River walk', 'Exhibition']);
    const bad = await apiGet(endpoints, `${agendaPath}?from=tomorrow`, token('pupil-admin'));
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('query.from');
  });

  it('refuses a tampered cursor, and one given for an earlier ?from=', async () => {
    const garbage = await apiGet(endpoints, `${agendaPath}?cursor=not-a-cursor!`, token('teacher-admin'));
    expect(garbage.status).toBe(400);
    const first = await apiGet(endpoints, `${agendaPath}?limit=1`, token('teacher-admin'));
    const fromLater = await apiGet(endpoints, `${agendaPath}?from=2027-02-01&cursor=${first.body.nextCursor}`, token('teacher-admin'));
    expect(fromLater.status).toBe(400);
    expect(fromLater.body.error.details[0].field).toBe('query.cursor');
    const forged = Buffer.from(JSON.stringify({ PK: 'USER#x', SK: 'PROFILE', GSI1PK: `AGENDA#${space.projectId}`, GSI1SK: '2027#PROFILE' })).toString('base64url');
    expect((await apiGet(endpoints, `${agendaPath}?cursor=${forged}`, token('teacher-admin'))).status).toBe(400);
  });

  it('refuses an event that ends before it starts, or links anywhere but https, naming the field', async () => {
    const backwards = await apiSend(endpoints, 'POST', agendaPath, token('teacher-admin'), eventBody('Oops', '2027-01-15T10:00:00Z', '2027-01-15T09:00:00Z'));
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details.map((detail: { field: string }) => detail.field)).toEqual(['body.endsAt']);
    const plainHttp = await apiSend(endpoints, 'POST', agendaPath, token('teacher-admin'), eventBody('Oops', '2027-01-15T09:00:00Z', '2027-01-15T10:00:00Z', { link: 'http://example.org' }));
    expect(plainHttp.status).toBe(400);
    expect(plainHttp.body.error.details.map((detail: { field: string }) => detail.field)).toEqual(['body.link']);
  });

  it('an edit with the version read moves the event; a second edit with the same, now stale, version gets 409', async () => {
    const edit = eventBody('Video call with Nantes', '2027-01-22T09:00:00Z', '2027-01-22T10:30:00Z', { description: 'Moved a week later', version: 1 });
    const edited = await apiSend(endpoints, 'PUT', `${agendaPath}/${callId}`, token('member-teacher'), edit);
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ version: 2, startsAt: '2027-01-22T09:00:00.000Z', description: 'Moved a week later', createdBy: { userId: space.members['teacher-admin'].userId } });
    // The location and link were not sent again: a PUT replaces the event, so they are gone.
    expect(edited.body.location).toBeUndefined();
    expect(edited.body.link).toBeUndefined();

    const stale = await apiSend(endpoints, 'PUT', `${agendaPath}/${callId}`, token('teacher-admin'), { ...edit, title: 'Lost edit' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONFLICT');

    const listed = await readWholeAgenda('from=2027-01-16', token('pupil-member'));
    expect(listed.titles).toEqual(['Video call with Nantes', 'River walk', 'Exhibition']);
  });

  it('eight teachers saving the same version at once: exactly one edit is stored, the other seven get 409', async () => {
    const created = await apiSend(endpoints, 'POST', agendaPath, token('teacher-admin'), eventBody('Race of the rivers', '2027-02-10T09:00:00Z', '2027-02-10T10:00:00Z'));
    expect(created.status).toBe(201);
    const eventId = created.body.eventId;
    const writers = [token('teacher-admin'), token('member-teacher')];
    const saves = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        apiSend(endpoints, 'PUT', `${agendaPath}/${eventId}`, writers[index % 2], eventBody(`Race, edit ${index}`, '2027-02-10T09:00:00Z', '2027-02-10T10:00:00Z', { version: 1 })),
      ),
    );
    const statuses = saves.map((save) => save.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    const winner = saves.find((save) => save.status === 200)!.body;
    const { titles } = await readWholeAgenda('from=2027-02-10', token('pupil-member'));
    expect(titles.filter((title) => title.startsWith('Race'))).toEqual([winner.title]);
    expect(winner.version).toBe(2);
    // The other tests count this agenda's events: the race leaves none behind.
    expect((await apiSend(endpoints, 'DELETE', `${agendaPath}/${eventId}`, token('teacher-admin'))).status).toBe(204);
  });

  it('editing an unknown event is 404; a pupil may not edit at all', async () => {
    const unknown = await apiSend(endpoints, 'PUT', `${agendaPath}/01JG2K7M9P3Q5R7S9T1V3W5X7Y`, token('teacher-admin'), eventBody('X', '2027-01-15T09:00:00Z', '2027-01-15T10:00:00Z', { version: 1 }));
    expect(unknown.status).toBe(404);
    const pupil = await apiSend(endpoints, 'PUT', `${agendaPath}/${callId}`, token('pupil-admin'), eventBody('X', '2027-01-15T09:00:00Z', '2027-01-15T10:00:00Z', { version: 2 }));
    expect(pupil.status).toBe(403);
  });

  it('the iCalendar file has every event, CRLF line ends, escaped text and the edit as SEQUENCE', async () => {
    const calendar = await fetchCalendar(`${agendaPath}.ics`, token('pupil-member'));
    expect(calendar.status).toBe(200);
    expect(calendar.contentType).toMatch(/^text\/calendar/);
    expect(calendar.text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(calendar.text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const lines = calendar.text.replace(/\r\n /g, '').split('\r\n');
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(4);
    expect(lines).toContain(`UID:${callId}@twinspace`);
    expect(lines).toContain('DTSTART:20270122T090000Z');
    expect(lines).toContain('SEQUENCE:1');
    expect(lines).toContain('SUMMARY:Video call with Nantes');
    expect(lines).toContain('X-WR-CALNAME:Agenda of the rivers');
  });

  it('the public feed serves the same events without sign-in, but never where or how to join them; an unknown project is 404', async () => {
    const members = await fetchCalendar(`${agendaPath}.ics`, token('teacher-admin'));
    const feed = await fetchCalendar(`/public/projects/${space.projectId}/agenda.ics`);
    expect(feed.status).toBe(200);
    expect(feed.contentType).toMatch(/^text\/calendar/);
    const unfolded = (text: string) => text.replace(/\r\n /g, '').split('\r\n');
    const hidden = (line: string) => /^(LOCATION|URL|DESCRIPTION)[:;]/.test(line);
    // Members read the video-call link, the place and the description (issue 11: the public feed published them too).
    expect(unfolded(members.text).filter(hidden).length).toBeGreaterThan(0);
    expect(unfolded(feed.text).filter(hidden)).toEqual([]);
    expect(unfolded(feed.text)).toEqual(unfolded(members.text).filter((line) => !hidden(line)));
    expect((await fetchCalendar('/public/projects/01JG2K7M9P3Q5R7S9T1V3W5X7Y/agenda.ics')).status).toBe(404);
  });

  it('outsiders read neither the agenda nor the members-only calendar', async () => {
    for (const outsider of space.outsiders) {
      const listed = await apiGet(endpoints, agendaPath, outsider.idToken);
      expect(listed.status, outsider.name).toBe(outsider.idToken ? 403 : 401);
      expect((await fetchCalendar(`${agendaPath}.ics`, outsider.idToken)).status, outsider.name).toBe(outsider.idToken ? 403 : 401);
    }
  });

  it('a teacher deletes an event; it leaves the agenda, and deleting it again is 404', async () => {
    const deleted = await apiSend(endpoints, 'DELETE', `${agendaPath}/${callId}`, token('member-teacher'));
    expect(deleted.status).toBe(204);
    expect((await readWholeAgenda('limit=50', token('visitor'))).titles).toEqual(['Kick-off', 'River walk', 'Exhibition']);
    expect((await apiSend(endpoints, 'DELETE', `${agendaPath}/${callId}`, token('member-teacher'))).status).toBe(404);
  });
});

describe('the agenda of a closed project', () => {
  beforeAll(async () => {
    const closed = await apiSend(endpoints, 'POST', `/projects/${space.projectId}/close`, token('teacher-admin'));
    expect(closed.status).toBe(200);
  });

  it('takes no new, edited or deleted event (409), and stays readable, also as iCalendar', async () => {
    const listed = await apiGet(endpoints, agendaPath, token('pupil-member'));
    expect(listed.status).toBe(200);
    const exhibition = listed.body.items.find((event: { title: string }) => event.title === 'Exhibition');

    const added = await apiSend(endpoints, 'POST', agendaPath, token('teacher-admin'), eventBody('Late', '2027-05-01T09:00:00Z', '2027-05-01T10:00:00Z'));
    expect(added.status).toBe(409);
    expect(added.body.error.message).toMatch(/closed/);
    const edited = await apiSend(endpoints, 'PUT', `${agendaPath}/${exhibition.eventId}`, token('teacher-admin'), eventBody('Exhibition', '2027-03-02T08:00:00Z', '2027-03-02T12:00:00Z', { version: 1 }));
    expect(edited.status).toBe(409);
    expect((await apiSend(endpoints, 'DELETE', `${agendaPath}/${exhibition.eventId}`, token('teacher-admin'))).status).toBe(409);

    expect((await apiGet(endpoints, agendaPath, token('visitor'))).body.items).toHaveLength(3);
    expect((await fetchCalendar(`/public/projects/${space.projectId}/agenda.ics`)).status).toBe(200);
  });
});
