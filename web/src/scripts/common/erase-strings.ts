/** The strings of the erasure dialog (erase-person.tsx), in a module without DOM so pure page modules can list them. */
import type { MessageKey } from '../../i18n/index.ts';

/** Every string the dialog reads: a page that shows it picks these into its data-strings. */
export const erasureStrings = [
  'privacy.erasePupil',
  'privacy.eraseTeacher',
  'privacy.eraseTitle',
  'privacy.eraseChoice',
  'privacy.modeDelete',
  'privacy.modeKeepPupil',
  'privacy.modeKeepTeacher',
  'privacy.eraseWarning',
  'privacy.confirmDelete',
  'privacy.confirmKeepPupil',
  'privacy.confirmKeepTeacher',
  'privacy.cancel',
  'privacy.erased',
  'common.busy',
] as const satisfies readonly MessageKey[];
