import { findAbuse } from './abuse.ts';
import { findAccounts } from './accounts.ts';
import { findAddresses } from './addresses.ts';
import { findEmails } from './emails.ts';
import { normalise, type NormalisedText } from './normalise.ts';
import { findPhones, findSpelledPhones } from './phones.ts';
import { findSurnames } from './surnames.ts';
import type { FindingKind, GuardContext, GuardFinding, Span } from './types.ts';

export { findingKinds } from './types.ts';
export type { FindingKind, GuardContext, GuardFinding } from './types.ts';

/** Kinds that are held whatever the settings say: e-mail, phone, address (the issue, point 3). */
export const alwaysHeldKinds: readonly FindingKind[] = ['email', 'phone', 'address'];

/** When two findings overlap, the one that says more about the danger wins the characters. */
const precedence: Record<FindingKind, number> = { email: 0, phone: 1, address: 2, account: 3, surname: 4, abuse: 5 };

function toOriginal(span: Span, source: 'lower' | 'folded', n: NormalisedText): GuardFinding {
  const starts = source === 'lower' ? n.lowerStart : n.foldedStart;
  const ends = source === 'lower' ? n.lowerEnd : n.foldedEnd;
  return { kind: span.kind, start: starts[span.start], end: ends[span.end - 1] };
}

/** Merges overlapping findings into non-overlapping ones, sorted by start. */
function withoutOverlaps(findings: GuardFinding[]): GuardFinding[] {
  const ordered = [...findings].sort((a, b) => precedence[a.kind] - precedence[b.kind] || a.start - b.start);
  const kept: GuardFinding[] = [];
  for (const f of ordered) {
    if (f.end <= f.start) continue;
    if (kept.some((k) => f.start < k.end && k.start < f.end)) continue;
    kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * The one guard on what pupils write (issue 12): every finding of personal data or abuse in `text`, with its kind and
 * where it is, sorted by start and never overlapping. Pure: no I/O, no clock; everything it matches with is built
 * once when the module loads.
 */
export function guardPupilText(text: string, context: GuardContext): GuardFinding[] {
  if (!text) return [];
  const n = normalise(text);
  const found: GuardFinding[] = [];
  for (const span of findEmails(n.folded)) found.push(toOriginal(span, 'folded', n));
  for (const span of findPhones(n.lower, context.countries)) found.push(toOriginal(span, 'lower', n));
  for (const span of findSpelledPhones(n.folded, context.countries)) found.push(toOriginal(span, 'folded', n));
  for (const span of findAddresses(n, text)) found.push(toOriginal(span, 'folded', n));
  const accounts = findAccounts(n.folded);
  // The project's settings let links or @handles through for older pupils; never e-mails, phones or addresses.
  if (!context.allowAccountLinks) {
    const links = accounts.links.map((span) => toOriginal(span, 'folded', n));
    // A held link names its own reason: "wa.me/34612345678" is a WhatsApp account, the number inside is part of it.
    // When links are allowed, that number is still found, and held, as a phone number.
    for (let i = found.length - 1; i >= 0; i--) {
      if (links.some((l) => l.start <= found[i].start && found[i].end <= l.end)) found.splice(i, 1);
    }
    found.push(...links);
  }
  if (!context.allowHandles) for (const span of accounts.handles) found.push(toOriginal(span, 'folded', n));
  for (const span of findSurnames(n.folded, context.otherPupilSurnames)) found.push(toOriginal(span, 'folded', n));
  const abuse = findAbuse(n, text);
  for (const span of abuse.spans) found.push(toOriginal(span, 'lower', n));
  found.push(...abuse.originalSpans);
  return withoutOverlaps(found);
}
