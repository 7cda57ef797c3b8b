/// <reference types="vite/client" />
/**
 * The permission table of DOMAIN.md, walked through the real HTTP and chat
 * APIs: every action × every caller (the five TwinSpace types, a teacher who
 * is not a member, an NSS officer of a partner country, an evaluator, and
 * nobody signed in) → allowed or denied, exactly as DOMAIN.md's table says,
 * transcribed literally in tests/support/policy-expected.ts (never derived
 * from functions/domain/policy.ts, so a flipped cell there fails the walk; a
 * conditional cell such as "own pages" counts as allowed). The walk runs in
 * a TwinSpace of its own (tests/support/twinspace.ts); each area's probes
 * live in policy-probes/<area>.probes.ts and make the request a user of that
 * action would make.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { actions, type Action } from '../../functions/domain/policy.ts';
import { twinspaceTypes } from '../../functions/domain/twinspace-types.ts';
import { domainMdActions, expectedOutcome } from '../support/policy-expected.ts';
import { newTwinspace, type TestTwinspace } from '../support/twinspace.ts';
import type { Outcome, Probe, Probes } from './policy-probes/kit.ts';

const endpoints = inject('endpoints');

const probeModules = import.meta.glob<{ probes: Probes }>('./policy-probes/*.probes.ts', { eager: true });

/** Every probe, by action; an action probed twice is a mistake the first test reports. */
const probedTwice: Action[] = [];
const probes: Partial<Record<Action, Probe>> = {};
for (const module of Object.values(probeModules)) {
  for (const [action, probe] of Object.entries(module.probes) as [Action, Probe][]) {
    if (probes[action]) probedTwice.push(action);
    probes[action] = probe;
  }
}

/** Actions whose routes are still to come. A route for one of them must bring its probe and leave this list. */
const routedLater: readonly Action[] = [
];

let space: TestTwinspace;

beforeAll(async () => {
  space = await newTwinspace(endpoints, 'The policy walk');
});

describe('the permission table, through the real APIs', () => {
  it("expects from DOMAIN.md's table: every action has a row there, and every row is an action", () => {
    expect([...actions].sort()).toEqual(domainMdActions());
  });

  it('has exactly one probe for every action that has a route, and names every other one', () => {
    const probed = Object.keys(probes) as Action[];
    expect(probedTwice).toEqual([]);
    expect(probed.filter((action) => routedLater.includes(action))).toEqual([]);
    expect([...probed, ...routedLater].sort()).toEqual([...actions].sort());
  });

  const probed = actions.filter((action) => probes[action]);

  it.each(probed)('%s: each TwinSpace type is allowed or denied as the table says', async (action) => {
    for (const type of twinspaceTypes) {
      const member = space.members[type];
      const expected: Outcome = expectedOutcome(action, type);
      expect(await probes[action]!(member, { endpoints, space }), `${action} for ${member.name}`).toBe(expected);
    }
  });

  it.each(probed)('%s: everyone outside the project is denied', async (action) => {
    for (const outsider of space.outsiders) {
      expect(await probes[action]!(outsider, { endpoints, space }), `${action} for ${outsider.name}`).toBe('denied');
    }
  });
});
