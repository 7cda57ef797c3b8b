/**
 * LOCAL STUB of helper A's guard (branch issue12-guard), coded to the contract in ISSUE12-DESIGN.md so the
 * moderation core compiles and its tests run before A's first commit. It is replaced by A's file on
 * `git merge issue12-guard` (take theirs). It finds plain e-mail addresses only.
 */
export const findingKinds = ['email', 'phone', 'account', 'address', 'surname', 'abuse'] as const;
export type FindingKind = (typeof findingKinds)[number];
export interface GuardFinding {
  kind: FindingKind;
  start: number;
  end: number;
}
export interface GuardContext {
  countries: readonly string[];
  otherPupilSurnames: readonly string[];
  allowAccountLinks: boolean;
  allowHandles: boolean;
}
export const alwaysHeldKinds: readonly FindingKind[] = ['email', 'phone', 'address'];

const email = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

export function guardPupilText(text: string, _context: GuardContext): GuardFinding[] {
  return [...text.matchAll(email)].map((match) => ({ kind: 'email' as const, start: match.index, end: match.index + match[0].length }));
}
