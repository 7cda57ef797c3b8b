/**
 * The create and edit project forms' rules (web/src/scripts/desktop/project-form.ts),
 * pure: the empty fields and the age range are refused field by field before
 * anything is sent; the bodies of POST /projects and PUT /projects/{id}; an
 * edited project's values round-trip; only a version conflict counts as stale.
 */
import { describe, expect, it } from 'vitest';
import { createBody, editBody, emptyProject, isStaleVersion, projectProblems, valuesOf } from '../../web/src/scripts/desktop/project-form.ts';
import type { ProjectDetailResponse } from '../../functions/http/projects/schemas.ts';

const typed = {
  title: ' River life ',
  description: 'Pupils map their rivers.',
  subjects: 'Science, , Geography ',
  agesMin: '10',
  agesMax: '12',
  languages: 'EN, fr',
  partnerUsername: ' luc@demo.twinspace ',
};

describe('projectProblems', () => {
  it('marks every empty required field, and missing ages', () => {
    expect(projectProblems(emptyProject, ['title', 'description', 'subjects', 'languages', 'partnerUsername'])).toEqual({
      title: 'newProject.required',
      description: 'newProject.required',
      subjects: 'newProject.required',
      languages: 'newProject.required',
      partnerUsername: 'newProject.required',
      ages: 'newProject.agesInvalid',
    });
  });
  it('refuses ages that are not whole numbers or run backwards; blank text counts as empty', () => {
    expect(projectProblems({ ...typed, agesMin: '12', agesMax: '10' }, [])).toEqual({ ages: 'newProject.agesInvalid' });
    expect(projectProblems({ ...typed, agesMin: '10.5' }, [])).toEqual({ ages: 'newProject.agesInvalid' });
    expect(projectProblems({ ...typed, title: '   ' }, ['title'])).toEqual({ title: 'newProject.required' });
    expect(projectProblems({ ...typed, title: '\u200B\u200B' }, ['title'])).toEqual({ title: 'newProject.required' });
    expect(projectProblems({ ...typed, agesMin: '11', agesMax: '11' }, ['title', 'partnerUsername'])).toEqual({});
  });
  it('does not ask for the partner when editing', () => {
    expect(projectProblems({ ...typed, partnerUsername: '' }, ['title', 'description', 'subjects', 'languages'])).toEqual({});
  });
});

describe('the bodies', () => {
  it('POST /projects: trimmed text, lists split on commas, languages in small letters, the partner', () => {
    expect(createBody(typed)).toEqual({
      title: 'River life',
      description: 'Pupils map their rivers.',
      subjects: ['Science', 'Geography'],
      ages: { min: 10, max: 12 },
      languages: ['en', 'fr'],
      partnerUsername: 'luc@demo.twinspace',
    });
  });
  it('PUT /projects/{id}: the details with the version read, no partner', () => {
    const body = editBody(typed, 4);
    expect(body).toMatchObject({ title: 'River life', version: 4 });
    expect(body).not.toHaveProperty('partnerUsername');
  });
  it('a project read becomes the values that send it back unchanged', () => {
    const project = { title: 'Wind', description: 'Boats.', subjects: ['Physics', 'Art'], ages: { min: 9, max: 11 }, languages: ['en', 'es'], version: 3 } as ProjectDetailResponse;
    const values = valuesOf(project);
    expect(values).toMatchObject({ subjects: 'Physics, Art', agesMin: '9', agesMax: '11', languages: 'en, es' });
    expect(editBody(values, 3)).toEqual({ title: 'Wind', description: 'Boats.', subjects: ['Physics', 'Art'], ages: { min: 9, max: 11 }, languages: ['en', 'es'], version: 3 });
  });
});

describe('isStaleVersion', () => {
  it('is a 409 conflict about the version, not any other refusal', () => {
    expect(isStaleVersion(409, 'CONFLICT', 'This project was changed since you read it (version 3); reload it and edit again.')).toBe(true);
    expect(isStaleVersion(409, 'CONFLICT', 'The project is not proposed or rejected.')).toBe(false);
    expect(isStaleVersion(403, 'FORBIDDEN', 'version')).toBe(false);
  });
});
