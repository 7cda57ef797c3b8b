/** The project lifecycle's transition table (DOMAIN.md, "Projects"), walked cell by cell without a database. */
import { describe, expect, it } from 'vitest';
import {
  approvalCountries,
  availableCommands,
  creatorRefusal,
  isLastApproval,
  judge,
  lifecycleCommands,
  mayReadProject,
  partnerRefusal,
  projectRoles,
  projectStates,
  type LifecycleCommand,
  type ProjectRole,
  type ProjectState,
} from '../../functions/domain/project-lifecycle.ts';

/** A literal copy of DOMAIN.md's rules: who may take each step, and from which states. */
const expected: Record<LifecycleCommand, { by: ProjectRole; from: ProjectState[] }> = {
  accept: { by: 'invited-partner', from: ['proposed'] },
  decline: { by: 'invited-partner', from: ['proposed'] },
  edit: { by: 'founder', from: ['proposed', 'rejected'] },
  resubmit: { by: 'founder', from: ['rejected'] },
  approve: { by: 'founder-country-nss', from: ['pending-approval'] },
  reject: { by: 'founder-country-nss', from: ['pending-approval'] },
  close: { by: 'teacher-admin', from: ['approved'] },
  reopen: { by: 'teacher-admin', from: ['closed'] },
};
const allRoles: ProjectRole[] = ['invited-partner', 'founder', 'teacher-admin', 'founder-country-nss'];

describe('the transition table', () => {
  for (const command of lifecycleCommands) {
    for (const state of projectStates) {
      for (const role of allRoles) {
        const rule = expected[command];
        const outcome = role !== rule.by ? 403 : rule.from.includes(state) ? 'allowed' : 409;
        it(`${command} by ${role} in ${state}: ${outcome}`, () => {
          const verdict = judge(command, state, new Set([role]));
          if (outcome === 'allowed') expect(verdict.allowed).toBe(true);
          else expect(verdict).toMatchObject({ allowed: false, status: outcome, message: expect.stringMatching(/\w+/) });
        });
      }
    }
  }

  it('names the state in a 409 and the allowed role in a 403', () => {
    expect(judge('close', 'closed', new Set(['teacher-admin']))).toEqual({
      allowed: false,
      status: 409,
      message: 'The project is already closed.',
    });
    expect(judge('close', 'proposed', new Set(['teacher-admin']))).toMatchObject({
      message: 'Only an approved project can be closed. This project is proposed.',
    });
    expect(judge('close', 'approved', new Set(['founder']))).toEqual({
      allowed: false,
      status: 403,
      message: "Only the project's teacher administrators may close it.",
    });
  });

  it('checks the role before the state: a stranger gets 403 whatever the state', () => {
    expect(judge('reopen', 'approved', new Set())).toMatchObject({ status: 403 });
  });

  it('says where each step leads', () => {
    expect(judge('accept', 'proposed', new Set(['invited-partner']))).toEqual({ allowed: true, to: 'pending-approval' });
    expect(judge('decline', 'proposed', new Set(['invited-partner']))).toEqual({ allowed: true, to: 'deleted' });
    expect(judge('reject', 'pending-approval', new Set(['founder-country-nss']))).toEqual({ allowed: true, to: 'rejected' });
    expect(judge('resubmit', 'rejected', new Set(['founder']))).toEqual({ allowed: true, to: 'pending-approval' });
    expect(judge('close', 'approved', new Set(['teacher-admin']))).toEqual({ allowed: true, to: 'closed' });
    expect(judge('reopen', 'closed', new Set(['teacher-admin']))).toEqual({ allowed: true, to: 'approved' });
  });

  it('offers a founder who is teacher administrator close in approved, reopen in closed', () => {
    const roles = new Set<ProjectRole>(['founder', 'teacher-admin']);
    expect(availableCommands('approved', roles)).toEqual(['close']);
    expect(availableCommands('closed', roles)).toEqual(['reopen']);
    expect(availableCommands('rejected', roles)).toEqual(['edit', 'resubmit']);
    expect(availableCommands('proposed', new Set(['invited-partner']))).toEqual(['accept', 'decline']);
  });
});

