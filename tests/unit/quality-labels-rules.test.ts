/**
 * The Quality Label pages' rules (web/src/scripts/twinspace/labels/quality-labels.ts,
 * labels-page.ts, evaluations-page.ts), pure. Expected outcomes from
 * DOMAIN.md ("Quality Labels": one application per teacher and project,
 * after a label not granted one review naming the criteria to judge again)
 * and API.md (400 problems name nested fields; links https or a site path).
 */
import { describe, expect, it } from 'vitest';
import type { LabelApplicationResponse } from '../../functions/http/labels/schemas.ts';
import { emptyEvaluation, evaluationBody, evaluationFields, verdictOf } from '../../web/src/scripts/twinspace/labels/evaluations-page.ts';
import { applicationBody, applicationFields, applyingOffer, emptyApplication, fieldId, subOf } from '../../web/src/scripts/twinspace/labels/labels-page.ts';
import { isInvalid, isSafeEvidenceLink, placeProblems } from '../../web/src/scripts/twinspace/labels/quality-labels.ts';

const application = (over: Partial<LabelApplicationResponse>): LabelApplicationResponse =>
  ({ labelId: 'L1', applicantId: 'me', status: 'waiting', submittedAt: '2026-03-01T10:00:00.000Z', projectTitle: 'River maps', ...over }) as LabelApplicationResponse;

describe('placeProblems', () => {
  it('puts a nested problem under the field of its longest named prefix, and marks that control only', () => {
    const placed = placeProblems(
      [
        { field: 'body.evidence.technology.links.1', message: 'Expected an https address.' },
        { field: 'body.eligibility.finished', message: 'Must be true.' },
      ],
      applicationFields,
    );
    expect(placed?.messages).toEqual({ 'evidence.technology.links': 'Expected an https address.', eligibility: 'Must be true.' });
    expect(isInvalid(placed, 'evidence.technology.links')).toBe(true);
    expect(isInvalid(placed, 'evidence.technology.text')).toBe(false);
    expect(isInvalid(placed, 'eligibility.finished')).toBe(true);
    expect(isInvalid(placed, 'eligibility.commonGoals')).toBe(false);
  });
  it('joins several problems of one field, and is undefined when no problem has a field', () => {
    const placed = placeProblems(
      [
        { field: 'body.scores.technology', message: 'Expected a number.' },
        { field: 'body.scores.technology', message: 'At most 6.' },
      ],
      evaluationFields,
    );
    expect(placed?.messages['scores.technology']).toBe('Expected a number. At most 6.');
    expect(placeProblems([{ field: 'body.somethingElse', message: 'x' }], evaluationFields)).toBeUndefined();
  });
  it('names controls as the ids the kit wires errors to', () => {
    expect(fieldId('evidence.technology.links')).toBe('evidence-technology-links');
  });
});

describe('isSafeEvidenceLink', () => {
  it('links only https addresses and paths of this site', () => {
    expect(isSafeEvidenceLink('https://example.test/maps')).toBe(true);
    expect(isSafeEvidenceLink('/en/twinspace/pages/?id=1')).toBe(true);
    expect(isSafeEvidenceLink('//evil.test/')).toBe(false);
    expect(isSafeEvidenceLink('javascript:alert(1)')).toBe(false);
    expect(isSafeEvidenceLink('http://example.test/')).toBe(false);
  });

  it('never links a path a browser reads as another site (issue 11: "/\\evil.example" was linked off-site)', () => {
    // Browsers read a backslash as a slash in a URL's path: "/\\evil.example" is "//evil.example", another host.
    expect(isSafeEvidenceLink('/\\evil.example')).toBe(false);
    expect(isSafeEvidenceLink('/\\/evil.example/x')).toBe(false);
    expect(isSafeEvidenceLink('/\t/evil.example')).toBe(false);
    expect(isSafeEvidenceLink(' //evil.example')).toBe(false);
    // What the browser would make of each accepted path stays on this site.
    for (const path of ['/en/twinspace/pages/?id=1', '/es/public/?id=01J#top', '/a%5Cb']) {
      expect(isSafeEvidenceLink(path), path).toBe(true);
      expect(new URL(path, 'https://twinspace.example').host).toBe('twinspace.example');
    }
  });
});

