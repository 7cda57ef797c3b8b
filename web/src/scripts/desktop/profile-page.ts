/**
 * The profile page's rules, pure (no DOM; unit-tested in node): the strings
 * its island needs, the form's values from what GET /me or PUT /me/profile
 * answers, and the form as PUT /me/profile's body (with the version it read)
 * or what needs attention first, field by field. The page itself is the
 * Preact island profile-island.tsx.
 */
import type { NotificationMail } from '../../../../functions/domain/notifications.ts';
import { hasVisibleText } from '../../../../functions/domain/visible-text.ts';
import type { ProfileResponse, ProfileUpdateBodyInput } from '../../../../functions/http/desktop/schemas.ts';
import type { MeWithProjectsResponse } from '../../../../functions/http/projects/schemas.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { ageRange, listOf } from './desk-rules.ts';

/** Every dictionary entry the island reads (rendered into data-strings by the page). */
export const profileStrings = [
  'profile.intro',
  'profile.displayName',
  'profile.partnerProfile',
  'profile.open',
  'profile.subjects',
  'profile.languages',
  'profile.about',
  'profile.saved',
  'profile.conflict',
  'profile.pupil',
  'profile.notificationMail',
  'profile.notificationMailHint',
  'profile.mailInstant',
  'profile.mailDaily',
  'profile.mailOff',
  'desk.required',
  'desk.checkFields',
  'desk.agesInvalid',
  'desk.save',
  'desk.saving',
  'desk.reload',
  'desk.listHint',
  'desk.languagesHint',
  'desk.ages',
  'desk.agesMin',
  'desk.agesMax',
  'common.loading',
  'common.error',
  'common.sessionExpired',
  'common.unreachable',
  // Download my data (issue 11): my-data.tsx's strings, listed here so this module stays without DOM.
  'privacy.exportTitle',
  'privacy.exportIntro',
  'privacy.exportButton',
  'privacy.exportDone',
  'common.busy',
] as const satisfies readonly MessageKey[];

/** The form's values, as typed. */
export interface ProfileValues {
  displayName: string;
  openToPartnership: boolean;
  subjects: string;
  languages: string;
  agesMin: string;
  agesMax: string;
  about: string;
  /** E-mail of notifications (everyone who sees this form: pupils never do). */
  notificationMail: NotificationMail;
}

/** The e-mail choices, in the order the form offers them, with their labels. */
export const notificationMailOptions: readonly { value: NotificationMail; label: MessageKey }[] = [
  { value: 'instant', label: 'profile.mailInstant' },
  { value: 'daily', label: 'profile.mailDaily' },
  { value: 'off', label: 'profile.mailOff' },
];

/** The API's fields a problem can be about (both ages share one). */
export type ProfileField = 'displayName' | 'openToPartnership' | 'subjects' | 'languages' | 'ages' | 'about' | 'notificationMail';

/** GET /me's profile, or what PUT /me/profile answers, as the form's values. */
export function profileValues(profile: MeWithProjectsResponse['profile'] | ProfileResponse): ProfileValues {
  return {
    displayName: profile.displayName,
    openToPartnership: profile.openToPartnership === true,
    subjects: profile.subjects?.join(', ') ?? '',
    languages: profile.languages?.join(', ') ?? '',
    agesMin: profile.ages ? String(profile.ages.min) : '',
    agesMax: profile.ages ? String(profile.ages.max) : '',
    about: profile.about ?? '',
    notificationMail: profile.notificationMail ?? 'daily',
  };
}

/**
 * The form as PUT /me/profile's body, sent with the version it was read at,
 * or what needs attention (as dictionary keys). Only a teacher sends the
 * partner profile; languages go in lower case; everyone who has the form
 * sends their e-mail preference.
 */
export function profileBody(
  typed: ProfileValues,
  version: number,
  teacher: boolean,
): { body: ProfileUpdateBodyInput } | { problems: Partial<Record<ProfileField, MessageKey>> } {
  const problems: Partial<Record<ProfileField, MessageKey>> = {};
  const body: ProfileUpdateBodyInput = { version, displayName: typed.displayName.trim(), notificationMail: typed.notificationMail };
  // The API's rule (functions/domain/visible-text.ts): spaces or invisible characters alone are no name.
  if (!hasVisibleText(body.displayName!)) problems.displayName = 'desk.required';
  if (teacher) {
    const ages = ageRange(typed.agesMin, typed.agesMax);
    if (ages === null) problems.ages = 'desk.agesInvalid';
    Object.assign(body, {
      openToPartnership: typed.openToPartnership,
      subjects: listOf(typed.subjects),
      languages: listOf(typed.languages).map((code) => code.toLowerCase()),
      about: typed.about.trim(),
      ...(ages ? { ages } : {}),
    } satisfies Partial<ProfileUpdateBodyInput>);
  }
  return Object.keys(problems).length ? { problems } : { body };
}
