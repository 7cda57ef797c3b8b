/** Quality Label rules (DOMAIN.md, "Quality Labels") and the shapes of the label routes, without a database. */
import { describe, expect, it } from 'vitest';
import { passMarkOf } from '../../functions/data/labels.ts';
import { declinedDeclarations, isOwnSchool, judgeLabel, schoolYearOf } from '../../functions/domain/labels.ts';
import { applyBody, evaluationBody } from '../../functions/http/labels/schemas.ts';
import { problemsOf } from '../../functions/lib/errors.ts';

const allYes = { commonGoals: true, finished: true, participation: true, collaborativeActivities: true, dataProtection: true };
const evidence = (text = 'We did it together.', links: string[] = []) => ({
  collaboration: { text, links },
  technology: { text, links },
  pedagogy: { text, links },
  curriculum: { text, links },
  results: { text, links },
});
const fieldsOf = (schema: typeof applyBody | typeof evaluationBody, input: unknown) => {
  const parsed = schema.safeParse(input);
  return parsed.success ? [] : problemsOf(parsed.error, 'body').map((problem) => problem.field);
};

describe('the school year an application counts in', () => {
  it('runs from 1 September to 31 August', () => {
    expect(schoolYearOf(new Date('2026-08-31T23:59:59Z'))).toBe('2025-2026');
    expect(schoolYearOf(new Date('2026-09-01T00:00:00Z'))).toBe('2026-2027');
    expect(schoolYearOf(new Date('2027-01-15T12:00:00Z'))).toBe('2026-2027');
  });
});

describe('eligibility', () => {
  it('needs every declaration to be yes, and names those that are not', () => {
    expect(declinedDeclarations(allYes)).toEqual([]);
    expect(declinedDeclarations({ ...allYes, finished: false, dataProtection: false })).toEqual(['finished', 'dataProtection']);
  });
});

describe('the verdict', () => {
  const scores = (each: number) => ({ collaboration: each, technology: each, pedagogy: each, curriculum: each, results: each });
  const mandatory = { pupilCollaboration: 1, ictUse: 1, safety: 1 };

  it('grants at the pass mark, 15 by default, when every mandatory point is at least 1', () => {
    expect(judgeLabel({ scores: scores(3), mandatory })).toMatchObject({ total: 15, passMark: 15, granted: true, shortfalls: [] });
  });

  it('does not grant below the pass mark', () => {
    const verdict = judgeLabel({ scores: { ...scores(3), results: 2 }, mandatory });
    expect(verdict).toMatchObject({ total: 14, granted: false });
    expect(verdict.shortfalls).toEqual(['The total 14 is below the pass mark 15.']);
  });

  it('does not grant a full score with a mandatory point at 0', () => {
    const verdict = judgeLabel({ scores: scores(6), mandatory: { ...mandatory, safety: 0 } });
    expect(verdict).toMatchObject({ total: 30, granted: false });
    expect(verdict.shortfalls).toEqual(['The mandatory point safety scored 0.']);
  });

  it("uses the country's own pass mark", () => {
    expect(judgeLabel({ scores: scores(4), mandatory }, 21).granted).toBe(false);
    expect(passMarkOf({ labelPassMark: 21 })).toBe(21);
    expect(passMarkOf(undefined)).toBe(15);
    expect(passMarkOf({ labelPassMark: 'high' })).toBe(15);
  });

  it('keeps an evaluator away from their own school only', () => {
    expect(isOwnSchool('S1', 'S1')).toBe(true);
    expect(isOwnSchool('S1', 'S2')).toBe(false);
    expect(isOwnSchool(undefined, undefined)).toBe(false);
  });
});

describe('the application form', () => {
  it('accepts five declarations and evidence for the five criteria, links to https addresses or site paths', () => {
    const parsed = applyBody.parse({ eligibility: allYes, evidence: evidence('  Joint work.  ', ['https://example.org/page', '/en/projects/x/pages/y']) });
    expect(parsed.evidence.collaboration.text).toBe('Joint work.');
  });

  it('names a missing declaration and a missing criterion', () => {
    const { finished: _finished, ...fourYes } = allYes;
    const { results: _results, ...fourCriteria } = evidence();
    expect(fieldsOf(applyBody, { eligibility: fourYes, evidence: fourCriteria })).toEqual(['body.eligibility.finished', 'body.evidence.results']);
  });

  it('refuses unsafe links and empty or too long texts (counted as characters a person sees)', () => {
    expect(fieldsOf(applyBody, { eligibility: allYes, evidence: { ...evidence(), technology: { text: 'x', links: ['javascript:alert(1)'] } } })).toEqual([
      'body.evidence.technology.links.0',
    ]);
    expect(fieldsOf(applyBody, { eligibility: allYes, evidence: { ...evidence(), pedagogy: { text: '   ', links: [] } } })).toEqual(['body.evidence.pedagogy.text']);
    expect(applyBody.safeParse({ eligibility: allYes, evidence: evidence('🌊'.repeat(3000)) }).success).toBe(true);
    expect(fieldsOf(applyBody, { eligibility: allYes, evidence: { ...evidence(), results: { text: 'a'.repeat(3001), links: [] } } })).toEqual(['body.evidence.results.text']);
  });

  it('a review names at least one criterion, each once', () => {
    const labelId = '01JG2B7K8M9N0P1Q2R3S4T5V6W';
    expect(fieldsOf(applyBody, { eligibility: allYes, evidence: evidence(), reviewOf: { labelId, criteria: [] } })).toEqual(['body.reviewOf.criteria']);
    expect(fieldsOf(applyBody, { eligibility: allYes, evidence: evidence(), reviewOf: { labelId, criteria: ['results', 'results'] } })).toEqual(['body.reviewOf.criteria']);
    expect(fieldsOf(applyBody, { eligibility: allYes, evidence: evidence(), reviewOf: { labelId, criteria: ['results'] } })).toEqual([]);
  });
});

describe('the evaluation form', () => {
  const feedback = { collaboration: 'Good.', technology: 'Good.', pedagogy: 'Good.', curriculum: 'Good.', results: 'Good.' };
  it('scores criteria 0..6 and mandatory points 0..2, whole numbers, with feedback for each criterion', () => {
    const valid = {
      scores: { collaboration: 6, technology: 0, pedagogy: 3, curriculum: 3, results: 3 },
      mandatory: { pupilCollaboration: 2, ictUse: 0, safety: 1 },
      feedback,
    };
    expect(fieldsOf(evaluationBody, valid)).toEqual([]);
    expect(
      fieldsOf(evaluationBody, {
        scores: { ...valid.scores, collaboration: 7, technology: 2.5 },
        mandatory: { ...valid.mandatory, safety: 3 },
        feedback: { ...feedback, results: '' },
      }),
    ).toEqual(['body.scores.collaboration', 'body.scores.technology', 'body.mandatory.safety', 'body.feedback.results']);
  });
});
