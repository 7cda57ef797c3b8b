/**
 * The TwinSpace pages page's rules (web/src/scripts/twinspace/pages/pages-page.ts), pure,
 * against DOMAIN.md's table: which area each type opens on, who is guided,
 * who writes where, what a page offers whom (nothing in a closed project),
 * and the new-page form as the API's body. Also the public page's small
 * rules (web/src/scripts/public/public-page.ts).
 */
import { describe, expect, it } from 'vitest';
import { pageBodyMaxLength } from '../../functions/domain/pages.ts';
import { plainToDoc } from '../../functions/domain/rich-text.ts';
import { chosenArea, guidanceFor, newPageBody, pageControls, showsDrafts, writableAreas } from '../../web/src/scripts/twinspace/pages/pages-page.ts';
import { displayName, labelCountries, partnerLine, publicQuery } from '../../web/src/scripts/public/public-page.ts';

describe('chosenArea', () => {
  it('opens a pupil on the pupils’ area and a teacher on the public one; a visitor on the public one', () => {
    expect(chosenArea('pupil-member', null)).toEqual({ area: 'pupils', refused: false });
    expect(chosenArea('pupil-admin', null)).toEqual({ area: 'pupils', refused: false });
    expect(chosenArea('teacher-admin', null)).toEqual({ area: 'public', refused: false });
    expect(chosenArea('member-teacher', null)).toEqual({ area: 'public', refused: false });
    expect(chosenArea('visitor', null)).toEqual({ area: 'public', refused: false });
  });
  it('keeps a readable area from the address and refuses one the type does not read', () => {
    expect(chosenArea('member-teacher', 'teachers')).toEqual({ area: 'teachers', refused: false });
    expect(chosenArea('pupil-member', 'public')).toEqual({ area: 'public', refused: false });
    expect(chosenArea('pupil-member', 'teachers')).toEqual({ area: 'pupils', refused: true });
    expect(chosenArea('visitor', 'pupils')).toEqual({ area: 'public', refused: true });
    expect(chosenArea('teacher-admin', 'nowhere')).toEqual({ area: 'public', refused: true });
  });
});

describe('who writes where, and who is guided', () => {
  it('teachers write in every area, pupils only in theirs, visitors nowhere', () => {
    expect(writableAreas('teacher-admin')).toEqual(['public', 'pupils', 'teachers']);
    expect(writableAreas('member-teacher')).toEqual(['public', 'pupils', 'teachers']);
    expect(writableAreas('pupil-admin')).toEqual(['pupils']);
    expect(writableAreas('pupil-member')).toEqual(['pupils']);
    expect(writableAreas('visitor')).toEqual([]);
  });
  it('a pupil member submits, a pupil administrator publishes; teachers and visitors get no guidance', () => {
    expect(guidanceFor('pupil-member')).toBe('pagesArea.guide.submit');
    expect(guidanceFor('pupil-admin')).toBe('pagesArea.guide.publish');
    expect(guidanceFor('teacher-admin')).toBeUndefined();
    expect(guidanceFor('member-teacher')).toBeUndefined();
    expect(guidanceFor('visitor')).toBeUndefined();
  });
  it('shows the drafts to those who write in the area, not to a visitor or a pupil in the public area', () => {
    expect(showsDrafts('pupil-member', 'pupils')).toBe(true);
    expect(showsDrafts('member-teacher', 'public')).toBe(true);
    expect(showsDrafts('pupil-admin', 'public')).toBe(false);
    expect(showsDrafts('visitor', 'public')).toBe(false);
  });
});