describe('what a caller is to a project (from the table)', () => {
  const project = { founders: ['ana', 'luc'], invitedPartnerId: 'luc', founderCountries: ['ES', 'FR'] };

  it('makes a teacher administrator from the membership type, through the policy table', () => {
    expect(projectRoles({ ...project, userId: 'eva', memberType: 'teacher-admin' }).has('teacher-admin')).toBe(true);
    expect(projectRoles({ ...project, userId: 'eva', memberType: 'member-teacher' }).has('teacher-admin')).toBe(false);
  });

  it('knows founders, the invited partner and the NSS of a founder country only', () => {
    expect([...projectRoles({ ...project, userId: 'luc' })].sort()).toEqual(['founder', 'invited-partner']);
    expect([...projectRoles({ ...project, userId: 'x', kind: 'nss', country: 'FR' })]).toEqual(['founder-country-nss']);
    expect([...projectRoles({ ...project, userId: 'x', kind: 'nss', country: 'IT' })]).toEqual([]);
    expect([...projectRoles({ ...project, userId: 'x', kind: 'evaluator', country: 'ES' })]).toEqual([]);
  });
});

describe('approvals', () => {
  it('asks each founder country once', () => {
    expect(approvalCountries(['FR', 'ES'])).toEqual(['ES', 'FR']);
    expect(approvalCountries(['ES', 'ES'])).toEqual(['ES']);
  });

  it('opens the project only with the last approval', () => {
    expect(isLastApproval({ ES: 'pending', FR: 'pending' }, 'ES')).toBe(false);
    expect(isLastApproval({ ES: 'approved', FR: 'pending' }, 'FR')).toBe(true);
    expect(isLastApproval({ ES: 'pending' }, 'ES')).toBe(true);
  });
});

describe('creating a project', () => {
  it('lets only validated teachers create', () => {
    expect(creatorRefusal({ kind: 'teacher', country: 'ES' })).toBeUndefined();
    expect(creatorRefusal({ kind: 'teacher', country: 'ES', validated: true })).toBeUndefined();
    expect(creatorRefusal({ kind: 'teacher', country: 'ES', validated: false })).toMatch(/awaits validation by your NSS/);
    expect(creatorRefusal({ kind: 'pupil', country: 'ES' })).toMatch(/Only teachers/);
    expect(creatorRefusal({ kind: 'nss', country: 'ES' })).toMatch(/Only teachers/);
  });

  it('wants a partner teacher from another country', () => {
    const ana = { userId: 'ana', country: 'ES' };
    expect(partnerRefusal(ana, { userId: 'luc', kind: 'teacher', country: 'FR' })).toBeUndefined();
    expect(partnerRefusal(ana, { userId: 'pablo', kind: 'teacher', country: 'ES' })).toMatch(/another country/);
    expect(partnerRefusal(ana, { userId: 'ana', kind: 'teacher', country: 'ES' })).toMatch(/your own partner/);
    expect(partnerRefusal(ana, { userId: 'g', kind: 'guest', country: 'FR' })).toMatch(/must be a teacher/);
  });
});

describe('who reads a project', () => {
  const countries = ['ES', 'FR'];
  it('lets members, founders and the invited partner read it', () => {
    expect(mayReadProject({ isMember: true, isFounder: false, isInvitedPartner: false }, countries)).toBe(true);
    expect(mayReadProject({ isMember: false, isFounder: true, isInvitedPartner: false }, countries)).toBe(true);
    expect(mayReadProject({ isMember: false, isFounder: false, isInvitedPartner: true }, countries)).toBe(true);
  });

  it('lets the NSS and evaluators of a partner country read it, and nobody else', () => {
    const outsider = { isMember: false, isFounder: false, isInvitedPartner: false };
    expect(mayReadProject({ ...outsider, kind: 'nss', country: 'FR' }, countries)).toBe(true);
    expect(mayReadProject({ ...outsider, kind: 'evaluator', country: 'ES' }, countries)).toBe(true);
    expect(mayReadProject({ ...outsider, kind: 'nss', country: 'IT' }, countries)).toBe(false);
    expect(mayReadProject({ ...outsider, kind: 'teacher', country: 'ES' }, countries)).toBe(false);
  });
});
