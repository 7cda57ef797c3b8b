/**
 * The materials' rules (functions/domain/material-rules.ts), pure, against the
 * issue's sentences: "Teachers add anywhere. Pupils add to the pupils' area;
 * a pupil member's items wait for a teacher or pupil administrator to publish
 * them, as pages do. Teacher administrators delete anything; authors delete
 * their own." and DOMAIN.md's areas (visitors read the public area only).
 * The expected values are written out here, never computed by the rules.
 */
import { describe, expect, it } from 'vitest';
import type { Area } from '../../functions/domain/areas.ts';
import {
  addRefusal,
  declaredTypeOf,
  deleteRefusal,
  fileDeleteRefusal,
  fitsQuota,
  materialVisibility,
  mayAddIn,
  mayDeleteFile,
  mayDeleteMaterial,
  mayPublishIn,
  mayUploadInto,
  publishRefusal,
  quotaRefusal,
  seesFile,
  sizeRefusal,
  statusAtCreation,
  typeRefusal,
  uploadRefusal,
  videoOf,
  type MaterialFacts,
} from '../../functions/domain/material-rules.ts';
import type { TwinspaceType } from '../../functions/domain/twinspace-types.ts';

const types: TwinspaceType[] = ['teacher-admin', 'member-teacher', 'pupil-admin', 'pupil-member', 'visitor'];
const areas: Area[] = ['public', 'pupils', 'teachers'];
const MB = 1024 * 1024;

/** A cell per type, in the order of `types`, for an area. */
const byType = <T>(rule: (type: TwinspaceType) => T) => types.map(rule);

describe('adding a material', () => {
  it('teachers add anywhere, pupils in the pupils’ area only, visitors nowhere', () => {
    const mayAdd = (area: Area) => byType((type) => addRefusal(type, area) === undefined);
    expect(mayAdd('public')).toEqual([true, true, false, false, false]);
    expect(mayAdd('pupils')).toEqual([true, true, true, true, false]);
    expect(mayAdd('teachers')).toEqual([true, true, false, false, false]);
  });
  it('says why in words', () => {
    expect(addRefusal('pupil-admin', 'public')).toBe("Pupils add materials to the pupils' area only.");
    expect(addRefusal('visitor', 'public')).toBe('Visitors do not add materials.');
  });
  it("a pupil member's material waits for a publisher; everyone else's is published at once", () => {
    expect(byType((type) => statusAtCreation(type, 'pupils'))).toEqual(['published', 'published', 'published', 'pending', 'pending']);
    expect(statusAtCreation('teacher-admin', 'teachers')).toBe('published');
    expect(statusAtCreation('member-teacher', 'public')).toBe('published');
  });
});

