import type { formerEn } from './former.en.ts';

export const formerEs: Record<keyof typeof formerEn, string> = {
  'privacy.formerPupil': 'Antiguo alumno',
  'privacy.formerTeacher': 'Antiguo docente',
};
