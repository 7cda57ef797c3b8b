/** Issue 11, privacy: erasing a pupil or a teacher, downloading one's own data, the marker of an erased person. */
export const privacyEn = {
  'action.erase-pupil': "erase a pupil's account and data",
  'privacy.formerPupil': 'Former pupil',
  'privacy.formerTeacher': 'Former teacher',
} as const;
