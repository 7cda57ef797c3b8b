/**
 * The Materials tab's rules (web/src/scripts/twinspace/materials/*-page.ts),
 * pure, against issue 10 and DOMAIN.md: teachers add anywhere, pupils in
 * the pupils' area, and a pupil member's materials wait for a teacher or a
 * pupil administrator; teacher administrators delete anything, authors their
 * own; visitors read the public area only; a closed project is read-only.
 * Images are JPEG, PNG, GIF or WebP up to 10 MB, files PDF, office,
 * OpenDocument, plain text or audio up to 50 MB; videos are YouTube or Vimeo
 * links. Processing's reasons are said in plain words, in English and Spanish.
 */
import { describe, expect, it } from 'vitest';
import { rejectionReasons } from '../../functions/domain/materials.ts';
import type { TwinspaceType } from '../../functions/domain/twinspace-types.ts';
import { dictionaries } from '../../web/src/i18n/index.ts';
import { newMaterialBody, type NewMaterialValues } from '../../web/src/scripts/twinspace/materials/material-form-page.ts';
import {
  addableAreas,
  chosenArea,
  formatName,
  formatSize,
  guidanceFor,
  limitText,
  materialControls,
  materialsStrings,
  mayDeleteFile,
  rejectionKey,
  statusKey,
} from '../../web/src/scripts/twinspace/materials/materials-page.ts';
import { acceptAttribute, declaredType, fileRefusal, pollDelay, progressPercent } from '../../web/src/scripts/twinspace/materials/upload-page.ts';

const me = 'me';
const someoneElse = 'other';
const MB = 1024 * 1024;
const material = (change: Partial<Parameters<typeof materialControls>[2]> = {}) => ({ area: 'pupils' as const, kind: 'album' as const, status: 'published' as const, authorId: someoneElse, ...change });

describe('areas', () => {
  it('opens each type on an area it reads: teachers the public one, pupils theirs, visitors the public one', () => {
    expect(chosenArea('teacher-admin', null)).toEqual({ area: 'public', refused: false });
    expect(chosenArea('member-teacher', 'teachers')).toEqual({ area: 'teachers', refused: false });
    expect(chosenArea('pupil-member', null)).toEqual({ area: 'pupils', refused: false });
    expect(chosenArea('pupil-admin', 'public')).toEqual({ area: 'public', refused: false });
    expect(chosenArea('visitor', null)).toEqual({ area: 'public', refused: false });
  });

  it('refuses an area the type does not read, and shows one it reads instead', () => {
    expect(chosenArea('pupil-member', 'teachers')).toEqual({ area: 'pupils', refused: true });
    expect(chosenArea('visitor', 'pupils')).toEqual({ area: 'public', refused: true });
    expect(chosenArea('teacher-admin', 'nowhere')).toEqual({ area: 'public', refused: true });
  });

  it('lets teachers add anywhere, pupils in the pupils’ area only, visitors nowhere', () => {
    expect(addableAreas('teacher-admin')).toEqual(['public', 'pupils', 'teachers']);
    expect(addableAreas('member-teacher')).toEqual(['public', 'pupils', 'teachers']);
    expect(addableAreas('pupil-admin')).toEqual(['pupils']);
    expect(addableAreas('pupil-member')).toEqual(['pupils']);
    expect(addableAreas('visitor')).toEqual([]);
  });

  it('tells pupils what happens to what they add, and nobody else', () => {
    expect(guidanceFor('pupil-member')).toBe('materials.guide.pupil-member');
    expect(guidanceFor('pupil-admin')).toBe('materials.guide.pupil-admin');
    for (const type of ['teacher-admin', 'member-teacher', 'visitor'] as TwinspaceType[]) expect(guidanceFor(type)).toBeUndefined();
  });
});

