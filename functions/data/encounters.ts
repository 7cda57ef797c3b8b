/**
 * Online pedagogical encounters (keys.ts, patterns C4–C7): the encounter's
 * META item holds the seat limit and the counters; each registration is a
 * REG#<sub> item (seat or waiting, with its ticket); each waiting person
 * also has a WAIT#<ticket>#<sub> item, so the first in line is one Query.
 *
 * Every change is read → decide (functions/domain/encounters.ts) → one
 * transaction (transact.ts) whose update of META is conditional on the
 * counters still being what was read (guard 'counters'). Two registrations or
 * cancellations at once: one commits, the other's guard fails and it decides
 * again from a fresh read, so seats are never over-booked and nobody is
 * promoted twice. Past `attempts` decisions lost in a row, WriteContention
 * (a 503 with Retry-After).
 */
import { BatchGetCommand, QueryCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import {
  decideCancellation,
  decideRegistration,
  type CancellationDecision,
  type EncounterCounters,
  type Registration,
  type RegistrationDecision,
} from '../domain/encounters.ts';
import { communityIndex, communityKeys, gsi1, withoutKeys, withAuthor } from './keys.ts';
import { queryPage } from './query.ts';
import type { TableStore } from './store.ts';
import { notificationPut } from './notifications.ts';
import { transact, WriteContention, type GuardedItem } from './transact.ts';

export interface Encounter extends EncounterCounters {
  encounterId: string;
  title: string;
  description: string;
  language: string;
  /** Where to join online (https only); absent on encounters made before links existed. */
  joinUrl?: string;
  createdBy: string;
  organiser: string;
  createdAt: string;
}

export interface StoredRegistration {
  encounterId: string;
  userId: string;
  displayName: string;
  status: Registration['status'];
  ticket?: number;
  registeredAt: string;
}

const toEncounter = (item: Record<string, unknown>) => {
  const { entity: _entity, ...encounter } = withoutKeys(item);
  return encounter as unknown as Encounter;
};
const toRegistration = (item: Record<string, unknown>) => {
  const { entity: _entity, ...registration } = withoutKeys(item);
  return registration as unknown as StoredRegistration;
};
export const asRegistration = (stored: StoredRegistration): Registration =>
  stored.status === 'waiting' ? { status: 'waiting', ticket: stored.ticket ?? 0 } : { status: 'seat' };

/** A new encounter (guard 'exists': a new id, so never met). */
export async function createEncounter(store: TableStore, encounter: Encounter): Promise<void> {
  const outcome = await transact(store, [
    {
      guard: 'exists',
      Put: {
        TableName: store.tableName,
        Item: {
          ...communityKeys.encounter(encounter.encounterId),
          ...communityIndex.encounter(encounter.startsAt, encounter.encounterId),
          entity: 'encounter',
          ...encounter,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
  ]);
  if (!outcome.written) throw new Error(`Encounter id ${encounter.encounterId} is already in use`);
}

/** Encounters starting after `from`, soonest first (C4). */
export async function listUpcomingEncounters(
  store: TableStore,
  from: string,
  page: { limit: number; startKey?: Record<string, unknown> },
): Promise<{ encounters: Encounter[]; lastKey?: Record<string, unknown> }> {
  const { items, lastKey } = await queryPage(
    store,
    {
      IndexName: gsi1.indexName,
      KeyConditionExpression: 'GSI1PK = :encounters AND GSI1SK > :from',
      ExpressionAttributeValues: { ':encounters': communityIndex.encountersPartition, ':from': from },
    },
    page,
  );
  return { encounters: items.map(toEncounter), lastKey };
}

/** My registrations for these encounters, by encounterId (one BatchGet, ≤ 100 keys a page). */
export async function myRegistrations(store: TableStore, encounterIds: string[], userId: string): Promise<Map<string, StoredRegistration>> {
  const found = new Map<string, StoredRegistration>();
  let keysLeft: Record<string, unknown>[] | undefined = encounterIds.map((encounterId) => communityKeys.registration(encounterId, userId));
  while (keysLeft?.length) {
    const result: BatchGetCommandOutput = await store.db.send(new BatchGetCommand({ RequestItems: { [store.tableName]: { Keys: keysLeft } } }));
    for (const item of result.Responses?.[store.tableName] ?? []) found.set(String(item.encounterId), toRegistration(item));
    keysLeft = result.UnprocessedKeys?.[store.tableName]?.Keys;
  }
  return found;
}

/** The encounter and one person's registration, strongly consistent (C5): what a decision is made on. */
export async function getEncounterAndRegistration(
  store: TableStore,
  encounterId: string,
  userId: string,
): Promise<{ encounter?: Encounter; registration?: StoredRegistration }> {
  const result = await store.db.send(
    new BatchGetCommand({
      RequestItems: {
        [store.tableName]: { Keys: [communityKeys.encounter(encounterId), communityKeys.registration(encounterId, userId)], ConsistentRead: true },
      },
    }),
  );
  const found: { encounter?: Encounter; registration?: StoredRegistration } = {};
  for (const item of result.Responses?.[store.tableName] ?? []) {
    if (item.SK === 'META') found.encounter = toEncounter(item);
    else found.registration = toRegistration(item);
  }
  return found;
}

/** The first on the waiting list (C6). */
async function firstWaiting(store: TableStore, encounterId: string): Promise<{ userId: string; ticket: number } | undefined> {
  const result = await store.db.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :wait)',
      ExpressionAttributeValues: { ':pk': communityKeys.encounterPartition(encounterId), ':wait': communityKeys.waitingPrefix },
      ConsistentRead: true,
      Limit: 1,
    }),
  );
  const item = result.Items?.[0];
  return item ? { userId: String(item.userId), ticket: Number(item.ticket) } : undefined;
}

