/**
 * The home's rules (functions/domain/feed.ts): what each type sees, who
 * deletes what, the order of a page (pinned on top, newest first, never twice).
 */
import { describe, expect, it } from 'vitest';
import { homeName, homePage, mayDeleteBoardNote, mayDeleteHomeItem, seesArea, visibleAreas, type FeedArea } from '../../functions/domain/feed.ts';
import { twinspaceTypes } from '../../functions/domain/twinspace-types.ts';

const entry = (entryId: string, area: FeedArea = 'public', pinnedAt?: string) => ({ entryId, area, pinnedAt });

describe('what each type sees on the home', () => {
  it('gives teachers every area, pupils the public and pupils\' areas, visitors the public area', () => {
    expect(visibleAreas('teacher-admin')).toEqual(['public', 'pupils', 'teachers']);
    expect(visibleAreas('member-teacher')).toEqual(['public', 'pupils', 'teachers']);
    expect(visibleAreas('pupil-admin')).toEqual(['public', 'pupils']);
    expect(visibleAreas('pupil-member')).toEqual(['public', 'pupils']);
    expect(visibleAreas('visitor')).toEqual(['public']);
  });

  it('shows every type the public area (posts, members joined, labels granted)', () => {
    for (const type of twinspaceTypes) expect(seesArea(type, 'public')).toBe(true);
  });

  it("keeps a teachers'-area entry from pupils and visitors, a pupils'-area entry from visitors", () => {
    const newest = [entry('03', 'teachers'), entry('02', 'pupils'), entry('01')];
    expect(homePage('member-teacher', [], newest).items.map((e) => e.entryId)).toEqual(['03', '02', '01']);
    expect(homePage('pupil-member', [], newest).items.map((e) => e.entryId)).toEqual(['02', '01']);
    expect(homePage('visitor', [], newest).items.map((e) => e.entryId)).toEqual(['01']);
  });
});

describe('the order of the home', () => {
  it('puts pinned posts on top, most recently pinned first, and never lists them twice', () => {
    const pinned = [entry('01', 'public', '2026-12-01T10:00:00.000Z'), entry('04', 'public', '2026-12-02T10:00:00.000Z')];
    const newest = [entry('05'), entry('04', 'public', '2026-12-02T10:00:00.000Z'), entry('03'), entry('02')];
    const page = homePage('pupil-member', pinned, newest);
    expect(page.pinned.map((e) => e.entryId)).toEqual(['04', '01']);
    expect(page.items.map((e) => e.entryId)).toEqual(['05', '03', '02']);
  });

  it('orders newest first by id (ULIDs sort in time order)', () => {
    expect(homePage('visitor', [], [entry('01'), entry('03'), entry('02')]).items.map((e) => e.entryId)).toEqual(['03', '02', '01']);
  });

  it('has nothing pinned on later pages', () => {
    expect(homePage('teacher-admin', [], [entry('02'), entry('01')]).pinned).toEqual([]);
  });
});

describe('who deletes what', () => {
  it('lets an author delete their own post or comment, and a teacher administrator any', () => {
    expect(mayDeleteHomeItem('pupil-member', 'pablo', 'pablo')).toBe(true);
    expect(mayDeleteHomeItem('pupil-member', 'pablo', 'lucia')).toBe(false);
    expect(mayDeleteHomeItem('member-teacher', 'eva', 'lucia')).toBe(false);
    expect(mayDeleteHomeItem('pupil-admin', 'lucia', 'pablo')).toBe(false);
    expect(mayDeleteHomeItem('teacher-admin', 'ana', 'pablo')).toBe(true);
  });

  it('lets only a teacher administrator delete an automatic entry (no author)', () => {
    expect(mayDeleteHomeItem('teacher-admin', 'ana', undefined)).toBe(true);
    for (const type of ['member-teacher', 'pupil-admin', 'pupil-member', 'visitor'] as const) expect(mayDeleteHomeItem(type, 'x', undefined)).toBe(false);
  });

  it("lets the teachers' board note's author or a teacher administrator delete it, nobody else", () => {
    expect(mayDeleteBoardNote('member-teacher', 'eva', 'eva')).toBe(true);
    expect(mayDeleteBoardNote('member-teacher', 'eva', 'ana')).toBe(false);
    expect(mayDeleteBoardNote('teacher-admin', 'ana', 'eva')).toBe(true);
    expect(mayDeleteBoardNote('pupil-admin', 'lucia', 'lucia')).toBe(false);
  });
});

describe('names on the home', () => {
  it('names a pupil by first name only and an adult in full', () => {
    expect(homeName({ type: 'pupil-member', displayName: 'Pablo Ortega' })).toBe('Pablo');
    expect(homeName({ type: 'pupil-admin', displayName: '  Lucía  Romero ' })).toBe('Lucía');
    expect(homeName({ type: 'member-teacher', displayName: 'Eva Martín' })).toBe('Eva Martín');
  });
});
