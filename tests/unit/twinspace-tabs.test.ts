/**
 * The TwinSpace shell's tabs and what lowering one's own type takes away,
 * both read from the one policy table (web/src/scripts/twinspace/twinspace-tabs.ts).
 */
import { describe, expect, it } from 'vitest';
import { actionsLost, tabPath, tabsFor } from '../../web/src/scripts/twinspace/twinspace-tabs.ts';

describe('the TwinSpace tabs', () => {
  it('shows each type the tabs its policy allows', () => {
    expect(tabsFor('teacher-admin', 'approved')).toEqual(['home', 'pages', 'materials', 'forum', 'chat', 'agenda', 'mailbox', 'members', 'diary', 'labels', 'moderation']);
    expect(tabsFor('member-teacher', 'closed')).toEqual(tabsFor('teacher-admin', 'approved'));
    expect(tabsFor('pupil-member', 'approved')).toEqual(['home', 'pages', 'materials', 'forum', 'chat', 'agenda', 'mailbox', 'members', 'moderation']);
    expect(tabsFor('pupil-admin', 'approved')).toEqual(tabsFor('pupil-member', 'approved'));
    expect(tabsFor('visitor', 'approved')).toEqual(['home', 'pages', 'materials', 'agenda', 'mailbox', 'members']);
  });

  it('has only Home before the project is approved, or for someone without a type', () => {
    expect(tabsFor('teacher-admin', 'pending-approval')).toEqual(['home']);
    expect(tabsFor(null, 'approved')).toEqual(['home']);
  });

  it('links Home to the TwinSpace page and the others below it', () => {
    expect(tabPath('es', 'home', 'P1')).toBe('/es/twinspace/?id=P1');
    expect(tabPath('en', 'chat', 'P1')).toBe('/en/twinspace/chat/?id=P1');
  });

  it('says what lowering a type takes away, and nothing for a raise', () => {
    const lost = actionsLost('teacher-admin', 'visitor');
    for (const action of ['manage-members', 'diary-private', 'apply-for-label', 'chat', 'moderate', 'manage-project'] as const) expect(lost).toContain(action);
    expect(lost).not.toContain('read-public-area');
    expect(actionsLost('teacher-admin', 'member-teacher')).toEqual(['manage-members', 'moderate', 'manage-project', 'open-pupils-chat', 'erase-pupil', 'set-pupil-guard']);
    expect(actionsLost('member-teacher', 'teacher-admin')).toEqual([]);
  });
});
