/** Managing members: the pure rules (functions/domain/membership-rules.ts). */
import { describe, expect, it } from 'vitest';
import {
  groupChanges,
  judgeAddition,
  judgeMemberChange,
  meetsPasswordPolicy,
  oneTimePassword,
  oneTimePasswordAlphabet,
  pupilUsername,
  pupilUsernameStem,
  teacherAdminWitness,
  type MemberChangeContext,
} from '../../functions/domain/membership-rules.ts';
import { passwordPolicy } from '../../functions/domain/password-policy.ts';

const ana = { userId: 'ana', type: 'teacher-admin', kind: 'teacher' } as const;
const luc = { userId: 'luc', type: 'teacher-admin', kind: 'teacher' } as const;
const eva = { userId: 'eva', type: 'teacher-admin', kind: 'teacher' } as const;
const founders = ['ana', 'luc'];

const context = (callerId: string, target: MemberChangeContext['target'], teacherAdminIds: string[]): MemberChangeContext => ({
  callerId,
  target,
  founders,
  teacherAdminIds,
});

describe('adding an existing account', () => {
  it('lets a teacher be a teacher-admin, member-teacher or visitor, and a guest only a visitor', () => {
    for (const type of ['teacher-admin', 'member-teacher', 'visitor'] as const) expect(judgeAddition('teacher', type)).toEqual({ allowed: true });
    expect(judgeAddition('guest', 'visitor')).toEqual({ allowed: true });
    expect(judgeAddition('guest', 'member-teacher')).toMatchObject({ allowed: false, status: 400, field: 'body.type' });
    expect(judgeAddition('teacher', 'pupil-member')).toMatchObject({ allowed: false, status: 400, field: 'body.type' });
  });

  it('never adds a pupil by username, nor an nss officer or an evaluator', () => {
    expect(judgeAddition('pupil', 'pupil-member')).toMatchObject({ allowed: false, status: 400, field: 'body.username' });
    for (const type of ['teacher-admin', 'member-teacher', 'pupil-admin', 'pupil-member', 'visitor'] as const) {
      expect(judgeAddition('nss', type).allowed).toBe(false);
      expect(judgeAddition('evaluator', type).allowed).toBe(false);
    }
  });
});

describe('changing a type or removing a member', () => {
  it('keeps a change within the kinds a type allows', () => {
    const pupil = { userId: 'p', type: 'pupil-member', kind: 'pupil' } as const;
    expect(judgeMemberChange(context('ana', pupil, ['ana', 'luc']), { to: 'pupil-admin' })).toEqual({ allowed: true });
    expect(judgeMemberChange(context('ana', pupil, ['ana', 'luc']), { to: 'member-teacher' })).toMatchObject({ allowed: false, status: 400, field: 'body.type' });
    const guest = { userId: 'g', type: 'visitor', kind: 'guest' } as const;
    expect(judgeMemberChange(context('ana', guest, ['ana', 'luc']), { to: 'teacher-admin' })).toMatchObject({ allowed: false, status: 400 });
  });

  it('refuses anyone else demoting or removing a founder', () => {
    expect(judgeMemberChange(context('ana', luc, ['ana', 'luc', 'eva']), { to: 'member-teacher' })).toMatchObject({ allowed: false, status: 403 });
    expect(judgeMemberChange(context('eva', luc, ['ana', 'luc', 'eva']), 'remove')).toMatchObject({ allowed: false, status: 403 });
    // Bringing a founder back to teacher administrator is no demotion.
    const demotedFounder = { userId: 'luc', type: 'member-teacher', kind: 'teacher' } as const;
    expect(judgeMemberChange(context('ana', demotedFounder, ['ana']), { to: 'teacher-admin' })).toEqual({ allowed: true });
    expect(judgeMemberChange(context('ana', demotedFounder, ['ana']), { to: 'visitor' })).toMatchObject({ status: 403 });
  });

  it('lets a founder step down or leave while another teacher administrator remains', () => {
    expect(judgeMemberChange(context('luc', luc, ['ana', 'luc']), { to: 'member-teacher' })).toEqual({ allowed: true });
    expect(judgeMemberChange(context('luc', luc, ['ana', 'luc']), 'remove')).toEqual({ allowed: true });
  });

  it('keeps the last teacher administrator, founder or not', () => {
    expect(judgeMemberChange(context('luc', luc, ['luc']), { to: 'member-teacher' })).toMatchObject({ allowed: false, status: 409 });
    expect(judgeMemberChange(context('luc', luc, ['luc']), 'remove')).toMatchObject({ allowed: false, status: 409 });
    expect(judgeMemberChange(context('eva', eva, ['eva']), { to: 'visitor' })).toMatchObject({ allowed: false, status: 409 });
    // Another admin demoting a non-founder admin leaves the caller: allowed.
    expect(judgeMemberChange(context('ana', eva, ['ana', 'eva']), 'remove')).toEqual({ allowed: true });
    // Staying teacher-admin is never a demotion.
    expect(judgeMemberChange(context('eva', eva, ['eva']), { to: 'teacher-admin' })).toEqual({ allowed: true });
  });

  it('names whose admin role the write must still find: the caller, or another admin when changing oneself', () => {
    expect(teacherAdminWitness(context('ana', eva, ['ana', 'eva']), 'remove')).toBe('ana');
    expect(teacherAdminWitness(context('luc', luc, ['ana', 'luc']), { to: 'visitor' })).toBe('ana');
    expect(teacherAdminWitness(context('luc', luc, ['ana', 'luc']), { to: 'teacher-admin' })).toBeUndefined();
  });
});

