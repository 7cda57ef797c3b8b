/** Issue 11: the NSS finds a pupil or teacher of their country by username and erases them (pages/[lang]/nss/people.astro). */
export const nssPeopleEn = {
  'nssPeople.link': 'Erase a person’s data',
  'nssPeople.title': 'Erase a person’s data',
  'nssPeople.intro':
    'Find a pupil or a teacher of your country by their username, check who it is, then erase their account and data. A pupil’s teacher administrator can also do this from the project’s Members tab.',
  'nssPeople.username': 'Username',
  'nssPeople.usernameHint': 'A pupil’s username looks like pupil.marta0427; a teacher’s is their e-mail address.',
  'nssPeople.find': 'Find',
  'nssPeople.usernameMissing': 'Write the username of the person to erase.',
  'nssPeople.notFound': 'No account of your country has this username.',
  'nssPeople.found': 'Who it is',
  'nssPeople.name': 'Name',
  'nssPeople.kind': 'Account',
  'nssPeople.country': 'Country',
  'nssPeople.notErasable': 'Only pupils and teachers are erased here.',
} as const;
