/**
 * The Materials API through the real gateway, in a TwinSpace of its own:
 * each type adding in each area (expected from DOMAIN.md's table as
 * transcribed in tests/support/policy-expected.ts), a pupil member's album
 * waiting and hidden from other pupils until a publisher publishes it, video
 * links, uploads (413 past the limit, 400 for a type the kind does not take,
 * 409 past the quota, a real upload through the presigned POST made ready by
 * processing), 403 for every wrong caller, deletion taking the objects with
 * it (an old URL then fails), and a closed project read-only.
 */
import sharp from 'sharp';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { keys } from '../../functions/data/keys.ts';
import type { Area } from '../../functions/domain/areas.ts';
import { materialLimits, objectKeys } from '../../functions/domain/materials.ts';
import { applyHandlerEnv } from '../../infra/local/lambda-runtime.ts';
import type { TwinspaceType } from '../../functions/domain/twinspace-types.ts';
import { apiSend, demoToken, tableStoreOf } from '../support/clients.ts';
import { domainMdCell } from '../support/policy-expected.ts';
import { keysUnder, uploadWithForm, usedBytes } from '../support/materials.ts';
import { firstPupilSignIn, newTwinspace, type TestTwinspace } from '../support/twinspace.ts';

const endpoints = inject('endpoints');
let space: TestTwinspace;
/** A second pupil member (Marta), to see what another pupil sees; removed from the project at the end. */
let marta: { userId: string; idToken: string };

const MB = 1024 * 1024;
const types: TwinspaceType[] = ['teacher-admin', 'member-teacher', 'pupil-admin', 'pupil-member', 'visitor'];
const areas: Area[] = ['public', 'pupils', 'teachers'];
const as = (type: TwinspaceType) => space.members[type].idToken;
const materials = () => `/projects/${space.projectId}/materials`;

const addMaterial = (idToken: string | undefined, body: Record<string, unknown>) => apiSend(endpoints, 'POST', materials(), idToken, body);
const album = (idToken: string | undefined, area: Area, title = 'The river in spring') => addMaterial(idToken, { area, kind: 'album', title, description: 'Photos of our walk.' });
const askUpload = (idToken: string | undefined, body: Record<string, unknown>) => apiSend(endpoints, 'POST', `${materials()}/uploads`, idToken, body);
const pngRequest = (materialId: string, size = 1234) => ({ materialId, kind: 'image', fileName: 'river.png', size, contentType: 'image/png' });

/** A small PNG (sharp draws it), as a phone's photo would be, only smaller. */
const png = () => sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 20, g: 120, b: 200 } } }).png().toBuffer();

