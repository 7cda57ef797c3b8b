/**
 * What a person reads when a call fails. A 403 or 409 carries the server's
 * own sentence, which says why (the state or the caller's role does not
 * allow it), and a 429 when to come back, already in the page's language (api.ts sends Accept-Language;
 * the API translates its errors); anything else gets the page's generic
 * text, because those messages are technical.
 */
import { ApiError } from './api.ts';
import { clearError, pageUrl, showError, t } from './page.ts';

export function explanation(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 403 || error.status === 409 || error.status === 429) return error.message;
    if (error.status === 0) return t('common.unreachable');
    if (error.status === 401) return t('common.sessionExpired');
  }
  return t('common.error');
}

/** Shows the failure in the page's alert region; a lost session goes back to sign-in. */
export function reportFailure(error: unknown): void {
  if (error instanceof ApiError && error.status === 401) {
    location.assign(pageUrl('', { next: location.pathname + location.search }));
    return;
  }
  showError(explanation(error));
}

/**
 * Puts each field problem of a 400 next to its field: the element with
 * data-field="<name>" inside the form (name = the path after 'body.', first
 * segment, e.g. 'ages.min' → 'ages'). Returns false when no field matched.
 */
export function showFieldProblems(form: HTMLFormElement, error: unknown): boolean {
  clearFieldProblems(form);
  if (!(error instanceof ApiError) || error.status !== 400) return false;
  let shown = false;
  for (const problem of error.details) {
    const name = problem.field.replace(/^body\./, '').split('.')[0] ?? '';
    const slot = form.querySelector<HTMLElement>(`[data-field-error="${CSS.escape(name)}"]`);
    if (!slot) continue;
    slot.textContent = slot.textContent ? `${slot.textContent} ${problem.message}` : problem.message;
    slot.hidden = false;
    form.querySelectorAll<HTMLElement>(`[data-field="${CSS.escape(name)}"]`).forEach((input) => input.setAttribute('aria-invalid', 'true'));
    shown = true;
  }
  return shown;
}

export function clearFieldProblems(form: HTMLFormElement): void {
  clearError();
  form.querySelectorAll<HTMLElement>('[data-field-error]').forEach((slot) => {
    slot.textContent = '';
    slot.hidden = true;
  });
  form.querySelectorAll('[aria-invalid]').forEach((input) => input.removeAttribute('aria-invalid'));
}
