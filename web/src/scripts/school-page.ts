/**
 * My school: with no school yet, POST /schools (the creator joins it); with
 * one, GET /schools/{id} fills the form and PUT sends the version it read.
 * A 409 keeps what was typed and overwrites nothing.
 */
import type { SchoolCreateBodyInput, SchoolResponse, SchoolUpdateBodyInput } from '../../../functions/http/desktop/schemas.ts';
import type { MeWithProjectsResponse } from '../../../functions/http/projects/schemas.ts';
import { ApiError, apiGet, apiPost, apiPut } from './api.ts';
import { busy, element, fieldValue, flagField, focusFirstProblem, setField } from './desk.ts';
import { fill, requireSession, showError, showStatus, t } from './page.ts';
import { clearFieldProblems, reportFailure, showFieldProblems } from './problems.ts';

const session = requireSession();
const createForm = element<HTMLFormElement>('create-form');
const editForm = element<HTMLFormElement>('edit-form');
const reloadButton = element<HTMLButtonElement>('school-reload');

let school: SchoolResponse | undefined;

function showSchool(shown: SchoolResponse) {
  school = shown;
  element('school-country').textContent = shown.country;
  setField(editForm, 'name', shown.name);
  setField(editForm, 'city', shown.city);
  setField(editForm, 'about', shown.about);
  element('create-section').hidden = true;
  element('edit-section').hidden = false;
}

/** Flags empty required fields; true when all are filled. */
function requireFields(form: HTMLFormElement, names: string[]): boolean {
  const empty = names.filter((name) => !fieldValue(form, name));
  empty.forEach((name) => flagField(form, name, 'desk.required'));
  return empty.length === 0;
}

function refuseLocally(form: HTMLFormElement) {
  showError(t('desk.checkFields'));
  focusFirstProblem(form);
}

function failed(form: HTMLFormElement, error: unknown) {
  if (error instanceof ApiError && error.status === 409 && form === editForm) {
    showError(t('school.conflict'));
    reloadButton.hidden = false;
  } else if (showFieldProblems(form, error)) {
    refuseLocally(form);
  } else {
    reportFailure(error);
  }
}

createForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFieldProblems(createForm);
  let fine = requireFields(createForm, ['name', 'city']);
  const country = fieldValue(createForm, 'country').toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) {
    flagField(createForm, 'country', 'desk.countryInvalid');
    fine = false;
  }
  if (!fine) return refuseLocally(createForm);
  const done = busy(createForm.querySelector('button')!, 'desk.saving');
  try {
    const about = fieldValue(createForm, 'about');
    const created = await apiPost<SchoolResponse>('/schools', {
      name: fieldValue(createForm, 'name'),
      city: fieldValue(createForm, 'city'),
      country,
      ...(about ? { about } : {}),
    } satisfies SchoolCreateBodyInput);
    showSchool(created);
    showStatus(fill('school.created', { name: created.name }));
    element('edit-heading').focus();
  } catch (error) {
    failed(createForm, error);
  } finally {
    done();
  }
});

editForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFieldProblems(editForm);
  showStatus('');
  if (!school) return;
  if (!requireFields(editForm, ['name', 'city'])) return refuseLocally(editForm);
  const done = busy(editForm.querySelector<HTMLButtonElement>('button[type="submit"]')!, 'desk.saving');
  try {
    const saved = await apiPut<SchoolResponse>(`/schools/${encodeURIComponent(school.schoolId)}`, {
      version: school.version,
      name: fieldValue(editForm, 'name'),
      city: fieldValue(editForm, 'city'),
      about: fieldValue(editForm, 'about'),
    } satisfies SchoolUpdateBodyInput);
    showSchool(saved);
    showStatus(t('school.saved'));
  } catch (error) {
    failed(editForm, error);
  } finally {
    done();
  }
});

reloadButton.addEventListener('click', () => location.reload());

async function load() {
  const me = await apiGet<MeWithProjectsResponse>('/me');
  if (me.kind !== 'teacher') {
    const refused = element('school-refused');
    refused.textContent = t('school.teachersOnly');
    refused.hidden = false;
    return;
  }
  if (me.profile.schoolId) {
    showSchool(await apiGet<SchoolResponse>(`/schools/${encodeURIComponent(me.profile.schoolId)}`));
  } else {
    setField(createForm, 'country', me.country);
    element('create-section').hidden = false;
  }
}

if (session) {
  load()
    .catch(reportFailure)
    .finally(() => (element('school-loading').hidden = true));
}
