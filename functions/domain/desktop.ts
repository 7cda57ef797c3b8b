/**
 * The teacher's desktop (DOMAIN.md, "Desktop"): who edits which profile
 * field, who reads and edits a school, who searches for partners and who
 * uses desktop mail, and the partner filter. Pure rules, no I/O; the written
 * rules are in ./README.md.
 */
import type { NotificationMail } from './notifications.ts';
import type { AccountKind } from './twinspace-types.ts';

/** Profile fields only a teacher has: their partner profile (what partner search shows) and the about text. */
export const teacherOnlyProfileFields = ['openToPartnership', 'subjects', 'languages', 'ages', 'about'] as const;
export type TeacherOnlyProfileField = (typeof teacherOnlyProfileFields)[number];

export interface AgeRange {
  min: number;
  max: number;
}

/** What a PUT /me/profile may change (each optional; `version` is the one it read). */
export interface ProfileChanges {
  displayName?: string;
  openToPartnership?: boolean;
  subjects?: string[];
  languages?: string[];
  ages?: AgeRange;
  about?: string;
  /** E-mail of notifications; pupils have none (domain/notifications.ts). */
  notificationMail?: NotificationMail;
}

export type ProfileEditDecision =
  | { outcome: 'allowed' }
  | { outcome: 'forbidden'; reason: string }
  | { outcome: 'invalid'; problems: { field: string; message: string }[] };

/**
 * Pupils are children whose accounts their teachers manage: they change
 * nothing on their profile (not even their display name), and sending an
 * e-mail preference is a 400 (they never get e-mail). Guests, NSS officers
 * and evaluators change their display name and their e-mail preference.
 * Teachers change everything here.
 */
export function decideProfileEdit(kind: AccountKind, changes: ProfileChanges): ProfileEditDecision {
  if (kind === 'pupil') {
    // Pupils never get e-mail: a preference for it is a mistake in the request, said on its field.
    if (changes.notificationMail !== undefined) {
      return { outcome: 'invalid', problems: [{ field: 'body.notificationMail', message: 'Pupils never get e-mail, so they have no e-mail preference.' }] };
    }
    return { outcome: 'forbidden', reason: "A pupil's profile is managed by their teachers." };
  }
  if (kind === 'teacher') return { outcome: 'allowed' };
  const problems = teacherOnlyProfileFields
    .filter((field) => changes[field] !== undefined)
    .map((field) => ({ field: `body.${field}`, message: 'Only teachers have a partner profile.' }));
  return problems.length ? { outcome: 'invalid', problems } : { outcome: 'allowed' };
}

/** Partner search and desktop mail are for teachers only (NSS, evaluators, pupils and guests have no desktop). */
export function usesDesktop(kind: AccountKind | undefined): boolean {
  return kind === 'teacher';
}

/** Schools are read by teachers, and by the NSS and evaluators who follow teachers' work; never by pupils or guests. */
export function mayReadSchool(kind: AccountKind | undefined): boolean {
  return kind === 'teacher' || kind === 'nss' || kind === 'evaluator';
}

/** Only a teacher of the school edits it. */
export function mayEditSchool(editor: { kind: AccountKind; schoolId?: string } | undefined, schoolId: string): boolean {
  return editor?.kind === 'teacher' && editor.schoolId === schoolId;
}

/**
 * Is this profile listed in partner search: a teacher who said they are open
 * to partnership. Pupils and guests can never be listed, whatever they store.
 */
export function isListedPartner(profile: { kind: AccountKind; openToPartnership?: boolean }): boolean {
  return profile.kind === 'teacher' && profile.openToPartnership === true;
}

export interface PartnerFilter {
  country?: string;
  subject?: string;
  language?: string;
  age?: number;
}

/** Subjects compare case-insensitively and without surrounding spaces ("Science " = "science"). */
export const normaliseSubject = (subject: string) => subject.trim().toLowerCase().replace(/\s+/g, ' ');
/** Languages are ISO 639-1 codes, lower case ("EN" = "en"). */
export const normaliseLanguage = (language: string) => language.trim().toLowerCase();
/** Countries are ISO 3166-1 alpha-2 codes, upper case ("fr" = "FR"). */
export const normaliseCountry = (country: string) => country.trim().toUpperCase();

/** A list without repeats, in the order first given. */
export function distinct(values: string[]): string[] {
  return [...new Set(values)];
}

/**
 * The partner search's FilterExpression (the country is the key condition,
 * see keys.ts): the subject and language are elements of the profile's
 * lists, the age lies within its pupils' age range; the caller never finds
 * themselves.
 */
export function partnerFilterExpression(
  filter: PartnerFilter,
  callerId: string,
): { expression: string; names: Record<string, string>; values: Record<string, unknown> } {
  const clauses = ['#userId <> :caller', '#open = :open'];
  const names: Record<string, string> = { '#userId': 'userId', '#open': 'openToPartnership' };
  const values: Record<string, unknown> = { ':caller': callerId, ':open': true };
  if (filter.subject !== undefined) {
    clauses.push('contains(#subjects, :subject)');
    names['#subjects'] = 'subjects';
    values[':subject'] = filter.subject;
  }
  if (filter.language !== undefined) {
    clauses.push('contains(#languages, :language)');
    names['#languages'] = 'languages';
    values[':language'] = filter.language;
  }
  if (filter.age !== undefined) {
    clauses.push('#ages.#min <= :age AND #ages.#max >= :age');
    Object.assign(names, { '#ages': 'ages', '#min': 'min', '#max': 'max' });
    values[':age'] = filter.age;
  }
  return { expression: clauses.join(' AND '), names, values };
}
