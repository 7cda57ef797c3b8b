/**
 * The one helper every surface a pupil writes on calls (issue 12), after its own validation and authorisation and
 * before its write:
 *
 *   const guarded = await guardWrite({ store, project: twinspace.project, caller: {...}, surface, target, draft, texts, pupilsRead, acknowledgePersonalData: body.acknowledgePersonalData });
 *   if (guarded.outcome === 'held') return { status: 202, body: { held: guarded.held } };
 *   // …write as before
 *
 * Pupils: nothing found → 'publish'; a finding → the held text is stored with its teachers' `pupil-text-held`
 * notifications (one transaction) and the answer is 'held' — the surface writes NOTHING. Teachers writing where
 * pupils read: a finding → 409 PERSONAL_DATA_WARNING (the route declares `errors: ['PERSONAL_DATA_WARNING']`) unless
 * the request acknowledged it. Everyone else, and teachers elsewhere: 'publish' without reading anything.
 * Round trips: the members' Query (only when the guard runs), then the held text's transaction (only when held).
 */
import { ulid } from 'ulid';
import { guardContextFrom, guardWarningDetails, hasFindings, heldFieldsOf, isGuardedWrite, isHeldWriter, kindsOf, type HeldSurface } from '../domain/moderation.ts';
import { sharedName } from '../domain/roster.ts';
import type { TwinspaceType } from '../domain/twinspace-types.ts';
import { membersForGuard, storeHeldText, type GuardedProject, type HeldSummary, type HeldText } from '../data/moderation.ts';
import type { Notification } from '../data/notifications.ts';
import type { TableStore } from '../data/store.ts';
import type { GuardedItem } from '../data/transact.ts';
import { conflict, personalDataWarning } from '../lib/errors.ts';
import { heldNotice } from './moderation/notices.ts';

export type { HeldSummary };

export interface GuardWriteInput {
  store: TableStore;
  /** META as read by the gate, with pupilGuard + partners. */
  project: GuardedProject;
  caller: { userId: string; type: TwinspaceType; displayName: string };
  surface: HeldSurface;
  target: Record<string, unknown>;
  draft: Record<string, unknown>;
  /** The texts to check: field name (a top-level field of `draft`) → plain text (rich documents: their plain text). */
  texts: Record<string, string>;
  /** Whether pupils read where this goes (teacher warning only then). */
  pupilsRead: boolean;
  acknowledgePersonalData?: boolean;
  clientId?: string;
  /** Writes that go with a held text or not at all (the chat's rate-limit token, conditional on the bucket as read). */
  heldWith?: readonly GuardedItem<'heldWith'>[];
}

/** A write of `heldWith` failed its condition: nothing was held (the caller reads again and retries, or refuses). */
export class HeldWithRefused extends Error {
  constructor() {
    super('A write that goes with the held text failed its condition: nothing was held.');
  }
}

export type GuardWriteOutcome = { outcome: 'publish' } | { outcome: 'held'; held: HeldSummary };

const teacherTypes: readonly TwinspaceType[] = ['teacher-admin', 'member-teacher'];

export async function guardWrite(input: GuardWriteInput): Promise<GuardWriteOutcome> {
  const { store, project, caller } = input;
  const pupil = isHeldWriter(caller.type);
  if (!isGuardedWrite(caller.type, input.pupilsRead)) return { outcome: 'publish' };
  // A teacher who confirmed the warning writes as asked: no need to read anyone.
  if (!pupil && input.acknowledgePersonalData === true) return { outcome: 'publish' };

  // The guard loads with the first write it reads (a pupil's, or a teacher's where pupils read), not at cold start:
  // reads and every other write never pay its start-up (about 45 ms cold, `npm run bench`). In Lambda it comes from its layer.
  const [{ guardPupilText }, members] = await Promise.all([import('../domain/pupil-guard/index.ts'), membersForGuard(store, project.projectId)]);
  const context = guardContextFrom(project, members, caller.userId);
  const fields = heldFieldsOf(input.texts, (text) => guardPupilText(text, context));
  if (!hasFindings(fields)) return { outcome: 'publish' };
  if (!pupil) throw personalDataWarning(guardWarningDetails(fields));

  const heldAt = new Date();
  const held: HeldText = {
    projectId: project.projectId,
    heldId: ulid(heldAt.getTime()),
    surface: input.surface,
    authorId: caller.userId,
    authorName: sharedName(caller),
    authorType: caller.type,
    heldAt: heldAt.toISOString(),
    target: input.target,
    draft: input.draft,
    fields,
    kinds: kindsOf(fields),
    status: 'held',
    ...(input.clientId ? { clientId: input.clientId } : {}),
  };
  const teacherIds = members.filter((member) => teacherTypes.includes(member.type)).map((member) => member.userId);
  const notices: Notification[] = teacherIds.map((userId) => heldNotice(held, project.title, userId));
  const stored = await storeHeldText(store, held, notices, input.heldWith);
  if (!stored.written && stored.failed.includes('closed')) throw conflict('The project is closed: its TwinSpace is read-only.');
  if (!stored.written) throw new HeldWithRefused();
  return { outcome: 'held', held: { heldId: held.heldId, surface: held.surface, kinds: held.kinds, status: 'held' } };
}
