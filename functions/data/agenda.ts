/**
 * Agenda events (keys.ts A1–A3): the event under its project, and on GSI1 by
 * start time so the agenda lists in time order with one key condition. Every
 * write is one TransactWriteItems with a ConditionCheck that the project is
 * still approved (a project closed meanwhile takes no write).
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { AgendaEvent } from '../domain/agenda.ts';
import { agendaIndex, agendaKeys, gsi1, withAuthor, withoutKeys } from './keys.ts';
import { queryAll, queryPage } from './query.ts';
import type { TableStore } from './store.ts';
import { automaticEntry } from './feed.ts';
import { transact, type GuardedItem } from './transact.ts';
import { projectStillApproved } from './write-guards.ts';

/** What a write can meet: done, or why not. */
export type AgendaWriteOutcome = 'written' | 'not-found' | 'stale' | 'closed';

function toAgendaEvent(item: Record<string, unknown>): AgendaEvent {
  const { entity: _entity, ...event } = withoutKeys(item);
  // An event stored before the public flag existed is not public.
  return { ...event, public: event.public === true } as unknown as AgendaEvent;
}

const itemOf = (event: AgendaEvent) => ({
  ...withAuthor(agendaKeys.event(event.projectId, event.eventId), event.createdBy.userId, event.createdAt),
  ...agendaIndex.event(event.projectId, event.startsAt, event.eventId),
  entity: 'agendaEvent',
  ...event,
});

/** The event's write (guard 'event': exists, or not yet, or at the version read) with the project's 'closed' guard (and, for a new event, the home's entry). */
async function writeEvent(store: TableStore, projectId: string, eventId: string, write: GuardedItem<'event'>, feedEntry: GuardedItem<never>[] = []): Promise<AgendaWriteOutcome> {
  const outcome = await transact(store, [write, projectStillApproved(store, projectId), ...feedEntry]);
  if (outcome.written) return 'written';
  if (outcome.failed.includes('closed')) return 'closed';
  // The event's condition failed: gone, or changed since it was read.
  const current = await getAgendaEvent(store, projectId, eventId);
  return current ? 'stale' : 'not-found';
}

export async function getAgendaEvent(store: TableStore, projectId: string, eventId: string): Promise<AgendaEvent | undefined> {
  const result = await store.db.send(new GetCommand({ TableName: store.tableName, Key: agendaKeys.event(projectId, eventId), ConsistentRead: true }));
  return result.Item ? toAgendaEvent(result.Item) : undefined;
}

/** A new event, with the home's automatic entry (data/feed.ts; the agenda is the public area's) in the same transaction. */
export function putAgendaEvent(store: TableStore, event: AgendaEvent): Promise<AgendaWriteOutcome> {
  const added = automaticEntry(
    store,
    event.projectId,
    'public',
    { kind: 'event-added', event: { eventId: event.eventId, title: event.title, startsAt: event.startsAt }, by: { userId: event.createdBy.userId, name: event.createdBy.displayName } },
    event.createdAt,
  );
  return writeEvent(store, event.projectId, event.eventId, {
    guard: 'event',
    Put: { TableName: store.tableName, Item: itemOf(event), ConditionExpression: 'attribute_not_exists(PK)' },
  }, [added]);
}

/** Replaces an event on condition it still has `readVersion` (the new one carries readVersion + 1). */
export function replaceAgendaEvent(store: TableStore, event: AgendaEvent, readVersion: number): Promise<AgendaWriteOutcome> {
  return writeEvent(store, event.projectId, event.eventId, {
    guard: 'event',
    Put: {
      TableName: store.tableName,
      Item: itemOf(event),
      ConditionExpression: 'attribute_exists(PK) AND #version = :read',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':read': readVersion },
    },
  });
}

export function deleteAgendaEvent(store: TableStore, projectId: string, eventId: string): Promise<AgendaWriteOutcome> {
  return writeEvent(store, projectId, eventId, {
    guard: 'event',
    Delete: { TableName: store.tableName, Key: agendaKeys.event(projectId, eventId), ConditionExpression: 'attribute_exists(PK)' },
  });
}

/** One page of the agenda in start order (A2), from `from` (an ISO instant) when given. */
export async function listAgendaEvents(
  store: TableStore,
  projectId: string,
  page: { limit: number; from?: string; startKey?: Record<string, unknown> },
): Promise<{ events: AgendaEvent[]; lastKey?: Record<string, unknown> }> {
  const { items, lastKey } = await queryPage(
    store,
    {
      IndexName: gsi1.indexName,
      KeyConditionExpression: page.from === undefined ? 'GSI1PK = :pk' : 'GSI1PK = :pk AND GSI1SK >= :from',
      ExpressionAttributeValues: { ':pk': agendaIndex.partition(projectId), ...(page.from === undefined ? {} : { ':from': page.from }) },
    },
    page,
  );
  return { events: items.map(toAgendaEvent), lastKey };
}

/** The whole agenda in start order (A3), for the iCalendar feed. */
export async function listWholeAgenda(store: TableStore, projectId: string): Promise<AgendaEvent[]> {
  const items = await queryAll(store, {
    IndexName: gsi1.indexName,
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': agendaIndex.partition(projectId) },
  });
  return items.map(toAgendaEvent);
}

