/**
 * The NSS people page's strings (rendered into data-strings by pages/[lang]/nss/people.astro): every dictionary entry
 * its island (nss-people-island.tsx) and the erasure dialog it opens (common/erase-person.tsx) read. Pure: no DOM.
 */
import type { MessageKey } from '../../i18n/index.ts';
import { erasureStrings } from '../common/erase-strings.ts';
import { decisionListStrings } from './nss-page.ts';

export const nssPeopleStrings = [
  ...decisionListStrings,
  ...erasureStrings,
  'nssPeople.username',
  'nssPeople.usernameHint',
  'nssPeople.find',
  'nssPeople.usernameMissing',
  'nssPeople.notFound',
  'nssPeople.found',
  'nssPeople.name',
  'nssPeople.kind',
  'nssPeople.country',
  'nssPeople.notErasable',
  'kind.teacher',
  'kind.pupil',
  'kind.guest',
  'kind.nss',
  'kind.evaluator',
  'privacy.formerPupil',
  'privacy.formerTeacher',
] as const satisfies readonly MessageKey[];
