/**
 * The TwinSpace agenda through the real HTTP API: the project's teachers add,
 * edit (versioned) and delete events; every member reads them in start order,
 * paged and from a date; the same agenda as iCalendar, for members, and as a
 * public feed of only the events a teacher marked public (title and times);
 * a closed project keeps its agenda readable and takes no edits.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { agendaKeys } from '../../functions/data/keys.ts';
import { apiGet, apiSend, tableStoreOf } from '../support/clients.ts';
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

  it('an event is not public unless a teacher marks it, and the members read which are', async () => {
    const { body } = await apiGet(endpoints, `${agendaPath}?limit=50`, token('visitor'));
    expect(body.items.map((event: { public: boolean }) => event.public)).toEqual([false, false, false, false]);
  });

  it('an event stored before the mark existed (no public attribute) reads as not public', async () => {
    const { body } = await apiGet(endpoints, `${agendaPath}?from=2027-03-01`, token('visitor'));
    const exhibition = body.items.find((event: { title: string }) => event.title === 'Exhibition');
    const store = tableStoreOf(endpoints);
    await store.db.send(new UpdateCommand({ TableName: store.tableName, Key: agendaKeys.event(space.projectId, exhibition.eventId), UpdateExpression: 'REMOVE #public', ExpressionAttributeNames: { '#public': 'public' } }));
    const reread = await apiGet(endpoints, `${agendaPath}?from=2027-03-01`, token('visitor'));
    expect(reread.status).toBe(200);
    expect(reread.body.items.find((event: { title: string }) => event.title === 'Exhibition')).toMatchObject({ public: false, version: 1 });
    expect((await fetchCalendar(`/public/projects/${space.projectId}/agenda.ics`)).text).not.toContain('Exhibition');
  });

  describe('the public feed (issue 11, §6: only what an event marks public)', () => {
    const publicFeed = () => fetchCalendar(`/public/projects/${space.projectId}/agenda.ics`);
    /** The feed's events, each as its unfolded lines, by SUMMARY. */
    const eventsOf = (text: string) => {
      const lines = text.replace(/\r\n /g, '').split('\r\n');
      const events = new Map<string, string[]>();
      let current: string[] | undefined;
      for (const line of lines) {
        if (line === 'BEGIN:VEVENT') current = [];
        else if (line === 'END:VEVENT' && current) {
          events.set(current.find((field) => field.startsWith('SUMMARY:'))!.slice('SUMMARY:'.length), current);
          current = undefined;
        } else current?.push(line);
      }
      return events;
    };
    const details = { location: 'School hall', link: 'https://meet.example.org/open-day', description: 'Parents welcome; ask at the door' };
    let openDay: { eventId: string; version: number };
    let classCall: { eventId: string };

    beforeAll(async () => {
      const marked = await apiSend(endpoints, 'POST', agendaPath, token('teacher-admin'), eventBody('Open day', '2027-04-01T08:00:00Z', '2027-04-01T12:00:00Z', { ...details, public: true }));
      expect(marked.status).toBe(201);
      expect(marked.body.public).toBe(true);
      openDay = marked.body;
      const unmarked = await apiSend(endpoints, 'POST', agendaPath, token('member-teacher'), eventBody('Class call', '2027-04-02T08:00:00Z', '2027-04-02T09:00:00Z', { location: 'Room 12', link: 'https://meet.example.org/class' }));
      expect(unmarked.status).toBe(201);
      expect(unmarked.body.public).toBe(false);
      classCall = unmarked.body;
    });

    it('carries no unmarked event, without sign-in; an unknown project is 404', async () => {
      const feed = await publicFeed();
      expect(feed.status).toBe(200);
      expect(feed.contentType).toMatch(/^text\/calendar/);
      const events = eventsOf(feed.text);
      expect([...events.keys()]).toEqual(['Open day']);
      expect(feed.text).not.toContain('Class call');
      expect(feed.text).not.toContain('Kick-off');
      expect((await fetchCalendar('/public/projects/01JG2K7M9P3Q5R7S9T1V3W5X7Y/agenda.ics')).status).toBe(404);
    });

    it('shows a marked event with its title and times only, never where, how to join or its description', async () => {
      const shown = eventsOf((await publicFeed()).text).get('Open day')!;
      expect(shown).toContain('DTSTART:20270401T080000Z');
      expect(shown).toContain('DTEND:20270401T120000Z');
      expect(shown.filter((line) => /^(LOCATION|URL|DESCRIPTION)[:;]/.test(line))).toEqual([]);
      expect(shown.join('\n')).not.toMatch(/School hall|open-day|Parents/);
    });

    it("members' feed and list have every event, with place, link and description, and say which are public", async () => {
      const members = eventsOf((await fetchCalendar(`${agendaPath}.ics`, token('pupil-member'))).text);
      expect([...members.keys()]).toEqual(['Kick-off', 'Video call with Nantes', 'River walk', 'Exhibition', 'Open day', 'Class call']);
      expect(members.get('Open day')).toContain('LOCATION:School hall');
      expect(members.get('Class call')).toContain('LOCATION:Room 12');
      const { body } = await apiGet(endpoints, `${agendaPath}?from=2027-04-01`, token('pupil-member'));
      expect(body.items.map((event: { title: string; public: boolean }) => [event.title, event.public])).toEqual([
        ['Open day', true],
        ['Class call', false],
      ]);
    });

    it('an edit keeps the mark it sends; an edit without it (the form always sends it) unmarks, and the event leaves the public feed', async () => {
      const kept = await apiSend(endpoints, 'PUT', `${agendaPath}/${openDay.eventId}`, token('member-teacher'), eventBody('Open day', '2027-04-01T09:00:00Z', '2027-04-01T12:00:00Z', { ...details, public: true, version: 1 }));
      expect(kept.status).toBe(200);
      expect(kept.body.public).toBe(true);
      expect(eventsOf((await publicFeed()).text).get('Open day')).toContain('DTSTART:20270401T090000Z');

      const unmarked = await apiSend(endpoints, 'PUT', `${agendaPath}/${openDay.eventId}`, token('teacher-admin'), eventBody('Open day', '2027-04-01T09:00:00Z', '2027-04-01T12:00:00Z', { ...details, public: false, version: 2 }));
      expect(unmarked.status).toBe(200);
      expect(unmarked.body.public).toBe(false);
      const feed = await publicFeed();
      expect(feed.status).toBe(200);
      expect(eventsOf(feed.text).size).toBe(0);
      expect(feed.text).not.toContain('Open day');
      // Still in the members' feed.
      expect(eventsOf((await fetchCalendar(`${agendaPath}.ics`, token('visitor'))).text).has('Open day')).toBe(true);

      const marked = await apiSend(endpoints, 'PUT', `${agendaPath}/${classCall.eventId}`, token('teacher-admin'), eventBody('Class call', '2027-04-02T08:00:00Z', '2027-04-02T09:00:00Z', { public: true, version: 1 }));
      expect(marked.body.public).toBe(true);
      expect([...eventsOf((await publicFeed()).text).keys()]).toEqual(['Class call']);
      const edited = await apiSend(endpoints, 'PUT', `${agendaPath}/${classCall.eventId}`, token('teacher-admin'), eventBody('Class call', '2027-04-02T08:00:00Z', '2027-04-02T09:00:00Z', { version: 2 }));
      expect(edited.body.public).toBe(false);
      expect(eventsOf((await publicFeed()).text).size).toBe(0);
    });

    it('a pupil may not mark an event public', async () => {
      const refused = await apiSend(endpoints, 'PUT', `${agendaPath}/${classCall.eventId}`, token('pupil-admin'), eventBody('Class call', '2027-04-02T08:00:00Z', '2027-04-02T09:00:00Z', { public: true, version: 3 }));
      expect(refused.status).toBe(403);
      expect(eventsOf((await publicFeed()).text).size).toBe(0);
    });

    afterAll(async () => {
      // The other tests count this agenda's events: these leave none behind.
      for (const eventId of [openDay?.eventId, classCall?.eventId].filter(Boolean)) {
        expect((await apiSend(endpoints, 'DELETE', `${agendaPath}/${eventId}`, token('teacher-admin'))).status).toBe(204);
      }
    });
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