describe('what a member may do with a material', () => {
  it('a pupil member adds to their own waiting album and deletes it, but cannot publish it; once published it is frozen for them', () => {
    const waiting = material({ status: 'pending', authorId: me });
    expect(materialControls('pupil-member', me, waiting, true)).toEqual({ publish: false, delete: true, upload: true });
    expect(materialControls('pupil-member', me, { ...waiting, status: 'published' }, true)).toEqual({ publish: false, delete: true, upload: false });
    // Someone else's: only to read.
    expect(materialControls('pupil-member', me, material({ status: 'pending' }), true)).toEqual({ publish: false, delete: false, upload: false });
  });

  it('teachers and the pupil administrator publish a pupil member’s waiting material; the pupil administrator in the pupils’ area only', () => {
    const waiting = material({ status: 'pending' });
    expect(materialControls('teacher-admin', me, waiting, true).publish).toBe(true);
    expect(materialControls('member-teacher', me, waiting, true).publish).toBe(true);
    expect(materialControls('pupil-admin', me, waiting, true).publish).toBe(true);
    expect(materialControls('pupil-admin', me, { ...waiting, area: 'public' }, true).publish).toBe(false);
    // Nothing to publish once published.
    expect(materialControls('teacher-admin', me, material(), true).publish).toBe(false);
  });

  it('teacher administrators delete anything; others only their own; visitors nothing', () => {
    expect(materialControls('teacher-admin', me, material(), true).delete).toBe(true);
    for (const type of ['member-teacher', 'pupil-admin', 'pupil-member'] as TwinspaceType[]) {
      expect(materialControls(type, me, material(), true).delete, type).toBe(false);
      expect(materialControls(type, me, material({ authorId: me }), true).delete, type).toBe(true);
    }
    expect(materialControls('visitor', me, material({ area: 'public', authorId: me }), true)).toEqual({ publish: false, delete: false, upload: false });
  });

  it('teachers upload into any album or folder; nobody uploads into a video', () => {
    expect(materialControls('member-teacher', me, material({ kind: 'folder', area: 'teachers' }), true).upload).toBe(true);
    expect(materialControls('teacher-admin', me, material({ kind: 'video', authorId: me }), true).upload).toBe(false);
  });

  it('a closed project is read-only for everyone', () => {
    expect(materialControls('teacher-admin', me, material({ status: 'pending', authorId: me }), false)).toEqual({ publish: false, delete: false, upload: false });
    expect(mayDeleteFile('teacher-admin', me, material(), { authorId: me }, false)).toBe(false);
  });

  it('a file is deleted by its uploader or by whoever deletes the material', () => {
    expect(mayDeleteFile('member-teacher', me, material(), { authorId: me }, true)).toBe(true);
    expect(mayDeleteFile('member-teacher', me, material(), { authorId: someoneElse }, true)).toBe(false);
    expect(mayDeleteFile('teacher-admin', me, material(), { authorId: someoneElse }, true)).toBe(true);
  });
});

