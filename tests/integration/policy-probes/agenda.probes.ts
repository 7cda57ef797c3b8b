/** Probe of the agenda: a teacher adds a real event (and, when allowed, removes it again so the walk's agenda stays small). */
import { callAs, outcome, type Probes } from './kit.ts';

export const probes: Probes = {
  'edit-agenda': async (caller, { endpoints, space }) => {
    const created = await callAs(endpoints, caller, 'POST', `/projects/${space.projectId}/agenda`, {
      title: `Video call planned by ${caller.name}`,
      description: 'Each class presents its river.',
      startsAt: '2027-03-10T09:00:00Z',
      endsAt: '2027-03-10T10:00:00Z',
      link: 'https://meet.example.org/rivers',
    });
    const verdict = outcome(created, `${caller.name} adds an agenda event`);
    if (verdict === 'allowed') {
      outcome(await callAs(endpoints, caller, 'DELETE', `/projects/${space.projectId}/agenda/${created.body.eventId}`), `${caller.name} deletes their event`);
    }
    return verdict;
  },
};
