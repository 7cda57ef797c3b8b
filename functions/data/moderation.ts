/**
 * Held texts (issue 12; keys.ts HT1–HT5): a pupil's write the pupil guard found personal data or abuse in, kept
 * under its project until a teacher releases, edits or deletes it, then kept as the project's record of the
 * decision without the pupil's words. Also the guard's context (one Query of the members) and the project's guard
 * settings (the META's `pupilGuard`).
 *
 * A release publishes through another area's publisher (functions/moderation/publishers.ts), which writes in its
 * own transaction; so a release first CLAIMS the held text (a conditional update: still held, no running claim),
 * publishes, then records the decision on condition of its claim. Two teachers at once: one claim wins, the other is
 * refused. A publisher that refuses ('gone', 'changed', 'closed') has its claim given back: nothing changes. A claim
 * lapses after `claimSeconds`, so a release that died half-way can be decided again.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  droppedAfterDecision,
  guardContextFrom,
  heldSurfaces,
  type HeldField,
  type HeldOutcome,
  type HeldStatus,
  type HeldSurface,
  type PupilGuardSettings,
} from '../domain/moderation.ts';
import type { FindingKind, GuardContext } from '../domain/pupil-guard/index.ts';
import type { TwinspaceType } from '../domain/twinspace-types.ts';
import { writtenIfHolds } from './conditional-write.ts';
import { gsi1, keys, moderationIndex, moderationKeys, prefixes, withAuthor, withoutKeys, type ItemKey } from './keys.ts';
import { noticesFor, notificationPut, type Notification } from './notifications.ts';
import type { Project } from './projects.ts';
import { queryAll, queryPage } from './query.ts';
import type { TableStore } from './store.ts';
import { transact, type GuardedItem, type TransactOutcome } from './transact.ts';
import { projectStillApproved } from './write-guards.ts';

export { heldSurfaces, type HeldSurface };

export interface HeldText {
  projectId: string;
  heldId: string;
  surface: HeldSurface;
  authorId: string;
  /** First name, as pupils are shown. */
  authorName: string;
  authorType: TwinspaceType;
  heldAt: string;
  /** Where it goes, in the surface's ids: { discussionId, threadId } / { postId } / { pageId, version } / { recipientIds } … */
  target: Record<string, unknown>;
  /** The validated request as the pupil sent it (removed after a decision). */
  draft?: Record<string, unknown>;
  /** Each text field checked, as plain text, with its findings: what the queue shows and highlights. */
  fields?: HeldField[];
  /** Kept after the decision (audit). */
  kinds: FindingKind[];
  status: HeldStatus;
  decidedBy?: string;
  decidedByName?: string;
  decidedAt?: string;
  /** A chat message's client id, so the pupil's window matches the held bubble. */
  clientId?: string;
}

/** What the pupil's 202 says (and the chat's held frame carries the same facts). */
export interface HeldSummary {
  heldId: string;
  surface: HeldSurface;
  kinds: FindingKind[];
  status: 'held';
}

/** A decided held text as the audit lists it: no draft, no fields. */
export type HeldDecision = Omit<HeldText, 'draft' | 'fields'>;

/** The project META as guardWrite reads it: the gate's project (its partners' countries, its `pupilGuard`). */
export type GuardedProject = Project;

/** How long a release's claim holds before another teacher may decide the text again. */
export const claimSeconds = 60;

/** Item attributes that are the store's, never the held text's. */
const storeOnly = ['entity', 'claimId', 'claimUntil'] as const;

export function toHeldText(item: Record<string, unknown>): HeldText {
  const rest: Record<string, unknown> = { ...withoutKeys(item) };
  for (const name of storeOnly) delete rest[name];
  return rest as unknown as HeldText;
}

const heldKey = (held: Pick<HeldText, 'projectId' | 'authorId' | 'heldId'>): ItemKey => moderationKeys.held(held.projectId, held.authorId, held.heldId);

/**
 * Stores a held text and its teachers' `pupil-text-held` notifications in ONE TransactWriteItems (past a
 * transaction's 100 items the rest are written right after it), on condition the project is still approved
 * ('closed': a TwinSpace closed meanwhile is read-only). `alongside`: writes that go with the held text or not at
 * all (the chat's rate-limit token), named by their guards in the outcome.
 */
