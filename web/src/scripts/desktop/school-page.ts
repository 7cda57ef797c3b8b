/**
 * The school page's rules, pure (no DOM; unit-tested in node): the strings
 * its island needs, and the forms as the API's bodies (POST /schools to
 * register one, PUT /schools/{id} with the version it read to edit it) or
 * what needs attention first, field by field. The page itself is the Preact
 * island school-island.tsx.
 */
import type { SchoolCreateBodyInput, SchoolResponse, SchoolUpdateBodyInput } from '../../../../functions/http/desktop/schemas.ts';
import { hasVisibleText } from '../../../../functions/domain/visible-text.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { countryCode } from './desk-rules.ts';

/** Every dictionary entry the island reads (rendered into data-strings by the page). */
export const schoolStrings = [
  'school.noSchool',
  'school.createHeading',
  'school.editHeading',
  'school.name',
  'school.city',
  'school.country',
  'school.countryFixed',
  'school.about',
  'school.create',
  'school.created',
  'school.saved',
  'school.conflict',
  'school.teachersOnly',
  'desk.required',
  'desk.checkFields',
  'desk.countryHint',
  'desk.countryInvalid',
  'desk.save',
  'desk.saving',
  'desk.reload',
  'common.loading',
  'common.error',
  'common.sessionExpired',
  'common.unreachable',
] as const satisfies readonly MessageKey[];

/** The forms' values, as typed (editing has no country: a school's country does not change). */
export interface SchoolValues {
  name: string;
  city: string;
  country: string;
  about: string;
}

export type SchoolField = keyof SchoolValues;
type Checked<Body> = { body: Body } | { problems: Partial<Record<SchoolField, MessageKey>> };

export const schoolValues = (school: SchoolResponse): SchoolValues => ({ name: school.name, city: school.city, country: school.country, about: school.about ?? '' });

function required(typed: SchoolValues): Partial<Record<SchoolField, MessageKey>> {
  const problems: Partial<Record<SchoolField, MessageKey>> = {};
  // The API's rule (functions/domain/visible-text.ts): spaces or invisible characters alone are no name.
  if (!hasVisibleText(typed.name)) problems.name = 'desk.required';
  if (!hasVisibleText(typed.city)) problems.city = 'desk.required';
  return problems;
}

/** Registering a school: name, city and a two-letter country; about only when written. */
export function createBody(typed: SchoolValues): Checked<SchoolCreateBodyInput> {
  const problems = required(typed);
  const country = countryCode(typed.country);
  if (!country) problems.country = 'desk.countryInvalid';
  if (Object.keys(problems).length || !country) return { problems };
  const about = typed.about.trim();
  return { body: { name: typed.name.trim(), city: typed.city.trim(), country, ...(about ? { about } : {}) } };
}

/** Editing it, with the version it was read at (an empty about clears it). */
export function updateBody(typed: SchoolValues, version: number): Checked<SchoolUpdateBodyInput> {
  const problems = required(typed);
  if (Object.keys(problems).length) return { problems };
  return { body: { version, name: typed.name.trim(), city: typed.city.trim(), about: typed.about.trim() } };
}
