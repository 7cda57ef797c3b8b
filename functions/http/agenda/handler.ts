/**
 * The TwinSpace agenda (public area): every member reads it
 * ('read-public-area'); the project's teachers add, edit and delete events
 * ('edit-agenda'). GET lists by start time, optionally from a date; PUT is
 * versioned (stale: 409); agenda.ics is the same agenda as iCalendar, for
 * members, and /public/projects/{projectId}/agenda.ics for anyone (the agenda
 * belongs to the public area) once the project has a TwinSpace.
 */
import { ulid } from 'ulid';
import * as z from 'zod';
import { agendaFrom, type AgendaEvent } from '../domain/agenda.ts';
import { renderAgendaCalendar } from '../domain/agenda-ics.ts';
import { hasTwinspace } from '../domain/project-lifecycle.ts';
import { callerOf } from '../lib/claims.ts';
import { tableStore } from '../lib/clients.ts';
import { cursorRefused, encodeCursor, parseCursorKey } from '../lib/cursor.ts';
import { conflict, notFound, parseOr400 } from '../lib/errors.ts';
import { httpHandler, json, type HttpResult } from '../lib/http.ts';
import {
  deleteAgendaEvent as deleteStoredEvent,
  getAgendaEvent,
  listAgendaEvents,
  listWholeAgenda,
  putAgendaEvent,
  replaceAgendaEvent,
  type AgendaWriteOutcome,
} from '../data/agenda.ts';
import { agendaIndex, agendaKeys } from '../data/keys.ts';
import {
  agendaEventBody,
  agendaEventPathParams,
  agendaEventUpdateBody,
  agendaPathParams,
  agendaQuery,
  type AgendaEventResponse,
  type AgendaPage,
} from './agenda-schemas.ts';
import { requireTwinspaceAction } from './twinspace-access.ts';
import { getProject } from '../data/projects.ts';

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

/** A write's outcome as the API answers it. */
function refuseUnlessWritten(outcome: AgendaWriteOutcome): void {
  if (outcome === 'not-found') throw notFound('No such event in this agenda.');
  if (outcome === 'stale') throw conflict('The event was changed since you read it: read it again and redo your edit.');
  if (outcome === 'closed') throw conflict('The project is closed: its TwinSpace is read-only.');
}

export const listAgenda = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { projectId } = parseOr400(agendaPathParams, event.pathParameters ?? {}, 'path');
  const store = tableStore();
  await requireTwinspaceAction(store, projectId, caller, 'read-public-area', { write: false });
  const query = parseOr400(agendaQuery, event.queryStringParameters ?? {}, 'query');
  const from = query.from === undefined ? undefined : agendaFrom(query.from);
  const startKey = decodeAgendaCursor(query.cursor, projectId, from);
  const { events, lastKey } = await listAgendaEvents(store, projectId, { limit: query.limit, from, startKey });
  const body: AgendaPage = { items: events, nextCursor: encodeCursor(lastKey) };
  return json(200, body);
});

export const createAgendaEvent = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { projectId } = parseOr400(agendaPathParams, event.pathParameters ?? {}, 'path');
  const store = tableStore();
  const { membership } = await requireTwinspaceAction(store, projectId, caller, 'edit-agenda', { write: true });
  const input = parseOr400(agendaEventBody, event.body ?? {}, 'body');
  const now = new Date().toISOString();
  const agendaEvent = withoutEmptyOptionals({
    eventId: ulid(),
    projectId,
    ...input,
    createdBy: { userId: caller.userId, displayName: membership.displayName },
    createdAt: now,
    updatedAt: now,
    version: 1,
  });
  refuseUnlessWritten(await putAgendaEvent(store, agendaEvent));
  const body: AgendaEventResponse = agendaEvent;
  return json(201, body, { location: `/projects/${projectId}/agenda/${agendaEvent.eventId}` });
});

export const updateAgendaEvent = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { projectId, eventId } = parseOr400(agendaEventPathParams, event.pathParameters ?? {}, 'path');
  const store = tableStore();
  await requireTwinspaceAction(store, projectId, caller, 'edit-agenda', { write: true });
  const { version, ...input } = parseOr400(agendaEventUpdateBody, event.body ?? {}, 'body');
  // A PUT replaces the fields (an absent location or link is removed); the creator and creation time stay; the write is conditional on the version read, so a concurrent edit still gets 409.
  const current = await getAgendaEvent(store, projectId, eventId);
  if (!current) throw notFound('No such event in this agenda.');
  if (current.version !== version) throw conflict('The event was changed since you read it: read it again and redo your edit.');
  const edited = withoutEmptyOptionals({ ...current, ...input, location: input.location, link: input.link, updatedAt: new Date().toISOString(), version: version + 1 });
  refuseUnlessWritten(await replaceAgendaEvent(store, edited, version));
  const body: AgendaEventResponse = edited;
  return json(200, body);
});

export const deleteAgendaEvent = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { projectId, eventId } = parseOr400(agendaEventPathParams, event.pathParameters ?? {}, 'path');
  const store = tableStore();
  await requireTwinspaceAction(store, projectId, caller, 'edit-agenda', { write: true });
  refuseUnlessWritten(await deleteStoredEvent(store, projectId, eventId));
  return { statusCode: 204 };
});

function calendarResponse(projectId: string, projectTitle: string, events: AgendaEvent[]): HttpResult {
  return {
    statusCode: 200,
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': 'inline; filename="agenda.ics"',
      'cache-control': 'no-cache',
    },
    body: renderAgendaCalendar({ projectId, projectTitle, events }),
  };
}

export const getAgendaCalendar = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { projectId } = parseOr400(agendaPathParams, event.pathParameters ?? {}, 'path');
  const store = tableStore();
  const { project } = await requireTwinspaceAction(store, projectId, caller, 'read-public-area', { write: false });
  return calendarResponse(projectId, project.title, await listWholeAgenda(store, projectId));
});

/** The public feed: no sign-in, so a calendar app can subscribe; only projects with a TwinSpace (approved or closed). */
export const getPublicAgendaCalendar = httpHandler(async (event) => {
  const { projectId } = parseOr400(agendaPathParams, event.pathParameters ?? {}, 'path');
  const store = tableStore();
  // The project and its events at once; the events are dropped unless the project has a TwinSpace.
  const [project, events] = await Promise.all([getProject(store, projectId), listWholeAgenda(store, projectId)]);
  if (!project || !hasTwinspace(project.state)) throw notFound('No such project agenda.');
  return calendarResponse(projectId, project.title, events);
});
