/**
 * Held texts' pure rules (issue 12): which surfaces hold a pupil's text, the statuses a held text goes through, what
 * a decision keeps for the project's record, who is held and who is warned, the guard's context from the project and
 * its members, and how a teacher's edit replaces a field of the pupil's request. No I/O: functions/data/moderation.ts
 * stores held texts, functions/http/guarded-write.ts runs the guard on a write.
 */
import type { FindingKind, GuardContext, GuardFinding } from './pupil-guard/index.ts';
import { plainToDoc } from './rich-text-core.ts';
import type { TwinspaceType } from './twinspace-types.ts';

/** Every place a pupil writes text (issue 12, point 1); the publisher registry has one publisher per surface. */
export const heldSurfaces = [
  'chat-message',
  'forum-thread',
  'forum-reply',
  'home-post',
  'home-comment',
  'page-create',
  'page-update',
  'mailbox-message',
  'material',
] as const;
export type HeldSurface = (typeof heldSurfaces)[number];

export const heldStatuses = ['held', 'released', 'edited', 'deleted'] as const;
export type HeldStatus = (typeof heldStatuses)[number];
/** What a teacher decided: released as written, released with their edit, or dropped. */
export type HeldOutcome = Exclude<HeldStatus, 'held'>;

/** One text field the guard read, with what it found: the queue shows and highlights these. */
export interface HeldField {
  field: string;
  text: string;
  findings: GuardFinding[];
}

/** The project's guard settings (teacher administrators; the project META's `pupilGuard`). Absent: both false. */
export interface PupilGuardSettings {
  allowAccountLinks: boolean;
  allowHandles: boolean;
}
export const defaultPupilGuard: PupilGuardSettings = { allowAccountLinks: false, allowHandles: false };

export const pupilGuardOf = (project: { pupilGuard?: Partial<PupilGuardSettings> }): PupilGuardSettings => ({
  allowAccountLinks: project.pupilGuard?.allowAccountLinks === true,
  allowHandles: project.pupilGuard?.allowHandles === true,
});

const pupilTypes: readonly TwinspaceType[] = ['pupil-admin', 'pupil-member'];
const teacherTypes: readonly TwinspaceType[] = ['teacher-admin', 'member-teacher'];

/** Pupils' texts are held; teachers' (and the NSS's, who are not members) never are (issue 12, point 2). */
export const isHeldWriter = (type: TwinspaceType): boolean => pupilTypes.includes(type);

/**
 * A teacher is warned before putting personal data where pupils read it (issue 12, point 2), and not elsewhere
 * (the teachers' area, a mail to another teacher): there the text is theirs to write.
 */
export const isWarnedWriter = (type: TwinspaceType, pupilsRead: boolean): boolean => teacherTypes.includes(type) && pupilsRead;

/** Whether this write must read the guard's context (and so the project's members) at all. */
export const isGuardedWrite = (type: TwinspaceType, pupilsRead: boolean): boolean => isHeldWriter(type) || isWarnedWriter(type, pupilsRead);

/** The kinds found, once each, in the order first found: what the audit keeps and the pupil is told. */
export function kindsOf(fields: readonly HeldField[]): FindingKind[] {
  return [...new Set(fields.flatMap((field) => field.findings.map((finding) => finding.kind)))];
}

/** A decision applies only to a text still waiting: two teachers at once, the second finds it decided. */
export const isDecidable = (status: HeldStatus): boolean => status === 'held';

/** The outcome of a release: with the teacher's texts it is an edit. */
export const releaseOutcome = (edits: readonly { field: string }[] | undefined): 'released' | 'edited' =>
  edits && edits.length > 0 ? 'edited' : 'released';

/**
 * What a decision drops (issue 12, "every decision is kept with the project: who decided, when, and what"): the
 * pupil's words. The record keeps surface, kinds, author, decider, time and outcome — what kind of thing was held,
 * not the personal data itself.
 */
export const droppedAfterDecision = ['draft', 'fields'] as const;

/** The surname of a member as the table knows it: the display name minus its first word ("Marta García López" → "García López"). */
export function surnameOf(displayName: string): string {
  return displayName.trim().split(/\s+/).slice(1).join(' ');
}

/**
 * The guard's context for a writer (GuardContext): the project's countries (founders' and partners') and the
 * surnames of the project's pupils other than the writer, each word of a compound surname on its own so "López"
 * is found as well as "García López".
 */
export function guardContextFrom(
  project: { partners?: readonly { country: string }[]; pupilGuard?: Partial<PupilGuardSettings> },
  members: readonly { userId: string; type: TwinspaceType; displayName: string; country?: string }[],
  writerId: string,
): GuardContext {
  const countries = new Set<string>();
  for (const partner of project.partners ?? []) if (partner.country) countries.add(partner.country.toUpperCase());
  const surnames = new Set<string>();
  for (const member of members) {
    if (member.userId === writerId || !pupilTypes.includes(member.type)) continue;
    const surname = surnameOf(member.displayName);
    if (!surname) continue;
    surnames.add(surname);
    for (const word of surname.split(/\s+/)) if (word.length > 1) surnames.add(word);
  }
  return { countries: [...countries], otherPupilSurnames: [...surnames], ...pupilGuardOf(project) };
}

/**
 * The pupil's request with a teacher's texts in place of its fields: a text field takes the text, a rich document
 * becomes paragraphs of it (a teacher edits the words, not the formatting). Fields the request does not have are
 * refused by the caller (`unknownEditFields`).
 */
export function editedDraft(draft: Record<string, unknown>, edits: readonly { field: string; text: string }[]): Record<string, unknown> {
  const edited = { ...draft };
  for (const { field, text } of edits) edited[field] = typeof draft[field] === 'string' ? text : plainToDoc(text);
  return edited;
}

/** The edited fields that are not among the texts the guard read (a teacher edits what was held, nothing else). */
export function unknownEditFields(fields: readonly { field: string }[], edits: readonly { field: string }[]): string[] {
  const known = new Set(fields.map((field) => field.field));
  return edits.map((edit) => edit.field).filter((field) => !known.has(field));
}

/** Every text the surface gave, with what the guard found in it (an empty list: nothing). Empty texts are skipped. */
export function heldFieldsOf(texts: Readonly<Record<string, string>>, guard: (text: string) => GuardFinding[]): HeldField[] {
  return Object.entries(texts)
    .filter(([, text]) => text.trim() !== '')
    .map(([field, text]) => ({ field, text, findings: guard(text) }));
}

/** Whether anything was found in any field. */
export const hasFindings = (fields: readonly HeldField[]): boolean => fields.some((field) => field.findings.length > 0);

/** The 409 PERSONAL_DATA_WARNING's details: one per field and kind found, the kind as the message (the site words it). */
export function guardWarningDetails(fields: readonly HeldField[]): { field: string; message: FindingKind }[] {
  return fields.flatMap((field) => [...new Set(field.findings.map((finding) => finding.kind))].map((kind) => ({ field: field.field, message: kind })));
}
