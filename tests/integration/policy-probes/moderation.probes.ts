/**
 * Probes of the moderation area (issue 12), over HTTP: the teachers' queue and a decision on a held text (one
 * permission: they must agree), a member's own held texts, and the pupil guard's settings. The held text a probe
 * decides on is held the way every surface holds one — guardWrite, on the walk's table — as the walk's pupil member,
 * so it is nobody's own among the other callers.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { expect } from 'vitest';
import { keys } from '../../../functions/data/keys.ts';
import { toProject } from '../../../functions/data/projects.ts';
import { guardWrite } from '../../../functions/http/guarded-write.ts';
import type { LocalEndpoints } from '../../../infra/local/endpoints.ts';
import { tableStoreOf } from '../../support/clients.ts';
import type { TestTwinspace } from '../../support/twinspace.ts';
import { callAs, outcome, type Probes } from './kit.ts';

/** A held text of the walk's pupil member (a home post with an e-mail address); its id. */
async function aHeldText(endpoints: LocalEndpoints, space: TestTwinspace): Promise<string> {
  const store = tableStoreOf(endpoints);
  const { Item } = await store.db.send(new GetCommand({ TableName: store.tableName, Key: keys.project(space.projectId) }));
  const pupil = space.members['pupil-member'];
  const text = 'Write to me at pablo.probe@example.com';
  const guarded = await guardWrite({
    store,
    project: toProject(Item!),
    caller: { userId: pupil.userId!, type: 'pupil-member', displayName: 'Pablo Ortega' },
    surface: 'home-post',
    target: {},
    draft: { body: text },
    texts: { body: text },
    pupilsRead: true,
  });
  if (guarded.outcome !== 'held') throw new Error('The probe text was not held: the guard found no e-mail address in it');
  return guarded.held.heldId;
}

export const probes: Probes = {
  'review-held-texts': async (caller, { endpoints, space }) => {
    const moderation = `/projects/${space.projectId}/moderation`;
    const read = outcome(await callAs(endpoints, caller, 'GET', moderation), `${caller.name} reads the moderation queue`);
    const heldId = await aHeldText(endpoints, space);
    const decided = outcome(await callAs(endpoints, caller, 'POST', `${moderation}/${heldId}/delete`), `${caller.name} deletes a pupil's held text`);
    // Reading the queue and deciding on it are one permission: they must never disagree.
    expect(decided, `${caller.name}: reading the queue and deciding disagree`).toBe(read);
    return read;
  },
  'read-own-held-texts': async (caller, { endpoints, space }) =>
    outcome(await callAs(endpoints, caller, 'GET', `/projects/${space.projectId}/moderation/mine`), `${caller.name} reads their own held texts`),
  'set-pupil-guard': async (caller, { endpoints, space }) =>
    outcome(
      await callAs(endpoints, caller, 'PUT', `/projects/${space.projectId}/moderation/settings`, { allowAccountLinks: false, allowHandles: false }),
      `${caller.name} sets the pupil guard`,
    ),
};