/** My place in line, 1-based (C7: a COUNT of the tickets up to mine). */
export async function waitingPosition(store: TableStore, encounterId: string, ticket: number, userId: string): Promise<number> {
  const mine = communityKeys.waitingTicket(encounterId, ticket, userId);
  const result = await store.db.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :first AND :mine',
      ExpressionAttributeValues: { ':pk': mine.PK, ':first': communityKeys.waitingPrefix, ':mine': mine.SK },
      ConsistentRead: true,
      Select: 'COUNT',
    }),
  );
  return result.Count ?? 0;
}

/** What a change of an encounter guards against: someone else changed it since it was read. Any of them: decide again. */
type EncounterGuard = 'counters' | 'registration' | 'ticket' | 'promoted';

/** The META update every change carries: its counters must still be as read (guard 'counters'). */
function countersUpdate(
  store: TableStore,
  encounter: Encounter,
  update: string,
  extraCondition = '',
  values: Record<string, unknown> = {},
): GuardedItem<EncounterGuard> {
  return {
    guard: 'counters',
    Update: {
      TableName: store.tableName,
      Key: communityKeys.encounter(encounter.encounterId),
      UpdateExpression: update,
      ConditionExpression: `seatsTaken = :taken AND waitingCount = :waiting${extraCondition}`,
      ExpressionAttributeValues: { ':taken': encounter.seatsTaken, ':waiting': encounter.waitingCount, ...values },
    },
  };
}

/** How often a change is decided again after losing a race before giving up (WriteContention: the caller gets a 503). */
const attempts = 8;

export type RegisterResult =
  | { outcome: 'not-found' }
  | Exclude<RegistrationDecision, { outcome: 'seat' | 'waiting' }>
  | { outcome: 'seat'; encounter: Encounter }
  | { outcome: 'waiting'; ticket: number; position: number; encounter: Encounter };

