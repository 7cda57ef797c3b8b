/** Probes of the Quality Label actions: a teacher of the project applies with a valid, complete form. */
import { labelApplicationForm } from '../../support/labels.ts';
import { callAs, outcome, type Probes } from './kit.ts';

export const probes: Probes = {
  'apply-for-label': async (caller, { endpoints, space }) => {
    const applied = await callAs(endpoints, caller, 'POST', `/projects/${space.projectId}/labels`, labelApplicationForm(space.projectId));
    return outcome(applied, `${caller.name} applies for a Quality Label`);
  },
};
