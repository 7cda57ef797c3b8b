/**
 * National Quality Labels (DOMAIN.md, "Quality Labels"): the application
 * form's declarations and criteria, the school year an application counts
 * in, and the evaluator's verdict. Pure rules, no I/O.
 */

/** The five eligibility declarations; every one must be yes. */
export const eligibilityDeclarations = [
  /** common goals and a shared plan */
  'commonGoals',
  /** the project is finished or nearly finished */
  'finished',
  /** the applicant and their pupils took part in the activities */
  'participation',
  /** collaborative activities between partner schools took place */
  'collaborativeActivities',
  /** data protection and copyright were respected */
  'dataProtection',
] as const;
export type EligibilityDeclaration = (typeof eligibilityDeclarations)[number];

/** The five criteria: evidence per criterion from the applicant, a score 0..6 per criterion from the evaluator. */
export const labelCriteria = ['collaboration', 'technology', 'pedagogy', 'curriculum', 'results'] as const;
export type LabelCriterion = (typeof labelCriteria)[number];

/** The three mandatory points, each scored 0..2: pupils' online collaboration, use of ICT, data protection/copyright/e-safety. */
export const mandatoryPoints = ['pupilCollaboration', 'ictUse', 'safety'] as const;
export type MandatoryPoint = (typeof mandatoryPoints)[number];

export const maxCriterionScore = 6;
export const maxMandatoryScore = 2;
/** The pass mark unless the country configured its own (DOMAIN.md). */
export const defaultPassMark = 15;
/** At most four applications per teacher per school year (1 September – 31 August). */
export const maxApplicationsPerSchoolYear = 4;

export const labelStatuses = ['waiting', 'granted', 'not-granted'] as const;
export type LabelStatus = (typeof labelStatuses)[number];

/** The declarations answered no, in the form's order (each is a field the applicant must change). */
export function declinedDeclarations(eligibility: Record<EligibilityDeclaration, boolean>): EligibilityDeclaration[] {
  return eligibilityDeclarations.filter((declaration) => eligibility[declaration] !== true);
}

/**
 * The school year a moment falls in, as "2025-2026": from 1 September
 * (inclusive) to 31 August, in UTC, so a counter key never depends on the
 * server's time zone.
 */
export function schoolYearOf(moment: Date): string {
  const year = moment.getUTCFullYear();
  const startYear = moment.getUTCMonth() >= 8 ? year : year - 1;
  return `${startYear}-${startYear + 1}`;
}

/**
 * Whether a teacher who has already made `madeThisSchoolYear` applications in
 * the school year may make another: the fourth is accepted, the fifth is not.
 * The application's transaction enforces the same rule atomically on the
 * teacher's counter for the year (data/labels.ts, submitLabelApplication:
 * condition `applications < :max`, :max = maxApplicationsPerSchoolYear);
 * tests/unit/label-limits.test.ts holds the two to agreement.
 */
export function allowsAnotherApplication(madeThisSchoolYear: number): boolean {
  return madeThisSchoolYear < maxApplicationsPerSchoolYear;
}

export interface LabelScores {
  scores: Record<LabelCriterion, number>;
  mandatory: Record<MandatoryPoint, number>;
}

export interface LabelVerdict {
  /** Sum of the five criteria, 0..30. */
  total: number;
  passMark: number;
  granted: boolean;
  /** Why it was not granted, in the evaluator's and the teacher's words (empty when granted). */
  shortfalls: string[];
}

/** Granted when every mandatory point is at least 1 and the total reaches the pass mark. */
export function judgeLabel({ scores, mandatory }: LabelScores, passMark: number = defaultPassMark): LabelVerdict {
  const total = labelCriteria.reduce((sum, criterion) => sum + scores[criterion], 0);
  const shortfalls: string[] = [];
  for (const point of mandatoryPoints) {
    if (mandatory[point] < 1) shortfalls.push(`The mandatory point ${point} scored 0.`);
  }
  if (total < passMark) shortfalls.push(`The total ${total} is below the pass mark ${passMark}.`);
  return { total, passMark, granted: shortfalls.length === 0, shortfalls };
}

/** An evaluator never scores an application from their own school (both must have one for this to bite). */
export function isOwnSchool(evaluatorSchoolId: string | undefined, applicantSchoolId: string | undefined): boolean {
  return evaluatorSchoolId !== undefined && evaluatorSchoolId === applicantSchoolId;
}

/** Why an evaluator may not score an application. */
export type EvaluationRefusal = 'other-country' | 'own-school';

/**
 * Whether an evaluator may score an application (DOMAIN.md: "An evaluator of
 * the applicant's country scores ..."; "An evaluator never scores an
 * application from their own school"): undefined when they may, else why not.
 * Another country is named first: such an evaluator never sees the
 * application at all.
 */
export function evaluationRefusal(
  evaluator: { country: string; schoolId?: string },
  application: { country: string; applicantSchoolId?: string },
): EvaluationRefusal | undefined {
  if (evaluator.country !== application.country) return 'other-country';
  if (isOwnSchool(evaluator.schoolId, application.applicantSchoolId)) return 'own-school';
  return undefined;
}

/** An evaluator's verdict, as stored with the application. */
export interface LabelEvaluation {
  evaluatorId: string;
  evaluatorName: string;
  scores: Record<LabelCriterion, number>;
  mandatory: Record<MandatoryPoint, number>;
  feedback: Record<LabelCriterion, string>;
  total: number;
  passMark: number;
  granted: boolean;
  evaluatedAt: string;
}

export interface LabelApplication {
  labelId: string;
  projectId: string;
  projectTitle: string;
  applicantId: string;
  applicantName: string;
  /** The applicant's school when they applied: an evaluator of that school never scores it. */
  applicantSchoolId?: string;
  applicantSchool?: string;
  /** The applicant's country: its evaluators judge the application. */
  country: string;
  schoolYear: string;
  status: LabelStatus;
  eligibility: Record<EligibilityDeclaration, boolean>;
  evidence: Record<LabelCriterion, { text: string; links: string[] }>;
  reviewOf?: { labelId: string; criteria: LabelCriterion[] };
  submittedAt: string;
  evaluation?: LabelEvaluation;
}

/**
 * A link of a label application's evidence (DOMAIN.md: evidence links to
 * TwinSpace pages): an https address, or a path of this site. A path must stay
 * on this site wherever a browser reads it: no "//" or backslash (browsers
 * read "/\evil.example" as "//evil.example", another site), no spaces or
 * control characters. The API accepts, and the site links, nothing else.
 */
export function isEvidenceLink(link: string): boolean {
  if (link.length > 2000 || /[\s\u0000-\u001f\u007f\\]/.test(link)) return false;
  if (link.startsWith('/')) {
    if (link.startsWith('//')) return false;
    const base = 'https://this-site.invalid';
    return URL.canParse(link, base) && new URL(link, base).origin === base;
  }
  return URL.canParse(link) && new URL(link).protocol === 'https:' && new URL(link).hostname !== '';
}
