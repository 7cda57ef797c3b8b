/**
 * The agenda's routes (public area): every member reads it, the project's
 * teachers add, edit (versioned) and delete events; also as iCalendar, for
 * members and, without sign-in, as a public feed once there is a TwinSpace.
 */
import * as z from 'zod';
import { area, route } from '../../lib/route.ts';
import { agendaEventBody, agendaEventPathParams, agendaEventResponse, agendaEventUpdateBody, agendaPage, agendaPathParams, agendaQuery } from './schemas.ts';

const calendar = { contentType: 'text/calendar; charset=utf-8', schema: z.string().describe('An iCalendar (RFC 5545) document') };

export const agendaRoutes = area('agenda', {
  listAgenda: route({
    name: 'list-agenda',
    method: 'GET',
    path: '/projects/{projectId}/agenda',
    auth: 'jwt',
    action: 'read-public-area',
    summary: 'The TwinSpace agenda by start time (every member); ?from= a date or UTC time lists events starting then or later',
    params: agendaPathParams,
    query: agendaQuery,
    responses: { 200: agendaPage },
  }),
  createAgendaEvent: route({
    name: 'create-agenda-event',
    method: 'POST',
    path: '/projects/{projectId}/agenda',
    auth: 'jwt',
    action: 'edit-agenda',
    summary: "Add an event {title 1..200, description ≤ 5,000, startsAt, endsAt (UTC, ends after it starts), location?, link? (https), public? (in the public feed; default false)} (the project's teachers; approved project)",
    params: agendaPathParams,
    body: agendaEventBody,
    responses: { 201: agendaEventResponse },
  }),
  updateAgendaEvent: route({
    name: 'update-agenda-event',
    method: 'PUT',
    path: '/projects/{projectId}/agenda/{eventId}',
    auth: 'jwt',
    action: 'edit-agenda',
    summary: "Replace an event's fields (the project's teachers) with the version read: a stale version gets 409; an absent location or link is removed, an absent public is false",
    params: agendaEventPathParams,
    body: agendaEventUpdateBody,
    responses: { 200: agendaEventResponse },
  }),
  deleteAgendaEvent: route({
    name: 'delete-agenda-event',
    method: 'DELETE',
    path: '/projects/{projectId}/agenda/{eventId}',
    auth: 'jwt',
    action: 'edit-agenda',
    summary: "Delete an event (the project's teachers; approved project)",
    params: agendaEventPathParams,
    responses: { 204: null },
  }),
  getAgendaCalendar: route({
    name: 'get-agenda-calendar',
    method: 'GET',
    path: '/projects/{projectId}/agenda.ics',
    auth: 'jwt',
    action: 'read-public-area',
    summary: 'The whole agenda as an iCalendar file, for members',
    params: agendaPathParams,
    responses: { 200: calendar },
  }),
  getPublicAgendaCalendar: route({
    name: 'get-public-agenda-calendar',
    method: 'GET',
    path: '/public/projects/{projectId}/agenda.ics',
    auth: 'public',
    summary: 'public — the events marked public of a project with a TwinSpace (title and times only) as an iCalendar feed a calendar app can subscribe to; 404 before approval',
    params: agendaPathParams,
    responses: { 200: calendar },
    errors: ['NOT_FOUND'],
  }),
});