describe('Cognito group sync', () => {
  it('adds the groups of types held and removes the others, leaving nss and evaluator alone', () => {
    expect(groupChanges(['pupil-admin'], ['pupil-member'])).toEqual({ add: ['pupil-admin'], remove: ['pupil-member'] });
    expect(groupChanges(['teacher-admin', 'visitor'], ['teacher-admin', 'nss', 'evaluator'])).toEqual({ add: ['visitor'], remove: [] });
    expect(groupChanges([], ['member-teacher', 'evaluator'])).toEqual({ add: [], remove: ['member-teacher'] });
    expect(groupChanges(['visitor', 'visitor'], ['visitor'])).toEqual({ add: [], remove: [] });
  });
});

describe("pupils' usernames", () => {
  it('reads as pupil.<first name in ASCII lower case> and four digits', () => {
    expect(pupilUsernameStem('Zoë  Núñez')).toBe('pupil.zoe');
    expect(pupilUsernameStem('  Łukasz Kowalski')).toBe('pupil.ukasz');
    expect(pupilUsernameStem('Ángel')).toBe('pupil.angel');
    expect(pupilUsernameStem('李雷')).toBe('pupil.pupil');
    expect(pupilUsername('Marta Ruiz', () => 42)).toBe('pupil.marta0042');
    expect(pupilUsername('Marta Ruiz')).toMatch(/^pupil\.marta\d{4}$/);
  });
});

describe('one-time passwords', () => {
  it('always meet the password policy, with no look-alike characters', () => {
    for (let round = 0; round < 500; round++) {
      const password = oneTimePassword();
      expect(meetsPasswordPolicy(password), password).toBe(true);
      expect(password.length).toBeGreaterThanOrEqual(passwordPolicy.minLength);
      expect(password).not.toMatch(/[0O1lIo]/);
    }
  });

  it('meet the policy even when the random source always picks the first character', () => {
    const password = oneTimePassword(() => 0);
    expect(meetsPasswordPolicy(password)).toBe(true);
    const { lower, upper, digits, symbols } = oneTimePasswordAlphabet;
    for (const set of [lower, upper, digits, symbols]) expect([...password].some((character) => set.includes(character))).toBe(true);
  });

  it('differ from one another', () => {
    expect(new Set(Array.from({ length: 200 }, () => oneTimePassword())).size).toBe(200);
  });

  it('are judged by a policy as Cognito would, each required class included', () => {
    const strict = { ...passwordPolicy, minLength: 10, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: true };
    expect(meetsPasswordPolicy('Abcdefgh1!', strict)).toBe(true);
    expect(meetsPasswordPolicy('Abcdefg1!', strict)).toBe(false);
    expect(meetsPasswordPolicy('abcdefgh1!', strict)).toBe(false);
    expect(meetsPasswordPolicy('ABCDEFGH1!', strict)).toBe(false);
    expect(meetsPasswordPolicy('Abcdefghi!', strict)).toBe(false);
    expect(meetsPasswordPolicy('Abcdefghi1', strict)).toBe(false);
  });

  it('are judged by the pupils’ policy (issue 11): length only', () => {
    expect(meetsPasswordPolicy('football')).toBe(true);
    expect(meetsPasswordPolicy('footbal')).toBe(false);
  });
});
