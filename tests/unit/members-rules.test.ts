/**
 * The Members tab's rules (web/src/scripts/twinspace/members/members-page.ts), pure: the types
 * a member's kind may hold (DOMAIN.md, "People"), who sees when a member was
 * last seen (the project's teachers), what lowering one's own type takes
 * away (the policy table), and the management forms → the API's bodies.
 */
import { describe, expect, it } from 'vitest';
import { addBody, hasRoster, lostKeys, pupilBody, seesLastSeen, typesFor } from '../../web/src/scripts/twinspace/members/members-page.ts';

describe('typesFor', () => {
  it('offers a pupil only the pupil types, a guest only visitor, a teacher the teacher types and visitor', () => {
    expect(typesFor('pupil')).toEqual(['pupil-admin', 'pupil-member']);
    expect(typesFor('guest')).toEqual(['visitor']);
    expect(typesFor('teacher')).toEqual(['teacher-admin', 'member-teacher', 'visitor']);
  });
});

describe('seesLastSeen', () => {
  it('is for the project’s teachers only', () => {
    expect(seesLastSeen('teacher-admin')).toBe(true);
    expect(seesLastSeen('member-teacher')).toBe(true);
    for (const type of ['pupil-admin', 'pupil-member', 'visitor', null] as const) expect(seesLastSeen(type)).toBe(false);
  });
});

describe('hasRoster', () => {
  it('reads the roster once the project is approved, and while it is closed', () => {
    expect(hasRoster('approved')).toBe(true);
    expect(hasRoster('closed')).toBe(true);
    expect(hasRoster('pending-approval')).toBe(false);
  });
});

describe('lostKeys', () => {
  it('names what a teacher administrator loses by becoming a visitor, and nothing on a raise', () => {
    const lost = lostKeys('teacher-admin', 'visitor');
    for (const key of ['action.manage-members', 'action.diary-private', 'action.apply-for-label', 'action.chat']) expect(lost).toContain(key);
    expect(lost).not.toContain('action.read-public-area');
    expect(lostKeys('member-teacher', 'teacher-admin')).toEqual([]);
  });
});

describe('the management forms', () => {
  it('send a trimmed username or pupil name, and nothing while it is empty', () => {
    expect(addBody('  luc@demo.twinspace ', 'visitor')).toEqual({ username: 'luc@demo.twinspace', type: 'visitor' });
    expect(addBody('   ', 'member-teacher')).toBeUndefined();
    expect(pupilBody(' Nora Vidal ', 'pupil-member')).toEqual({ pupil: { displayName: 'Nora Vidal' }, type: 'pupil-member' });
    expect(pupilBody('', 'pupil-admin')).toBeUndefined();
  });
});