describe('publishing', () => {
  it('teachers publish in every area, a pupil administrator in the pupils’ area, nobody else', () => {
    const mayPublish = (area: Area) => byType((type) => publishRefusal(type, area) === undefined);
    expect(mayPublish('pupils')).toEqual([true, true, true, false, false]);
    expect(mayPublish('public')).toEqual([true, true, false, false, false]);
    expect(mayPublish('teachers')).toEqual([true, true, false, false, false]);
    expect(publishRefusal('pupil-admin', 'public')).toMatch(/pupils' area only/);
    expect(publishRefusal('pupil-member', 'pupils')).toMatch(/teacher or a pupil administrator/);
  });
});

describe('who sees a material', () => {
  const pablosPending: MaterialFacts = { area: 'pupils', kind: 'album', status: 'pending', authorId: 'pablo' };
  const published: MaterialFacts = { ...pablosPending, status: 'published' };

  it('a pending one: its author, the teachers and a pupil administrator; not other pupil members, not visitors', () => {
    expect(materialVisibility('pupil-member', 'pablo', pablosPending)).toBe('visible');
    expect(materialVisibility('pupil-member', 'marta', pablosPending)).toBe('pending');
    expect(materialVisibility('pupil-admin', 'lucia', pablosPending)).toBe('visible');
    expect(materialVisibility('teacher-admin', 'ana', pablosPending)).toBe('visible');
    expect(materialVisibility('member-teacher', 'eva', pablosPending)).toBe('visible');
    expect(materialVisibility('visitor', 'guest', pablosPending)).toBe('area');
  });
  it("a published one: the area's readers", () => {
    expect(byType((type) => materialVisibility(type, 'someone', published))).toEqual(['visible', 'visible', 'visible', 'visible', 'area']);
    const teachers: MaterialFacts = { area: 'teachers', kind: 'folder', status: 'published', authorId: 'ana' };
    expect(byType((type) => materialVisibility(type, 'someone', teachers))).toEqual(['visible', 'visible', 'area', 'area', 'area']);
    const open: MaterialFacts = { area: 'public', kind: 'video', status: 'published', authorId: 'ana' };
    expect(byType((type) => materialVisibility(type, 'someone', open))).toEqual(['visible', 'visible', 'visible', 'visible', 'visible']);
  });
  it('a pupil administrator does not see a pending material outside the pupils’ area (they do not publish there)', () => {
    // Only a pupil member's materials wait, and they add in the pupils' area only; a stray one elsewhere still follows the rule.
    expect(materialVisibility('pupil-admin', 'lucia', { area: 'public', kind: 'album', status: 'pending', authorId: 'pablo' })).toBe('pending');
  });
});

describe('deleting', () => {
  const anasAlbum: MaterialFacts = { area: 'pupils', kind: 'album', status: 'published', authorId: 'ana' };
  it('teacher administrators delete anything; authors delete their own; visitors nothing', () => {
    expect(deleteRefusal('teacher-admin', 'luc', anasAlbum)).toBeUndefined();
    expect(deleteRefusal('member-teacher', 'eva', anasAlbum)).toBeDefined();
    expect(deleteRefusal('pupil-admin', 'lucia', anasAlbum)).toBeDefined();
    expect(deleteRefusal('member-teacher', 'ana', anasAlbum)).toBeUndefined();
    expect(deleteRefusal('pupil-member', 'pablo', { ...anasAlbum, authorId: 'pablo' })).toBeUndefined();
    expect(deleteRefusal('visitor', 'ana', anasAlbum)).toBeDefined();
  });
  it('a file: its uploader, or whoever deletes its material', () => {
    const pablosFile = { authorId: 'pablo', status: 'ready' } as const;
    expect(fileDeleteRefusal('pupil-member', 'pablo', pablosFile, anasAlbum)).toBeUndefined();
    expect(fileDeleteRefusal('pupil-member', 'marta', pablosFile, anasAlbum)).toBeDefined();
    expect(fileDeleteRefusal('teacher-admin', 'luc', pablosFile, anasAlbum)).toBeUndefined();
    expect(fileDeleteRefusal('member-teacher', 'ana', pablosFile, anasAlbum)).toBeUndefined();
    expect(fileDeleteRefusal('member-teacher', 'eva', pablosFile, anasAlbum)).toBeDefined();
  });
});

describe('who sees a file of a material they see', () => {
  it('ready: every reader; pending or rejected: its uploader and the project’s teachers', () => {
    expect(byType((type) => seesFile(type, 'someone', { authorId: 'pablo', status: 'ready' }))).toEqual([true, true, true, true, true]);
    expect(byType((type) => seesFile(type, 'someone', { authorId: 'pablo', status: 'pending' }))).toEqual([true, true, false, false, false]);
    expect(byType((type) => seesFile(type, 'someone', { authorId: 'pablo', status: 'rejected' }))).toEqual([true, true, false, false, false]);
    expect(seesFile('pupil-member', 'pablo', { authorId: 'pablo', status: 'rejected' })).toBe(true);
  });
});

describe('uploading', () => {
  const pablosAlbum: MaterialFacts = { area: 'pupils', kind: 'album', status: 'pending', authorId: 'pablo' };

  it('an album takes images, a folder files, a video nothing (400)', () => {
    expect(uploadRefusal('teacher-admin', 'ana', { ...pablosAlbum, kind: 'album' }, 'image')).toBeUndefined();
    expect(uploadRefusal('teacher-admin', 'ana', { ...pablosAlbum, kind: 'folder' }, 'file')).toBeUndefined();
    expect(uploadRefusal('teacher-admin', 'ana', { ...pablosAlbum, kind: 'album' }, 'file')?.answer).toBe('invalid');
    expect(uploadRefusal('teacher-admin', 'ana', { ...pablosAlbum, kind: 'folder' }, 'image')?.answer).toBe('invalid');
    expect(uploadRefusal('teacher-admin', 'ana', { ...pablosAlbum, kind: 'video' }, 'image')?.answer).toBe('invalid');
  });
  it('a pupil member uploads into their own material while it waits; published, it is frozen for them (409)', () => {
    expect(uploadRefusal('pupil-member', 'pablo', pablosAlbum, 'image')).toBeUndefined();
    expect(uploadRefusal('pupil-member', 'pablo', { ...pablosAlbum, status: 'published' }, 'image')?.answer).toBe('conflict');
    expect(uploadRefusal('pupil-member', 'marta', pablosAlbum, 'image')?.answer).toBe('forbidden');
  });
  it('teachers and a pupil administrator (in the pupils’ area) upload into any material they may publish', () => {
    expect(uploadRefusal('member-teacher', 'eva', { ...pablosAlbum, status: 'published' }, 'image')).toBeUndefined();
    expect(uploadRefusal('pupil-admin', 'lucia', { ...pablosAlbum, status: 'published' }, 'image')).toBeUndefined();
    expect(uploadRefusal('pupil-admin', 'lucia', { ...pablosAlbum, area: 'public', authorId: 'ana', status: 'published' }, 'image')?.answer).toBe('forbidden');
  });
  it('visitors upload nowhere', () => {
    for (const area of areas) expect(uploadRefusal('visitor', 'guest', { ...pablosAlbum, area, authorId: 'guest' }, 'image')?.answer).toBe('forbidden');
  });
  it('images up to 10 MB, files up to 50 MB (413 beyond)', () => {
    expect(sizeRefusal('image', 10 * MB)).toBeUndefined();
    expect(sizeRefusal('image', 10 * MB + 1)).toBe('An image is at most 10 MB.');
    expect(sizeRefusal('image', 11 * MB)).toBe('An image is at most 10 MB.');
    expect(sizeRefusal('file', 50 * MB)).toBeUndefined();
    expect(sizeRefusal('file', 50 * MB + 1)).toBe('A file is at most 50 MB.');
  });
  it('images are JPEG, PNG, GIF or WebP; files are PDF, office, OpenDocument, plain text and audio', () => {
    expect(declaredTypeOf('image', 'image/png')).toBe('image/png');
    expect(declaredTypeOf('image', 'IMAGE/JPEG')).toBe('image/jpeg');
    expect(declaredTypeOf('image', 'image/gif')).toBe('image/gif');
    expect(declaredTypeOf('image', 'image/webp')).toBe('image/webp');
    expect(declaredTypeOf('image', 'text/html')).toBeUndefined();
    expect(declaredTypeOf('image', 'image/svg+xml')).toBeUndefined();
    expect(declaredTypeOf('image', 'application/pdf')).toBeUndefined();
    expect(declaredTypeOf('file', 'application/pdf')).toBe('application/pdf');
    expect(declaredTypeOf('file', 'text/plain; charset=utf-8')).toBe('text/plain');
    expect(declaredTypeOf('file', 'audio/mpeg')).toBe('audio/mpeg');
    expect(declaredTypeOf('file', 'application/vnd.oasis.opendocument.text')).toBe('application/vnd.oasis.opendocument.text');
    expect(declaredTypeOf('file', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBeDefined();
    expect(declaredTypeOf('file', 'application/msword')).toBe('application/msword');
    expect(declaredTypeOf('file', 'text/html')).toBeUndefined();
    expect(declaredTypeOf('file', 'application/x-msdownload')).toBeUndefined();
    expect(declaredTypeOf('file', 'image/png')).toBeUndefined();
    expect(typeRefusal('image')).toMatch(/JPEG, PNG, GIF or WebP/);
  });
  it('a project holds its quota: an upload fits while used + size stays within it', () => {
    const quota = 2 * 1024 * MB;
    expect(fitsQuota(0, quota, 10 * MB)).toBe(true);
    expect(fitsQuota(quota - 10 * MB, quota, 10 * MB)).toBe(true);
    expect(fitsQuota(quota - 10 * MB + 1, quota, 10 * MB)).toBe(false);
    expect(fitsQuota(0, 5 * MB, 10 * MB)).toBe(false);
    expect(quotaRefusal(quota - 5 * MB, quota, 10 * MB)).toBe("The project's materials are full: 2 GB of 2 GB are used, and this file needs 10 MB.");
    expect(quotaRefusal(512 * MB, quota, 10 * MB)).toBe("The project's materials are full: 512 MB of 2 GB are used, and this file needs 10 MB.");
  });
});

describe('video links', () => {
  it('YouTube and Vimeo links are videos, kept as provider and id', () => {
    expect(videoOf('video', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ')).toEqual({ video: { provider: 'youtube', videoId: 'dQw4w9WgXcQ' } });
    expect(videoOf('video', 'https://youtu.be/dQw4w9WgXcQ')).toEqual({ video: { provider: 'youtube', videoId: 'dQw4w9WgXcQ' } });
    expect(videoOf('video', 'https://vimeo.com/76979871')).toEqual({ video: { provider: 'vimeo', videoId: '76979871' } });
  });
  it('any other host, or no link, is refused; albums and folders carry none', () => {
    expect(videoOf('video', 'https://evil.example/watch?v=dQw4w9WgXcQ')).toEqual({ problem: 'Only YouTube and Vimeo links are videos here.' });
    expect(videoOf('video', 'javascript:alert(1)')).toHaveProperty('problem');
    expect(videoOf('video', undefined)).toEqual({ problem: 'A video needs its YouTube or Vimeo link.' });
    expect(videoOf('album', 'https://youtu.be/dQw4w9WgXcQ')).toEqual({ problem: 'Albums and folders have no video link.' });
    expect(videoOf('folder', undefined)).toEqual({});
  });
});

// The site's Materials tab offers a button by the yes/no rules; the API refuses by the worded ones. They must never disagree.
describe('the yes/no rules the site shows agree with the refusals the API answers', () => {
  const me = 'ME';
  const facts = areas.flatMap((area) =>
    (['album', 'folder', 'video'] as const).flatMap((kind) =>
      (['published', 'pending'] as const).flatMap((status) => [me, 'SOMEONE'].map((authorId): MaterialFacts => ({ area, kind, status, authorId }))),
    ),
  );
  it.each(types)('for a %s', (type) => {
    for (const material of facts) {
      const where = JSON.stringify(material);
      expect(mayAddIn(type, material.area), where).toBe(addRefusal(type, material.area) === undefined);
      expect(mayPublishIn(type, material.area), where).toBe(publishRefusal(type, material.area) === undefined);
      expect(mayDeleteMaterial(type, me, material), where).toBe(deleteRefusal(type, me, material) === undefined);
      const kind = material.kind === 'folder' ? 'file' : 'image';
      expect(mayUploadInto(type, me, material), where).toBe(uploadRefusal(type, me, material, kind) === undefined);
      for (const uploader of [me, 'OTHER']) {
        const file = { authorId: uploader, status: 'ready' as const };
        expect(mayDeleteFile(type, me, file, material), where).toBe(fileDeleteRefusal(type, me, file, material) === undefined);
      }
    }
  });
});
