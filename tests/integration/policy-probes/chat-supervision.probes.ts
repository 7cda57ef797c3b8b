/**
 * Probes of the chat's supervision (issue 9), over HTTP: deleting someone
 * else's message and muting a pupil (one permission: they must agree),
 * closing and reopening the pupils' chat, reporting a message. The message
 * each probe acts on is written straight to the table (by the walk's second
 * founder, so it is nobody's own among the callers), which keeps these probes
 * free of the live socket's protocol.
 */
import { ulid } from 'ulid';
import { expect } from 'vitest';
import { putChatMessage } from '../../../functions/data/chat.ts';
import type { LocalEndpoints } from '../../../infra/local/endpoints.ts';
import { tableStoreOf } from '../../support/clients.ts';
import type { TestTwinspace } from '../../support/twinspace.ts';
import { callAs, outcome, type Probes } from './kit.ts';

/** A message of the second founder's in the walk's room; its id. */
async function aMessage(endpoints: LocalEndpoints, space: TestTwinspace, text: string): Promise<string> {
  const id = ulid();
  const author = space.secondFounder;
  await putChatMessage(tableStoreOf(endpoints), {
    id,
    projectId: space.projectId,
    authorId: author.userId!,
    authorName: 'Luc',
    authorType: 'teacher-admin',
    text,
    sentAt: new Date().toISOString(),
  });
  return id;
}

export const probes: Probes = {
  'supervise-chat': async (caller, { endpoints, space }) => {
    const chat = `/projects/${space.projectId}/chat`;
    const pupil = space.members['pupil-member'];
    const muted = outcome(await callAs(endpoints, caller, 'PUT', `${chat}/mutes/${pupil.userId}`, { duration: '10m' }), `${caller.name} mutes a pupil`);
    if (muted === 'allowed') expect((await callAs(endpoints, caller, 'DELETE', `${chat}/mutes/${pupil.userId}`)).status).toBe(204);
    const messageId = await aMessage(endpoints, space, `A message for ${caller.name} to delete`);
    const deleted = outcome(await callAs(endpoints, caller, 'DELETE', `${chat}/messages/${messageId}`), `${caller.name} deletes someone else's message`);
    // Deleting anyone's message and muting a pupil are one permission: they must never disagree.
    expect(deleted, `${caller.name}: deleting and muting disagree`).toBe(muted);
    return muted;
  },
  'open-pupils-chat': async (caller, { endpoints, space }) =>
    outcome(await callAs(endpoints, caller, 'PUT', `/projects/${space.projectId}/chat/pupils`, { open: true }), `${caller.name} opens the pupils' chat`),
  'report-chat-message': async (caller, { endpoints, space }) => {
    const messageId = await aMessage(endpoints, space, `A message for ${caller.name} to report`);
    return outcome(
      await callAs(endpoints, caller, 'POST', `/projects/${space.projectId}/chat/messages/${messageId}/reports`, { reason: 'A probe of the policy walk.' }),
      `${caller.name} reports a message`,
    );
  },
};
