/** The "create a project" page: checks what it can, POST /projects, then back to the desktop. */
import type { CreateProjectBodyInput, ProjectDetailResponse } from '../../../functions/http/projects/schemas.ts';
import { apiPost } from './api.ts';
import { pageUrl, requireSession, showError, t } from './page.ts';
import { clearFieldProblems, reportFailure, showFieldProblems } from './problems.ts';
import { projectForm } from './project-form.ts';
import { whenKindAllows } from './kind-gate.ts';

const session = requireSession();
const form = document.getElementById('new-project-form') as HTMLFormElement;
const button = form.querySelector('button[type="submit"]') as HTMLButtonElement;

const fields = projectForm(form);
// Only teachers create projects: anyone else is told so before the form (KindOnly).
if (session) void whenKindAllows('new-project');

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFieldProblems(form);
  if (!session) return;
  if (!fields.check(['title', 'description', 'subjects', 'languages', 'partnerUsername'])) {
    showError(t('newProject.checkFields'));
    form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    return;
  }
  button.disabled = true;
  button.textContent = t('newProject.busy');
  try {
    const project = await apiPost<ProjectDetailResponse>('/projects', {
      ...fields.details(),
      partnerUsername: fields.value('partnerUsername'),
    } satisfies CreateProjectBodyInput);
    location.assign(pageUrl('desktop', { created: project.title }));
  } catch (error) {
    if (showFieldProblems(form, error)) {
      showError(t('newProject.checkFields'));
      form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    } else {
      reportFailure(error);
    }
  } finally {
    button.disabled = false;
    button.textContent = t('newProject.submit');
  }
});
