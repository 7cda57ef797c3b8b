/**
 * The public project page's rules, pure (no DOM; unit-tested in node): the
 * strings its island needs, language and country codes in words, a
 * partner as one line, and the address of the first page of both lists or
 * of the next page of one. The page itself is the Preact island
 * public-island.tsx, built from the kit.
 */
import type { PublicProjectResponse } from '../../../../functions/http/pages/schemas.ts';
import type { MessageKey } from '../../i18n/index.ts';

/** Every dictionary entry the island reads (rendered into data-strings by the page). */
export const publicStrings = [
  'common.loading',
  'common.busy',
  'common.error',
  'common.unreachable',
  'publicPage.title',
  'publicPage.about',
  'publicPage.subjects',
  'publicPage.ages',
  'publicPage.agesRange',
  'publicPage.languages',
  'publicPage.partners',
  'publicPage.closed',
  'publicPage.pages',
  'publicPage.noPages',
  'publicPage.more',
  'publicPage.publishedOn',
  'publicPage.agenda',
  'publicPage.agendaHint',
  'publicPage.notFound',
  'publicPage.missingId',
  'publicPage.labels',
  'publicPage.labelsIntro',
  'publicPage.label.national',
  'publicPage.label.european',
  'publicPage.labelDetail',
  'publicPage.diary',
  'publicPage.diaryIntro',
  'publicPage.noDiary',
  'publicPage.moreDiary',
  'publicPage.writtenOn',
  'publicPage.entryKind',
  'publicPage.replies',
  'publicPage.reply.nss',
  'publicPage.reply.teacher',
  'diary.kind.activity',
  'diary.kind.assessment',
  'diary.kind.doubt',
  'diary.answered',
  'diary.waiting',
] as const satisfies readonly MessageKey[];

export type PublicAnswer = PublicProjectResponse;
export type PublicPageItem = PublicProjectResponse['pages']['items'][number];
export type PublicEntry = PublicProjectResponse['diary']['items'][number];
export type PublicLabel = PublicProjectResponse['labels'][number];

/** How many items each list reads at a time. */
export const publicLimit = '10';

/** The address of the public project: the first page of both lists, or the next page of one (its own cursor). */
export function publicQuery(projectId: string, next?: { list: 'pages' | 'diary'; cursor: string }): string {
  const query = new URLSearchParams({ limit: publicLimit });
  if (next) query.set(next.list === 'pages' ? 'cursor' : 'diaryCursor', next.cursor);
  return `/public/projects/${encodeURIComponent(projectId)}?${query}`;
}

/** A language or country code in the reader's language; the code itself when unknown. */
export function displayName(code: string, type: 'language' | 'region', language: string): string {
  try {
    return new Intl.DisplayNames([language], { type, fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A partner as one line: the school and its country, or the country alone. */
export function partnerLine(partner: PublicProjectResponse['project']['partners'][number], language: string): string {
  const country = displayName(partner.country, 'region', language);
  return partner.school ? `${partner.school} (${country})` : country;
}

/** Where a label comes from, in words: a national label's granting country; a European label's countries, as a list ("France and Spain"). */
export function labelCountries(label: PublicLabel, language: string): string {
  if (label.level === 'national') return displayName(label.country, 'region', language);
  const names = label.countries.map((code) => displayName(code, 'region', language));
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(names);
}
