/**
 * The shape of the pupil-message corpus (issue 12, point 4). Written by hand as
 * pupils aged 9–15 write in a TwinSpace, independently of the guard: its kinds
 * are the words, not imported from the guard, so the corpus cannot be
 * bent to what the guard happens to find.
 */
export type ExpectedKind = 'email' | 'phone' | 'account' | 'address' | 'surname' | 'abuse';
export const expectedKinds: readonly ExpectedKind[] = ['email', 'phone', 'account', 'address', 'surname', 'abuse'];

export type CorpusLanguage = 'en' | 'es' | 'fr' | 'it' | 'de';

/** The guard context a file assumes: the project the pupils write in (same fields as the guard's GuardContext). */
export interface CorpusContext {
  /** ISO 3166-1 alpha-2: the project's countries (founder first). */
  countries: readonly string[];
  /** Surnames of the project's other pupils, as the table knows them. */
  otherPupilSurnames: readonly string[];
  allowAccountLinks: boolean;
  allowHandles: boolean;
}

export interface CorpusMessage {
  text: string;
  /** What the guard must find: [] for harmless school talk. */
  kinds: readonly ExpectedKind[];
}

export interface CorpusFile {
  language: CorpusLanguage;
  /** Who writes, in a sentence: the setting the messages come from. */
  setting: string;
  context: CorpusContext;
  messages: readonly CorpusMessage[];
}
