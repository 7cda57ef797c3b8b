/**
 * The pure rules of held texts (functions/domain/moderation.ts), each from the issue (12) or its design:
 * "Teachers' and NSS officers' texts are never held. A teacher about to put personal data in the pupils' area gets a
 * warning first"; "the surname of another pupil of the project (the table knows pupils' full names; pupils only ever
 * see first names)"; phones read with "the project's countries as defaults"; a teacher "edits out the finding";
 * "Every decision is kept with the project: who decided, when, and what" (tested on the stored item in
 * tests/integration/moderation.test.ts); a pupil's held texts go with the pupil on erasure, whatever the choice.
 */
import { describe, expect, it } from 'vitest';
import { fateOf } from '../../functions/domain/erasure.ts';
import {
  editedDraft,
  guardContextFrom,
  guardWarningDetails,
  isDecidable,
  isGuardedWrite,
  isHeldWriter,
  isWarnedWriter,
  kindsOf,
  releaseOutcome,
  surnameOf,
  unknownEditFields,
} from '../../functions/domain/moderation.ts';
import { twinspaceTypes } from '../../functions/domain/twinspace-types.ts';

describe('who is held, who is warned', () => {
  it('holds pupils only; warns teachers only where pupils read; leaves visitors alone', () => {
    expect(twinspaceTypes.filter(isHeldWriter)).toEqual(['pupil-admin', 'pupil-member']);
    expect(twinspaceTypes.filter((type) => isWarnedWriter(type, true))).toEqual(['teacher-admin', 'member-teacher']);
    expect(twinspaceTypes.filter((type) => isWarnedWriter(type, false))).toEqual([]);
    expect(isGuardedWrite('visitor', true)).toBe(false);
    expect(isGuardedWrite('member-teacher', false)).toBe(false);
    expect(isGuardedWrite('pupil-member', false)).toBe(true);
  });
});

describe("the guard's context", () => {
  const members = [
    { userId: 'writer', type: 'pupil-member' as const, displayName: 'Pablo Ortega' },
    { userId: 'p2', type: 'pupil-admin' as const, displayName: 'Lucía Romero García' },
    { userId: 'p3', type: 'pupil-member' as const, displayName: 'Jules' },
    { userId: 't1', type: 'teacher-admin' as const, displayName: 'Ana Martín' },
    { userId: 'v1', type: 'visitor' as const, displayName: 'Guest Parent' },
  ];
  const project = { partners: [{ country: 'ES' }, { country: 'fr' }, { country: 'ES' }] };

  it('takes a surname as the display name minus its first word', () => {
    expect(surnameOf('Lucía Romero García')).toBe('Romero García');
    expect(surnameOf('  Jules  ')).toBe('');
  });

  it("names the other pupils' surnames (each word of a compound one too), never the writer's, a teacher's or a visitor's", () => {
    const context = guardContextFrom(project, members, 'writer');
    expect([...context.otherPupilSurnames].sort()).toEqual(['García', 'Romero', 'Romero García']);
  });

  it("reads the partners' countries once each, and the settings as off when the project has none", () => {
    expect(guardContextFrom(project, members, 'writer')).toMatchObject({ countries: ['ES', 'FR'], allowAccountLinks: false, allowHandles: false });
    expect(guardContextFrom({ ...project, pupilGuard: { allowAccountLinks: true, allowHandles: false } }, [], 'writer')).toMatchObject({ allowAccountLinks: true, allowHandles: false });
  });
});

describe('findings', () => {
  const fields = [
    { field: 'title', text: 'Hi', findings: [] },
    { field: 'body', text: 'a@b.co and +34 600 000 000 and c@d.co', findings: [{ kind: 'email' as const, start: 0, end: 6 }, { kind: 'phone' as const, start: 11, end: 26 }, { kind: 'email' as const, start: 31, end: 37 }] },
  ];

  it('keeps each kind once, in the order found', () => {
    expect(kindsOf(fields)).toEqual(['email', 'phone']);
  });

  it("names each field and kind once in a teacher's warning", () => {
    expect(guardWarningDetails(fields)).toEqual([
      { field: 'body', message: 'email' },
      { field: 'body', message: 'phone' },
    ]);
  });
});

describe('deciding', () => {
  it('decides only a text still waiting', () => {
    expect(isDecidable('held')).toBe(true);
    for (const status of ['released', 'edited', 'deleted'] as const) expect(isDecidable(status)).toBe(false);
  });

  it("an edit replaces the field's text; a rich document becomes paragraphs of it; without texts the release is as written", () => {
    const draft = { title: 'My street', body: { type: 'doc', content: [] }, area: 'pupils' };
    expect(editedDraft(draft, [{ field: 'title', text: 'My town' }])).toEqual({ ...draft, title: 'My town' });
    expect(editedDraft(draft, [{ field: 'body', text: 'One\n\nTwo' }]).body).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'One' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Two' }] },
      ],
    });
    expect(releaseOutcome(undefined)).toBe('released');
    expect(releaseOutcome([])).toBe('released');
    expect(releaseOutcome([{ field: 'title' }])).toBe('edited');
  });

  it('refuses to edit a field the guard did not read', () => {
    expect(unknownEditFields([{ field: 'body' }], [{ field: 'body' }, { field: 'area' }])).toEqual(['area']);
  });
});

describe('erasure', () => {
  it("deletes a pupil's held texts with the pupil, whatever the choice", () => {
    const item = { entity: 'heldText', authorId: 'p1', authorName: 'Lucía', status: 'deleted', kinds: ['email'], decidedBy: 't1' };
    for (const mode of ['delete', 'keep'] as const) expect(fateOf(item, { userId: 'p1', kind: 'pupil' }, mode)).toEqual({ do: 'delete', effects: [] });
  });
});
