/**
 * Issue 12, a guard on what pupils share: the reason a pupil's text waits for a teacher (one sentence per kind of
 * finding, in words for a 9-year-old), its outcome, the teacher's warning before putting personal data where pupils
 * read, and the Moderation tab (the teachers' queue, the decisions, the settings, the pupils' "Waiting for a teacher").
 */
export const moderationEn = {
  'held.reason.email': 'E-mail addresses stay private.',
  'held.reason.phone': 'Phone numbers stay private.',
  'held.reason.account': 'Accounts and links to apps and social media stay private.',
  'held.reason.address': 'Home addresses stay private.',
  'held.reason.surname': "Other pupils' surnames stay private.",
  'held.reason.abuse': 'Some words hurt others, so we do not use them here.',
  'held.waiting': 'A teacher will look at your message.',
  'held.badge': 'Waiting for a teacher',
  'held.outcome.released': 'A teacher looked at your message and shared it.',
  'held.outcome.edited': 'A teacher changed your message a little and shared it.',
  'held.outcome.deleted': 'A teacher looked at your message and decided not to share it.',

  'held.warning.title': 'Pupils will read this',
  'held.warning.intro': 'What you wrote seems to hold:',
  'held.warning.kind.email': 'an e-mail address',
  'held.warning.kind.phone': 'a phone number',
  'held.warning.kind.account': 'a social media account or link',
  'held.warning.kind.address': 'a street address',
  'held.warning.kind.surname': "a pupil's surname (pupils only ever see first names)",
  'held.warning.kind.abuse': 'words that may hurt',
  'held.warning.question': 'Do you want to publish it anyway?',
  'held.warning.confirm': 'Publish anyway',
  'held.warning.cancel': 'Go back and change it',
};
