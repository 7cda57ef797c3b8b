/** GET /openapi.json descriptions of the agenda's routes (functions/http/agenda.ts). */
import * as z from 'zod';
import {
  agendaEventBody,
  agendaEventPathParams,
  agendaEventResponse,
  agendaEventUpdateBody,
  agendaPage,
  agendaPathParams,
  agendaQuery,
} from './agenda-schemas.ts';
import type { Description } from './openapi-description.ts';

const calendar = z.string().describe('An iCalendar (RFC 5545) document, served as text/calendar; charset=utf-8');

export const agendaDescriptions: Record<string, Description> = {
  'list-agenda': {
    summary: "The TwinSpace agenda by start time (every member: it is part of the public area); ?from= a date or UTC time lists events starting then or later",
    request: { params: agendaPathParams, query: agendaQuery },
    ok: agendaPage,
    errors: [400, 401, 403, 404, 409],
  },
  'create-agenda-event': {
    summary:
      "Add an event {title 1..200, description ≤ 5,000, startsAt, endsAt (UTC, ends after it starts), location?, link? (https)} (the project's teachers; approved project). Answers 201",
    request: { params: agendaPathParams, body: { content: { 'application/json': { schema: agendaEventBody } } } },
    ok: agendaEventResponse,
    errors: [400, 401, 403, 404, 409],
  },
  'update-agenda-event': {
    summary: "Replace an event's fields (the project's teachers) with the version read: a stale version gets 409; an absent location or link is removed",
    request: { params: agendaEventPathParams, body: { content: { 'application/json': { schema: agendaEventUpdateBody } } } },
    ok: agendaEventResponse,
    errors: [400, 401, 403, 404, 409],
  },
  'delete-agenda-event': {
    summary: "Delete an event (the project's teachers; approved project). Answers 204",
    request: { params: agendaEventPathParams },
    ok: z.null(),
    errors: [400, 401, 403, 404, 409],
  },
  'get-agenda-calendar': {
    summary: 'The whole agenda as an iCalendar file (text/calendar), for members',
    request: { params: agendaPathParams },
    ok: calendar,
    errors: [400, 401, 403, 404, 409],
  },
  'get-public-agenda-calendar': {
    summary: 'public — the agenda of a project with a TwinSpace as an iCalendar feed (text/calendar) a calendar app can subscribe to; 404 before approval',
    request: { params: agendaPathParams },
    ok: calendar,
    errors: [400, 404],
  },
};
