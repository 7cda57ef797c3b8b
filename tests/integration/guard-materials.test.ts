/**
 * The pupil guard on the Materials tab (issue 12), through the real HTTP API:
 * a pupil's new album, folder or video link whose title or description
 * carries personal data is held — nothing is added, nobody sees it, the
 * project's teachers are told — until a teacher releases it (added as the
 * pupil's, with the status a pupil's material gets at creation and its
 * notifications), edits it (the teacher's text appears) or deletes it (never
 * added); the pupil is told. A teacher adding personal data where pupils read
 * is warned first; harmless text full of numbers is added at once.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { apiGet, apiSend } from '../support/clients.ts';
import {
  deleteHeld,
  emailText,
  expectHeld,
  expectWarning,
  harmlessText,
  heldNotices,
  heldQueue,
  notificationsOf,
  outcomesTold,
  phoneText,
  release,
  teachersOf,
} from '../support/guard-surfaces.ts';
import { newTwinspace, type TestTwinspace, type TwinspaceCaller } from '../support/twinspace.ts';

const endpoints = inject('endpoints');
let space: TestTwinspace;
let pupil: TwinspaceCaller;
let ana: TwinspaceCaller;

interface MaterialSeen {
  materialId: string;
  title: string;
  description: string;
  status: string;
  authorId: string;
  authorName: string;
}

beforeAll(async () => {
  space = await newTwinspace(endpoints, 'Guarded materials of the rivers');
  pupil = space.members['pupil-member'];
  ana = space.members['teacher-admin'];
});

const materialsPath = () => `/projects/${space.projectId}/materials`;
const add = (who: TwinspaceCaller, material: Record<string, unknown>) => apiSend(endpoints, 'POST', materialsPath(), who.idToken, material);
const titled = async (who: TwinspaceCaller, area: string, title: string): Promise<MaterialSeen[]> =>
  ((await apiGet(endpoints, `${materialsPath()}?area=${area}&limit=100`, who.idToken)).body.items as MaterialSeen[]).filter((material) => material.title === title);

describe("a pupil member's new album with personal data", () => {
  let heldId: string;
  const title = 'Photos of our street';

  beforeAll(async () => {
    heldId = expectHeld(await add(pupil, { area: 'pupils', kind: 'album', title, description: emailText }), 'material', 'email');
  });

  it('is held: nobody sees it, not even its author, and nobody is told of a material to publish', async () => {
    for (const member of [pupil, space.members['pupil-admin'], ...teachersOf(space)]) expect(await titled(member, 'pupils', title), member.name).toEqual([]);
    expect((await notificationsOf(endpoints, ana)).filter((notice) => notice.topic === 'material-submitted' && notice.params?.material === title)).toEqual([]);
  });

  it("tells each of the project's teachers, and no pupil or visitor", async () => {
    for (const teacher of teachersOf(space)) {
      const told = await heldNotices(endpoints, teacher, 'pupil-text-held', heldId);
      expect(told, teacher.name).toHaveLength(1);
      expect(told[0]!.params).toMatchObject({ heldId, surface: 'material' });
    }
    for (const other of [pupil, space.members['pupil-admin'], space.members.visitor]) {
      expect(await heldNotices(endpoints, other, 'pupil-text-held', heldId), other.name).toEqual([]);
    }
  });

  it("released: added as the pupil's, waiting for publishing as a pupil member's is, and the teachers told so; the pupil is told", async () => {
    const released = await release(endpoints, space, heldId);
    expect(released.status, JSON.stringify(released.body)).toBe(200);
    const [material] = await titled(ana, 'pupils', title);
    expect(material).toMatchObject({ authorId: pupil.userId, authorName: 'Pablo', description: emailText, status: 'pending' });
    expect(await titled(pupil, 'pupils', title)).toHaveLength(1);
    for (const teacher of teachersOf(space)) {
      const waiting = (await notificationsOf(endpoints, teacher)).filter((notice) => notice.topic === 'material-submitted' && notice.subjectId === material!.materialId);
      expect(waiting, teacher.name).toHaveLength(1);
    }
    expect(await outcomesTold(endpoints, pupil, heldId)).toEqual(['released']);
  });
});

describe('a teacher decides otherwise', () => {
  it("a pupil administrator's video, edited: the teacher's title appears, published at once as theirs are", async () => {
    const lucia = space.members['pupil-admin'];
    const video = { area: 'pupils', kind: 'video', title: `Ring me: ${phoneText}`, description: '', videoUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' };
    const heldId = expectHeld(await add(lucia, video), 'material', 'phone');
    expect((await release(endpoints, space, heldId, [{ field: 'title', text: 'Our river song' }])).status).toBe(200);
    const [material] = await titled(ana, 'pupils', 'Our river song');
    expect(material).toMatchObject({ authorId: lucia.userId, status: 'published' });
    expect(await titled(ana, 'pupils', video.title)).toEqual([]);
    expect(await outcomesTold(endpoints, lucia, heldId)).toEqual(['edited']);
  });

  it('deleted: never added, and the pupil is told', async () => {
    const title = 'Folder of addresses';
    const heldId = expectHeld(await add(pupil, { area: 'pupils', kind: 'folder', title, description: phoneText }), 'material', 'phone');
    expect((await deleteHeld(endpoints, space, heldId)).status).toBe(200);
    for (const member of [pupil, ...teachersOf(space)]) expect(await titled(member, 'pupils', title), member.name).toEqual([]);
    expect(await outcomesTold(endpoints, pupil, heldId)).toEqual(['deleted']);
  });
});

describe('harmless text and teachers', () => {
  it("a pupil's harmless description full of numbers is added at once", async () => {
    const added = await add(pupil, { area: 'pupils', kind: 'album', title: 'Measurements', description: harmlessText });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
  });

  it("a teacher adding personal data to the pupils' area is warned and nothing is added; acknowledged, it is added", async () => {
    const folder = { area: 'pupils', kind: 'folder', title: 'Contacts for the exchange', description: emailText };
    expectWarning(await add(ana, folder), 'description', 'email');
    expect(await titled(ana, 'pupils', folder.title)).toEqual([]);
    expect((await add(ana, { ...folder, acknowledgePersonalData: true })).status).toBe(201);
    expect(await titled(ana, 'pupils', folder.title)).toHaveLength(1);
  });

  it("a teacher's material in the teachers' area is never checked, and nothing is queued", async () => {
    expect((await add(ana, { area: 'teachers', kind: 'folder', title: 'Numbers', description: phoneText })).status).toBe(201);
    expect((await heldQueue(endpoints, space)).filter((held) => held.authorId === ana.userId)).toEqual([]);
  });
});
