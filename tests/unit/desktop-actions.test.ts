/**
 * The desktop's "My projects" rules (web/src/scripts/desktop/desktop-page.ts), pure:
 * what each project offers the caller, as DOMAIN.md's Desktop says (open the
 * TwinSpace, the Project Diary, request a Quality Label, manage partners,
 * close or reopen) and as the type and the state allow.
 */
import { describe, expect, it } from 'vitest';
import { projectActions, stateVariant } from '../../web/src/scripts/desktop/desktop-page.ts';

describe('projectActions', () => {
  it('gives a teacher administrator of an approved project everything, closing last', () => {
    expect(projectActions('teacher-admin', 'approved')).toEqual(['open', 'diary', 'label', 'members', 'close']);
  });
  it('offers reopening, and no Quality Label, once the project is closed', () => {
    expect(projectActions('teacher-admin', 'closed')).toEqual(['open', 'diary', 'members', 'reopen']);
  });
  it('gives a member teacher the TwinSpace, the diary and the label, neither members nor closing', () => {
    expect(projectActions('member-teacher', 'approved')).toEqual(['open', 'diary', 'label']);
  });
  it('gives pupils and visitors only the TwinSpace', () => {
    expect(projectActions('pupil-member', 'approved')).toEqual(['open']);
    expect(projectActions('pupil-admin', 'approved')).toEqual(['open']);
    expect(projectActions('visitor', 'closed')).toEqual(['open']);
  });
  it('offers nothing before the TwinSpace exists, nor without a type in it', () => {
    expect(projectActions('teacher-admin', 'proposed')).toEqual([]);
    expect(projectActions('teacher-admin', 'pending-approval')).toEqual([]);
    expect(projectActions('teacher-admin', 'rejected')).toEqual([]);
    expect(projectActions(null, 'approved')).toEqual([]);
  });
});

describe('stateVariant', () => {
  it('repeats the meaning of the state: approved is good, rejected bad, the rest neutral or on its way', () => {
    expect(stateVariant('approved')).toBe('success');
    expect(stateVariant('rejected')).toBe('danger');
    expect(stateVariant('closed')).toBe('neutral');
    expect(stateVariant('pending-approval')).toBe('info');
  });
});
