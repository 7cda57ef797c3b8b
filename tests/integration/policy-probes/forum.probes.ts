/**
 * Probes of the forum, all in the pupils' forum (the one every forum user
 * reads): opening a discussion, opening a thread in a discussion the teacher
 * administrator opened, replying in a thread of it. The teachers' forum and
 * the other refusals are tested in api-forum.test.ts. Texts name the caller's
 * type, not their username (a teacher's is an e-mail address, which the pupil
 * guard rightly warns about where pupils read; the same in home and chat).
 */
import type { LocalEndpoints } from '../../../infra/local/endpoints.ts';
import type { TestTwinspace } from '../../support/twinspace.ts';
import { callAs, outcome, type Probes } from './kit.ts';

/** A pupils' forum discussion and thread of the teacher administrator's, made once per walk TwinSpace. */
const setups = new Map<string, Promise<{ discussionId: string; threadId: string }>>();

function pupilsForum(endpoints: LocalEndpoints, space: TestTwinspace) {
  let setup = setups.get(space.projectId);
  if (!setup) {
    setup = (async () => {
      const admin = space.members['teacher-admin'];
      const discussion = await callAs(endpoints, admin, 'POST', `/projects/${space.projectId}/forum/discussions`, {
        area: 'pupils',
        title: 'Rivers we know',
        body: 'Which river flows through your town?',
      });
      if (discussion.status !== 201) throw new Error(`open a discussion for the probes: ${discussion.status} ${JSON.stringify(discussion.body)}`);
      const discussionId: string = discussion.body.discussionId;
      const thread = await callAs(endpoints, admin, 'POST', `/projects/${space.projectId}/forum/discussions/${discussionId}/threads`, {
        title: 'The Ebro',
        body: 'It reaches the sea in a delta.',
      });
      if (thread.status !== 201) throw new Error(`open a thread for the probes: ${thread.status} ${JSON.stringify(thread.body)}`);
      return { discussionId, threadId: thread.body.threadId as string };
    })();
    setups.set(space.projectId, setup);
  }
  return setup;
}

export const probes: Probes = {
  'forum-open-discussion': async (caller, { endpoints, space }) => {
    const opened = await callAs(endpoints, caller, 'POST', `/projects/${space.projectId}/forum/discussions`, {
      area: 'pupils',
      title: `A question from a ${caller.type ?? 'stranger'}`,
      body: 'What did you find at the river bank?',
    });
    return outcome(opened, `${caller.name} opens a pupils' forum discussion`);
  },
  'forum-open-thread': async (caller, { endpoints, space }) => {
    const { discussionId } = await pupilsForum(endpoints, space);
    const opened = await callAs(endpoints, caller, 'POST', `/projects/${space.projectId}/forum/discussions/${discussionId}/threads`, {
      title: `Thread of a ${caller.type ?? 'stranger'}`,
      body: 'Our river floods in spring.',
    });
    return outcome(opened, `${caller.name} opens a thread in the pupils' forum`);
  },
  'forum-reply': async (caller, { endpoints, space }) => {
    const { threadId } = await pupilsForum(endpoints, space);
    const replied = await callAs(endpoints, caller, 'POST', `/projects/${space.projectId}/forum/threads/${threadId}/replies`, {
      body: `A reply of a ${caller.type ?? 'stranger'}`,
    });
    return outcome(replied, `${caller.name} replies in the pupils' forum`);
  },
};

/** Moderation: a pupil's reply in the pupils' forum, deleted by the caller (teacher administrators only). */
probes.moderate = async (caller, { endpoints, space }) => {
  const { threadId } = await pupilsForum(endpoints, space);
  const reply = await callAs(endpoints, space.members['pupil-member'], 'POST', `/projects/${space.projectId}/forum/threads/${threadId}/replies`, {
    body: 'A reply to moderate',
  });
  if (reply.status !== 201) throw new Error(`reply for the moderation probe: ${reply.status} ${JSON.stringify(reply.body)}`);
  const deleted = await callAs(endpoints, caller, 'DELETE', `/projects/${space.projectId}/forum/threads/${threadId}/replies/${reply.body.replyId}`);
  return outcome(deleted, `${caller.name} deletes a pupil's forum reply`);
};
