/**
 * Walks the whole permission table: every action × every TwinSpace type,
 * against a literal transcription of DOMAIN.md's table ("What each type may
 * do in a TwinSpace"), cells copied as written there.
 */
import { describe, expect, it } from 'vitest';
import { actions, may, mayAtAll, policyTable, type Action, type Permission } from '../../functions/domain/policy.ts';
import { twinspaceTypes } from '../../functions/domain/twinspace-types.ts';

// | action | teacher-admin | member-teacher | pupil-admin | pupil-member | visitor |
const domainMd: Record<Action, [string, string, string, string, string]> = {
  'read-public-area': ['yes', 'yes', 'yes', 'yes', 'yes'],
  'read-pupils-area': ['yes', 'yes', 'yes', 'yes', 'no'],
  'read-teachers-area': ['yes', 'yes', 'no', 'no', 'no'],
  'manage-members': ['yes', 'no', 'no', 'no', 'no'],
  'edit-public-or-teachers-pages': ['yes', 'yes (own pages)', 'no', 'no', 'no'],
  'edit-pupils-pages': ['yes', 'yes', 'yes', 'own activities only', 'no'],
  'publish-page': ['yes', 'yes', "pupils' area only", 'no (submits for publishing)', 'no'],
  'forum-open-discussion': ['yes', 'yes', 'no', 'no', 'no'],
  'forum-open-thread': ['yes', 'yes', 'yes', 'no', 'no'],
  'forum-reply': ['yes', 'yes', 'yes', 'yes', 'no'],
  chat: ['yes', 'yes', 'yes', 'yes', 'no'],
  moderate: ['yes', 'no', 'no', 'no', 'no'],
  'edit-agenda': ['yes', 'yes', 'no', 'no', 'no'],
  'write-mailbox': ['to any member', 'to any member', "to the project's teachers", "to the project's teachers", 'no'],
  'diary-private': ['yes', 'yes', 'no', 'no', 'no'],
  'apply-for-label': ['yes', 'yes', 'no', 'no', 'no'],
  'manage-project': ['yes', 'no', 'no', 'no', 'no'],
};

/** How a DOMAIN.md cell reads as a Permission. */
function fromDomainMd(cell: string): Permission {
  if (cell === 'yes') return 'allow';
  if (cell.startsWith('no')) return 'deny';
  if (cell === 'yes (own pages)') return 'own pages';
  if (cell === "pupils' area only") return 'pupils area only';
  return cell as Permission;
}

describe('the TwinSpace permission table', () => {
  it('has exactly the actions of DOMAIN.md', () => {
    expect([...actions].sort()).toEqual(Object.keys(domainMd).sort());
    expect(Object.keys(policyTable).sort()).toEqual(Object.keys(domainMd).sort());
  });

  for (const action of actions) {
    for (const [column, type] of twinspaceTypes.entries()) {
      const expected = fromDomainMd(domainMd[action][column]);
      it(`${type} × ${action} → ${expected}`, () => {
        expect(may(type, action)).toBe(expected);
        expect(mayAtAll(type, action)).toBe(expected !== 'deny');
      });
    }
  }

  it('keeps visitors to the public area only', () => {
    const visitorMay = actions.filter((action) => mayAtAll('visitor', action));
    expect(visitorMay).toEqual(['read-public-area']);
  });
});
