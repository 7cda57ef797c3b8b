/** Probes of the Project Diary: writing a private entry (the action 'diary-private'). */
import { callAs, outcome, type Probes } from './kit.ts';

export const probes: Probes = {
  'diary-private': async (caller, { endpoints, space }) => {
    const written = await callAs(endpoints, caller, 'POST', `/projects/${space.projectId}/diary`, {
      kind: 'activity',
      visibility: 'private',
      title: `Week 3 by ${caller.name}`,
      body: 'The pupils measured the river at three points and compared the results with their partners.',
    });
    return outcome(written, `${caller.name} writes a private diary entry`);
  },
};
