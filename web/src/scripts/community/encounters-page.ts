/**
 * The encounters page's rules, pure (no DOM; unit-tested in node): the
 * strings its island (encounters-island.tsx) reads, the organise form → the
 * API's body (the organiser's local date and time become an instant), seats
 * in words with their plural, and the time zone's names.
 */
import type { EncounterCreateBodyInput, EncounterResponse } from '../../../../functions/http/community/schemas.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { communityStrings, countedText, fillText, isLanguageCode, isSafeLink, type Words } from './community.ts';

export const encountersStrings = [
  ...communityStrings,
  'encounters.intro',
  'encounters.list',
  'encounters.none',
  'encounters.when',
  'encounters.organiser',
  'encounters.seatsLeft',
  'encounters.seatsLeft.one',
  'encounters.full',
  'encounters.haveSeat',
  'encounters.waitingPosition',
  'encounters.register',
  'encounters.joinWaiting',
  'encounters.cancel',
  'encounters.confirmCancel',
  'encounters.keep',
  'encounters.registeredSeat',
  'encounters.registeredWaiting',
  'encounters.cancelled',
  'encounters.create',
  'encounters.encounterTitle',
  'encounters.startsAt',
  'encounters.startsAtHint',
  'encounters.seats',
  'encounters.description',
  'encounters.createSubmit',
  'encounters.created',
  'encounters.seatsInvalid',
  'encounters.yourZone',
  'encounters.joinUrl',
  'encounters.joinUrlHint',
  'encounters.joinUrlInvalid',
  'encounters.join',
  'encounters.linkWithSeat',
] as const satisfies readonly MessageKey[];

/** The organise form as typed (startsAt: a datetime-local value, the organiser's own time). */
export interface EncounterValues {
  title: string;
  startsAt: string;
  seats: string;
  language: string;
  joinUrl: string;
  description: string;
}

export const emptyEncounter: EncounterValues = { title: '', startsAt: '', seats: '', language: '', joinUrl: '', description: '' };

export type EncounterField = keyof EncounterValues;

/** The form as the API's body, or what is missing or wrong, field by field (as dictionary keys). */
export function encounterBody(typed: EncounterValues): { body: EncounterCreateBodyInput } | { problems: Partial<Record<EncounterField, MessageKey>> } {
  const value = (name: EncounterField) => typed[name].trim();
  const seats = Number(value('seats'));
  const problems: Partial<Record<EncounterField, MessageKey>> = {};
  if (!value('title')) problems.title = 'community.required';
  const startsAt = value('startsAt') ? new Date(value('startsAt')) : undefined;
  if (!startsAt || Number.isNaN(startsAt.getTime())) problems.startsAt = 'community.required';
  if (!value('seats') || !Number.isInteger(seats) || seats < 1) problems.seats = 'encounters.seatsInvalid';
  if (!isLanguageCode(value('language'))) problems.language = 'community.languageInvalid';
  if (!isSafeLink(value('joinUrl'))) problems.joinUrl = 'encounters.joinUrlInvalid';
  if (Object.keys(problems).length || !startsAt) return { problems };
  return {
    body: {
      title: value('title'),
      // datetime-local is the organiser's local time: the Date makes it an instant.
      startsAt: startsAt.toISOString(),
      seats,
      language: value('language'),
      description: value('description'),
      joinUrl: value('joinUrl'),
    },
  };
}

/** "2 of 5 seats left", "1 of 1 seat left" (the noun follows the number next to it), or "Full: 3 on the waiting list". */
export function seatsText(encounter: Pick<EncounterResponse, 'seats' | 'seatsLeft' | 'waitingCount'>, words: Words, language: string): string {
  if (encounter.seatsLeft <= 0) return fillText(words('encounters.full'), { waiting: new Intl.NumberFormat(language).format(encounter.waitingCount) });
  return countedText(words, language, encounter.seats, { one: 'encounters.seatsLeft.one', other: 'encounters.seatsLeft' }, { left: encounter.seatsLeft, seats: encounter.seats });
}

/** The short name of a time zone at an instant ("CET" in winter, "CEST" in summer); the reader's own zone unless one is given. */
export function zoneAt(iso: string, locale: string, timeZone?: string): string | undefined {
  return new Intl.DateTimeFormat(locale, { timeZoneName: 'short', timeZone }).formatToParts(new Date(iso)).find((part) => part.type === 'timeZoneName')?.value;
}

/** The zone the organiser's form is in, by its name and, when it differs, its short name: "Europe/Madrid, CET". */
export function zoneLabel(locale: string, now = new Date(), timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone): string {
  const short = zoneAt(now.toISOString(), locale, timeZone);
  return short && short !== timeZone ? `${timeZone}, ${short}` : timeZone;
}