/** Polls the file as the site does after an upload, until processing settled it. */
async function settled(idToken: string | undefined, materialId: string, fileId: string): Promise<Record<string, any>> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const file = await apiSend(endpoints, 'GET', `${materials()}/${materialId}/files/${fileId}`, idToken);
    expect(file.status).toBe(200);
    if (file.body.status !== 'pending') return file.body;
    if (Date.now() > deadline) throw new Error(`file ${fileId} still pending`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** Seeds the project's bytes used straight through the table (T6), as if uploads had filled it. */
async function addUsage(delta: number): Promise<void> {
  const store = tableStoreOf(endpoints);
  await store.db.send(
    new UpdateCommand({ TableName: store.tableName, Key: keys.materialsUsage(space.projectId), UpdateExpression: 'ADD usedBytes :delta', ExpressionAttributeValues: { ':delta': delta } }),
  );
}
const usage = () => usedBytes(endpoints, space.projectId);

beforeAll(async () => {
  // The checks of the bucket (keysUnder) go through functions/lib/storage.ts, with the handlers' settings.
  applyHandlerEnv(endpoints);
  space = await newTwinspace(endpoints, 'Materials of the river');
  const created = await apiSend(endpoints, 'POST', `/projects/${space.projectId}/members`, as('teacher-admin'), { pupil: { displayName: 'Marta Gil' }, type: 'pupil-member' });
  expect(created.status).toBe(201);
  marta = { userId: created.body.member.userId, idToken: await firstPupilSignIn(endpoints, created.body.member.username, created.body.oneTimePassword) };
});

describe('adding materials', () => {
  it("lets each type add in each area exactly as DOMAIN.md's table says, published when they may publish there", async () => {
    for (const type of types) {
      const addCell = domainMdCell('add-material', type);
      const publishCell = domainMdCell('publish-material', type);
      for (const area of areas) {
        const mayAdd = addCell === 'yes' || (addCell === "pupils' area only" && area === 'pupils');
        const mayPublish = publishCell === 'yes' || (publishCell === "pupils' area only" && area === 'pupils');
        const added = await album(as(type), area, `An album of ${type} in ${area}`);
        expect(added.status, `${type} adds in ${area}`).toBe(mayAdd ? 201 : 403);
        if (mayAdd) {
          expect(added.body, `${type} in ${area}`).toMatchObject({ area, kind: 'album', status: mayPublish ? 'published' : 'pending', authorId: space.members[type].userId, fileCount: 0 });
          expect(added.body.publishedAt === undefined, `${type} in ${area}: publishedAt`).toBe(!mayPublish);
        }
      }
    }
  });

  it('names pupils by first name and keeps what they typed, trimmed', async () => {
    const added = await addMaterial(as('pupil-admin'), { area: 'pupils', kind: 'folder', title: '  Our measurements ', description: ' Tables of the week. ' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ authorName: 'Lucía', title: 'Our measurements', description: 'Tables of the week.', kind: 'folder' });
    expect(added.body.video).toBeUndefined();
  });

  it('takes YouTube and Vimeo links, shown through the privacy-enhanced embed; any other host is 400', async () => {
    const youtube = await addMaterial(as('member-teacher'), { area: 'public', kind: 'video', title: 'Our river film', videoUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' });
    expect(youtube.status).toBe(201);
    expect(youtube.body.video).toEqual({ provider: 'youtube', videoId: 'dQw4w9WgXcQ', embedUrl: expect.stringMatching(/^https:\/\/www\.youtube-nocookie\.com\/embed\/dQw4w9WgXcQ/) });
    const vimeo = await addMaterial(as('member-teacher'), { area: 'public', kind: 'video', title: 'From Lyon', videoUrl: 'https://vimeo.com/76979871' });
    expect(vimeo.status).toBe(201);
    expect(vimeo.body.video).toMatchObject({ provider: 'vimeo', videoId: '76979871', embedUrl: expect.stringMatching(/^https:\/\/player\.vimeo\.com\/video\/76979871/) });

    for (const videoUrl of ['https://evil.example/watch?v=dQw4w9WgXcQ', 'javascript:alert(1)', 'https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ']) {
      const refused = await addMaterial(as('member-teacher'), { area: 'public', kind: 'video', title: 'Not a video', videoUrl });
      expect(refused.status, videoUrl).toBe(400);
      expect(refused.body.error.details).toEqual([{ field: 'body.videoUrl', message: 'Only YouTube and Vimeo links are videos here.' }]);
    }
    expect((await addMaterial(as('member-teacher'), { area: 'public', kind: 'video', title: 'No link' })).status).toBe(400);
    expect((await addMaterial(as('member-teacher'), { area: 'public', kind: 'album', title: 'An album', videoUrl: 'https://youtu.be/dQw4w9WgXcQ' })).status).toBe(400);
  });

  it('validates the material: a title, a known kind and area, no unknown fields', async () => {
    expect((await addMaterial(as('teacher-admin'), { area: 'public', kind: 'album', title: '  ' })).status).toBe(400);
    expect((await addMaterial(as('teacher-admin'), { area: 'public', kind: 'poster', title: 'x' })).status).toBe(400);
    expect((await addMaterial(as('teacher-admin'), { area: 'attic', kind: 'album', title: 'x' })).status).toBe(400);
    expect((await addMaterial(as('teacher-admin'), { area: 'public', kind: 'album', title: 'x', status: 'published' })).status).toBe(400);
  });
});

describe("a pupil member's album", () => {
  it('waits, hidden from other pupils and from visitors, until a teacher or pupil administrator publishes it', async () => {
    const waiting = await album(as('pupil-member'), 'pupils', 'Pablo’s drawings');
    expect(waiting.status).toBe(201);
    expect(waiting.body).toMatchObject({ status: 'pending', authorName: 'Pablo' });
    const path = `${materials()}/${waiting.body.materialId}`;
    const listed = async (idToken: string | undefined) =>
      (await apiSend(endpoints, 'GET', `${materials()}?area=pupils&kind=album&limit=100`, idToken)).body.items.map((item: { materialId: string }) => item.materialId);

    expect(await listed(as('pupil-member'))).toContain(waiting.body.materialId);
    expect(await listed(as('pupil-admin'))).toContain(waiting.body.materialId);
    expect(await listed(as('member-teacher'))).toContain(waiting.body.materialId);
    expect(await listed(marta.idToken)).not.toContain(waiting.body.materialId);
    expect((await apiSend(endpoints, 'GET', path, marta.idToken)).status).toBe(404);
    expect((await apiSend(endpoints, 'GET', path, as('visitor'))).status).toBe(403);
    expect((await apiSend(endpoints, 'GET', path, as('pupil-member'))).status).toBe(200);

    // Pablo cannot publish his own, and Marta cannot reach it to publish or delete it.
    expect((await apiSend(endpoints, 'POST', `${path}/publish`, as('pupil-member'))).status).toBe(403);
    expect((await apiSend(endpoints, 'POST', `${path}/publish`, marta.idToken)).status).toBe(403);
    expect((await apiSend(endpoints, 'DELETE', path, marta.idToken)).status).toBe(404);

    const published = await apiSend(endpoints, 'POST', `${path}/publish`, as('pupil-admin'));
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', publishedAt: expect.any(String) });
    expect((await apiSend(endpoints, 'POST', `${path}/publish`, as('teacher-admin'))).status).toBe(409);
    expect(await listed(marta.idToken)).toContain(waiting.body.materialId);
    expect((await apiSend(endpoints, 'GET', path, marta.idToken)).status).toBe(200);
  });

  it("is Pablo's to fill while it waits, and frozen for him once published (409)", async () => {
    const waiting = await album(as('pupil-member'), 'pupils', 'Pablo’s second album');
    const asked = await askUpload(as('pupil-member'), pngRequest(waiting.body.materialId));
    expect(asked.status).toBe(201);
    expect(asked.body.file).toMatchObject({ status: 'pending', kind: 'image', fileName: 'river.png', size: 1234, authorName: 'Pablo' });
    expect((await askUpload(marta.idToken, pngRequest(waiting.body.materialId))).status).toBe(404);
    expect((await apiSend(endpoints, 'POST', `${materials()}/${waiting.body.materialId}/publish`, as('member-teacher'))).status).toBe(200);
    const frozen = await askUpload(as('pupil-member'), pngRequest(waiting.body.materialId));
    expect(frozen.status).toBe(409);
    expect((await askUpload(as('pupil-admin'), pngRequest(waiting.body.materialId))).status).toBe(201);
  });

  it('a pupil administrator publishes in the pupils’ area only', async () => {
    const teachersAlbum = await album(as('teacher-admin'), 'public', 'Public photos');
    expect((await apiSend(endpoints, 'POST', `${materials()}/${teachersAlbum.body.materialId}/publish`, as('pupil-admin'))).status).toBe(403);
  });
});

describe('asking for an upload', () => {
  let albumId: string;
  let folderId: string;
  let videoId: string;

  beforeAll(async () => {
    albumId = (await album(as('teacher-admin'), 'pupils', 'Upload checks')).body.materialId;
    folderId = (await addMaterial(as('teacher-admin'), { area: 'pupils', kind: 'folder', title: 'Worksheets' })).body.materialId;
    videoId = (await addMaterial(as('teacher-admin'), { area: 'pupils', kind: 'video', title: 'A film', videoUrl: 'https://youtu.be/dQw4w9WgXcQ' })).body.materialId;
  });

  it('refuses an 11 MB image with 413 and records nothing', async () => {
    const before = await usage();
    const tooLarge = await askUpload(as('teacher-admin'), pngRequest(albumId, 11 * MB));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error).toMatchObject({ code: 'TOO_LARGE', message: 'An image is at most 10 MB.' });
    expect(await usage()).toBe(before);
    expect((await askUpload(as('teacher-admin'), { ...pngRequest(folderId, 51 * MB), kind: 'file', contentType: 'application/pdf' })).status).toBe(413);
  });

  it('refuses a declared text/html as an image (400), and an image into a folder or anything into a video', async () => {
    const html = await askUpload(as('teacher-admin'), { ...pngRequest(albumId), fileName: 'river.png', contentType: 'text/html' });
    expect(html.status).toBe(400);
    expect(html.body.error.details).toEqual([{ field: 'body.contentType', message: 'An image is a JPEG, PNG, GIF or WebP file.' }]);
    expect((await askUpload(as('teacher-admin'), { ...pngRequest(albumId), kind: 'file', contentType: 'application/pdf' })).status).toBe(400);
    expect((await askUpload(as('teacher-admin'), pngRequest(folderId))).status).toBe(400);
    expect((await askUpload(as('teacher-admin'), pngRequest(videoId))).status).toBe(400);
    expect((await askUpload(as('teacher-admin'), { ...pngRequest(albumId), size: 0 })).status).toBe(400);
  });

  it('answers a presigned POST for exactly one key under incoming/, with the size range and the type', async () => {
    const asked = await askUpload(as('member-teacher'), pngRequest(albumId, 2 * MB));
    expect(asked.status).toBe(201);
    const { url, fields } = asked.body.upload;
    expect(url.startsWith(endpoints.storage)).toBe(true);
    expect(fields.key).toBe(`incoming/${space.projectId}/${albumId}/${asked.body.file.fileId}`);
    expect(fields['Content-Type']).toBe('image/png');
    const policy = JSON.parse(Buffer.from(fields.Policy, 'base64').toString('utf8'));
    expect(policy.conditions).toEqual(expect.arrayContaining([['content-length-range', 1, materialLimits.bytes.image], ['eq', '$Content-Type', 'image/png']]));
    expect(asked.body.remainingBytes).toBe(materialLimits.defaultQuotaBytes - (await usage()));
  });

  it('enforces the quota: near it, one 10 MB image fits and the next is 409', async () => {
    const before = await usage();
    const seeded = materialLimits.defaultQuotaBytes - 15 * MB - before;
    await addUsage(seeded);
    try {
      const first = await askUpload(as('teacher-admin'), pngRequest(albumId, 10 * MB));
      expect(first.status).toBe(201);
      expect(first.body.remainingBytes).toBe(5 * MB);
      const second = await askUpload(as('teacher-admin'), pngRequest(albumId, 10 * MB));
      expect(second.status).toBe(409);
      expect(second.body.error.message).toMatch(/^The project's materials are full: /);
      // Deleting the pending file gives its reservation back, and the next one fits again.
      expect((await apiSend(endpoints, 'DELETE', `${materials()}/${albumId}/files/${first.body.file.fileId}`, as('teacher-admin'))).status).toBe(204);
      expect(await usage()).toBe(materialLimits.defaultQuotaBytes - 15 * MB);
    } finally {
      await addUsage(-seeded);
    }
  });

  it('answers in the caller’s language', async () => {
    const spanish = await fetch(`${endpoints.api}${materials()}/uploads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${as('teacher-admin')}`, 'content-type': 'application/json', 'accept-language': 'es' },
      body: JSON.stringify(pngRequest(albumId, 11 * MB)),
    });
    expect(spanish.status).toBe(413);
    expect((await spanish.json()).error.message).toBe('Una imagen ocupa como máximo 10 MB.');
  });
});

describe('an upload made ready, and deleted with its objects', () => {
  it('uploads a PNG through the presigned POST, serves it through URLs only members get, and deletes every object with the album', async () => {
    const added = await album(as('member-teacher'), 'pupils', 'Ready photos');
    const materialId = added.body.materialId;
    const bytes = await png();
    const asked = await askUpload(as('member-teacher'), { ...pngRequest(materialId, bytes.byteLength) });
    expect(asked.status).toBe(201);
    const posted = await uploadWithForm(asked.body.upload, bytes, 'image/png', 'river.png');
    expect(posted.status, await posted.clone().text()).toBeLessThan(300);

    const file = await settled(as('member-teacher'), materialId, asked.body.file.fileId);
    expect(file).toMatchObject({ status: 'ready', contentType: 'image/png', width: 64, height: 48 });
    expect(Object.keys(file.image).sort()).toEqual(['large', 'original', 'small']);
    expect(await keysUnder(objectKeys.materialPrefix(space.projectId, materialId))).toHaveLength(3);
    const small = await fetch(file.image.small);
    expect(small.status).toBe(200);
    expect(small.headers.get('content-type')).toBe('image/webp');
    expect((await fetch(file.image.original)).status).toBe(200);

    // Every reader of the area gets the album with its cover and the ready file; a visitor gets 403 and no URL.
    const seen = await apiSend(endpoints, 'GET', `${materials()}/${materialId}`, as('pupil-member'));
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ fileCount: 1, cover: { small: expect.any(String), large: expect.any(String), original: expect.any(String) } });
    expect(seen.body.files.map((one: { fileId: string }) => one.fileId)).toEqual([asked.body.file.fileId]);
    const listed = await apiSend(endpoints, 'GET', `${materials()}?area=pupils&kind=album`, marta.idToken);
    expect(listed.body.items.find((item: { materialId: string }) => item.materialId === materialId)?.cover).toBeDefined();
    const refused = await apiSend(endpoints, 'GET', `${materials()}/${materialId}`, as('visitor'));
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).not.toContain('X-Amz-Signature');
    expect((await apiSend(endpoints, 'GET', `${materials()}/${materialId}/files/${asked.body.file.fileId}`, as('visitor'))).status).toBe(403);

    // Without the API's signature, the object is not reachable by its key alone.
    const unsigned = new URL(file.image.original);
    unsigned.search = '';
    expect((await fetch(unsigned)).status).toBe(403);

    const usedBefore = await usage();
    expect((await apiSend(endpoints, 'DELETE', `${materials()}/${materialId}`, as('pupil-member'))).status).toBe(403);
    expect((await apiSend(endpoints, 'DELETE', `${materials()}/${materialId}`, as('member-teacher'))).status).toBe(204);
    expect((await apiSend(endpoints, 'GET', `${materials()}/${materialId}`, as('member-teacher'))).status).toBe(404);
    expect((await apiSend(endpoints, 'GET', `${materials()}/${materialId}/files/${asked.body.file.fileId}`, as('member-teacher'))).status).toBe(404);
    for (const url of [file.image.small, file.image.large, file.image.original]) expect((await fetch(url)).ok, 'an URL of a deleted file').toBe(false);
    expect(await keysUnder(objectKeys.materialPrefix(space.projectId, materialId))).toEqual([]);
    expect(await usage()).toBe(usedBefore - file.size);
  });

  it('serves a folder’s file as a download named as uploaded, and deletes one file with its objects', async () => {
    const folder = await addMaterial(as('teacher-admin'), { area: 'teachers', kind: 'folder', title: 'Plans' });
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const asked = await askUpload(as('teacher-admin'), { materialId: folder.body.materialId, kind: 'file', fileName: 'Plan de mayo.pdf', size: pdf.byteLength, contentType: 'application/pdf' });
    expect(asked.status).toBe(201);
    expect((await uploadWithForm(asked.body.upload, pdf, 'application/pdf', 'plan.pdf')).status).toBeLessThan(300);
    const file = await settled(as('teacher-admin'), folder.body.materialId, asked.body.file.fileId);
    expect(file).toMatchObject({ status: 'ready', contentType: 'application/pdf', url: expect.any(String) });
    const download = await fetch(file.url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain("filename*=UTF-8''Plan%20de%20mayo.pdf");

    // A pupil of this project does not read the teachers' area: 403, no URL.
    expect((await apiSend(endpoints, 'GET', `${materials()}/${folder.body.materialId}/files/${asked.body.file.fileId}`, as('pupil-admin'))).status).toBe(403);
    expect((await apiSend(endpoints, 'DELETE', `${materials()}/${folder.body.materialId}/files/${asked.body.file.fileId}`, as('member-teacher'))).status).toBe(403);
    expect((await apiSend(endpoints, 'DELETE', `${materials()}/${folder.body.materialId}/files/${asked.body.file.fileId}`, as('teacher-admin'))).status).toBe(204);
    expect((await fetch(file.url)).ok).toBe(false);
    const after = await apiSend(endpoints, 'GET', `${materials()}/${folder.body.materialId}`, as('teacher-admin'));
    expect(after.body).toMatchObject({ fileCount: 0, files: [] });
  });
});

