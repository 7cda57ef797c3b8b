/**
 * The forum page's rules (web/src/scripts/twinspace/forum/forum-page.ts), pure: the level the
 * address asks for, what each type may do (DOMAIN.md's table: discussions by
 * teachers, threads also by the pupil administrator, replies by every member
 * but visitors; teacher administrators moderate; nothing while closed), a
 * post's text's problem, and finding a listed item page by page.
 */
import { describe, expect, it } from 'vitest';
import { forumBodyMaxLength } from '../../functions/domain/forum.ts';
import { plainToDoc } from '../../functions/domain/rich-text.ts';
import { findListed, forumRights, forumTextProblem, levelOf } from '../../web/src/scripts/twinspace/forum/forum-page.ts';

describe('levelOf', () => {
  it('reads the level from the address', () => {
    expect(levelOf('?id=p1')).toEqual({ level: 'forums' });
    expect(levelOf('?id=p1&discussion=d1')).toEqual({ level: 'discussion', discussionId: 'd1' });
    expect(levelOf('?id=p1&discussion=d1&thread=t1')).toEqual({ level: 'thread', discussionId: 'd1', threadId: 't1' });
  });
});

describe('forumRights', () => {
  it('teachers read both forums and open discussions; the pupil administrator opens threads in the pupils forum only', () => {
    const admin = forumRights('teacher-admin', 'approved');
    expect(admin.readable).toEqual(['pupils', 'teachers']);
    expect(admin.may('forum-open-discussion', 'pupils')).toBe(true);
    expect(admin.moderate).toBe(true);
    const memberTeacher = forumRights('member-teacher', 'approved');
    expect(memberTeacher.may('forum-open-discussion', 'teachers')).toBe(true);
    expect(memberTeacher.moderate).toBe(false);
    const pupilAdmin = forumRights('pupil-admin', 'approved');
    expect(pupilAdmin.readable).toEqual(['pupils']);
    expect(pupilAdmin.may('forum-open-discussion', 'pupils')).toBe(false);
    expect(pupilAdmin.may('forum-open-thread', 'pupils')).toBe(true);
    expect(pupilAdmin.may('forum-open-thread', 'teachers')).toBe(false);
    const pupil = forumRights('pupil-member', 'approved');
    expect(pupil.may('forum-open-thread', 'pupils')).toBe(false);
    expect(pupil.may('forum-reply', 'pupils')).toBe(true);
  });
  it('visitors read no forum; a closed project allows no write at all', () => {
    expect(forumRights('visitor', 'approved').readable).toEqual([]);
    const closed = forumRights('teacher-admin', 'closed');
    expect(closed.writable).toBe(false);
    expect(closed.may('forum-reply', 'pupils')).toBe(false);
    expect(closed.moderate).toBe(false);
    expect(closed.readable).toEqual(['pupils', 'teachers']);
  });
});

describe('forumTextProblem', () => {
  it('asks for a text, and no longer than a post holds', () => {
    expect(forumTextProblem(plainToDoc(' \n '))).toEqual({ key: 'richEditor.empty' });
    expect(forumTextProblem(plainToDoc('Hello'))).toBeUndefined();
    expect(forumTextProblem({ type: 'doc', content: [{ type: 'video', attrs: { provider: 'youtube', videoId: 'dQw4w9WgXcQ' } }] })).toBeUndefined();
    expect(forumTextProblem(plainToDoc('x'.repeat(forumBodyMaxLength + 1)))).toEqual({ key: 'richEditor.tooLong', max: forumBodyMaxLength, count: forumBodyMaxLength + 1 });
  });
});

describe('findListed', () => {
  const pages: Record<string, { items: string[]; nextCursor: string | null }> = {
    start: { items: ['a', 'b'], nextCursor: 'two' },
    two: { items: ['c'], nextCursor: null },
  };
  const list = (read: string[]) => async (cursor: string | null) => {
    read.push(cursor ?? 'start');
    return pages[cursor ?? 'start']!;
  };
  it('reads page after page until found, and no further', async () => {
    const read: string[] = [];
    expect(await findListed([list(read)], (item) => item === 'b')).toBe('b');
    expect(read).toEqual(['start']);
    expect(await findListed([list(read)], (item) => item === 'c')).toBe('c');
    expect(read).toEqual(['start', 'start', 'two']);
  });
  it('goes through every list; undefined when none holds it', async () => {
    const read: string[] = [];
    expect(await findListed([list(read), list(read)], (item) => item === 'z')).toBeUndefined();
    expect(read).toEqual(['start', 'two', 'start', 'two']);
  });
});
