/**
 * The forum's rules (who reads and writes which forum, names, text limits),
 * without a database; and its writes' outcomes against a store that cancels
 * transactions as real DynamoDB does under contention (DynamoDB Local never
 * raises TransactionConflict).
 */
import { describe, expect, it } from 'vitest';
import { deleteReply, putReply, type Reply, type Thread } from '../../functions/data/forum.ts';
import { forumAuthorName, mayReadForum, mayWriteInForum, type ForumArea, type ForumWriteAction } from '../../functions/domain/forum.ts';
import type { TwinspaceType } from '../../functions/domain/twinspace-types.ts';
import { plainToDoc } from '../../functions/domain/rich-text.ts';
import { discussionCreateBody, discussionsQuery, replyCreateBody, threadCreateBody } from '../../functions/http/forum/schemas.ts';
import { cancelledWith, scriptedStore } from '../support/scripted-store.ts';

const outcome = (decision: { outcome: string }) => decision.outcome;

describe('who reads which forum', () => {
  const readers: Record<ForumArea, TwinspaceType[]> = {
    pupils: ['teacher-admin', 'member-teacher', 'pupil-admin', 'pupil-member'],
    teachers: ['teacher-admin', 'member-teacher'],
  };
  const types: TwinspaceType[] = ['teacher-admin', 'member-teacher', 'pupil-admin', 'pupil-member', 'visitor'];

  for (const area of ['pupils', 'teachers'] as const) {
    it(`lets exactly ${readers[area].join(', ')} read the ${area}' forum`, () => {
      expect(types.filter((type) => outcome(mayReadForum(type, area)) === 'allowed')).toEqual(readers[area]);
    });
  }

  it('tells a pupil why the teachers’ forum is closed to them', () => {
    expect(mayReadForum('pupil-admin', 'teachers')).toEqual({ outcome: 'forbidden', reason: "The teachers' forum is for the project's teachers." });
  });
});

describe('who writes in which forum', () => {
  const allowed = (action: ForumWriteAction, area: ForumArea) =>
    (['teacher-admin', 'member-teacher', 'pupil-admin', 'pupil-member', 'visitor'] as const).filter(
      (type) => outcome(mayWriteInForum(type, action, area)) === 'allowed',
    );

  it('lets teachers open discussions in both forums, nobody else', () => {
    expect(allowed('forum-open-discussion', 'pupils')).toEqual(['teacher-admin', 'member-teacher']);
    expect(allowed('forum-open-discussion', 'teachers')).toEqual(['teacher-admin', 'member-teacher']);
  });

  it('lets a pupil administrator open threads in the pupils’ forum only', () => {
    expect(allowed('forum-open-thread', 'pupils')).toEqual(['teacher-admin', 'member-teacher', 'pupil-admin']);
    expect(allowed('forum-open-thread', 'teachers')).toEqual(['teacher-admin', 'member-teacher']);
  });

  it('lets both pupils reply in the pupils’ forum, but not in the teachers’', () => {
    expect(allowed('forum-reply', 'pupils')).toEqual(['teacher-admin', 'member-teacher', 'pupil-admin', 'pupil-member']);
    expect(allowed('forum-reply', 'teachers')).toEqual(['teacher-admin', 'member-teacher']);
  });
});

describe('names in the forum', () => {
  it('names pupils by first name and adults in full', () => {
    expect(forumAuthorName({ type: 'pupil-member', displayName: 'Pablo Ortega' })).toBe('Pablo');
    expect(forumAuthorName({ type: 'pupil-admin', displayName: ' Lucía  Romero ' })).toBe('Lucía');
    expect(forumAuthorName({ type: 'member-teacher', displayName: 'Eva Rossi' })).toBe('Eva Rossi');
  });
});

