/**
 * The evaluations page's rules, pure (no DOM; unit-tested in node): the
 * strings its island (evaluations-island.tsx) reads, the scoring form's
 * values as the API's body (an empty box is sent as null, so the server
 * names it next to its field), the fields a 400 can name, and the verdict.
 */
import type { EvaluationBody, LabelApplicationResponse } from '../../../../../functions/http/labels/schemas.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { criterionAndPointStrings, labelCriteria, mandatoryPoints, type LabelCriterion, type MandatoryPoint } from './quality-labels.ts';

/** Every dictionary entry the island reads (rendered into data-strings by the page). */
export const evaluationsStrings: readonly MessageKey[] = [
  ...criterionAndPointStrings,
  'site.name',
  'common.loading',
  'common.busy',
  'common.error',
  'common.sessionExpired',
  'common.unreachable',
  'qualityLabels.evidence',
  'evaluations.waiting',
  'evaluations.none',
  'evaluations.more',
  'evaluations.applicant',
  'evaluations.review',
  'evaluations.score',
  'evaluations.mandatory',
  'evaluations.feedback',
  'evaluations.submit',
  'evaluations.granted',
  'evaluations.notGranted',
];

/** The scoring form as typed. */
export interface EvaluationValues {
  scores: Record<LabelCriterion, string>;
  mandatory: Record<MandatoryPoint, string>;
  feedback: Record<LabelCriterion, string>;
}

const blank = <K extends string>(names: readonly K[]) => Object.fromEntries(names.map((name) => [name, ''])) as Record<K, string>;

export const emptyEvaluation = (): EvaluationValues => ({ scores: blank(labelCriteria), mandatory: blank(mandatoryPoints), feedback: blank(labelCriteria) });

/** A typed score as the API takes it: an empty box is null (the server names it as a problem next to the field). */
const score = (typed: string): number | null => (typed.trim() === '' ? null : Number(typed));

/** What POST /labels/{id}/evaluation is sent: the scores as numbers (or null when empty), the feedback as typed. */
export function evaluationBody(values: EvaluationValues): { scores: Record<LabelCriterion, number | null>; mandatory: Record<MandatoryPoint, number | null>; feedback: EvaluationBody['feedback'] } {
  const numbers = <K extends string>(typed: Record<K, string>) => Object.fromEntries(Object.entries<string>(typed).map(([name, value]) => [name, score(value)])) as Record<K, number | null>;
  return { scores: numbers(values.scores), mandatory: numbers(values.mandatory), feedback: { ...values.feedback } };
}

/** The form's fields a 400's problem can be placed under. */
export const evaluationFields: readonly string[] = [
  ...labelCriteria.flatMap((criterion) => [`scores.${criterion}`, `feedback.${criterion}`]),
  ...mandatoryPoints.map((point) => `mandatory.${point}`),
];

/** The verdict of a recorded evaluation: its sentence, and whether it is a grant (its style follows; a refusal never reads as a success). */
export function verdictOf(judged: LabelApplicationResponse): { key: MessageKey; granted: boolean; values: Record<string, string> } | undefined {
  const evaluation = judged.evaluation;
  if (!evaluation) return undefined;
  return {
    key: evaluation.granted ? 'evaluations.granted' : 'evaluations.notGranted',
    granted: evaluation.granted,
    values: { title: judged.projectTitle, total: String(evaluation.total), passMark: String(evaluation.passMark) },
  };
}
