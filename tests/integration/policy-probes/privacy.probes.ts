/**
 * Probe of erasure (issue 11): every caller tries to erase a pupil of the walk's TwinSpace, made for the probe (an
 * erasure cannot be undone, so each try gets its own pupil). Luc (France) creates it: its country is then France, so
 * the walk's outsider NSS (Spain's) is not the NSS of its country, who may erase it too (tests/unit/erasure-rules.test.ts,
 * tests/integration/api-erasure-export.test.ts).
 */
import { callAs, outcome, type Probes } from './kit.ts';

export const probes: Probes = {
  'erase-pupil': async (caller, { endpoints, space }) => {
    const created = await callAs(endpoints, space.secondFounder, 'POST', `/projects/${space.projectId}/members`, {
      pupil: { displayName: 'Marta Probewska' },
      type: 'pupil-member',
    });
    if (created.status !== 201) throw new Error(`creating a pupil to erase: ${created.status} ${JSON.stringify(created.body)}`);
    const erased = await callAs(endpoints, caller, 'POST', `/people/${created.body.member.userId}/erasure`, { mode: 'delete' });
    return outcome(erased, `${caller.name} erases a pupil`);
  },
};
