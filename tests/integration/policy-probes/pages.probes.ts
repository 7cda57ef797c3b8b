/** Probes of the TwinSpace areas and their pages: reading each area, writing pages, publishing. */
import { expect } from 'vitest';
import type { Area } from '../../../functions/domain/areas.ts';
import { callAs, outcome, type Probe, type Probes } from './kit.ts';

/** A member opens the list of an area's pages, as the site's area tab does. */
const readArea =
  (area: Area): Probe =>
  async (caller, { endpoints, space }) =>
    outcome(await callAs(endpoints, caller, 'GET', `/projects/${space.projectId}/pages?area=${area}&limit=5`), `${caller.name} reads the ${area} area`);

/**
 * A member writes a page of their own in the area and then edits it (the allowed case of 'own pages' / 'own activities').
 * Its title names the caller's type, not their username: a teacher's is an e-mail address, which the pupil guard
 * would rightly warn about where pupils read.
 */
const writeOwnPage =
  (area: Area): Probe =>
  async (caller, { endpoints, space }) => {
    const created = await callAs(endpoints, caller, 'POST', `/projects/${space.projectId}/pages`, { area, title: `A ${area} page by a ${caller.type ?? 'stranger'}`, body: 'What we did this week.' });
    const verdict = outcome(created, `${caller.name} writes a ${area} page`);
    if (verdict === 'allowed') {
      const edited = await callAs(endpoints, caller, 'PUT', `/projects/${space.projectId}/pages/${created.body.pageId}`, { version: created.body.version, body: 'What we did, with photos.' });
      expect(edited.status, `${caller.name} edits their own ${area} page`).toBe(200);
    }
    return verdict;
  };

export const probes: Probes = {
  'read-public-area': readArea('public'),
  'read-pupils-area': readArea('pupils'),
  'read-teachers-area': readArea('teachers'),
  'edit-public-or-teachers-pages': writeOwnPage('teachers'),
  'edit-pupils-pages': writeOwnPage('pupils'),
  'publish-page': async (caller, { endpoints, space }) => {
    // A pupils'-area draft by the teacher administrator: the page every publisher (a pupil administrator too) may publish.
    const admin = space.members['teacher-admin'];
    const draft = await callAs(endpoints, admin, 'POST', `/projects/${space.projectId}/pages`, { area: 'pupils', title: 'Our water diary', body: 'Measurements of the week.' });
    expect(draft.status, 'the teacher administrator writes a pupils page').toBe(201);
    return outcome(await callAs(endpoints, caller, 'POST', `/projects/${space.projectId}/pages/${draft.body.pageId}/publish`), `${caller.name} publishes a pupils page`);
  },
};
