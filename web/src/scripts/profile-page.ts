/**
 * My profile: the form is filled from GET /me and keeps the version it read;
 * saving sends that version (PUT /me/profile). A 409 means another tab or
 * device saved first: the page says so, keeps what was typed, and keeps the
 * old version, so nothing is overwritten until the person reloads.
 */
import type { ProfileResponse, ProfileUpdateBodyInput } from '../../../functions/http/desktop/schemas.ts';
import type { MeWithProjectsResponse } from '../../../functions/http/projects/schemas.ts';
import { ApiError, apiGet, apiPut } from './api.ts';
import { ageRangeValue, busy, element, fieldValue, flagField, focusFirstProblem, listValue, setField } from './desk.ts';
import { requireSession, showError, showStatus, t } from './page.ts';
import { clearFieldProblems, reportFailure, showFieldProblems } from './problems.ts';

const session = requireSession();
const form = element<HTMLFormElement>('profile-form');
const saveButton = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
const reloadButton = element<HTMLButtonElement>('profile-reload');
const openBox = element<HTMLInputElement>('profile-open');

let version = 0;
let isTeacher = false;

/** GET /me's profile, or what PUT /me/profile answers: both carry the fields the form edits and the version. */
function fillForm(profile: MeWithProjectsResponse['profile'] | ProfileResponse) {
  version = profile.version;
  setField(form, 'displayName', profile.displayName);
  if (!isTeacher) return;
  openBox.checked = profile.openToPartnership === true;
  setField(form, 'subjects', profile.subjects?.join(', '));
  setField(form, 'languages', profile.languages?.join(', '));
  setField(form, 'agesMin', profile.ages ? String(profile.ages.min) : '');
  setField(form, 'agesMax', profile.ages ? String(profile.ages.max) : '');
  setField(form, 'about', profile.about);
}

/** The changes to send, or undefined when a field needs attention first (flagged next to it). */
function changes(): ProfileUpdateBodyInput | undefined {
  const body: ProfileUpdateBodyInput = { version, displayName: fieldValue(form, 'displayName') };
  let fine = true;
  if (!body.displayName) {
    flagField(form, 'displayName', 'desk.required');
    fine = false;
  }
  if (isTeacher) {
    const ages = ageRangeValue(form, 'agesMin', 'agesMax');
    if (ages === null) {
      flagField(form, 'ages', 'desk.agesInvalid');
      fine = false;
    }
    Object.assign(body, {
      openToPartnership: openBox.checked,
      subjects: listValue(form, 'subjects'),
      languages: listValue(form, 'languages').map((code) => code.toLowerCase()),
      about: fieldValue(form, 'about'),
      ...(ages ? { ages } : {}),
    } satisfies Partial<ProfileUpdateBodyInput>);
  }
  return fine ? body : undefined;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFieldProblems(form);
  showStatus('');
  const body = changes();
  if (!body) {
    showError(t('desk.checkFields'));
    focusFirstProblem(form);
    return;
  }
  const done = busy(saveButton, 'desk.saving');
  try {
    const saved = await apiPut<ProfileResponse>('/me/profile', body);
    fillForm(saved);
    showStatus(t('profile.saved'));
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) {
      showError(t('profile.conflict'));
      reloadButton.hidden = false;
    } else if (showFieldProblems(form, error)) {
      showError(t('desk.checkFields'));
      focusFirstProblem(form);
    } else {
      reportFailure(error);
    }
  } finally {
    done();
  }
});

reloadButton.addEventListener('click', () => location.reload());

async function load() {
  const me = await apiGet<MeWithProjectsResponse>('/me');
  if (me.kind === 'pupil') {
    element('profile-pupil').hidden = false;
    return;
  }
  isTeacher = me.kind === 'teacher';
  element('partner-fields').hidden = !isTeacher;
  fillForm(me.profile);
  element('profile-section').hidden = false;
}

if (session) {
  load()
    .catch(reportFailure)
    .finally(() => (element('profile-loading').hidden = true));
}
