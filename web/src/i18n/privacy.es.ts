import type { privacyEn } from './privacy.en.ts';

export const privacyEs: Record<keyof typeof privacyEn, string> = {
  'action.erase-pupil': 'borrar la cuenta y los datos de un alumno',
  'privacy.formerPupil': 'Antiguo alumno',
  'privacy.formerTeacher': 'Antiguo docente',
};
