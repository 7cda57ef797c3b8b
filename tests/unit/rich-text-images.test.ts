/**
 * Which images a rich-text document may show (issue 10), pure, from
 * DOMAIN.md's reading table: the public area is read by all five types, the
 * pupils' area by all but visitors, the teachers' area by the project's
 * teachers only. A document of area D may show an image only if every reader
 * of D reads the image's album's area; the album must be published and the
 * file a ready image of this project. Where each surface's documents stand:
 * a page in its area, a forum post in its discussion's area, a Home post and
 * a diary entry in the public area.
 */
import { describe, expect, it } from 'vitest';
import { areas, type Area } from '../../functions/domain/areas.ts';
import { documentAreaOf, storedDocumentBytes, storedSize } from '../../functions/domain/rich-documents.ts';
import { distinctImages, everyReaderSees, imageRefusal, placedImages, readersOf, type AlbumFacts, type ImageFileFacts } from '../../functions/domain/rich-text-images.ts';
import type { RichDoc } from '../../functions/domain/rich-text.ts';

const projectId = '01JF8Z3Q4W5X6Y7Z8A9B0C1D2E';
const materialId = '01JG2M8A1C3E5G7J9K1M3P5R7S';
const fileId = '01JG2M8A1C3E5G7J9K1M3P5R7T';
const readyImage: ImageFileFacts = { projectId, materialId, kind: 'image', status: 'ready' };
const album = (area: Area, status = 'published'): AlbumFacts => ({ projectId, kind: 'album', status, area });
const refusal = (documentArea: Area, file: ImageFileFacts | undefined, albumFacts: AlbumFacts | undefined) =>
  imageRefusal(projectId, documentArea, { materialId }, file, albumFacts);

describe('the readers of each area (DOMAIN.md: read public / pupils / teachers area)', () => {
  it('public: all five types; pupils: all but visitors; teachers: the project teachers', () => {
    expect(readersOf('public')).toEqual(['teacher-admin', 'member-teacher', 'pupil-admin', 'pupil-member', 'visitor']);
    expect(readersOf('pupils')).toEqual(['teacher-admin', 'member-teacher', 'pupil-admin', 'pupil-member']);
    expect(readersOf('teachers')).toEqual(['teacher-admin', 'member-teacher']);
  });
});

describe('an image in a document: every reader of the document reads the album’s area', () => {
  const shows: Record<Area, Record<Area, boolean>> = {
    // document area → album area → may show
    public: { public: true, pupils: false, teachers: false },
    pupils: { public: true, pupils: true, teachers: false },
    teachers: { public: true, pupils: true, teachers: true },
  };
  for (const documentArea of areas) {
    for (const albumArea of areas) {
      const expected = shows[documentArea][albumArea];
      it(`a ${documentArea} document ${expected ? 'shows' : 'refuses'} an image of the ${albumArea} area`, () => {
        expect(everyReaderSees(documentArea, albumArea)).toBe(expected);
        const answer = refusal(documentArea, readyImage, album(albumArea));
        if (expected) expect(answer).toBeUndefined();
        else expect(answer).toMatch(new RegExp(`^This image is in the ${albumArea === 'pupils' ? "pupils'" : "teachers'"} area`));
      });
    }
  }

  it('refuses an image of a pupils’ album in a public page: visitors and the public page could not see it', () => {
    expect(refusal(documentAreaOf('page', 'public'), readyImage, album('pupils'))).toBe(
      "This image is in the pupils' area, which not every reader of this text may see. Choose an image of an album its readers all see.",
    );
    expect(refusal(documentAreaOf('page', 'pupils'), readyImage, album('pupils'))).toBeUndefined();
  });
});

