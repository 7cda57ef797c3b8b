/**
 * The TwinSpace Home's project part (web/src/scripts/twinspace/twinspace-page.ts),
 * pure: one notice for a closed or not yet open project, a pupil told what
 * they can do instead of the state, the public page once approved, and the
 * state's badge.
 */
import { describe, expect, it } from 'vitest';
import { aboutProject, stateVariant } from '../../web/src/scripts/twinspace/twinspace-page.ts';

describe('aboutProject', () => {
  it('says a closed project is closed, once, and one not yet open that it opens on approval', () => {
    expect(aboutProject('closed', 'teacher-admin')).toMatchObject({ notice: 'twinspace.closed', publicPage: true, showState: true });
    expect(aboutProject('pending-approval', 'teacher-admin')).toMatchObject({ notice: 'twinspace.notOpen', publicPage: false });
    expect(aboutProject('approved', 'teacher-admin')).toMatchObject({ notice: undefined, publicPage: true });
  });
  it('tells a pupil of an open project what they can do, instead of the state', () => {
    expect(aboutProject('approved', 'pupil-member')).toMatchObject({ pupilGuidance: 'pupil-member', showState: false });
    expect(aboutProject('closed', 'pupil-admin')).toMatchObject({ pupilGuidance: undefined, showState: true });
    expect(aboutProject('approved', 'visitor')).toMatchObject({ pupilGuidance: undefined, showState: true });
  });
});

describe('stateVariant', () => {
  it('colours the state by its meaning', () => {
    expect(stateVariant('approved')).toBe('success');
    expect(stateVariant('rejected')).toBe('danger');
    expect(stateVariant('pending-approval')).toBe('info');
    expect(stateVariant('closed')).toBe('neutral');
  });
});
