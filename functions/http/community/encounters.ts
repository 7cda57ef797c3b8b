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
import { encodeCursor } from '../../lib/cursor.ts';
import { conflict, forbidden, notFound } from '../../lib/errors.ts';
import { countOf } from '../../lib/observability.ts';
import * as encounterStore from '../../data/encounters.ts';
import type { Encounter, StoredRegistration } from '../../data/encounters.ts';
import { decodeIndexCursor } from '../../data/index-cursor.ts';
import { communityIndex } from '../../data/keys.ts';
import type { TableStore } from '../../data/store.ts';
import { getUserProfile } from '../../data/users.ts';
import { mayOrganiseEncounters, mayReadEncounters, mayReadJoinLink, mayRegisterForEncounters, seatsLeft } from '../../domain/encounters.ts';
import type { AccountKind } from '../../domain/twinspace-types.ts';
import type { Reply, RouteRequest } from '../router.ts';
import type { communityRoutes } from './routes.ts';
import type { EncounterResponse } from './schemas.ts';

type Routes = (typeof communityRoutes)['routes'];
type Handler<K extends keyof Routes> = (request: RouteRequest<Routes[K]>) => Promise<Reply<Routes[K]>>;

async function registrationView(
  store: TableStore,
  encounter: Encounter,
  registration: StoredRegistration | undefined,
): Promise<EncounterResponse['myRegistration']> {
  if (!registration) return null;
  if (registration.status === 'seat') return { status: 'seat' };
  const position = await encounterStore.waitingPosition(store, encounter.encounterId, registration.ticket ?? 0, registration.userId);
  return { status: 'waiting', position: Math.max(1, position) };
}

function encounterView(encounter: Encounter, reader: AccountKind | undefined, myRegistration: EncounterResponse['myRegistration']): EncounterResponse {
  return {
    encounterId: encounter.encounterId,
    title: encounter.title,
    description: encounter.description,
    language: encounter.language,
    startsAt: encounter.startsAt,
    joinUrl: mayReadJoinLink(reader, myRegistration) ? (encounter.joinUrl ?? null) : null,
    seats: encounter.seats,
    seatsLeft: seatsLeft(encounter),
    waitingCount: encounter.waitingCount,
    organiser: encounter.organiser,
    myRegistration,
  };
}

const onlyTeachersRegister = () => forbidden('Only teachers register for encounters.');

export const listEncounters: Handler<'listEncounters'> = async ({ caller, query: { limit, cursor }, store }) => {
  const startKey = decodeIndexCursor(cursor, { gsi1pk: communityIndex.encountersPartition, pkPrefix: 'ENCOUNTER#' });
  const profile = await getUserProfile(store, caller.userId);
  if (!mayReadEncounters(profile?.kind)) throw forbidden('Encounters are for teachers (and the NSS that organises them).');
  const { encounters, lastKey } = await encounterStore.listUpcomingEncounters(store, new Date().toISOString(), { limit, startKey });
  const mine = mayRegisterForEncounters(profile?.kind)
    ? await encounterStore.myRegistrations(store, encounters.map((encounter) => encounter.encounterId), caller.userId)
    : new Map<string, StoredRegistration>();
  const items = await Promise.all(
    encounters.map(async (encounter) => encounterView(encounter, profile?.kind, await registrationView(store, encounter, mine.get(encounter.encounterId)))),
  );
  return { status: 200, body: { items, nextCursor: encodeCursor(lastKey) } };
};

export const createEncounter: Handler<'createEncounter'> = async ({ caller, body: input, store }) => {
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
  countOf('CommunityActions');
  return { status: 201, body: encounterView(encounter, profile!.kind, null), headers: { location: `/encounters/${encounter.encounterId}` } };
};

export const registerForEncounter: Handler<'registerForEncounter'> = async ({ caller, params: { encounterId }, store }) => {
  const profile = await getUserProfile(store, caller.userId);
  if (!mayRegisterForEncounters(profile?.kind)) throw onlyTeachersRegister();
  const result = await encounterStore.registerForEncounter(store, encounterId, { userId: caller.userId, displayName: profile!.displayName }, () => new Date());
  if (result.outcome === 'not-found') throw notFound('No such encounter.');
  if (result.outcome === 'conflict') throw conflict(result.reason);
  countOf('CommunityActions');
  return {
    status: 201,
    body: {
      encounterId,
      userId: caller.userId,
      status: result.outcome,
      position: result.outcome === 'waiting' ? result.position : undefined,
      seatsLeft: seatsLeft(result.encounter),
    },
    headers: { location: `/encounters/${encounterId}/registrations/${caller.userId}` },
  };
};

export const cancelEncounterRegistration: Handler<'cancelEncounterRegistration'> = async ({ caller, params: { encounterId, userId }, store }) => {
  const profile = await getUserProfile(store, caller.userId);
  if (!mayRegisterForEncounters(profile?.kind)) throw onlyTeachersRegister();
  if (userId !== caller.userId) throw forbidden('You can cancel only your own registration.');
  const result = await encounterStore.cancelRegistration(store, encounterId, userId, () => new Date());
  if (result.outcome === 'not-found') throw notFound('No such encounter.');
  if (result.outcome === 'not-registered') throw notFound('You are not registered for this encounter.');
  if (result.outcome === 'conflict') throw conflict(result.reason);
  countOf('CommunityActions');
  return { status: 204 };
};
