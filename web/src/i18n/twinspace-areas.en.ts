/** The TwinSpace's areas, linked from the project's TwinSpace page. */
export const twinspaceAreasEn = {
  'areas.heading': 'In this TwinSpace',
  'areas.pages': 'Pages',
  'areas.forum': 'Forum',
  'areas.agenda': 'Agenda',
  'areas.mailbox': 'Mailbox',
  'areas.diary': 'Project Diary',
  'areas.labels': 'Quality Labels',
  'areas.public': 'Public page of the project',
} as const;