export async function storeHeldText<Guard extends string = never>(
  store: TableStore,
  held: HeldText,
  notices: readonly Notification[],
  alongside: readonly GuardedItem<Guard>[] = [],
): Promise<TransactOutcome<'closed' | Guard>> {
  const item = {
    ...withAuthor(heldKey(held), held.authorId, held.heldAt),
    ...moderationIndex.pending(held.projectId, held.heldId),
    entity: 'heldText',
    ...held,
  };
  const { items, writeRest } = noticesFor(store, 2 + alongside.length, notices);
  const outcome = await transact<'closed' | Guard>(store, [
    // A fresh ULID: no condition needed on the item itself.
    { Put: { TableName: store.tableName, Item: item } },
    projectStillApproved(store, held.projectId),
    ...alongside,
    ...items,
  ]);
  if (outcome.written) await writeRest();
  return outcome;
}

/** The teachers' queue (HT3): every held text still waiting, oldest first, with its fields and findings. */
export async function listPendingHeld(store: TableStore, projectId: string): Promise<HeldText[]> {
  const items = await queryAll(store, {
    IndexName: gsi1.indexName,
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': moderationIndex.pendingPartition(projectId) },
  });
  return items.map(toHeldText);
}

/** The project's decisions (HT4), newest first, one page. */
export async function listDecidedHeld(
  store: TableStore,
  projectId: string,
  page: { limit: number; startKey?: Record<string, unknown> },
): Promise<{ decided: HeldDecision[]; lastKey?: Record<string, unknown> }> {
  const { items, lastKey } = await queryPage(
    store,
    {
      IndexName: gsi1.indexName,
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': moderationIndex.decidedPartition(projectId) },
      ScanIndexForward: false,
    },
    page,
  );
  return { decided: items.map(toHeldText), lastKey };
}

/** My held texts in a project and their outcomes (HT2), newest first, one page; optionally of one surface. */
export async function listMyHeld(
  store: TableStore,
  projectId: string,
  authorId: string,
  page: { limit: number; startKey?: Record<string, unknown> },
  surface?: HeldSurface,
): Promise<{ items: HeldText[]; lastKey?: Record<string, unknown> }> {
  const { items, lastKey } = await queryPage(
    store,
    {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :mine)',
      ...(surface ? { FilterExpression: 'surface = :surface' } : {}),
      ExpressionAttributeValues: {
        ':pk': keys.projectPartition(projectId),
        ':mine': moderationKeys.authorPrefix(authorId),
        ...(surface ? { ':surface': surface } : {}),
      },
      ScanIndexForward: false,
    },
    page,
  );
  return { items: items.map(toHeldText), lastKey };
}

/** One held text of this project by its id (HT1): the queue's and the decisions' partitions, at once. */
export async function findHeld(store: TableStore, projectId: string, heldId: string): Promise<HeldText | undefined> {
  const inPartition = (pk: string) =>
    queryPage(
      store,
      { IndexName: gsi1.indexName, KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK = :id', ExpressionAttributeValues: { ':pk': pk, ':id': heldId } },
      { limit: 1 },
    );
  const [pending, decided] = await Promise.all([inPartition(moderationIndex.pendingPartition(projectId)), inPartition(moderationIndex.decidedPartition(projectId))]);
  const item = pending.items[0] ?? decided.items[0];
  return item ? toHeldText(item) : undefined;
}

/** The pupil's words a decision removes (names through placeholders: `fields` is fine, but no word is left to chance). */
const droppedNames = Object.fromEntries(droppedAfterDecision.map((name) => [`#${name}`, name]));
const dropped = droppedAfterDecision.map((name) => `#${name}`).join(', ');

/** The condition of every decision: the text still waits and no other teacher's release is running. */
const stillWaiting = '#status = :held AND (attribute_not_exists(claimUntil) OR claimUntil < :now)';

/**
 * Claims a held text for a release (HT1 conditional update). False: it was decided, or another teacher's
 * release is running (the caller's 409).
 */
export async function claimHeld(store: TableStore, held: HeldText, claimId: string, now: Date): Promise<boolean> {
  return writtenIfHolds(
    store.db.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: heldKey(held),
        UpdateExpression: 'SET claimId = :claim, claimUntil = :until',
        ConditionExpression: stillWaiting,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':claim': claimId, ':until': Math.floor(now.getTime() / 1000) + claimSeconds, ':now': Math.floor(now.getTime() / 1000), ':held': 'held' },
      }),
    ),
  );
}

