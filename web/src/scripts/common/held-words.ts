/**
 * The words of a pupil's text held by the guard (issue 12), pure (no DOM): the kinds of finding, the dictionary keys
 * of each reason and outcome, the strings a page passes to held-notice.tsx, and the kinds a teacher's 409
 * PERSONAL_DATA_WARNING names (its details, one per kind). A page that shows <HeldNotice> or <PersonalDataWarning>
 * spreads `heldNoticeStrings` / `personalDataWarningStrings` into its own strings list.
 */
import type { MessageKey } from '../../i18n/index.ts';
import type { HeldOutcome } from '../../../../functions/domain/moderation.ts';
// The guard's kinds from its types module alone (the guard itself, with its word lists, never reaches a page).
import { findingKinds, type FindingKind } from '../../../../functions/domain/pupil-guard/types.ts';

export { findingKinds, type FindingKind, type HeldOutcome };

export const isFindingKind = (value: unknown): value is FindingKind => (findingKinds as readonly unknown[]).includes(value);

/** A decision on a held text, as the pupil is told it (functions/domain/moderation.ts `HeldOutcome`, every one). */
export const heldOutcomes = ['released', 'edited', 'deleted'] as const satisfies readonly HeldOutcome[];

export const reasonKey = (kind: FindingKind) => `held.reason.${kind}` as const satisfies MessageKey;
export const outcomeKey = (outcome: HeldOutcome) => `held.outcome.${outcome}` as const satisfies MessageKey;
export const warningKindKey = (kind: FindingKind) => `held.warning.kind.${kind}` as const satisfies MessageKey;

/** Each kind once, in the guard's order, whatever order or repeats they came in (unknown kinds dropped). */
export function kindsInOrder(kinds: readonly unknown[]): FindingKind[] {
  return findingKinds.filter((kind) => kinds.includes(kind));
}

/** The kinds a 409 PERSONAL_DATA_WARNING names (`details: [{ field, message: kind }]`); empty for any other error. */
export function warningKinds(error: { status?: number; code?: string; details?: readonly { message: string }[] } | unknown): FindingKind[] {
  if (typeof error !== 'object' || error === null) return [];
  const { code, details } = error as { code?: unknown; details?: unknown };
  if (code !== 'PERSONAL_DATA_WARNING' || !Array.isArray(details)) return [];
  return kindsInOrder(details.map((detail: { message?: unknown }) => detail?.message));
}

/** Dictionary entries <HeldNotice> and the pupil's outcomes read. */
export const heldNoticeStrings = [
  ...findingKinds.map(reasonKey),
  ...heldOutcomes.map(outcomeKey),
  'held.waiting',
  'held.badge',
] as const satisfies readonly MessageKey[];

/** Dictionary entries <PersonalDataWarning> reads. */
export const personalDataWarningStrings = [
  ...findingKinds.map(warningKindKey),
  'held.warning.title',
  'held.warning.intro',
  'held.warning.question',
  'held.warning.confirm',
  'held.warning.cancel',
] as const satisfies readonly MessageKey[];
