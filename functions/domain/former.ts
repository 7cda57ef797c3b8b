/**
 * The fixed marker an erased person's items carry instead of their name (issue 11; domain/erasure.ts), in its own
 * module so the site reads it without the erasure rules: the site shows it translated (web/src/scripts/common/person.ts).
 */
export type ErasedKind = 'pupil' | 'teacher';

export const formerName: Readonly<Record<ErasedKind, string>> = { pupil: 'Former pupil', teacher: 'Former teacher' };
export const formerId: Readonly<Record<ErasedKind, string>> = { pupil: 'former-pupil', teacher: 'former-teacher' };

/** Which marker a shown name is, if it is one. */
export const formerKindOf = (name: unknown): ErasedKind | undefined =>
  name === formerName.pupil ? 'pupil' : name === formerName.teacher ? 'teacher' : undefined;
