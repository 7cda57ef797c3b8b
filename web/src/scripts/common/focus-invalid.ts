/**
 * Focus after a form was refused: once Preact has marked the fields
 * (aria-invalid, their errors), the first one marked in the form gets the
 * focus, so its error is read with it. One helper for every island's form.
 */
export function focusFirstInvalid(formId: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`#${CSS.escape(formId)} [aria-invalid="true"]`)?.focus());
}