describe('pageControls', () => {
  const teachersPage = { area: 'public', status: 'draft', authorId: 'ana', submittedForPublishing: false } as const;
  const pupilsDraft = { area: 'pupils', status: 'draft', authorId: 'pablo', submittedForPublishing: false } as const;

  it('a teacher administrator edits, deletes and publishes any page', () => {
    expect(pageControls('teacher-admin', 'luc', teachersPage, true)).toEqual({ edit: true, publish: true, submit: false });
  });
  it('a member teacher edits only their own public pages, yet publishes', () => {
    expect(pageControls('member-teacher', 'eva', teachersPage, true)).toEqual({ edit: false, publish: true, submit: false });
    expect(pageControls('member-teacher', 'ana', teachersPage, true).edit).toBe(true);
  });
  it('a pupil member edits and submits their own draft, never publishes, and submits it once', () => {
    expect(pageControls('pupil-member', 'pablo', pupilsDraft, true)).toEqual({ edit: true, publish: false, submit: true });
    expect(pageControls('pupil-member', 'pablo', { ...pupilsDraft, submittedForPublishing: true }, true).submit).toBe(false);
    expect(pageControls('pupil-member', 'maria', pupilsDraft, true)).toEqual({ edit: false, publish: false, submit: false });
  });
  it('a pupil administrator publishes in the pupils’ area only', () => {
    expect(pageControls('pupil-admin', 'lucia', pupilsDraft, true).publish).toBe(true);
    expect(pageControls('pupil-admin', 'lucia', teachersPage, true)).toEqual({ edit: false, publish: false, submit: false });
  });
  it('a published page is not published again; a visitor changes nothing', () => {
    expect(pageControls('teacher-admin', 'ana', { ...teachersPage, status: 'published' }, true).publish).toBe(false);
    expect(pageControls('visitor', 'guest', teachersPage, true)).toEqual({ edit: false, publish: false, submit: false });
  });
  it('a closed project offers nothing, whoever reads it', () => {
    expect(pageControls('teacher-admin', 'ana', teachersPage, false)).toEqual({ edit: false, publish: false, submit: false });
    expect(pageControls('pupil-member', 'pablo', pupilsDraft, false)).toEqual({ edit: false, publish: false, submit: false });
  });
});

describe('newPageBody', () => {
  const text = plainToDoc('Line one\nLine two');
  const typed = { area: 'pupils', title: 'My map', body: text, submit: true } as const;
  it('asks for a title before anything is sent', () => {
    expect(newPageBody({ ...typed, title: '   ' }, 'pupil-member')).toEqual({ problems: { title: 'pagesArea.titleMissing' } });
  });
  it('sends the text as a document; only a pupil member submits on creating', () => {
    expect(newPageBody(typed, 'pupil-member')).toEqual({ body: { area: 'pupils', title: 'My map', body: text, submittedForPublishing: true } });
    expect(newPageBody(typed, 'teacher-admin')).toEqual({ body: { area: 'pupils', title: 'My map', body: text, submittedForPublishing: false } });
  });
  it('takes an empty text, and refuses a text longer than a page holds before sending it', () => {
    expect(newPageBody({ ...typed, body: { type: 'doc', content: [] } }, 'teacher-admin')).toHaveProperty('body');
    expect(newPageBody({ ...typed, body: plainToDoc('x'.repeat(pageBodyMaxLength + 1)) }, 'teacher-admin')).toEqual({
      problems: { body: { key: 'richEditor.tooLong', max: pageBodyMaxLength, count: pageBodyMaxLength + 1 } },
    });
  });
});

describe('the public page', () => {
  it('reads the first page of both lists, then each list with its own cursor', () => {
    expect(publicQuery('01P')).toBe('/public/projects/01P?limit=10');
    expect(publicQuery('01P', { list: 'pages', cursor: 'abc' })).toBe('/public/projects/01P?limit=10&cursor=abc');
    expect(publicQuery('01P', { list: 'diary', cursor: 'abc' })).toBe('/public/projects/01P?limit=10&diaryCursor=abc');
  });
  it('names codes in the reader’s language, and a partner with its school when known', () => {
    expect(displayName('IE', 'region', 'en')).toBe('Ireland');
    expect(displayName('IE', 'region', 'es')).toBe('Irlanda');
    expect(displayName('fr', 'language', 'es')).toBe('francés');
    expect(partnerLine({ country: 'FR', school: 'Lycée Jean Moulin' }, 'en')).toBe('Lycée Jean Moulin (France)');
    expect(partnerLine({ country: 'FR' }, 'es')).toBe('Francia');
  });
  it('says where a label comes from: the granting country, or a European label’s countries as a list', () => {
    expect(labelCountries({ level: 'national', country: 'IE', schoolYear: '2026-2027', grantedAt: '2026-11-01T00:00:00Z' }, 'en')).toBe('Ireland');
    expect(labelCountries({ level: 'european', countries: ['FR', 'ES'], schoolYear: '2026-2027', grantedAt: '2026-11-01T00:00:00Z' }, 'es')).toBe('Francia y España');
  });
});
