/**
 * The NSS teachers page's strings (rendered into data-strings by the page):
 * every dictionary entry its island (nss-teachers-island.tsx) reads.
 */
import type { MessageKey } from '../../i18n/index.ts';
import { decisionListStrings } from './nss-page.ts';

export const nssTeachersStrings = [
  ...decisionListStrings,
  'nssTeachers.title',
  'nssTeachers.none',
  'nssTeachers.more',
  'nssTeachers.school',
  'nssTeachers.email',
  'nssTeachers.registered',
  'nssTeachers.validate',
  'nssTeachers.reject',
  'nssTeachers.reason',
  'nssTeachers.confirmReject',
  'nssTeachers.confirmQuestion',
  'nssTeachers.cancel',
  'nssTeachers.reasonMissing',
  'nssTeachers.validated',
  'nssTeachers.rejected',
] as const satisfies readonly MessageKey[];
