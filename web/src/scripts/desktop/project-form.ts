/**
 * The rules of the create and edit project pages, pure (no DOM; unit-tested
 * in node, tests/unit/project-form.test.ts): the strings their island
 * (project-island.tsx) reads, the form's values, what is checked before
 * sending, and the bodies of POST /projects and PUT /projects/{id}.
 */
import type { CreateProjectBodyInput, EditProjectBodyInput, ProjectDetailResponse } from '../../../../functions/http/projects/schemas.ts';
import { hasVisibleText } from '../../../../functions/domain/visible-text.ts';
import type { MessageKey } from '../../i18n/index.ts';

/** What both forms read: the project's describing fields. */
const fieldStrings = [
  'common.loading',
  'common.error',
  'common.unreachable',
  'common.sessionExpired',
  'newProject.projectTitle',
  'newProject.description',
  'newProject.subjects',
  'newProject.subjectsHint',
  'newProject.ages',
  'newProject.agesMin',
  'newProject.agesMax',
  'newProject.languages',
  'newProject.languagesHint',
  'newProject.required',
  'newProject.agesInvalid',
  'newProject.checkFields',
] as const satisfies readonly MessageKey[];

/** Every dictionary entry the create page's island reads (rendered into data-strings by the page). */
export const newProjectStrings = [
  ...fieldStrings,
  'newProject.partner',
  'newProject.partnerHint',
  'newProject.submit',
  'newProject.busy',
] as const satisfies readonly MessageKey[];

/** Every dictionary entry the edit page's island reads. */
export const editProjectStrings = [
  ...fieldStrings,
  'editProject.save',
  'editProject.saveAndResubmit',
  'editProject.busy',
  'editProject.saved',
  'editProject.notEditable',
  'editProject.stale',
  'editProject.rejectedBecause',
] as const satisfies readonly MessageKey[];

/** The form's values, as typed. */
export interface ProjectValues {
  title: string;
  description: string;
  subjects: string;
  agesMin: string;
  agesMax: string;
  languages: string;
  /** The create page only. */
  partnerUsername: string;
}

export const emptyProject: ProjectValues = { title: '', description: '', subjects: '', agesMin: '', agesMax: '', languages: '', partnerUsername: '' };

/** The API's fields a problem can be about (the two ages share one: 'ages'). */
export type ProjectField = 'title' | 'description' | 'subjects' | 'ages' | 'languages' | 'partnerUsername';

export type ProjectProblems = Partial<Record<ProjectField, MessageKey>>;

const list = (typed: string) =>
  typed
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);

/**
 * What is wrong before sending, field by field (as dictionary keys): every
 * empty field of `required`, and an age range that is not two whole numbers,
 * the first not above the second. Empty when all is fine (the server checks again).
 */
export function projectProblems(typed: ProjectValues, required: readonly Exclude<ProjectField, 'ages'>[]): ProjectProblems {
  const problems: ProjectProblems = {};
  // The API's rule (functions/domain/visible-text.ts): spaces or invisible characters alone are no text.
  for (const name of required) if (!hasVisibleText(typed[name])) problems[name] = 'newProject.required';
  const min = typed.agesMin.trim();
  const max = typed.agesMax.trim();
  if (!min || !max || !Number.isInteger(Number(min)) || !Number.isInteger(Number(max)) || Number(min) > Number(max)) problems.ages = 'newProject.agesInvalid';
  return problems;
}

/** The project's details as both POST /projects and PUT /projects/{id} take them (languages in small letters). */
export function projectDetails(typed: ProjectValues): Omit<CreateProjectBodyInput, 'partnerUsername'> {
  return {
    title: typed.title.trim(),
    description: typed.description.trim(),
    subjects: list(typed.subjects),
    ages: { min: Number(typed.agesMin.trim()), max: Number(typed.agesMax.trim()) },
    languages: list(typed.languages).map((language) => language.toLowerCase()),
  };
}

/** POST /projects: the details and the partner teacher. */
export const createBody = (typed: ProjectValues): CreateProjectBodyInput => ({ ...projectDetails(typed), partnerUsername: typed.partnerUsername.trim() });

/** PUT /projects/{id}: the details with the version they were read at. */
export const editBody = (typed: ProjectValues, version: number): EditProjectBodyInput => ({ ...projectDetails(typed), version });

/** A project as the form's values (to edit it). */
export function valuesOf(project: ProjectDetailResponse): ProjectValues {
  return {
    title: project.title,
    description: project.description,
    subjects: project.subjects.join(', '),
    agesMin: String(project.ages.min),
    agesMax: String(project.ages.max),
    languages: project.languages.join(', '),
    partnerUsername: '',
  };
}

/** A 409 that says the project moved on since it was read (not another conflict, e.g. its state). */
export const isStaleVersion = (status: number, code: string, message: string) => status === 409 && code === 'CONFLICT' && /version/i.test(message);
