/**
 * Online pedagogical encounters (DOMAIN.md, "Desktop": dated, a seat limit
 * and a waiting list). GET /encounters: upcoming, soonest first, with the
 * seats left and my registration (teachers; the NSS reads them too). POST
 * /encounters: the NSS organises one. POST
 * /encounters/{encounterId}/registrations: a teacher registers (a seat, or
 * the waiting list with their place). DELETE
 * /encounters/{encounterId}/registrations/{userId}: they cancel their own;
 * the first waiting takes the freed seat in the same transaction.
 */
import { ulid } from 'ulid';
import { callerOf } from '../lib/claims.ts';
import { tableStore } from '../lib/clients.ts';
import { encodeCursor } from '../lib/cursor.ts';
import { conflict, forbidden, notFound, parseOr400 } from '../lib/errors.ts';
import { httpHandler, json } from '../lib/http.ts';
import * as encounterStore from '../data/encounters.ts';
import type { Encounter, StoredRegistration } from '../data/encounters.ts';
import { decodeIndexCursor } from '../data/index-cursor.ts';
import { communityIndex } from '../data/keys.ts';
import { getUserProfile } from '../data/users.ts';
import { mayOrganiseEncounters, mayReadEncounters, mayRegisterForEncounters, seatsLeft } from '../domain/encounters.ts';
import {
  encounterCreateBody,
  encounterPathParams,
  encountersQuery,
  registrationPathParams,
  type EncounterResponse,
  type EncountersPage,
  type EncounterRegistrationResponse,
} from './community-schemas.ts';

async function registrationView(encounter: Encounter, registration: StoredRegistration | undefined): Promise<EncounterResponse['myRegistration']> {
  if (!registration) return null;
  if (registration.status === 'seat') return { status: 'seat' };
  const position = await encounterStore.waitingPosition(tableStore(), encounter.encounterId, registration.ticket ?? 0, registration.userId);
  return { status: 'waiting', position: Math.max(1, position) };
}

function encounterView(encounter: Encounter, myRegistration: EncounterResponse['myRegistration']): EncounterResponse {
  return {
    encounterId: encounter.encounterId,
    title: encounter.title,
    description: encounter.description,
    language: encounter.language,
    startsAt: encounter.startsAt,
    seats: encounter.seats,
    seatsLeft: seatsLeft(encounter),
    waitingCount: encounter.waitingCount,
    organiser: encounter.organiser,
    myRegistration,
  };
}

export const listEncounters = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { limit, cursor } = parseOr400(encountersQuery, event.queryStringParameters ?? {}, 'query');
  const startKey = decodeIndexCursor(cursor, { gsi1pk: communityIndex.encountersPartition, pkPrefix: 'ENCOUNTER#' });
  const store = tableStore();
  const profile = await getUserProfile(store, caller.userId);
  if (!mayReadEncounters(profile?.kind)) throw forbidden('Encounters are for teachers (and the NSS that organises them).');
  const { encounters, lastKey } = await encounterStore.listUpcomingEncounters(store, new Date().toISOString(), { limit, startKey });
  const mine = mayRegisterForEncounters(profile?.kind)
    ? await encounterStore.myRegistrations(store, encounters.map((encounter) => encounter.encounterId), caller.userId)
    : new Map<string, StoredRegistration>();
  const items = await Promise.all(
    encounters.map(async (encounter) => encounterView(encounter, await registrationView(encounter, mine.get(encounter.encounterId)))),
  );
  const body: EncountersPage = { items, nextCursor: encodeCursor(lastKey) };
  return json(200, body);
});

export const createEncounter = httpHandler(async (event) => {
  const caller = callerOf(event);
  const input = parseOr400(encounterCreateBody, event.body ?? {}, 'body');
  const store = tableStore();
  const profile = await getUserProfile(store, caller.userId);
  if (!mayOrganiseEncounters(profile?.kind)) throw forbidden('Only the NSS organises encounters.');
  const encounter: Encounter = {
    encounterId: ulid(),
    ...input,
    seatsTaken: 0,
    waitingCount: 0,
    waitingIssued: 0,
    createdBy: caller.userId,
    organiser: profile!.displayName,
    createdAt: new Date().toISOString(),
  };
  await encounterStore.createEncounter(store, encounter);
  return json(201, encounterView(encounter, null), { location: `/encounters/${encounter.encounterId}` });
});

export const registerForEncounter = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { encounterId } = parseOr400(encounterPathParams, event.pathParameters ?? {}, 'path');
  const store = tableStore();
  const profile = await getUserProfile(store, caller.userId);
  if (!mayRegisterForEncounters(profile?.kind)) throw forbidden('Only teachers register for encounters.');
  const result = await encounterStore.registerForEncounter(store, encounterId, { userId: caller.userId, displayName: profile!.displayName }, () => new Date());
  if (result.outcome === 'not-found') throw notFound('No such encounter.');
  if (result.outcome === 'conflict') throw conflict(result.reason);
  const body: EncounterRegistrationResponse = {
    encounterId,
    userId: caller.userId,
    status: result.outcome,
    position: result.outcome === 'waiting' ? result.position : undefined,
    seatsLeft: seatsLeft(result.encounter),
  };
  return json(201, body, { location: `/encounters/${encounterId}/registrations/${caller.userId}` });
});

export const cancelRegistration = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { encounterId, userId } = parseOr400(registrationPathParams, event.pathParameters ?? {}, 'path');
  const store = tableStore();
  const profile = await getUserProfile(store, caller.userId);
  if (!mayRegisterForEncounters(profile?.kind)) throw forbidden('Only teachers register for encounters.');
  if (userId !== caller.userId) throw forbidden('You can cancel only your own registration.');
  const result = await encounterStore.cancelRegistration(store, encounterId, userId, () => new Date());
  if (result.outcome === 'not-found') throw notFound('No such encounter.');
  if (result.outcome === 'not-registered') throw notFound('You are not registered for this encounter.');
  if (result.outcome === 'conflict') throw conflict(result.reason);
  return { statusCode: 204, headers: {}, body: '' };
});
