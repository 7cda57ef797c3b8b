/** Founders edit a proposed or rejected project, and resubmit a rejected one. */
export const editProjectEn = {
  'editProject.link': 'Edit the project',
  'editProject.rejectedBecause': 'Not approved. The reason given:',
  'editProject.title': 'Edit the project',
  'editProject.intro': 'Change what the National Support Service asked about. A rejected project goes back to every NSS for approval when you resubmit it.',
  'editProject.save': 'Save changes',
  'editProject.saveAndResubmit': 'Save and resubmit for approval',
  'editProject.busy': 'Saving…',
  'editProject.saved': 'Changes saved.',
  'editProject.notEditable': 'This project can no longer be edited: only its founders edit it, while it is proposed or rejected.',
  'editProject.stale': 'This project was changed elsewhere (in another tab?). Reload to see the latest; your changes were not saved.',
} as const;
