/**
 * Walks the whole permission table: every action × every TwinSpace type,
 * against the literal transcription of DOMAIN.md's table ("What each type may
 * do in a TwinSpace") in tests/support/policy-expected.ts, cells copied as
 * written there (the policy walk reads the same transcription).
 */
import { describe, expect, it } from 'vitest';
import { actions, may, mayAtAll, policyTable } from '../../functions/domain/policy.ts';
import { twinspaceTypes } from '../../functions/domain/twinspace-types.ts';
import { domainMdActions, domainMdCell, domainMdColumns, permissionOf } from '../support/policy-expected.ts';

describe('the TwinSpace permission table', () => {
  it('has exactly the actions of DOMAIN.md: every action a row, every row an action', () => {
    expect([...actions].sort()).toEqual(domainMdActions());
    expect(Object.keys(policyTable).sort()).toEqual(domainMdActions());
  });

  it('has exactly the five TwinSpace types as columns', () => {
    expect([...twinspaceTypes].sort()).toEqual([...domainMdColumns].sort());
  });

  for (const action of actions) {
    for (const type of twinspaceTypes) {
      it(`${type} × ${action} → DOMAIN.md's cell`, () => {
        const expected = permissionOf(domainMdCell(action, type));
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
