/**
 * The "edit the project" page (founders, while proposed or rejected):
 * PUT /projects/{id} with the version it read, and for a rejected project
 * optionally POST .../resubmission, then back to the project's page.
 */
import type { EditProjectBodyInput, ProjectDetailResponse } from '../../../functions/http/projects/schemas.ts';
import { ApiError, apiGet, apiPost, apiPut } from './api.ts';
import { pageUrl, requireSession, showError, showStatus, t } from './page.ts';
import { clearFieldProblems, reportFailure, showFieldProblems } from './problems.ts';
import { projectForm } from './project-form.ts';

const session = requireSession();
const projectId = new URLSearchParams(location.search).get('id') ?? '';
const form = document.getElementById('edit-project-form') as HTMLFormElement;
const resubmitButton = document.getElementById('resubmit-button') as HTMLButtonElement;
const byId = (id: string) => document.getElementById(id) as HTMLElement;
let version = 0;

const fields = projectForm(form);

function showProject(project: ProjectDetailResponse) {
  version = project.version;
  fields.fill(project);
  if (project.state === 'rejected' && project.rejectionReason) {
    byId('edit-rejection').textContent = `${t('editProject.rejectedBecause')} ${project.rejectionReason}`;
    byId('edit-rejection').hidden = false;
  }
  const actions = project.myActions;
  resubmitButton.hidden = !actions.includes('resubmit');
  form.hidden = !actions.includes('edit');
  byId('edit-not-editable').hidden = actions.includes('edit');
}

async function save(resubmit: boolean) {
  const path = `/projects/${encodeURIComponent(projectId)}`;
  const saved = await apiPut<ProjectDetailResponse>(path, { ...fields.details(), version } satisfies EditProjectBodyInput);
  version = saved.version;
  if (resubmit) await apiPost(`${path}/resubmission`);
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFieldProblems(form);
  const resubmit = (event.submitter as HTMLButtonElement | null)?.value === 'resubmit';
  if (!fields.check(['title', 'description', 'subjects', 'languages'])) {
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
  apiGet<ProjectDetailResponse>(`/projects/${encodeURIComponent(projectId)}`)
    .then(showProject, reportFailure)
    .finally(() => (byId('edit-loading').hidden = true));
}
