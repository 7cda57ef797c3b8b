export const findingKinds = ['email', 'phone', 'account', 'address', 'surname', 'abuse'] as const;
export type FindingKind = (typeof findingKinds)[number];

export interface GuardFinding {
  kind: FindingKind;
  /** UTF-16 offsets into the text as given: text.slice(start, end) is what was found (the site highlights it). */
  start: number;
  end: number;
}

export interface GuardContext {
  /** ISO 3166-1 alpha-2 of the project's countries (founders + partners): phone numbers without a prefix are read as theirs. */
  countries: readonly string[];
  /** Surnames of the project's pupils other than the writer (from memberships' displayName minus the first word). */
  otherPupilSurnames: readonly string[];
  /** The project's settings (teacher admin): links / @handles of social accounts allowed for older pupils. */
  allowAccountLinks: boolean;
  allowHandles: boolean;
}

/** A finding in the normalised text's offsets, before it is mapped back to the text as given. */
export interface Span {
  kind: FindingKind;
  start: number;
  end: number;
}