describe('the new-material form', () => {
  const typed = (change: Partial<NewMaterialValues>): NewMaterialValues => ({ area: 'pupils', kind: 'album', title: 'River photos', description: '', videoUrl: '', ...change });

  it('needs a title of at most 200 characters (counted as people count them)', () => {
    expect(newMaterialBody(typed({ title: '   ' }))).toEqual({ problems: { title: 'materials.titleMissing' } });
    expect(newMaterialBody(typed({ title: '🌊'.repeat(200) }))).toHaveProperty('body');
    expect(newMaterialBody(typed({ title: 'a'.repeat(201) }))).toEqual({ problems: { title: 'materials.titleTooLong' } });
    expect(newMaterialBody(typed({ description: 'd'.repeat(2001) }))).toEqual({ problems: { description: 'materials.descriptionTooLong' } });
  });

  it('sends an album or folder without a link, trimmed', () => {
    expect(newMaterialBody(typed({ title: ' River photos ', description: ' Day one ', videoUrl: 'https://youtu.be/dQw4w9WgXcQ' }))).toEqual({
      body: { area: 'pupils', kind: 'album', title: 'River photos', description: 'Day one' },
    });
  });

  it('takes a YouTube or Vimeo link for a video, and refuses anything else before asking', () => {
    const video = (videoUrl: string) => newMaterialBody(typed({ kind: 'video', videoUrl }));
    expect(video('')).toEqual({ problems: { videoUrl: 'materials.videoUrlMissing' } });
    expect(video('https://example.com/watch?v=dQw4w9WgXcQ')).toEqual({ problems: { videoUrl: 'materials.videoUrlInvalid' } });
    expect(video('javascript:alert(1)')).toEqual({ problems: { videoUrl: 'materials.videoUrlInvalid' } });
    expect(video(' https://www.youtube.com/watch?v=dQw4w9WgXcQ ')).toEqual({
      body: { area: 'pupils', kind: 'video', title: 'River photos', description: '', videoUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' },
    });
    expect(video('https://vimeo.com/76979871')).toHaveProperty('body');
  });
});

describe('a chosen file, checked before anything is asked', () => {
  const file = (name: string, size: number, type: string) => ({ name, size, type });

  it('sends JPEG, PNG, GIF and WebP images up to 10 MB', () => {
    expect(fileRefusal('image', file('river.png', 2 * MB, 'image/png'))).toBeUndefined();
    expect(fileRefusal('image', file('river.jpg', 10 * MB, 'image/jpeg'))).toBeUndefined();
    expect(fileRefusal('image', file('river.gif', MB, 'image/gif'))).toBeUndefined();
    expect(fileRefusal('image', file('river.webp', MB, 'image/webp'))).toBeUndefined();
  });

  it('does not send an 11 MB image, an SVG, a page or an empty file', () => {
    expect(fileRefusal('image', file('big.png', 11 * MB, 'image/png'))).toBe('materials.refused.too-large');
    expect(fileRefusal('image', file('logo.svg', 1000, 'image/svg+xml'))).toBe('materials.refused.type.image');
    expect(fileRefusal('image', file('page.html', 1000, 'text/html'))).toBe('materials.refused.type.image');
    expect(fileRefusal('image', file('empty.png', 0, 'image/png'))).toBe('materials.refused.empty');
  });

  it('sends PDF, office, OpenDocument, plain text and audio files up to 50 MB, and nothing else', () => {
    expect(fileRefusal('file', file('report.pdf', 50 * MB, 'application/pdf'))).toBeUndefined();
    expect(fileRefusal('file', file('report.pdf', 51 * MB, 'application/pdf'))).toBe('materials.refused.too-large');
    expect(fileRefusal('file', file('notes.odt', MB, 'application/vnd.oasis.opendocument.text'))).toBeUndefined();
    expect(fileRefusal('file', file('slides.pptx', MB, 'application/vnd.openxmlformats-officedocument.presentationml.presentation'))).toBeUndefined();
    expect(fileRefusal('file', file('old.doc', MB, 'application/msword'))).toBeUndefined();
    expect(fileRefusal('file', file('notes.txt', 10, 'text/plain'))).toBeUndefined();
    expect(fileRefusal('file', file('song.mp3', MB, 'audio/mpeg'))).toBeUndefined();
    expect(fileRefusal('file', file('setup.exe', MB, 'application/x-msdownload'))).toBe('materials.refused.type.file');
    // A folder is not an album: images go into albums.
    expect(fileRefusal('file', file('river.png', MB, 'image/png'))).toBe('materials.refused.type.file');
  });

  it('declares the type as the server names it: the browser’s, its aliases, or the name’s ending when the browser says nothing', () => {
    expect(declaredType(file('river.png', 1, 'image/png'))).toBe('image/png');
    expect(declaredType(file('river.jpg', 1, 'image/jpg'))).toBe('image/jpeg');
    expect(declaredType(file('old.xls', 1, 'application/vnd.ms-excel'))).toBe('application/x-cfb');
    expect(declaredType(file('River.PNG', 1, ''))).toBe('image/png');
    expect(declaredType(file('voice.m4a', 1, 'application/octet-stream'))).toBe('audio/x-m4a');
    expect(declaredType(file('mystery', 1, ''))).toBe('application/octet-stream');
  });

  it('lets the file picker offer only the kind’s types', () => {
    const images = acceptAttribute('image').split(',');
    expect(images).toEqual(expect.arrayContaining(['image/jpeg', 'image/png', 'image/gif', 'image/webp', '.png', '.jpg']));
    expect(images).not.toContain('image/svg+xml');
    expect(images).not.toContain('.pdf');
    const files = acceptAttribute('file').split(',');
    expect(files).toEqual(expect.arrayContaining(['application/pdf', '.doc', '.odt', '.txt', '.mp3']));
    expect(files).not.toContain('image/png');
  });
});

describe('an upload under way', () => {
  it('shows whole percents from 0 to 100', () => {
    expect(progressPercent(0, 0)).toBe(0);
    expect(progressPercent(50, 200)).toBe(25);
    expect(progressPercent(199, 200)).toBe(99);
    expect(progressPercent(200, 200)).toBe(100);
    expect(progressPercent(300, 200)).toBe(100);
    expect(progressPercent(Number.NaN, 200)).toBe(0);
  });

  it('asks whether processing is done soon at first, then at most every 5 seconds', () => {
    expect(pollDelay(0)).toBe(500);
    expect(pollDelay(1)).toBeGreaterThan(pollDelay(0));
    expect(pollDelay(20)).toBe(5_000);
  });
});

describe('words', () => {
  const { en, es } = dictionaries;

  it('says why processing removed a file, in plain English and Spanish', () => {
    const sentence = (dictionary: typeof en, key: ReturnType<typeof rejectionKey>, values: Record<string, string>) =>
      dictionary[key].replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
    expect(sentence(en, rejectionKey('type-mismatch', 'image'), { format: formatName('image/png', 'river.png') })).toBe('This file is not really a PNG image, so it was removed.');
    expect(sentence(es, rejectionKey('type-mismatch', 'image'), { format: 'PNG' })).toBe('Este archivo no es realmente una imagen PNG, así que se ha eliminado.');
    expect(sentence(en, rejectionKey('too-large', 'image'), { limit: limitText('image', 'en') })).toBe('This file is larger than 10 MB, so it was removed.');
    for (const reason of rejectionReasons) {
      for (const kind of ['image', 'file'] as const) {
        const key = rejectionKey(reason, kind);
        expect(materialsStrings, key).toContain(key);
        expect(en[key]).toMatch(/removed/);
        expect(es[key]).toMatch(/eliminado/);
      }
    }
  });

  it('names a waiting material’s state', () => {
    expect(en[statusKey('pending')]).toBe('Waiting for publishing');
    expect(es[statusKey('pending')]).toBe('Pendiente de publicar');
  });

  it('says sizes and formats the reader’s way', () => {
    expect(limitText('image', 'en')).toBe('10 MB');
    expect(limitText('file', 'es')).toBe('50 MB');
    expect(formatSize(1536, 'en')).toBe('1.5 kB');
    expect(formatSize(1536, 'es')).toBe('1,5 kB');
    expect(formatSize(12, 'en')).toBe('12 byte');
    expect(formatName(undefined, 'slides.pptx')).toBe('PPTX');
    expect(formatName('application/pdf', 'x')).toBe('PDF');
  });

  it('asks the page for words that exist in both languages', () => {
    for (const key of materialsStrings) {
      expect(en[key], key).toBeTruthy();
      expect(es[key], key).toBeTruthy();
    }
  });
});
