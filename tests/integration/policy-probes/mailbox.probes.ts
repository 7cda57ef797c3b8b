/**
 * Probe of the TwinSpace mailbox: every caller writes to a teacher
 * administrator, the one recipient every writer may reach (pupils write only
 * to the project's teachers). Ana writes to Luc, the other founder, since
 * nobody writes to themselves.
 */
import { callAs, outcome, type Probes } from './kit.ts';

export const probes: Probes = {
  'write-mailbox': async (caller, { endpoints, space }) => {
    const teacherAdmin = space.members['teacher-admin'];
    const recipient = caller.userId === teacherAdmin.userId ? space.secondFounder : teacherAdmin;
    const sent = await callAs(endpoints, caller, 'POST', `/projects/${space.projectId}/mailbox`, {
      toUserId: recipient.userId,
      subject: `A question from ${caller.name}`,
      body: 'When do we send the river photos?',
    });
    return outcome(sent, `${caller.name} writes to ${recipient.name}`);
  },
};
