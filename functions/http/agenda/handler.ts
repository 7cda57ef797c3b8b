/**
 * The agenda area's function (routes.ts): list, add, edit (versioned: stale
 * 409), delete, and the same agenda as iCalendar for members and publicly.
 */
import { ulid } from 'ulid';
import * as z from 'zod';
import { agendaFrom, publicAgenda, type AgendaEvent } from '../../domain/agenda.ts';
import { renderAgendaCalendar } from '../../domain/agenda-ics.ts';
import { hasTwinspace } from '../../domain/project-lifecycle.ts';
import { cursorRefused, encodeCursor, parseCursorKey } from '../../lib/cursor.ts';
import { conflict, notFound } from '../../lib/errors.ts';
import { countOf } from '../../lib/observability.ts';
import {
  deleteAgendaEvent,
  getAgendaEvent,
  listAgendaEvents,
  listWholeAgenda,
  putAgendaEvent,
  replaceAgendaEvent,
  type AgendaWriteOutcome,
} from '../../data/agenda.ts';
import { agendaIndex, agendaKeys } from '../../data/keys.ts';
import { getProject } from '../../data/projects.ts';
import { areaHandler } from '../area.ts';
import { gated } from '../router.ts';
import { agendaRoutes } from './routes.ts';

const indexKey = z.object({ PK: z.string(), SK: z.string(), GSI1PK: z.string(), GSI1SK: z.string() }).strict();

/**
 * A cursor of this project's agenda (A2): the index key of one of its events,
 * within the `from` asked for. Anything else is a 400.
 */
function decodeAgendaCursor(cursor: string | undefined, projectId: string, from: string | undefined) {
  if (cursor === undefined) return undefined;
  const key = parseCursorKey(cursor, indexKey);
  const eventId = key.GSI1SK.slice(key.GSI1SK.lastIndexOf('#') + 1);
  const expected = agendaKeys.event(projectId, eventId);
  const inScope =
    key.GSI1PK === agendaIndex.partition(projectId) &&
    eventId.length > 0 &&
    key.PK === expected.PK &&
    key.SK === expected.SK &&
    (from === undefined || key.GSI1SK >= from);
  if (!inScope) throw cursorRefused();
  return key;
}

const withoutEmptyOptionals = (event: AgendaEvent): AgendaEvent => ({
  ...event,
  location: event.location || undefined,
  link: event.link || undefined,
});

const noSuchEvent = () => notFound('No such event in this agenda.');
const staleEvent = () => conflict('The event was changed since you read it: read it again and redo your edit.');

/** A write's outcome as the API answers it. */
function refuseUnlessWritten(outcome: AgendaWriteOutcome): void {
  if (outcome === 'not-found') throw noSuchEvent();
  if (outcome === 'stale') throw staleEvent();
  if (outcome === 'closed') throw conflict('The project is closed: its TwinSpace is read-only.');
  countOf('AgendaEventsWritten');
}

const calendarOf = (projectId: string, projectTitle: string, events: AgendaEvent[]) => ({
  status: 200 as const,
  body: renderAgendaCalendar({ projectId, projectTitle, events }),
  headers: { 'content-disposition': 'inline; filename="agenda.ics"', 'cache-control': 'no-cache' },
});

export const handler = areaHandler(agendaRoutes, {
  // The page is read while the gate checks the caller: one round trip of time for both.
  listAgenda: gated({
    whileGated: async ({ params: { projectId }, query, store }) => {
      const from = query.from === undefined ? undefined : agendaFrom(query.from);
      const startKey = decodeAgendaCursor(query.cursor, projectId, from);
      return listAgendaEvents(store, projectId, { limit: query.limit, from, startKey });
    },
    handle: async (_request, { events, lastKey }) => ({ status: 200, body: { items: events, nextCursor: encodeCursor(lastKey) } }),
  }),

  createAgendaEvent: async ({ caller, params: { projectId }, body, twinspace, store }) => {
    const now = new Date().toISOString();
    const agendaEvent = withoutEmptyOptionals({
      eventId: ulid(),
      projectId,
      ...body,
      createdBy: { userId: caller.userId, displayName: twinspace.membership.displayName },
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
    refuseUnlessWritten(await putAgendaEvent(store, agendaEvent));
    return { status: 201, body: agendaEvent, headers: { location: `/projects/${projectId}/agenda/${agendaEvent.eventId}` } };
  },

  updateAgendaEvent: async ({ params: { projectId, eventId }, body: { version, ...input }, store }) => {
    // A PUT replaces the fields (an absent location or link is removed); the creator and creation time stay; the write is conditional on the version read, so a concurrent edit still gets 409.
    const current = await getAgendaEvent(store, projectId, eventId);
    if (!current) throw noSuchEvent();
    if (current.version !== version) throw staleEvent();
    const edited = withoutEmptyOptionals({ ...current, ...input, location: input.location, link: input.link, updatedAt: new Date().toISOString(), version: version + 1 });
    refuseUnlessWritten(await replaceAgendaEvent(store, edited, version));
    return { status: 200, body: edited };
  },

  deleteAgendaEvent: async ({ params: { projectId, eventId }, store }) => {
    refuseUnlessWritten(await deleteAgendaEvent(store, projectId, eventId));
    return { status: 204 };
  },

  getAgendaCalendar: async ({ params: { projectId }, twinspace, store }) =>
    calendarOf(projectId, twinspace.project.title, await listWholeAgenda(store, projectId)),

  /** The public feed: no sign-in, so a calendar app can subscribe; only projects with a TwinSpace (approved or closed). */
  getPublicAgendaCalendar: async ({ params: { projectId }, store }) => {
    // The project and its events at once; the events are dropped unless the project has a TwinSpace, and only those marked public are shown.
    const [project, events] = await Promise.all([getProject(store, projectId), listWholeAgenda(store, projectId)]);
    if (!project || !hasTwinspace(project.state)) throw notFound('No such project agenda.');
    return calendarOf(projectId, project.title, publicAgenda(events));
  },
});
