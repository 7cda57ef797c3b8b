/**
 * When each member was last seen (issue 8: the Members tab shows it to the
 * project's teachers): opening the TwinSpace (GET /projects/{id}) records it;
 * the roster shows it to teachers only (DOMAIN.md: pupils are children, their
 * comings and goings are not for other pupils or visitors to watch).
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { apiGet } from '../support/clients.ts';
import { newTwinspace, type TestTwinspace } from '../support/twinspace.ts';

const endpoints = inject('endpoints');

type Entry = { userId: string; lastSeenAt?: string };
const rosterOf = async (space: TestTwinspace, idToken: string): Promise<Entry[]> => {
  const roster = await apiGet(endpoints, `/projects/${space.projectId}/members`, idToken);
  expect(roster.status).toBe(200);
  return roster.body.items;
};
const entryOf = (roster: Entry[], userId: string) => roster.find((entry) => entry.userId === userId);

describe('a member last seen in the TwinSpace', () => {
  let space: TestTwinspace;
  beforeAll(async () => {
    space = await newTwinspace(endpoints);
  }, 60_000);

  it('is unknown until the member opens the TwinSpace, then shown to teachers as the time they opened it', async () => {
    const pupil = space.members['pupil-member'];
    const teacher = space.members['teacher-admin'];
    expect(entryOf(await rosterOf(space, teacher.idToken!), pupil.userId!)).not.toHaveProperty('lastSeenAt');

    const before = new Date();
    expect((await apiGet(endpoints, `/projects/${space.projectId}`, pupil.idToken!)).status).toBe(200);
    const after = new Date();

    for (const viewer of [teacher, space.members['member-teacher']]) {
      const seen = entryOf(await rosterOf(space, viewer.idToken!), pupil.userId!)?.lastSeenAt;
      expect(seen, `${viewer.name} sees when the pupil was last there`).toBeDefined();
      const at = Date.parse(seen!);
      expect(at).toBeGreaterThanOrEqual(before.getTime() - 1000);
      expect(at).toBeLessThanOrEqual(after.getTime() + 1000);
    }
  });

  it('is never shown to pupils or visitors', async () => {
    await apiGet(endpoints, `/projects/${space.projectId}`, space.members['member-teacher'].idToken!);
    for (const viewer of [space.members['pupil-admin'], space.members['pupil-member'], space.members.visitor]) {
      const roster = await rosterOf(space, viewer.idToken!);
      expect(roster.length).toBeGreaterThan(0);
      expect(JSON.stringify(roster), `${viewer.name} is not told when anyone was last seen`).not.toContain('lastSeenAt');
    }
  });

  it('is recorded when many tabs open the TwinSpace at once (each still shown the project), and not rewritten on every later read', async () => {
    const visitor = space.members.visitor;
    const opened = await Promise.all(Array.from({ length: 6 }, () => apiGet(endpoints, `/projects/${space.projectId}`, visitor.idToken!)));
    expect(opened.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const first = entryOf(await rosterOf(space, space.members['teacher-admin'].idToken!), visitor.userId!)?.lastSeenAt;
    expect(first).toBeDefined();
    // Opened again within the window: the visit stands as recorded (no write on every read).
    await apiGet(endpoints, `/projects/${space.projectId}`, visitor.idToken!);
    expect(entryOf(await rosterOf(space, space.members['teacher-admin'].idToken!), visitor.userId!)?.lastSeenAt).toBe(first);
  });
});
