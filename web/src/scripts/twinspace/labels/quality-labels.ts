/**
 * What the Quality Label pages share (labels and evaluations), pure (no DOM;
 * unit-tested in node): the criteria and mandatory points, which evidence
 * links are linked, and a 400's problems placed on nested fields
 * ('body.evidence.technology.links.2' → the field 'evidence.technology.links'),
 * which form-problems.ts (first segment only) cannot do. The application as
 * the API answers it is LabelApplicationResponse (functions/http/labels/schemas.ts).
 */
import type { MessageKey } from '../../../i18n/index.ts';

// The criteria and points are the domain's: one definition for the API and the site.
export {
  eligibilityDeclarations,
  labelCriteria,
  mandatoryPoints,
  type EligibilityDeclaration,
  type LabelCriterion,
  type MandatoryPoint,
} from '../../../../../functions/domain/labels.ts';
import { isEvidenceLink, labelCriteria, mandatoryPoints, type LabelCriterion, type MandatoryPoint } from '../../../../../functions/domain/labels.ts';

/** The dictionary keys naming the criteria and the mandatory points (both pages read them). */
export const criterionKey = (criterion: LabelCriterion) => `qualityLabels.criterion.${criterion}` as const satisfies MessageKey;
export const pointKey = (point: MandatoryPoint) => `qualityLabels.mandatory.${point}` as const satisfies MessageKey;
export const criterionAndPointStrings: readonly MessageKey[] = [...labelCriteria.map(criterionKey), ...mandatoryPoints.map(pointKey)];

/** A link of the evidence is linked only when the API's own rule accepts it (an https address or a path of this site); anything else stays text. */
export const isSafeEvidenceLink = isEvidenceLink;

/** One problem of a 400 (ErrorBody's details). */
export interface FieldProblem {
  field: string;
  message: string;
}

/** A 400's problems on a form of nested fields: the message under each field, and the problem paths (to mark controls invalid). */
export interface PlacedProblems {
  /** The message(s) of each field, by the field's name ('eligibility', 'evidence.technology.links'). */
  messages: Record<string, string>;
  /** Every problem's path without 'body.' ('eligibility.finished', 'evidence.technology.links.1'). */
  paths: string[];
}

/**
 * Puts each problem under the field whose name is the longest prefix of its
 * path; undefined when none of them has such a field (the page then says the
 * failure in general words).
 */
export function placeProblems(details: readonly FieldProblem[], fields: readonly string[]): PlacedProblems | undefined {
  const known = new Set(fields);
  const messages: Record<string, string> = {};
  const paths: string[] = [];
  for (const problem of details) {
    const path = problem.field.replace(/^body\./, '').split('.');
    for (let length = path.length; length > 0; length--) {
      const name = path.slice(0, length).join('.');
      if (!known.has(name)) continue;
      messages[name] = messages[name] ? `${messages[name]} ${problem.message}` : problem.message;
      paths.push(path.join('.'));
      break;
    }
  }
  return paths.length ? { messages, paths } : undefined;
}

/** Whether the control named `name` is concerned by a problem: its own, one inside it, or one of the whole it belongs to. */
export function isInvalid(placed: PlacedProblems | undefined, name: string): boolean {
  return !!placed?.paths.some((path) => path === name || path.startsWith(`${name}.`) || name.startsWith(`${path}.`));
}
