/**
 * What the Quality Label pages share: the criteria and mandatory points, and
 * 400 problems placed next to nested fields ('body.evidence.technology.links.2'
 * → the slot of 'evidence.technology.links'), which problems.ts (first segment
 * only) cannot do. The application as the API answers it is
 * LabelApplicationResponse (functions/http/labels/schemas.ts).
 */
import { ApiError } from './api.ts';
import { clearFieldProblems } from './problems.ts';

// The criteria and points are the domain's: one definition for the API and the site.
export { labelCriteria, mandatoryPoints, type LabelCriterion, type MandatoryPoint } from '../../../functions/domain/labels.ts';

export { when } from './dates.ts';

/** The element whose attribute names the longest prefix of the path. */
function named(form: HTMLElement, attribute: string, path: string[]): HTMLElement | null {
  for (let length = path.length; length > 0; length--) {
    const found = form.querySelector<HTMLElement>(`[${attribute}="${CSS.escape(path.slice(0, length).join('.'))}"]`);
    if (found) return found;
  }
  return null;
}

/** Puts each problem of a 400 in the slot of its longest named prefix (and marks that field); false when none found a slot. */
export function showNestedProblems(form: HTMLElement, error: unknown): boolean {
  clearNestedProblems(form);
  if (!(error instanceof ApiError) || error.status !== 400) return false;
  let shown = false;
  for (const problem of error.details) {
    const path = problem.field.replace(/^body\./, '').split('.');
    const slot = named(form, 'data-field-error', path);
    if (!slot) continue;
    slot.textContent = slot.textContent ? `${slot.textContent} ${problem.message}` : problem.message;
    slot.hidden = false;
    named(form, 'data-field', path)?.setAttribute('aria-invalid', 'true');
    shown = true;
  }
  return shown;
}

export function clearNestedProblems(form: HTMLElement): void {
  if (form instanceof HTMLFormElement) clearFieldProblems(form);
  form.querySelectorAll<HTMLElement>('[data-field-error]').forEach((slot) => {
    slot.textContent = '';
    slot.hidden = true;
  });
  form.querySelectorAll('[aria-invalid]').forEach((input) => input.removeAttribute('aria-invalid'));
}

/** A link of the evidence: only https addresses and paths of this site become links; anything else stays text. */
export function evidenceLink(link: string): HTMLElement {
  const safe = (link.startsWith('/') && !link.startsWith('//')) || /^https:\/\//i.test(link);
  const shown = document.createElement(safe ? 'a' : 'span');
  shown.textContent = link;
  if (shown instanceof HTMLAnchorElement) shown.href = link;
  return shown;
}
