/**
 * Online pedagogical encounters (DOMAIN.md, "Desktop"): a dated session with
 * a seat limit and a waiting list that moves up when someone cancels. Pure
 * rules, no I/O: the data layer reads the encounter's counters and the
 * caller's registration, asks these functions what to do, and writes the
 * answer in one conditional transaction (functions/data/encounters.ts).
 */
import type { AccountKind } from './twinspace-types.ts';

/** What an encounter's item keeps to decide a registration: the counters every write is conditional on. */
export interface EncounterCounters {
  startsAt: string;
  seats: number;
  seatsTaken: number;
  /** People on the waiting list now. */
  waitingCount: number;
  /** Waiting-list tickets issued so far: the next one is this + 1, so the list keeps arrival order. */
  waitingIssued: number;
}

export type Registration = { status: 'seat' } | { status: 'waiting'; ticket: number };

export type RegistrationDecision =
  | { outcome: 'seat' }
  | { outcome: 'waiting'; ticket: number }
  | { outcome: 'conflict'; reason: string };

/** An encounter that has started can no longer be joined or left. */
export function hasStarted(encounter: Pick<EncounterCounters, 'startsAt'>, now: Date): boolean {
  return Date.parse(encounter.startsAt) <= now.getTime();
}

export const seatsLeft = (encounter: Pick<EncounterCounters, 'seats' | 'seatsTaken'>) => Math.max(0, encounter.seats - encounter.seatsTaken);

/** A seat if one is left, else the end of the waiting list; never twice, never once it has started. */
export function decideRegistration(encounter: EncounterCounters, existing: Registration | undefined, now: Date): RegistrationDecision {
  if (hasStarted(encounter, now)) return { outcome: 'conflict', reason: 'This encounter has already started; registration is closed.' };
  if (existing?.status === 'seat') return { outcome: 'conflict', reason: 'You already have a seat at this encounter.' };
  if (existing?.status === 'waiting') return { outcome: 'conflict', reason: 'You are already on the waiting list of this encounter.' };
  if (seatsLeft(encounter) > 0) return { outcome: 'seat' };
  return { outcome: 'waiting', ticket: encounter.waitingIssued + 1 };
}

export type CancellationDecision =
  | { outcome: 'leave-waiting-list'; ticket: number }
  /** My seat goes to the first on the waiting list. */
  | { outcome: 'hand-seat-over'; to: string }
  /** Nobody waits: the seat becomes free. */
  | { outcome: 'free-seat' }
  | { outcome: 'conflict'; reason: string };

/** Cancelling a seat promotes the first person waiting (if any); leaving the waiting list moves nobody. */
export function decideCancellation(
  encounter: Pick<EncounterCounters, 'startsAt'>,
  registration: Registration,
  firstWaiting: string | undefined,
  now: Date,
): CancellationDecision {
  if (hasStarted(encounter, now)) return { outcome: 'conflict', reason: 'This encounter has already started; registrations can no longer change.' };
  if (registration.status === 'waiting') return { outcome: 'leave-waiting-list', ticket: registration.ticket };
  return firstWaiting === undefined ? { outcome: 'free-seat' } : { outcome: 'hand-seat-over', to: firstWaiting };
}

/** Teachers register; the NSS organises (creates) encounters and reads the list; nobody else has a desktop. */
export const mayRegisterForEncounters = (kind: AccountKind | undefined) => kind === 'teacher';
export const mayOrganiseEncounters = (kind: AccountKind | undefined) => kind === 'nss';
export const mayReadEncounters = (kind: AccountKind | undefined) => kind === 'teacher' || kind === 'nss';

/**
 * Who is given an encounter's join link (an https link, checked on the way
 * in): a teacher holding a seat, and the NSS (organisers, who share it). A
 * teacher on the waiting list, or not registered, is not: the seat limit
 * would mean nothing if the link went round. A teacher promoted from the
 * waiting list sees it from then on.
 */
export const mayReadJoinLink = (kind: AccountKind | undefined, registration: Registration | { status: Registration['status'] } | undefined | null) =>
  kind === 'nss' || (kind === 'teacher' && registration?.status === 'seat');

/**
 * The whole roster of one encounter, in memory: what the table holds, as a
 * value. Used to state the rules as a sequence of events (and in the unit
 * tests); the handlers apply the same decisions to the table.
 */
export interface EncounterRoster extends EncounterCounters {
  seated: string[];
  /** In ticket order: the first is next in line. */
  waiting: { userId: string; ticket: number }[];
}

function registrationIn(roster: EncounterRoster, userId: string): Registration | undefined {
  if (roster.seated.includes(userId)) return { status: 'seat' };
  const waiting = roster.waiting.find((entry) => entry.userId === userId);
  return waiting ? { status: 'waiting', ticket: waiting.ticket } : undefined;
}

/** My place on the waiting list, 1-based, or undefined when I'm not waiting. */
export function waitingPosition(roster: Pick<EncounterRoster, 'waiting'>, userId: string): number | undefined {
  const index = roster.waiting.findIndex((entry) => entry.userId === userId);
  return index < 0 ? undefined : index + 1;
}

export function register(roster: EncounterRoster, userId: string, now: Date): { roster: EncounterRoster; decision: RegistrationDecision } {
  const decision = decideRegistration(roster, registrationIn(roster, userId), now);
  if (decision.outcome === 'seat') {
    return { decision, roster: { ...roster, seated: [...roster.seated, userId], seatsTaken: roster.seatsTaken + 1 } };
  }
  if (decision.outcome === 'waiting') {
    return {
      decision,
      roster: {
        ...roster,
        waiting: [...roster.waiting, { userId, ticket: decision.ticket }],
        waitingCount: roster.waitingCount + 1,
        waitingIssued: decision.ticket,
      },
    };
  }
  return { decision, roster };
}

export function cancel(
  roster: EncounterRoster,
  userId: string,
  now: Date,
): { roster: EncounterRoster; decision: CancellationDecision | { outcome: 'not-registered' } } {
  const registration = registrationIn(roster, userId);
  if (!registration) return { roster, decision: { outcome: 'not-registered' } };
  const decision = decideCancellation(roster, registration, roster.waiting[0]?.userId, now);
  const seatedWithoutMe = roster.seated.filter((seated) => seated !== userId);
  switch (decision.outcome) {
    case 'leave-waiting-list':
      return {
        decision,
        roster: { ...roster, waiting: roster.waiting.filter((entry) => entry.userId !== userId), waitingCount: roster.waitingCount - 1 },
      };
    case 'hand-seat-over':
      return {
        decision,
        roster: { ...roster, seated: [...seatedWithoutMe, decision.to], waiting: roster.waiting.slice(1), waitingCount: roster.waitingCount - 1 },
      };
    case 'free-seat':
      return { decision, roster: { ...roster, seated: seatedWithoutMe, seatsTaken: roster.seatsTaken - 1 } };
    default:
      return { decision, roster };
  }
}
