/**
 * The NSS pages' rules, pure (no DOM; unit-tested in node): the strings the
 * NSS projects island reads, and the decision both NSS lists send (a
 * project's approval, a teacher's validation: the same body). The page itself
 * is the island nss-island.tsx, a DecisionList (decision-list.tsx) from the kit.
 */
import type { ApprovalBodyInput } from '../../../../functions/http/projects/schemas.ts';
import type { ValidationBodyInput } from '../../../../functions/http/registrations/schemas.ts';
import type { MessageKey } from '../../i18n/index.ts';

/** What every decision list reads: its loading line, its busy buttons and its failures. */
export const decisionListStrings = [
  'common.loading',
  'common.busy',
  'common.error',
  'common.sessionExpired',
  'common.unreachable',
] as const satisfies readonly MessageKey[];

/** Every dictionary entry the NSS projects island reads (rendered into data-strings by the page). */
export const nssStrings = [
  ...decisionListStrings,
  'state.pending-approval',
  'nss.none',
  'nss.more',
  'nss.founders',
  'nss.approve',
  'nss.reject',
  'nss.reason',
  'nss.confirmReject',
  'nss.cancel',
  'nss.reasonMissing',
  'nss.approved',
  'nss.rejected',
] as const satisfies readonly MessageKey[];

/** The same body approves a project and validates a teacher. */
export type DecisionBody = ApprovalBodyInput & ValidationBodyInput;

/**
 * The body of a decision: approving needs nothing more; rejecting needs a
 * reason (trimmed), else nothing is sent and the reason field says what is missing.
 */
export function decisionBody(approve: boolean, reason = ''): { body: DecisionBody } | { problem: 'reasonMissing' } {
  if (approve) return { body: { approve: true } };
  const why = reason.trim();
  return why ? { body: { approve: false, reason: why } } : { problem: 'reasonMissing' };
}

/** "Founders: Ana García (ES), Luc Moreau (FR)": who founded a project, with their countries. */
export function foundersLine(founders: readonly { displayName: string; country: string }[]): string {
  return founders.map((founder) => `${founder.displayName} (${founder.country})`).join(', ');
}
