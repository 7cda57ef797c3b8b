/**
 * The teacher sign-up page: checks each field here first (translated
 * messages next to the fields, the password against the one policy), then
 * POST /registrations. A 400 puts the server's field problems next to the
 * fields; a 409 says the address is registered. Success replaces the form
 * with "your NSS will validate your account; you'll get an e-mail".
 */
import { passwordProblems } from '../../../functions/domain/registration.ts';
import type { RegistrationBodyInput, RegistrationResponse } from '../../../functions/http/registrations/schemas.ts';
import { ApiError, apiPost } from './api.ts';
import { fill, showError, t } from './page.ts';
import { clearFieldProblems, reportFailure, showFieldProblems } from './problems.ts';
import type { MessageKey } from '../i18n/index.ts';

const form = document.getElementById('signup-form') as HTMLFormElement;
const button = form.querySelector('button[type="submit"]') as HTMLButtonElement;
const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value;

/** Shows one translated problem next to its field. */
function markField(name: string, key: MessageKey): void {
  const slot = form.querySelector<HTMLElement>(`[data-field-error="${name}"]`);
  if (slot) {
    slot.textContent = t(key);
    slot.hidden = false;
  }
  form.querySelector<HTMLElement>(`[data-field="${name}"]`)?.setAttribute('aria-invalid', 'true');
}

/** The problems found before sending, field by field (the server checks the same again). */
function problemsHere(): [string, MessageKey][] {
  const problems: [string, MessageKey][] = [];
  const email = value('email').trim();
  if (!email) problems.push(['email', 'signup.required']);
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) problems.push(['email', 'signup.emailInvalid']);
  const password = value('password');
  if (!password) problems.push(['password', 'signup.required']);
  else if (passwordProblems(password).length) problems.push(['password', 'signup.passwordWeak']);
  if (value('passwordAgain') !== password) problems.push(['passwordAgain', 'signup.passwordMismatch']);
  if (!value('displayName').trim()) problems.push(['displayName', 'signup.required']);
  if (!value('country')) problems.push(['country', 'signup.countryMissing']);
  if (!value('schoolName').trim()) problems.push(['schoolName', 'signup.required']);
  if (!value('city').trim()) problems.push(['city', 'signup.required']);
  return problems;
}

function focusFirstProblem(): void {
  form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFieldProblems(form);
  const problems = problemsHere();
  if (problems.length) {
    for (const [name, key] of problems) markField(name, key);
    showError(t('signup.checkFields'));
    focusFirstProblem();
    return;
  }
  button.disabled = true;
  button.textContent = t('signup.busy');
  try {
    const created = await apiPost<RegistrationResponse>('/registrations', {
      email: value('email').trim(),
      password: value('password'),
      displayName: value('displayName'),
      country: value('country'),
      schoolName: value('schoolName'),
      city: value('city'),
    } satisfies RegistrationBodyInput);
    (document.getElementById('signup') as HTMLElement).hidden = true;
    (document.getElementById('signup-done-message') as HTMLElement).textContent = fill('signup.done', { email: created.email });
    (document.getElementById('signup-done') as HTMLElement).hidden = false;
    (document.getElementById('signup-done-heading') as HTMLElement).focus();
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) {
      markField('email', 'signup.emailTaken');
      showError(t('signup.emailTaken'));
      focusFirstProblem();
    } else if (showFieldProblems(form, error)) {
      showError(t('signup.checkFields'));
      focusFirstProblem();
    } else reportFailure(error);
  } finally {
    button.disabled = false;
    button.textContent = t('signup.submit');
  }
});