describe('applyingOffer', () => {
  it('offers a first application to a teacher with none, and nothing while mine waits', () => {
    expect(applyingOffer([application({ applicantId: 'someone else' })], 'me')).toEqual({ offer: 'apply' });
    expect(applyingOffer([application({})], 'me')).toEqual({ offer: 'none', why: 'qualityLabels.waitingOwn' });
  });
  it('offers the one review of a refused application, and nothing once granted or reviewed', () => {
    const refused = application({ status: 'not-granted' });
    expect(applyingOffer([refused], 'me')).toEqual({ offer: 'review', refused });
    expect(applyingOffer([application({ labelId: 'L2', reviewOf: { labelId: 'L1', criteria: ['technology'] } }), refused], 'me')).toEqual({
      offer: 'none',
      why: 'qualityLabels.reviewedOwn',
    });
    expect(applyingOffer([application({ status: 'granted' })], 'me')).toEqual({ offer: 'none', why: 'qualityLabels.grantedOwn' });
  });
});

describe('applicationBody', () => {
  it('sends every declaration, the evidence with one link per line, and no review on a first application', () => {
    const values = emptyApplication();
    values.eligibility.finished = true;
    values.evidence.technology = { text: 'Maps online.', links: ' https://example.test/a \n\n/en/x\n' };
    const checked = applicationBody(values);
    expect('body' in checked && checked.body.eligibility).toEqual({ commonGoals: false, finished: true, participation: false, collaborativeActivities: false, dataProtection: false });
    expect('body' in checked && checked.body.evidence.technology).toEqual({ text: 'Maps online.', links: ['https://example.test/a', '/en/x'] });
    expect('body' in checked && 'reviewOf' in checked.body).toBe(false);
  });
  it('a review names at least one criterion, said in the teacher’s words before sending, in the form’s order', () => {
    expect(applicationBody(emptyApplication(), { labelId: 'L1' })).toEqual({ problem: 'qualityLabels.reviewNeedsCriteria' });
    const checked = applicationBody({ ...emptyApplication(), review: ['results', 'technology'] }, { labelId: 'L1' });
    expect('body' in checked && checked.body.reviewOf).toEqual({ labelId: 'L1', criteria: ['technology', 'results'] });
  });
});

describe('the evaluation', () => {
  it('sends typed scores as numbers and an empty box as null', () => {
    const values = emptyEvaluation();
    values.scores.technology = '5';
    values.mandatory.safety = '0';
    values.feedback.results = 'Good.';
    const body = evaluationBody(values);
    expect(body.scores.technology).toBe(5);
    expect(body.scores.results).toBeNull();
    expect(body.mandatory.safety).toBe(0);
    expect(body.feedback.results).toBe('Good.');
  });
  it('words the verdict by its result', () => {
    const evaluation = { granted: false, total: 8, passMark: 15 } as LabelApplicationResponse['evaluation'];
    expect(verdictOf(application({ evaluation }))).toEqual({ key: 'evaluations.notGranted', granted: false, values: { title: 'River maps', total: '8', passMark: '15' } });
    expect(verdictOf(application({ evaluation: { ...evaluation!, granted: true, total: 25 } }))?.key).toBe('evaluations.granted');
  });
});

describe('subOf', () => {
  it('reads the user id from an ID token, and nothing from a broken one', () => {
    const payload = Buffer.from(JSON.stringify({ sub: 'user-1' })).toString('base64url');
    expect(subOf(`h.${payload}.s`)).toBe('user-1');
    expect(subOf('broken')).toBe('');
  });
});
