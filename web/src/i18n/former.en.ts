/** The marker of an erased person (issue 11), apart so every page's name rendering (scripts/common/person.ts) carries only these. */
export const formerEn = {
  'privacy.formerPupil': 'Former pupil',
  'privacy.formerTeacher': 'Former teacher',
} as const;
