/** Issue 11, privacy: erasing a pupil or a teacher, downloading one's own data, the marker of an erased person. */
import { formerEn } from './former.en.ts';

export const privacyEn = {
  ...formerEn,
  'action.erase-pupil': "erase a pupil's account and data",
  'privacy.erasePupil': "Erase this pupil's data",
  'privacy.eraseTeacher': "Erase this teacher's data",
  'privacy.eraseTitle': 'Erase {name}’s account and data',
  'privacy.eraseChoice': 'What becomes of what {name} wrote?',
  'privacy.modeDelete': 'Delete everything {name} wrote',
  'privacy.modeKeepPupil': 'Keep it, shown as written by “Former pupil”',
  'privacy.modeKeepTeacher': 'Keep it, shown as written by “Former teacher”',
  'privacy.eraseWarning':
    'This cannot be undone. {name}’s account, memberships and profile are deleted, {name} can no longer sign in, and nothing they wrote names them any more.',
  'privacy.confirmDelete': 'Erase {name} and delete what they wrote',
  'privacy.confirmKeepPupil': 'Erase {name}, keep their work as “Former pupil”',
  'privacy.confirmKeepTeacher': 'Erase {name}, keep their work as “Former teacher”',
  'privacy.cancel': 'Cancel',
  'privacy.erased': '{name} was erased.',
  'privacy.exportTitle': 'My data',
  'privacy.exportIntro': 'Download everything Twinspace keeps about you and everything you wrote, as one JSON file.',
  'privacy.exportButton': 'Download my data',
  'privacy.exportDone': 'Your data was downloaded.',
} as const;