describe('the image itself', () => {
  it('must be a ready image: a pending upload is not checked yet, a rejected one never shows', () => {
    expect(refusal('teachers', { ...readyImage, status: 'pending' }, album('public'))).toMatch(/not ready/);
    expect(refusal('teachers', { ...readyImage, status: 'rejected' }, album('public'))).toMatch(/not ready/);
  });

  it('must be in a published album (a pupil member’s waiting album is not shown)', () => {
    expect(refusal('teachers', readyImage, album('pupils', 'pending'))).toBe("This image's album is not published yet.");
  });

  it('must be an image of an album of THIS project, under the album the node names', () => {
    const notOurs = "This image is not an image of this project's albums.";
    expect(refusal('public', undefined, album('public'))).toBe(notOurs);
    expect(refusal('public', readyImage, undefined)).toBe(notOurs);
    expect(refusal('public', { ...readyImage, projectId: '01JF8Z3Q4W5X6Y7Z8A9B0C1D2F' }, album('public'))).toBe(notOurs);
    expect(refusal('public', readyImage, { ...album('public'), projectId: '01JF8Z3Q4W5X6Y7Z8A9B0C1D2F' })).toBe(notOurs);
    expect(refusal('public', { ...readyImage, materialId: '01JG2M8A1C3E5G7J9K1M3P5R7Z' }, album('public'))).toBe(notOurs);
    // A file of a folder, or an album that is a folder or a video.
    expect(refusal('public', { ...readyImage, kind: 'file' }, album('public'))).toBe(notOurs);
    expect(refusal('public', readyImage, { ...album('public'), kind: 'folder' })).toBe(notOurs);
  });
});

describe('where each surface’s documents stand', () => {
  it('a page in its own area; a forum post in its discussion’s area', () => {
    for (const area of areas) expect(documentAreaOf('page', area)).toBe(area);
    expect(documentAreaOf('forum-post', 'pupils')).toBe('pupils');
    expect(documentAreaOf('forum-post', 'teachers')).toBe('teachers');
  });
  it('a Home post in the public area (visitors read the Home), a diary entry too (the NSS and the public page read it)', () => {
    expect(documentAreaOf('home-post')).toBe('public');
    expect(documentAreaOf('diary-entry')).toBe('public');
  });
  it('so a teachers’ forum post shows a teachers’ image, a Home post and a diary entry only public ones', () => {
    expect(refusal(documentAreaOf('forum-post', 'teachers'), readyImage, album('teachers'))).toBeUndefined();
    expect(refusal(documentAreaOf('home-post'), readyImage, album('pupils'))).toBeDefined();
    expect(refusal(documentAreaOf('diary-entry'), readyImage, album('teachers'))).toBeDefined();
    expect(refusal(documentAreaOf('diary-entry'), readyImage, album('public'))).toBeUndefined();
  });
});

describe('the images of a document', () => {
  const image = (file: string, material = materialId, alt?: string) => ({ type: 'image' as const, attrs: { materialId: material, fileId: file, ...(alt ? { alt } : {}) } });
  const doc: RichDoc = {
    type: 'doc',
    content: [
      image(fileId, materialId, 'The river'),
      { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }, image('01JG2M8A1C3E5G7J9K1M3P5R7V')] }] },
      { type: 'blockquote', content: [image(fileId, materialId, 'Again')] },
      image(fileId, '01JG2M8A1C3E5G7J9K1M3P5R7W'),
    ],
  };

  it('are found with their path, for the 400’s details', () => {
    expect(placedImages(doc).map((placed) => placed.path)).toEqual([
      ['content', 0],
      ['content', 1, 'content', 0, 'content', 1],
      ['content', 2, 'content', 0],
      ['content', 3],
    ]);
  });

  it('count once per material and file: the same file under another album is checked apart', () => {
    expect(distinctImages(placedImages(doc)).map((placed) => `${placed.attrs.materialId}/${placed.attrs.fileId}`)).toEqual([
      `${materialId}/${fileId}`,
      `${materialId}/01JG2M8A1C3E5G7J9K1M3P5R7V`,
      `01JG2M8A1C3E5G7J9K1M3P5R7W/${fileId}`,
    ]);
  });
});

describe('the stored size of a document', () => {
  it('counts the document and its media as UTF-8 JSON, within each surface’s budget', () => {
    const small: RichDoc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'é' }] }] };
    expect(storedSize({ content: small })).toBe(new TextEncoder().encode(JSON.stringify({ content: small, media: {} })).byteLength);
    // A diary entry keeps its replies' 280 KB in a 400 KB item: its own texts stay below 90 KB.
    expect(storedDocumentBytes['diary-entry']).toBeLessThan(90_000);
    expect(storedDocumentBytes.page).toBeLessThan(400_000);
  });
});
