/**
 * The project fields of the create and edit pages (components/ProjectFields.astro):
 * reading them, checking them before sending, and the body they make.
 */
import type { CreateProjectBodyInput, ProjectDetailResponse } from '../../../functions/http/projects/schemas.ts';
import { t } from './page.ts';

export function projectForm(form: HTMLFormElement) {
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
  const value = (name: string) => field(name).value.trim();
  const list = (name: string) =>
    value(name)
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);

  /** Marks one field as needing attention, with a translated message next to it. */
  function flag(name: string, message: string) {
    const slot = form.querySelector<HTMLElement>(`[data-field-error="${name}"]`);
    if (slot) {
      slot.textContent = message;
      slot.hidden = false;
    }
    form.querySelectorAll(`[data-field="${name}"]`).forEach((input) => input.setAttribute('aria-invalid', 'true'));
  }

  return {
    field,
    value,
    /** Flags every empty required field and a bad age range; true when all is fine. */
    check(required: readonly string[]): boolean {
      let fine = true;
      for (const name of required) {
        if (!value(name)) {
          flag(name, t('newProject.required'));
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
    },
    /** The project's details as both POST /projects and PUT /projects/{id} take them. */
    details(): Omit<CreateProjectBodyInput, 'partnerUsername'> {
      return {
        title: value('title'),
        description: value('description'),
        subjects: list('subjects'),
        ages: { min: Number(value('agesMin')), max: Number(value('agesMax')) },
        languages: list('languages').map((language) => language.toLowerCase()),
      };
    },
    fill(details: ProjectDetailResponse) {
      field('title').value = details.title;
      field('description').value = details.description;
      field('subjects').value = details.subjects.join(', ');
      field('agesMin').value = String(details.ages.min);
      field('agesMax').value = String(details.ages.max);
      field('languages').value = details.languages.join(', ');
    },
  };
}