/** Gives a claim back (the publisher refused): the text waits as before. */
export async function releaseClaim(store: TableStore, held: HeldText, claimId: string): Promise<void> {
  await writtenIfHolds(
    store.db.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: heldKey(held),
        UpdateExpression: 'REMOVE claimId, claimUntil',
        ConditionExpression: 'claimId = :claim',
        ExpressionAttributeValues: { ':claim': claimId },
      }),
    ),
  );
}

export interface HeldDecisionFacts {
  outcome: HeldOutcome;
  decidedBy: string;
  decidedByName: string;
  decidedAt: string;
}

/**
 * Records a decision: the held text leaves the queue for the decisions (GSI1), its draft and fields are removed
 * (the audit keeps surface, kinds, author, decider, time, outcome), with the pupil's notification, in one
 * TransactWriteItems. Conditional on the text still waiting — with `claimId`, on that claim being this release's —
 * ('decided' otherwise: another teacher decided first).
 */
export async function recordDecision(
  store: TableStore,
  held: HeldText,
  decision: HeldDecisionFacts,
  notice: Notification,
  claim?: { claimId: string },
): Promise<TransactOutcome<'decided'>> {
  const now = Math.floor(Date.parse(decision.decidedAt) / 1000);
  const decided = moderationIndex.decided(held.projectId, held.heldId);
  return transact<'decided'>(store, [
    {
      guard: 'decided',
      Update: {
        TableName: store.tableName,
        Key: heldKey(held),
        UpdateExpression:
          `SET #status = :outcome, decidedBy = :by, decidedByName = :byName, decidedAt = :at, GSI1PK = :gsi1pk, GSI1SK = :gsi1sk REMOVE ${dropped}, claimId, claimUntil`,
        ConditionExpression: claim ? '#status = :held AND claimId = :claim' : stillWaiting,
        ExpressionAttributeNames: { '#status': 'status', ...droppedNames },
        ExpressionAttributeValues: {
          ':outcome': decision.outcome,
          ':by': decision.decidedBy,
          ':byName': decision.decidedByName,
          ':at': decision.decidedAt,
          ':gsi1pk': decided.GSI1PK,
          ':gsi1sk': decided.GSI1SK,
          ':held': 'held',
          ...(claim ? { ':claim': claim.claimId } : { ':now': now }),
        },
      },
    },
    notificationPut(store, notice),
  ]);
}

/** A member as the guard needs them: who, of which type, under which full name (pattern 6, projected). */
export interface GuardedMember {
  userId: string;
  type: TwinspaceType;
  displayName: string;
}

/** ONE Query of the project's members (pattern 6, every page, only the fields the guard needs). */
export async function membersForGuard(store: TableStore, projectId: string): Promise<GuardedMember[]> {
  const members = await queryAll(store, {
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :member)',
    ProjectionExpression: 'userId, #type, displayName',
    ExpressionAttributeNames: { '#type': 'type' },
    ExpressionAttributeValues: { ':pk': keys.projectPartition(projectId), ':member': prefixes.member },
  });
  return members as unknown as GuardedMember[];
}

/**
 * The guard's context for a writer in a project: the other pupils' surnames from ONE Query of the members; the
 * countries and settings from the project item the gate read.
 */
export async function guardContextOf(store: TableStore, project: GuardedProject, writerId: string): Promise<GuardContext> {
  return guardContextFrom(project, await membersForGuard(store, project.projectId), writerId);
}

/** Sets the project's guard settings (the META's `pupilGuard`), on condition the project is still approved. */
export async function setPupilGuard(store: TableStore, projectId: string, settings: PupilGuardSettings): Promise<boolean> {
  return writtenIfHolds(
    store.db.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: keys.project(projectId),
        UpdateExpression: 'SET pupilGuard = :settings',
        ConditionExpression: '#state = :approved',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':settings': settings, ':approved': 'approved' },
      }),
    ),
  );
}

/** Is this a surface name (a query parameter, a stored item)? */
export const isHeldSurface = (value: string): value is HeldSurface => (heldSurfaces as readonly string[]).includes(value);
