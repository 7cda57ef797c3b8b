/**
 * A TwinSpace's own name and description (DOMAIN.md via issue 8: its
 * administrators edit them; the project is not renamed): teacher
 * administrators only, versioned like every shared edit, read-only once closed.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { apiGet, apiSend } from '../support/clients.ts';
import { newTwinspace, type TestTwinspace } from '../support/twinspace.ts';

const endpoints = inject('endpoints');
let space: TestTwinspace;
let path: string;

const token = (type: keyof TestTwinspace['members']) => space.members[type].idToken!;
const versionNow = async () => (await apiGet(endpoints, `/projects/${space.projectId}`, token('teacher-admin'))).body.version as number;

beforeAll(async () => {
  space = await newTwinspace(endpoints, 'Settings of the rivers');
  path = `/projects/${space.projectId}/twinspace`;
});

describe("the TwinSpace's settings", () => {
  it('a teacher administrator names the TwinSpace and describes it; the project keeps its title; every member reads them', async () => {
    const saved = await apiSend(endpoints, 'PUT', path, token('teacher-admin'), { name: 'Our rivers room', description: 'Where our classes meet.', version: await versionNow() });
    expect(saved.status).toBe(200);
    expect(saved.body.twinspace).toEqual({ name: 'Our rivers room', description: 'Where our classes meet.' });
    expect(saved.body.title).toBe('Settings of the rivers');
    const read = await apiGet(endpoints, `/projects/${space.projectId}`, token('pupil-member'));
    expect(read.body.twinspace.name).toBe('Our rivers room');
  });

  it('nobody else changes them, and they are told why', async () => {
    for (const type of ['member-teacher', 'pupil-admin', 'pupil-member', 'visitor'] as const) {
      const refused = await apiSend(endpoints, 'PUT', path, token(type), { name: 'Mine now', version: await versionNow() });
      expect(refused.status, type).toBe(403);
    }
    expect((await apiSend(endpoints, 'PUT', path, space.outsiders[0].idToken, { name: 'Mine now', version: 1 })).status).toBe(403);
  });

  it('refuses an empty name, naming the field, and changes nothing', async () => {
    const version = await versionNow();
    const refused = await apiSend(endpoints, 'PUT', path, token('teacher-admin'), { name: '  ', version });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.map((detail: { field: string }) => detail.field)).toContain('body.name');
    expect(await versionNow()).toBe(version);
  });

  it('eight saves with the same version at once: exactly one is stored, seven get 409', async () => {
    const version = await versionNow();
    const saves = await Promise.all(
      Array.from({ length: 8 }, (_, index) => apiSend(endpoints, 'PUT', path, token('teacher-admin'), { name: `Room ${index}`, version })),
    );
    expect(saves.map((save) => save.status).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    const winner = saves.find((save) => save.status === 200)!.body.twinspace.name;
    expect((await apiGet(endpoints, `/projects/${space.projectId}`, token('teacher-admin'))).body.twinspace.name).toBe(winner);
  });

  it('a closed project keeps its settings and takes no change (409)', async () => {
    expect((await apiSend(endpoints, 'POST', `/projects/${space.projectId}/close`, token('teacher-admin'))).status).toBe(200);
    const refused = await apiSend(endpoints, 'PUT', path, token('teacher-admin'), { name: 'After closing', version: await versionNow() });
    expect(refused.status).toBe(409);
    expect((await apiSend(endpoints, 'POST', `/projects/${space.projectId}/reopen`, token('teacher-admin'))).status).toBe(200);
  });
});