export async function registerForEncounter(
  store: TableStore,
  encounterId: string,
  registrant: { userId: string; displayName: string },
  now: () => Date,
): Promise<RegisterResult> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const { encounter, registration } = await getEncounterAndRegistration(store, encounterId, registrant.userId);
    if (!encounter) return { outcome: 'not-found' };
    const decision = decideRegistration(encounter, registration && asRegistration(registration), now());
    if (decision.outcome === 'conflict') return decision;
    const stored: StoredRegistration = {
      encounterId,
      userId: registrant.userId,
      displayName: registrant.displayName,
      status: decision.outcome,
      ticket: decision.outcome === 'waiting' ? decision.ticket : undefined,
      registeredAt: now().toISOString(),
    };
    const putRegistration: GuardedItem<EncounterGuard> = {
      guard: 'registration',
      Put: {
        TableName: store.tableName,
        Item: { ...withAuthor(communityKeys.registration(encounterId, registrant.userId), registrant.userId, stored.registeredAt), entity: 'encounterRegistration', ...stored },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    };
    const items: GuardedItem<EncounterGuard>[] =
      decision.outcome === 'seat'
        ? [countersUpdate(store, encounter, 'SET seatsTaken = seatsTaken + :one', ' AND seatsTaken < seats', { ':one': 1 }), putRegistration]
        : [
            countersUpdate(store, encounter, 'SET waitingCount = waitingCount + :one, waitingIssued = :ticket', ' AND waitingIssued = :issued', {
              ':one': 1,
              ':ticket': decision.ticket,
              ':issued': encounter.waitingIssued,
            }),
            putRegistration,
            {
              guard: 'ticket',
              Put: {
                TableName: store.tableName,
                Item: {
                  ...communityKeys.waitingTicket(encounterId, decision.ticket, registrant.userId),
                  entity: 'encounterWaiting',
                  encounterId,
                  userId: registrant.userId,
                  ticket: decision.ticket,
                },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
          ];
    // A guard failed: the encounter or my registration changed since the read; decide again.
    if (!(await transact(store, items)).written) continue;
    if (decision.outcome === 'seat') return { outcome: 'seat', encounter: { ...encounter, seatsTaken: encounter.seatsTaken + 1 } };
    const position = await waitingPosition(store, encounterId, decision.ticket, registrant.userId);
    return {
      outcome: 'waiting',
      ticket: decision.ticket,
      position,
      encounter: { ...encounter, waitingCount: encounter.waitingCount + 1, waitingIssued: decision.ticket },
    };
  }
  throw new WriteContention(attempts);
}

export type CancelResult =
  | { outcome: 'not-found' }
  | { outcome: 'not-registered' }
  | Extract<CancellationDecision, { outcome: 'conflict' }>
  | { outcome: 'cancelled'; decision: Exclude<CancellationDecision, { outcome: 'conflict' }> };

export async function cancelRegistration(store: TableStore, encounterId: string, userId: string, now: () => Date): Promise<CancelResult> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const { encounter, registration } = await getEncounterAndRegistration(store, encounterId, userId);
    if (!encounter) return { outcome: 'not-found' };
    if (!registration) return { outcome: 'not-registered' };
    const mine = asRegistration(registration);
    const next = mine.status === 'seat' && encounter.waitingCount > 0 ? await firstWaiting(store, encounterId) : undefined;
    // The counter says someone waits but the list is empty: a change is under way; read again.
    if (mine.status === 'seat' && encounter.waitingCount > 0 && !next) continue;
    const decision = decideCancellation(encounter, mine, next?.userId, now());
    if (decision.outcome === 'conflict') return decision;
    const deleteMine: GuardedItem<EncounterGuard> = {
      guard: 'registration',
      Delete: {
        TableName: store.tableName,
        Key: communityKeys.registration(encounterId, userId),
        ConditionExpression: '#status = :status',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':status': mine.status },
      },
    };
    const deleteTicket = (ticket: number, ticketHolder: string): GuardedItem<EncounterGuard> => ({
      guard: 'ticket',
      Delete: {
        TableName: store.tableName,
        Key: communityKeys.waitingTicket(encounterId, ticket, ticketHolder),
        ConditionExpression: 'attribute_exists(PK)',
      },
    });
    let items: GuardedItem<EncounterGuard>[];
    if (decision.outcome === 'leave-waiting-list') {
      items = [
        deleteMine,
        deleteTicket(decision.ticket, userId),
        countersUpdate(store, encounter, 'SET waitingCount = waitingCount - :one', '', { ':one': 1 }),
      ];
    } else if (decision.outcome === 'free-seat') {
      items = [deleteMine, countersUpdate(store, encounter, 'SET seatsTaken = seatsTaken - :one', '', { ':one': 1 })];
    } else {
      const promoted = next!;
      const notificationId = ulid();
      items = [
        deleteMine,
        deleteTicket(promoted.ticket, promoted.userId),
        {
          guard: 'promoted',
          Update: {
            TableName: store.tableName,
            Key: communityKeys.registration(encounterId, promoted.userId),
            UpdateExpression: 'SET #status = :seat REMOVE ticket',
            ConditionExpression: '#status = :waiting AND ticket = :ticket',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':seat': 'seat', ':waiting': 'waiting', ':ticket': promoted.ticket },
          },
        },
        countersUpdate(store, encounter, 'SET waitingCount = waitingCount - :one', '', { ':one': 1 }),
        // The promoted teacher hears of it on their next visit (GET /me/notifications), written with the seat.
        notificationPut(store, {
          notificationId,
          userId: promoted.userId,
          topic: 'encounter-seat',
          subjectId: encounterId,
          params: { encounter: encounter.title, startsAt: encounter.startsAt },
          title: `You have a seat at “${encounter.title}”`,
          body: `A seat became free at “${encounter.title}” (${encounter.startsAt}) and it is yours now.`,
          createdAt: now().toISOString(),
        }),
      ];
    }
    // A guard failed: the encounter, my registration or the first in line changed since the read; decide again.
    if (!(await transact(store, items)).written) continue;
    return { outcome: 'cancelled', decision };
  }
  throw new WriteContention(attempts);
}
