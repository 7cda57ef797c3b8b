/** A teacher's sign-up rules, without a database: countries, normalisation, password rules, who validates, the e-mails. */
import { describe, expect, it } from 'vitest';
import {
  approvalMail,
  decisionConflict,
  etwinningCountries,
  isEtwinningCountry,
  normaliseEmail,
  normaliseName,
  passwordProblems,
  rejectionMail,
  validationRefusal,
} from '../../functions/domain/registration.ts';
import { registrationBody, validationBody } from '../../functions/http/registrations/schemas.ts';

const valid = {
  email: 'Marie.Dupont@Example.org',
  password: 'Correct-Horse-9',
  displayName: '  Marie   Dupont ',
  country: 'fr',
  schoolName: 'École  Jules Ferry',
  city: ' Nantes',
};

describe('who may sign up', () => {
  it('lists every EU member state and the demo countries once, as ISO alpha-2 codes', () => {
    expect(new Set(etwinningCountries).size).toBe(etwinningCountries.length);
    for (const code of etwinningCountries) expect(code).toMatch(/^[A-Z]{2}$/);
    const eu = ['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE'];
    for (const code of eu) expect(isEtwinningCountry(code), code).toBe(true);
  });

  it('refuses countries outside eTwinning and lower-case codes', () => {
    expect(isEtwinningCountry('US')).toBe(false);
    expect(isEtwinningCountry('es')).toBe(false);
    expect(isEtwinningCountry('UK')).toBe(false);
  });
});

describe('normalising what people type', () => {
  it('compares e-mail addresses without case or surrounding spaces', () => {
    expect(normaliseEmail('  Ana.Garcia@Example.ORG ')).toBe('ana.garcia@example.org');
  });

  it('collapses stray spaces in names', () => {
    expect(normaliseName('  IES   Río Ebro ')).toBe('IES Río Ebro');
  });

  it('turns a valid body into its normal form', () => {
    expect(registrationBody.parse(valid)).toEqual({
      email: 'marie.dupont@example.org',
      password: 'Correct-Horse-9',
      displayName: 'Marie Dupont',
      country: 'FR',
      schoolName: 'École Jules Ferry',
      city: 'Nantes',
    });
  });

  it('names each bad field', () => {
    const result = registrationBody.safeParse({ ...valid, email: 'nope', country: 'US', displayName: ' ', extra: 1 });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join('.') || issue.code);
    expect(paths).toEqual(expect.arrayContaining(['email', 'country', 'displayName']));
    expect(result.error!.issues.some((issue) => issue.code === 'unrecognized_keys')).toBe(true);
  });
});

describe('the password rules in words (issue 11: one a ten-year-old can meet)', () => {
  it('accepts what a child can type and remember: eight characters or more, any mix, words and spaces included', () => {
    for (const password of ['olive tree', 'football', 'my blue bike', '12345678', 'CASTILLO', 'árbol del río']) expect(passwordProblems(password), password).toEqual([]);
  });

  it('asks for no capital letter, digit or symbol: staff protection comes from TOTP, not from a child’s password', () => {
    expect(passwordProblems('lowercaseonly')).toEqual([]);
  });

  it('lists every rule a password misses: too short, or a space at either end (Cognito refuses those)', () => {
    expect(passwordProblems('seven77')).toEqual(['at least 8 characters']);
    expect(passwordProblems(' olive tree')).toEqual(['no space at the start or the end']);
    expect(passwordProblems('olive tree ')).toEqual(['no space at the start or the end']);
    expect(passwordProblems(' short ')).toEqual(['at least 8 characters', 'no space at the start or the end']);
  });

  it('puts the rules in the body error', () => {
    const result = registrationBody.safeParse({ ...valid, password: 'short' });
    const issue = result.error!.issues.find((found) => found.path[0] === 'password');
    expect(issue?.message).toBe('The password needs at least 8 characters.');
  });
});

describe('who validates, and when', () => {
  it('lets only an NSS officer of the teacher’s country decide', () => {
    expect(validationRefusal({ kind: 'nss', country: 'ES' }, 'ES')).toBeUndefined();
    expect(validationRefusal({ kind: 'nss', country: 'FR' }, 'ES')).toMatch(/NSS of ES/);
    expect(validationRefusal({ kind: 'teacher', country: 'ES' }, 'ES')).toMatch(/Only NSS officers/);
    expect(validationRefusal({ kind: 'evaluator', country: 'ES' }, 'ES')).toMatch(/Only NSS officers/);
    expect(validationRefusal(undefined, 'ES')).toMatch(/Only NSS officers/);
  });

  it('decides a registration once, while pending', () => {
    expect(decisionConflict('pending')).toBeUndefined();
    expect(decisionConflict('approved')).toMatch(/already validated/);
    expect(decisionConflict(undefined)).toMatch(/not waiting/);
  });

  it('requires a reason to reject, not to approve', () => {
    expect(validationBody.safeParse({ approve: true }).success).toBe(true);
    const noReason = validationBody.safeParse({ approve: false, reason: '  ' });
    expect(noReason.error?.issues[0].path).toEqual(['reason']);
  });
});

describe('the e-mails the teacher gets', () => {
  it('tells a validated teacher how to sign in', () => {
    const mail = approvalMail('Marie', 'marie@example.org');
    expect(mail.subject).toMatch(/validated/);
    expect(mail.text).toContain('marie@example.org');
  });

  it('gives a rejected teacher the NSS’s reason', () => {
    expect(rejectionMail('Marie', 'No such school.').text).toContain('No such school.');
  });
});