describe('403 for every wrong caller', () => {
  let pupilsAlbum: string;
  beforeAll(async () => {
    pupilsAlbum = (await album(as('teacher-admin'), 'pupils', 'For the pupils')).body.materialId;
  });

  it('a member of another project, a teacher who is no member, and a visitor asking for a pupils’-area album', async () => {
    const jules = await demoToken(endpoints, 'pupil.jules');
    for (const idToken of [jules, space.outsiders[0]!.idToken, as('visitor')]) {
      expect((await apiSend(endpoints, 'GET', `${materials()}/${pupilsAlbum}`, idToken)).status).toBe(403);
      expect((await apiSend(endpoints, 'GET', `${materials()}?area=pupils`, idToken)).status).toBe(403);
    }
    expect((await apiSend(endpoints, 'GET', `${materials()}?area=public`, jules)).status).toBe(403);
    expect((await askUpload(jules, pngRequest(pupilsAlbum))).status).toBe(403);
    expect((await apiSend(endpoints, 'GET', `${materials()}/${pupilsAlbum}`)).status).toBe(401);
  });

  it('the visitor reads the public area’s materials and adds, publishes and deletes nothing', async () => {
    expect((await apiSend(endpoints, 'GET', `${materials()}?area=public`, as('visitor'))).status).toBe(200);
    expect((await album(as('visitor'), 'public')).status).toBe(403);
    expect((await apiSend(endpoints, 'DELETE', `${materials()}/${pupilsAlbum}`, as('visitor'))).status).toBe(403);
    expect((await askUpload(as('visitor'), pngRequest(pupilsAlbum))).status).toBe(403);
  });

  it('an unknown material is 404 to a member, and a bad cursor 400', async () => {
    expect((await apiSend(endpoints, 'GET', `${materials()}/01JF9A2B3C4D5E6F7G8H9J0K1M`, as('teacher-admin'))).status).toBe(404);
    expect((await apiSend(endpoints, 'GET', `${materials()}?area=public&cursor=bm90LWEtY3Vyc29y`, as('teacher-admin'))).status).toBe(400);
  });
});

