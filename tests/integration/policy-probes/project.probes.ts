/** Probes of the project's own actions: managing members, managing the project. */
import { callAs, outcome, type Probes } from './kit.ts';

export const probes: Probes = {
  'manage-members': async (caller, { endpoints, space }) => {
    // A real pupil account, as a teacher administrator would create one.
    const created = await callAs(endpoints, caller, 'POST', `/projects/${space.projectId}/members`, { pupil: { displayName: 'Marta Probewska' }, type: 'pupil-member' });
    return outcome(created, `${caller.name} creates a pupil`);
  },
  'manage-project': async (caller, { endpoints, space }) => {
    // Close and, when that was allowed, reopen at once: the walk's TwinSpace stays open for the other probes.
    const closed = await callAs(endpoints, caller, 'POST', `/projects/${space.projectId}/close`);
    const verdict = outcome(closed, `${caller.name} closes the project`);
    if (verdict === 'allowed') outcome(await callAs(endpoints, caller, 'POST', `/projects/${space.projectId}/reopen`), `${caller.name} reopens the project`);
    return verdict;
  },
};
