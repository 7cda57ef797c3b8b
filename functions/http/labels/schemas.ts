/**
 * Request and response shapes of the Quality Label routes (applications and
 * evaluations). Handlers parse with them; the OpenAPI document is generated
 * from them.
 */
import * as z from 'zod';
import { visibleText } from '../visible-text.ts';
import {
  eligibilityDeclarations,
  isEvidenceLink,
  labelCriteria,
  labelStatuses,
  mandatoryPoints,
  maxCriterionScore,
  maxMandatoryScore,
  type EligibilityDeclaration,
  type LabelCriterion,
  type MandatoryPoint,
} from '../../domain/labels.ts';
import type { LabelApplication } from '../../data/labels.ts';
import { pageQuery } from '../../lib/cursor.ts';
import { ulidString } from '../schemas.ts';

/** Text a person writes, of many lines: trimmed, 1..max characters counted as code points (an emoji is one). */
const writtenText = (max: number) => visibleText({ max, multiline: true });

/**
 * A link to a TwinSpace page: an https address, or a path of this site
 * ("/en/projects/…"). Never javascript:, data: or plain http.
 */
const evidenceLink = z
  .string()
  .trim()
  .max(2000)
  .refine(isEvidenceLink, 'Expected an https address or a path of this site (starting with /).');

export const evidenceTextMax = 3000;
export const evidenceLinksMax = 10;

const criterionEvidence = z.object({ text: writtenText(evidenceTextMax), links: z.array(evidenceLink).max(evidenceLinksMax) }).strict();

const recordOf = <K extends string, T extends z.ZodType>(names: readonly K[], value: T) =>
  z.object(Object.fromEntries(names.map((name) => [name, value])) as Record<K, T>).strict();

/** Each declaration must be present (true or false); a false one is refused by the rule, naming the field. */
export const eligibilityBody = recordOf<EligibilityDeclaration, z.ZodBoolean>(eligibilityDeclarations, z.boolean());
export const evidenceBody = recordOf<LabelCriterion, typeof criterionEvidence>(labelCriteria, criterionEvidence);

/** Applying again after a label was not granted: the application reviewed and the criteria to review again. */
export const reviewOfBody = z
  .object({
    labelId: ulidString,
    criteria: z
      .array(z.enum(labelCriteria))
      .min(1, 'Name at least one criterion to review again.')
      .refine((criteria) => new Set(criteria).size === criteria.length, 'Each criterion once.'),
  })
  .strict();

export const applyBody = z
  .object({
    eligibility: eligibilityBody,
    evidence: evidenceBody,
    reviewOf: reviewOfBody.optional(),
  })
  .strict();
export type ApplyBody = z.infer<typeof applyBody>;
export type ApplyBodyInput = z.input<typeof applyBody>;

const score = (max: number) => z.number().int().min(0).max(max);

export const evaluationBody = z
  .object({
    scores: recordOf<LabelCriterion, z.ZodNumber>(labelCriteria, score(maxCriterionScore)),
    mandatory: recordOf<MandatoryPoint, z.ZodNumber>(mandatoryPoints, score(maxMandatoryScore)),
    feedback: recordOf<LabelCriterion, ReturnType<typeof writtenText>>(labelCriteria, writtenText(evidenceTextMax)),
  })
  .strict();
export type EvaluationBody = z.infer<typeof evaluationBody>;

export const labelPathParams = z.object({ labelId: ulidString });
export const labelsQuery = pageQuery;
export const evaluationsQuery = pageQuery.extend({ status: z.literal('pending').default('pending') });

export const evaluationResponse = z.object({
  evaluatorId: z.string(),
  evaluatorName: z.string(),
  scores: recordOf<LabelCriterion, z.ZodNumber>(labelCriteria, z.number().int()),
  mandatory: recordOf<MandatoryPoint, z.ZodNumber>(mandatoryPoints, z.number().int()),
  feedback: recordOf<LabelCriterion, z.ZodString>(labelCriteria, z.string()),
  total: z.number().int(),
  passMark: z.number().int(),
  granted: z.boolean(),
  evaluatedAt: z.string(),
});

export const labelApplicationResponse = z.object({
  labelId: z.string(),
  projectId: z.string(),
  projectTitle: z.string(),
  applicantId: z.string(),
  applicantName: z.string(),
  applicantSchool: z.string().optional(),
  country: z.string(),
  schoolYear: z.string(),
  status: z.enum(labelStatuses),
  eligibility: recordOf<EligibilityDeclaration, z.ZodBoolean>(eligibilityDeclarations, z.boolean()),
  evidence: recordOf<LabelCriterion, z.ZodObject<{ text: z.ZodString; links: z.ZodArray<z.ZodString> }>>(
    labelCriteria,
    z.object({ text: z.string(), links: z.array(z.string()) }),
  ),
  reviewOf: z.object({ labelId: z.string(), criteria: z.array(z.enum(labelCriteria)) }).optional(),
  submittedAt: z.string(),
  evaluation: evaluationResponse.optional(),
});
export type LabelApplicationResponse = z.infer<typeof labelApplicationResponse>;

const page = <T extends z.ZodType>(entry: T) => z.object({ items: z.array(entry), nextCursor: z.string().nullable() });
export const labelApplicationsPage = page(labelApplicationResponse);
export type LabelApplicationsPage = z.infer<typeof labelApplicationsPage>;

/** An application as the API shows it: everything but the applicant's school id (an internal key). */
export function labelApplicationOut(application: LabelApplication): LabelApplicationResponse {
  const { applicantSchoolId: _schoolId, ...shown } = application;
  return shown;
}
