/**
 * Probes of the materials: adding an album, publishing a pupil member's
 * waiting album, deleting one's own album (or, for those who add nothing,
 * the teacher administrator's). Albums without files: no object is ever
 * written for them, so the walk needs no storage. Allowed additions are
 * taken back, so the walk's materials stay few.
 */
import { expect } from 'vitest';
import type { LocalEndpoints } from '../../../infra/local/endpoints.ts';
import type { TestTwinspace, TwinspaceCaller } from '../../support/twinspace.ts';
import { callAs, outcome, type Answer, type Probes } from './kit.ts';

const materials = (space: TestTwinspace) => `/projects/${space.projectId}/materials`;

/**
 * An album in the pupils' area (where every member who adds at all may add), as the Materials tab makes one. Titles
 * name the caller's type, not their username (a teacher's is an e-mail address, which the pupil guard warns about there).
 */
const addAlbum = (endpoints: LocalEndpoints, caller: TwinspaceCaller, space: TestTwinspace, title: string): Promise<Answer> =>
  callAs(endpoints, caller, 'POST', materials(space), { area: 'pupils', kind: 'album', title, description: 'Photos of the river.' });

export const probes: Probes = {
  'add-material': async (caller, { endpoints, space }) => {
    const added = await addAlbum(endpoints, caller, space, `An album by a ${caller.type ?? 'stranger'}`);
    const verdict = outcome(added, `${caller.name} adds an album`);
    if (verdict === 'allowed') {
      expect((await callAs(endpoints, caller, 'DELETE', `${materials(space)}/${added.body.materialId}`)).status, `${caller.name} deletes their album`).toBe(204);
    }
    return verdict;
  },
  'publish-material': async (caller, { endpoints, space }) => {
    // A pupil member's album waits for a publisher: the material every publisher (a pupil administrator too) may publish.
    const waiting = await addAlbum(endpoints, space.members['pupil-member'], space, 'Our water samples');
    expect(waiting.status, 'the pupil member adds an album').toBe(201);
    expect(waiting.body.status, "the pupil member's album waits").toBe('pending');
    return outcome(await callAs(endpoints, caller, 'POST', `${materials(space)}/${waiting.body.materialId}/publish`), `${caller.name} publishes a pupil's album`);
  },
  'delete-material': async (caller, { endpoints, space }) => {
    // Whoever adds deletes their own (the allowed case of 'own materials'); the others try the teacher administrator's.
    const own = await addAlbum(endpoints, caller, space, `An album to delete, by a ${caller.type ?? 'stranger'}`);
    let target: string = own.body?.materialId;
    if (own.status !== 201) {
      const admins = await addAlbum(endpoints, space.members['teacher-admin'], space, 'The teacher administrator’s album');
      expect(admins.status, 'the teacher administrator adds an album').toBe(201);
      target = admins.body.materialId;
    }
    return outcome(await callAs(endpoints, caller, 'DELETE', `${materials(space)}/${target}`), `${caller.name} deletes an album`);
  },
};
