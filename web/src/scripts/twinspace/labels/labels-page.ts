/**
 * The Quality Labels page's rules, pure (no DOM; unit-tested in node): the
 * strings its island (labels-island.tsx) reads, what the teacher may do now
 * (apply, ask for the one review, or nothing, and why), the form's values as
 * the API's body, and the form's fields a 400 can name.
 */
import type { ApplyBodyInput, LabelApplicationResponse } from '../../../../../functions/http/labels/schemas.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { criterionAndPointStrings, eligibilityDeclarations, labelCriteria, type EligibilityDeclaration, type LabelCriterion } from './quality-labels.ts';

/** Every dictionary entry the island reads (rendered into data-strings by the page). */
export const labelsStrings: readonly MessageKey[] = [
  ...criterionAndPointStrings,
  ...eligibilityDeclarations.map((declaration) => `qualityLabels.declaration.${declaration}` as const),
  'site.name',
  'twinspace.missingId',
  'common.loading',
  'common.busy',
  'common.error',
  'common.sessionExpired',
  'common.unreachable',
  'diary.back',
  'qualityLabels.applications',
  'qualityLabels.none',
  'qualityLabels.more',
  'qualityLabels.status.waiting',
  'qualityLabels.status.granted',
  'qualityLabels.status.not-granted',
  'qualityLabels.applicant',
  'qualityLabels.total',
  'qualityLabels.score',
  'qualityLabels.pointScore',
  'qualityLabels.criterionHeading',
  'qualityLabels.scoreHeading',
  'qualityLabels.feedbackHeading',
  'qualityLabels.pointHeading',
  'qualityLabels.applied',
  'qualityLabels.apply',
  'qualityLabels.advice',
  'qualityLabels.eligibility',
  'qualityLabels.evidence',
  'qualityLabels.evidenceText',
  'qualityLabels.evidenceLinks',
  'qualityLabels.linksHint',
  'qualityLabels.review',
  'qualityLabels.reviewHint',
  'qualityLabels.submit',
  'qualityLabels.reviewHeading',
  'qualityLabels.reviewIntro',
  'qualityLabels.reviewSubmit',
  'qualityLabels.reviewNeedsCriteria',
  'qualityLabels.reviewOf',
  'qualityLabels.waitingOwn',
  'qualityLabels.grantedOwn',
  'qualityLabels.reviewedOwn',
];

/**
 * What I may do now (DOMAIN.md: one application per teacher and project; after
 * a label not granted, one review of it): apply, ask for the review of the
 * refused one, or nothing, and then the page says why instead of showing a
 * form the server would refuse.
 */
export type ApplyingOffer = { offer: 'apply' } | { offer: 'review'; refused: LabelApplicationResponse } | { offer: 'none'; why: MessageKey };

export function applyingOffer(applications: readonly LabelApplicationResponse[], me: string): ApplyingOffer {
  const mine = applications.filter((application) => application.applicantId === me);
  if (mine.some((application) => application.status === 'granted')) return { offer: 'none', why: 'qualityLabels.grantedOwn' };
  if (mine.some((application) => application.reviewOf)) return { offer: 'none', why: 'qualityLabels.reviewedOwn' };
  if (mine.some((application) => application.status === 'waiting')) return { offer: 'none', why: 'qualityLabels.waitingOwn' };
  const refused = mine.find((application) => application.status === 'not-granted');
  return refused ? { offer: 'review', refused } : { offer: 'apply' };
}

/** The form as typed: the declarations ticked, per criterion what shows it and its links (one per line), the criteria to judge again. */
export interface ApplicationValues {
  eligibility: Record<EligibilityDeclaration, boolean>;
  evidence: Record<LabelCriterion, { text: string; links: string }>;
  review: readonly LabelCriterion[];
}

export const emptyApplication = (): ApplicationValues => ({
  eligibility: Object.fromEntries(eligibilityDeclarations.map((declaration) => [declaration, false])) as ApplicationValues['eligibility'],
  evidence: Object.fromEntries(labelCriteria.map((criterion) => [criterion, { text: '', links: '' }])) as ApplicationValues['evidence'],
  review: [],
});

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * The form as POST /projects/{id}/labels takes it. The server judges the
 * declarations and the evidence (its 400 goes next to the fields); a review
 * without a criterion is said before anything is sent, in the teacher's words.
 */
export function applicationBody(values: ApplicationValues, reviewing?: { labelId: string }): { body: ApplyBodyInput } | { problem: 'qualityLabels.reviewNeedsCriteria' } {
  if (reviewing && values.review.length === 0) return { problem: 'qualityLabels.reviewNeedsCriteria' };
  const evidence = Object.fromEntries(
    labelCriteria.map((criterion) => [criterion, { text: values.evidence[criterion].text, links: lines(values.evidence[criterion].links) }]),
  ) as ApplyBodyInput['evidence'];
  // The criteria in the form's order, each once.
  const criteria = labelCriteria.filter((criterion) => values.review.includes(criterion));
  return { body: { eligibility: { ...values.eligibility }, evidence, ...(reviewing ? { reviewOf: { labelId: reviewing.labelId, criteria } } : {}) } };
}

/** The fields of the form a 400's problem can be placed under. */
export const applicationFields: readonly string[] = [
  'eligibility',
  'reviewOf',
  ...labelCriteria.flatMap((criterion) => [`evidence.${criterion}.text`, `evidence.${criterion}.links`]),
];

/** The id of a field's control (its error's id is `<id>-error`, the kit's errorId): 'evidence.technology.links' → 'evidence-technology-links'. */
export const fieldId = (name: string) => name.replace(/\./g, '-');

/** The user id in an ID token (its `sub`): to find my own applications. */
export function subOf(idToken: string): string {
  try {
    const payload = idToken.split('.')[1] ?? '';
    return (JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { sub?: string }).sub ?? '';
  } catch {
    return '';
  }
}