describe('forum text', () => {
  it('trims titles and bodies and refuses empty ones', () => {
    expect(threadCreateBody.parse({ title: '  The Ebro ', body: '\nIt flows east.\n' })).toEqual({ title: 'The Ebro', body: plainToDoc('It flows east.') });
    expect(threadCreateBody.safeParse({ title: '   ', body: 'x' }).success).toBe(false);
    expect(replyCreateBody.safeParse({ body: ' \t ' }).success).toBe(false);
  });

  it('counts code points: 200 emoji make a valid title, 201 do not', () => {
    expect(threadCreateBody.safeParse({ title: '🌊'.repeat(200), body: 'x' }).success).toBe(true);
    expect(threadCreateBody.safeParse({ title: '🌊'.repeat(201), body: 'x' }).success).toBe(false);
  });

  it('allows a body of 10,000 characters and no more', () => {
    expect(replyCreateBody.safeParse({ body: 'a'.repeat(10_000) }).success).toBe(true);
    expect(replyCreateBody.safeParse({ body: 'a'.repeat(10_001) }).success).toBe(false);
  });

  it('puts a discussion in the pupils’ or the teachers’ forum, never the public area', () => {
    expect(discussionCreateBody.safeParse({ area: 'teachers', title: 'Planning', body: 'Dates' }).success).toBe(true);
    expect(discussionCreateBody.safeParse({ area: 'public', title: 'Planning', body: 'Dates' }).success).toBe(false);
    expect(discussionsQuery.safeParse({}).success).toBe(false);
  });

  it('refuses fields it does not know', () => {
    expect(replyCreateBody.safeParse({ body: 'Hi', authorName: 'Someone else' }).success).toBe(false);
  });
});

describe('a reply meeting other writes on its thread', () => {
  const cancelled = cancelledWith;

  const author = { authorId: 'user-1', authorName: 'Pablo', authorType: 'pupil-member' as const };
  const thread: Thread = {
    threadId: '01JG2M8A1C3E5G7J9K1M3P5R7T',
    discussionId: '01JG2M8A1C3E5G7J9K1M3P5R7S',
    projectId: '01JF8Z3Q4W5X6Y7Z8A9B0C1D2E',
    area: 'pupils',
    title: 'The Ebro',
    content: plainToDoc('It reaches the sea.'),
    ...author,
    createdAt: '2026-11-28T10:00:00.000Z',
    replyCount: 0,
    lastActivityAt: '2026-11-28T10:00:00.000Z',
  };
  const reply: Reply = { replyId: '01JG2M8A1C3E5G7J9K1M3P5R7V', threadId: thread.threadId, projectId: thread.projectId, content: plainToDoc('Herons!'), ...author, createdAt: '2026-11-28T10:01:00.000Z' };

  it('is sent again when cancelled by a conflict on the thread, never taken for a missing thread', async () => {
    // Items: the reply, the thread header, its listing, the discussion.
    const onThread = () => cancelled(['None', 'TransactionConflict', 'None', 'None']);
    const { store, sent } = scriptedStore([onThread(), onThread(), 'ok']);
    expect(await putReply(store, thread, reply)).toBe('written');
    expect(sent).toHaveLength(3);
  });

  it('is not found only when the thread is really gone', async () => {
    const { store } = scriptedStore([cancelled(['None', 'ConditionalCheckFailed', 'ConditionalCheckFailed', 'None'])]);
    expect(await putReply(store, thread, reply)).toBe('not-found');
  });

  it('tells a missing reply from a missing thread when moderated', async () => {
    expect(await deleteReply(scriptedStore([cancelled(['ConditionalCheckFailed', 'None', 'None'])]).store, thread, reply.replyId)).toBe('no-reply');
    expect(await deleteReply(scriptedStore([cancelled(['None', 'ConditionalCheckFailed', 'ConditionalCheckFailed'])]).store, thread, reply.replyId)).toBe('no-thread');
    expect(await deleteReply(scriptedStore(['ok']).store, thread, reply.replyId)).toBe('deleted');
  });
});
