/**
 * The Project Diary's rules (DOMAIN.md, "Project Diary"): who reads which
 * entries, who writes and who replies. Pure, no I/O.
 *
 * A reader of a project's diary sees it through one of three views:
 * - 'nss': an NSS officer of a partner country — every entry, hidden ones too;
 * - 'team': a teacher of the project (the types allowed 'diary-private') —
 *   private, restricted and public entries, and their own hidden ones;
 * - 'open': any other signed-in teacher — restricted and public entries.
 * Anyone else (pupils, guests, evaluators, the NSS of other countries) has
 * no view here: public entries reach them on the project's public page.
 */
import { may } from './policy.ts';
import type { AccountKind, TwinspaceType } from './twinspace-types.ts';

export const diaryKinds = ['activity', 'assessment', 'doubt'] as const;
export type DiaryKind = (typeof diaryKinds)[number];

export const diaryVisibilities = ['private', 'restricted', 'public', 'hidden'] as const;
export type DiaryVisibility = (typeof diaryVisibilities)[number];

export type DiaryView = 'nss' | 'team' | 'open';

/** Limits of the texts, in code points (after trimming). */
export const diaryLimits = { title: 200, body: 20_000, reply: 5_000 } as const;

/** Counted as a person counts characters: an emoji is one, not two UTF-16 units. */
export function codePointLength(text: string): number {
  return [...text].length;
}

export interface DiaryReader {
  /** The caller's type in the project, when a member. */
  memberType?: TwinspaceType;
  /** From the caller's profile in the table (never the token's groups). */
  kind?: AccountKind;
  country?: string;
  /** A self-registered teacher the NSS has not validated yet. */
  validated?: boolean;
}

/** The view a caller has of a project's diary, or undefined: no view at all. */
export function diaryViewOf(reader: DiaryReader, partnerCountries: readonly string[]): DiaryView | undefined {
  if (reader.memberType && may(reader.memberType, 'diary-private') !== 'deny') return 'team';
  if (reader.kind === 'nss' && reader.country !== undefined && partnerCountries.includes(reader.country)) return 'nss';
  if (reader.kind === 'teacher' && reader.validated !== false) return 'open';
  return undefined;
}

/** Which visibilities a view reads (hidden: for 'team' only the reader's own entries). */
export const visibilitiesOf: Readonly<Record<DiaryView, readonly DiaryVisibility[]>> = {
  nss: ['private', 'restricted', 'public', 'hidden'],
  team: ['private', 'restricted', 'public', 'hidden'],
  open: ['restricted', 'public'],
};

/** May this view read this entry? */
export function mayReadEntry(view: DiaryView, readerId: string, entry: { visibility: DiaryVisibility; authorId: string }): boolean {
  if (!visibilitiesOf[view].includes(entry.visibility)) return false;
  if (entry.visibility === 'hidden' && view === 'team') return entry.authorId === readerId;
  return true;
}

/** Restricted and public entries are listed for every signed-in teacher (the 'open' index). */
export function isOpenToEveryTeacher(visibility: DiaryVisibility): boolean {
  return visibility === 'restricted' || visibility === 'public';
}

/**
 * A doubt waits in the NSS's inbox until an NSS officer answers it. A hidden
 * doubt is a draft (or withdrawn): it waits in no inbox.
 */
export function waitsForAnswer(entry: { kind: DiaryKind; visibility: DiaryVisibility }): boolean {
  return entry.kind === 'doubt' && entry.visibility !== 'hidden';
}

/** Who may reply: the NSS of a partner country (an answer) and the project's teachers (a comment). */
export function mayReply(view: DiaryView): boolean {
  return view === 'nss' || view === 'team';
}

/** An NSS reply to a doubt answers it: the doubt leaves every inbox. */
export function answersTheDoubt(view: DiaryView, entry: { kind: DiaryKind }): boolean {
  return view === 'nss' && entry.kind === 'doubt';
}

/** The countries whose NSS follow the project: every partner's, once each, sorted. */
export function partnerCountriesOf(partners: readonly { country: string }[]): string[] {
  return [...new Set(partners.map((partner) => partner.country))].sort();
}
