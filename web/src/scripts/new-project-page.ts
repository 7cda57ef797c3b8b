/** The "create a project" page: checks what it can, POST /projects, then back to the desktop. */
import { apiPost, type Project } from './api.ts';
import { pageUrl, requireSession, showError, t } from './page.ts';
import { clearFieldProblems, reportFailure, showFieldProblems } from './problems.ts';

const session = requireSession();
const form = document.getElementById('new-project-form') as HTMLFormElement;
const button = form.querySelector('button[type="submit"]') as HTMLButtonElement;

const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
const list = (name: string) =>
  value(name)
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);

/** Marks one field as needing attention, with a translated message next to it. */
function flag(field: string, message: string) {
  const slot = form.querySelector<HTMLElement>(`[data-field-error="${field}"]`);
  if (slot) {
    slot.textContent = message;
    slot.hidden = false;
  }
  form.querySelectorAll(`[data-field="${field}"]`).forEach((input) => input.setAttribute('aria-invalid', 'true'));
}

function checkLocally(): boolean {
  let fine = true;
  for (const field of ['title', 'description', 'subjects', 'languages', 'partnerUsername']) {
    if (!value(field)) {
      flag(field, t('newProject.required'));
      fine = false;
    }
  }
  const min = Number(value('agesMin'));
  const max = Number(value('agesMax'));
  if (!value('agesMin') || !value('agesMax') || !Number.isInteger(min) || !Number.isInteger(max) || min > max) {
    flag('ages', t('newProject.agesInvalid'));
    fine = false;
  }
  return fine;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFieldProblems(form);
  if (!session) return;
  if (!checkLocally()) {
    showError(t('newProject.checkFields'));
    form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    return;
  }
  button.disabled = true;
  button.textContent = t('newProject.busy');
  try {
    const project = await apiPost<Project>('/projects', {
      title: value('title'),
      description: value('description'),
      subjects: list('subjects'),
      ages: { min: Number(value('agesMin')), max: Number(value('agesMax')) },
      languages: list('languages').map((language) => language.toLowerCase()),
      partnerUsername: value('partnerUsername'),
    });
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
