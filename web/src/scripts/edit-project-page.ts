/**
 * The "edit the project" page (founders, while proposed or rejected):
 * PUT /projects/{id} with the version it read, and for a rejected project
 * optionally POST .../resubmission, then back to the project's page.
 */
import { ApiError, apiGet, apiPost, apiPut, type Project } from './api.ts';
import { pageUrl, requireSession, showError, showStatus, t } from './page.ts';
import { clearFieldProblems, reportFailure, showFieldProblems } from './problems.ts';

const session = requireSession();
const projectId = new URLSearchParams(location.search).get('id') ?? '';
const form = document.getElementById('edit-project-form') as HTMLFormElement;
const resubmitButton = document.getElementById('resubmit-button') as HTMLButtonElement;
const byId = (id: string) => document.getElementById(id) as HTMLElement;
let version = 0;

const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
const value = (name: string) => field(name).value.trim();
const list = (name: string) =>
  value(name)
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);

function flag(name: string, message: string) {
  const slot = form.querySelector<HTMLElement>(`[data-field-error="${name}"]`);
  if (slot) {
    slot.textContent = message;
    slot.hidden = false;
  }
  form.querySelectorAll(`[data-field="${name}"]`).forEach((input) => input.setAttribute('aria-invalid', 'true'));
}

function checkLocally(): boolean {
  let fine = true;
  for (const name of ['title', 'description', 'subjects', 'languages']) {
    if (!value(name)) {
      flag(name, t('newProject.required'));
      fine = false;
    }
  }
  const min = Number(value('agesMin'));
  const max = Number(value('agesMax'));
  if (!Number.isInteger(min) || !Number.isInteger(max) || !value('agesMin') || !value('agesMax') || min > max) {
    flag('ages', t('newProject.agesInvalid'));
    fine = false;
  }
  return fine;
}

function showProject(project: Project) {
  version = project.version ?? 0;
  field('title').value = project.title;
  field('description').value = project.description ?? '';
  field('subjects').value = (project.subjects ?? []).join(', ');
  field('agesMin').value = String(project.ages?.min ?? '');
  field('agesMax').value = String(project.ages?.max ?? '');
  field('languages').value = (project.languages ?? []).join(', ');
  if (project.state === 'rejected' && project.rejectionReason) {
    byId('edit-rejection').textContent = `${t('editProject.rejectedBecause')} ${project.rejectionReason}`;
    byId('edit-rejection').hidden = false;
  }
  const actions = project.myActions ?? [];
  resubmitButton.hidden = !actions.includes('resubmit');
  form.hidden = !actions.includes('edit');
  byId('edit-not-editable').hidden = actions.includes('edit');
}

async function save(resubmit: boolean) {
  const path = `/projects/${encodeURIComponent(projectId)}`;
  const saved = await apiPut<Project>(path, {
    title: value('title'),
    description: value('description'),
    subjects: list('subjects'),
    ages: { min: Number(value('agesMin')), max: Number(value('agesMax')) },
    languages: list('languages').map((language) => language.toLowerCase()),
    version,
  });
  version = saved.version ?? version;
  if (resubmit) await apiPost(`${path}/resubmission`);
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFieldProblems(form);
  const resubmit = (event.submitter as HTMLButtonElement | null)?.value === 'resubmit';
  if (!checkLocally()) {
    showError(t('newProject.checkFields'));
    form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    return;
  }
  const buttons = [...form.querySelectorAll<HTMLButtonElement>('button[type="submit"]')];
  buttons.forEach((button) => (button.disabled = true));
  try {
    await save(resubmit);
    if (resubmit) location.assign(pageUrl('twinspace', { id: projectId }));
    else showStatus(t('editProject.saved'));
  } catch (error) {
    if (error instanceof ApiError && error.status === 409 && error.code === 'CONFLICT' && /version/i.test(error.message)) showError(t('editProject.stale'));
    else if (showFieldProblems(form, error)) showError(t('newProject.checkFields'));
    else reportFailure(error);
  } finally {
    buttons.forEach((button) => (button.disabled = false));
  }
});

if (session) {
  apiGet<Project>(`/projects/${encodeURIComponent(projectId)}`)
    .then(showProject, reportFailure)
    .finally(() => (byId('edit-loading').hidden = true));
}
