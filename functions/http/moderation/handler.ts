/**
 * The moderation area's function (routes.ts). What each route reads beyond the gate (the queue, a page of
 * decisions, the held text a decision names) is read while the gate checks: one round trip of time.
 *
 * A release claims the held text, performs the pupil's write through its surface's publisher, then records the
 * decision (data/moderation.ts says why in that order); a publisher's refusal gives the claim back and answers 409
 * with its reason, so nothing changes. Every decision tells the pupil (`pupil-text-decided`, in the decision's
 * transaction) and then the surface's listener (the chat's held-decided frame).
 */
import { ulid } from 'ulid';
import {
  claimHeld,
  findHeld,
  listDecidedHeld,
  listMyHeld,
  listPendingHeld,
  recordDecision,
  releaseClaim,
  setPupilGuard,
  type HeldDecision,
  type HeldText,
} from '../../data/moderation.ts';
import { moderationIndex, moderationKeys, keys } from '../../data/keys.ts';
import type { TableStore } from '../../data/store.ts';
import { editedDraft, isDecidable, pupilGuardOf, releaseOutcome, unknownEditFields, type HeldOutcome } from '../../domain/moderation.ts';
import { sharedName } from '../../domain/roster.ts';
import { decodeCursor, encodeCursor, parseCursorKey, cursorRefused } from '../../lib/cursor.ts';
import { conflict, HttpError, notFound, validationFailed } from '../../lib/errors.ts';
import { logger } from '../../lib/logger.ts';
import { decisionListeners, publishers, type PublishRefusal } from '../../moderation/publishers.ts';
import { areaHandler } from '../area.ts';
import { gated } from '../router.ts';
import type { TwinspaceAccess } from '../twinspace-access.ts';
import { decidedNotice } from './notices.ts';
import { moderationRoutes } from './routes.ts';
import * as z from 'zod';

const noSuchHeldText = () => notFound('There is no such held text in this project.');
const decidedAlready = () => conflict('A teacher has decided on this text already.');

const refusalMessages: Record<PublishRefusal, string> = {
  gone: 'What this text was written for is no longer there: delete it instead.',
  changed: 'The page changed since the pupil wrote this: delete it, or ask the pupil to write it again.',
  closed: 'The project is closed: its TwinSpace is read-only.',
};
const publishRefused = (reason: PublishRefusal) => new HttpError('CONFLICT', refusalMessages[reason], [{ field: 'reason', message: reason }]);

/** A decided held text as the audit lists it: never the pupil's words. */
const decisionView = ({ draft: _draft, fields: _fields, ...decision }: HeldText): HeldDecision => decision;

/** The queue shows fields always; a held text without (none should be) shows none. */
const queueView = ({ draft: _draft, ...held }: HeldText) => ({ ...held, fields: held.fields ?? [] });

/** A decisions page's cursor: the GSI1 key of a held text of this project's decisions. */
const decidedKey = z.object({ PK: z.string(), SK: z.string(), GSI1PK: z.string(), GSI1SK: z.string() }).strict();
function decodeDecidedCursor(cursor: string | undefined, projectId: string) {
  if (cursor === undefined) return undefined;
  const key = parseCursorKey(cursor, decidedKey);
  const inScope =
    key.GSI1PK === moderationIndex.decidedPartition(projectId) &&
    key.PK === keys.projectPartition(projectId) &&
    key.SK.startsWith(moderationKeys.prefix) &&
    key.SK.endsWith(`#${key.GSI1SK}`);
  if (!inScope) throw cursorRefused();
  return key;
}

/** The decision's facts and its record, then the surface's listener (which never throws). */
async function decided(
  store: TableStore,
  twinspace: TwinspaceAccess,
  held: HeldText,
  outcome: HeldOutcome,
  claim?: { claimId: string },
): Promise<HeldDecision> {
  const decidedAt = new Date().toISOString();
  const facts = { outcome, decidedBy: twinspace.membership.userId, decidedByName: sharedName(twinspace.membership), decidedAt };
  const recorded = await recordDecision(store, held, facts, decidedNotice(held, outcome, twinspace.project.title, decidedAt), claim);
  if (!recorded.written) {
    if (claim) logger.warn('A released held text was decided by another teacher after its claim lapsed', { projectId: held.projectId, heldId: held.heldId });
    throw decidedAlready();
  }
  const listener = decisionListeners[held.surface];
  if (listener) await listener(store, held, outcome).catch((error: Error) => logger.warn('A decision listener failed', { heldId: held.heldId, error }));
  return decisionView({ ...held, status: outcome, decidedBy: facts.decidedBy, decidedByName: facts.decidedByName, decidedAt });
}

/** The held text a decision names, still waiting, or the refusal. */
function waiting(held: HeldText | undefined): HeldText {
  if (!held) throw noSuchHeldText();
  if (!isDecidable(held.status)) throw decidedAlready();
  return held;
}

export const handler = areaHandler(moderationRoutes, {
  getModeration: gated({
    whileGated: ({ params: { projectId }, query, store }) =>
      Promise.all([listPendingHeld(store, projectId), listDecidedHeld(store, projectId, { limit: query.limit, startKey: decodeDecidedCursor(query.cursor, projectId) })]),
    handle: async ({ twinspace }, [pending, { decided: decisions, lastKey }]) => ({
      status: 200,
      body: { held: pending.map(queueView), decided: decisions.map(decisionView), nextCursor: encodeCursor(lastKey), settings: pupilGuardOf(twinspace.project) },
    }),
  }),

  listMyHeldTexts: gated({
    whileGated: ({ caller, params: { projectId }, query, store }) =>
      listMyHeld(
        store,
        projectId,
        caller.userId,
        { limit: query.limit, startKey: decodeCursor(query.cursor, keys.projectPartition(projectId), moderationKeys.authorPrefix(caller.userId)) },
        query.surface,
      ),
    handle: async (_request, { items, lastKey }) => ({
      status: 200,
      body: { items: items.map(({ draft: _draft, ...mine }) => mine), nextCursor: encodeCursor(lastKey) },
    }),
  }),

  releaseHeldText: gated({
    whileGated: ({ params: { projectId, heldId }, store }) => findHeld(store, projectId, heldId),
    handle: async ({ body, twinspace, store }, found) => {
      const held = waiting(found);
      const edits = body.fields ?? [];
      const unknown = unknownEditFields(held.fields ?? [], edits);
      if (unknown.length > 0) {
        throw validationFailed('The body is not valid.', unknown.map((field) => ({ field: 'body.fields', message: `This text has no field ${field}.` })));
      }
      const draft = editedDraft(held.draft ?? {}, edits);
      const claimId = ulid();
      if (!(await claimHeld(store, held, claimId, new Date()))) throw decidedAlready();
      let published;
      try {
        published = await publishers[held.surface](store, held, draft);
      } catch (error) {
        await releaseClaim(store, held, claimId);
        throw error;
      }
      if (!published.published) {
        await releaseClaim(store, held, claimId);
        throw publishRefused(published.reason);
      }
      return { status: 200, body: await decided(store, twinspace, held, releaseOutcome(edits), { claimId }) };
    },
  }),

  deleteHeldText: gated({
    whileGated: ({ params: { projectId, heldId }, store }) => findHeld(store, projectId, heldId),
    handle: async ({ twinspace, store }, found) => ({ status: 200, body: await decided(store, twinspace, waiting(found), 'deleted') }),
  }),

  setPupilGuard: async ({ params: { projectId }, body, store }) => {
    if (!(await setPupilGuard(store, projectId, body))) throw conflict('The project is closed: its TwinSpace is read-only.');
    return { status: 200, body };
  },
});