describe('a closed project', () => {
  it('keeps its materials readable and refuses every write with 409', async () => {
    const added = await album(as('teacher-admin'), 'public', 'Written before closing');
    const waiting = await album(as('pupil-member'), 'pupils', 'Waiting when it closed');
    expect((await apiSend(endpoints, 'POST', `/projects/${space.projectId}/close`, as('teacher-admin'))).status).toBe(200);
    try {
      const path = `${materials()}/${added.body.materialId}`;
      expect((await album(as('teacher-admin'), 'public', 'After closing')).status).toBe(409);
      expect((await askUpload(as('teacher-admin'), pngRequest(added.body.materialId))).status).toBe(409);
      expect((await apiSend(endpoints, 'POST', `${materials()}/${waiting.body.materialId}/publish`, as('teacher-admin'))).status).toBe(409);
      const deleted = await apiSend(endpoints, 'DELETE', path, as('teacher-admin'));
      expect(deleted.status).toBe(409);
      expect(deleted.body.error.message).toBe('The project is closed: its TwinSpace is read-only.');
      expect((await apiSend(endpoints, 'GET', path, as('pupil-member'))).status).toBe(200);
      expect((await apiSend(endpoints, 'GET', `${materials()}?area=public`, as('visitor'))).status).toBe(200);
    } finally {
      await apiSend(endpoints, 'POST', `/projects/${space.projectId}/reopen`, as('teacher-admin'));
    }
  });
});

describe('a removed member', () => {
  it('gets 403 for what they read the moment before', async () => {
    const open = await album(as('teacher-admin'), 'pupils', 'Before Marta left');
    expect((await apiSend(endpoints, 'GET', `${materials()}/${open.body.materialId}`, marta.idToken)).status).toBe(200);
    expect((await apiSend(endpoints, 'DELETE', `/projects/${space.projectId}/members/${marta.userId}`, as('teacher-admin'))).status).toBe(204);
    expect((await apiSend(endpoints, 'GET', `${materials()}/${open.body.materialId}`, marta.idToken)).status).toBe(403);
    expect((await apiSend(endpoints, 'GET', `${materials()}?area=pupils`, marta.idToken)).status).toBe(403);
  });
});
