/**
 * The rules of TwinSpace pages (functions/domain/pages.ts) and their list
 * cursors, without a database; and which guard a refused page write names.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { decodePageCursor, replacePage, type Page } from '../../functions/data/pages.ts';
import type { TableStore } from '../../functions/data/store.ts';
import { editRefusal, pageVisibility, publishRefusal, seesAllDrafts, statusAfterEdit, type PageFacts } from '../../functions/domain/pages.ts';
import { plainToDoc } from '../../functions/domain/rich-text.ts';
import { pageCreateBody, pageUpdateBody } from '../../functions/http/pages/schemas.ts';
import { HttpError } from '../../functions/lib/errors.ts';

const me = 'user-me';
const other = 'user-other';
const page = (facts: Partial<PageFacts> = {}): PageFacts => ({ area: 'public', status: 'draft', authorId: other, ...facts });

describe('who edits a page', () => {
  it("lets a teacher administrator edit anyone's page in every area", () => {
    for (const area of ['public', 'pupils', 'teachers'] as const) expect(editRefusal('teacher-admin', me, page({ area }))).toBeUndefined();
  });

  it("lets a member teacher edit only their own pages of the public and teachers' areas", () => {
    expect(editRefusal('member-teacher', me, page({ area: 'teachers', authorId: me }))).toBeUndefined();
    expect(editRefusal('member-teacher', me, page({ area: 'teachers' }))).toMatch(/own pages/);
    expect(editRefusal('member-teacher', me, page({ area: 'public' }))).toMatch(/own pages/);
    // The pupils' area is 'allow' for teachers: any pupil's activity.
    expect(editRefusal('member-teacher', me, page({ area: 'pupils' }))).toBeUndefined();
  });

  it("lets a pupil member edit their own activities only, and a pupil administrator any pupils' page", () => {
    expect(editRefusal('pupil-member', me, page({ area: 'pupils', authorId: me }))).toBeUndefined();
    expect(editRefusal('pupil-member', me, page({ area: 'pupils' }))).toMatch(/own activities only/);
    expect(editRefusal('pupil-admin', me, page({ area: 'pupils' }))).toBeUndefined();
  });

  it("keeps pupils out of the public and teachers' areas, and visitors out of every area", () => {
    expect(editRefusal('pupil-admin', me, page({ area: 'public', authorId: me }))).toMatch(/teachers/);
    expect(editRefusal('pupil-member', me, page({ area: 'teachers', authorId: me }))).toMatch(/teachers/);
    expect(editRefusal('visitor', me, page({ area: 'pupils', authorId: me }))).toMatch(/Visitors/);
    expect(editRefusal('visitor', me, page({ area: 'public', authorId: me }))).toMatch(/teachers/);
  });
});

describe('who publishes a page', () => {
  it("teachers publish in every area, a pupil administrator in the pupils' area only", () => {
    for (const area of ['public', 'pupils', 'teachers'] as const) {
      expect(publishRefusal('teacher-admin', area)).toBeUndefined();
      expect(publishRefusal('member-teacher', area)).toBeUndefined();
    }
    expect(publishRefusal('pupil-admin', 'pupils')).toBeUndefined();
    expect(publishRefusal('pupil-admin', 'teachers')).toMatch(/pupils' area only/);
    expect(publishRefusal('pupil-admin', 'public')).toMatch(/pupils' area only/);
  });

  it('tells a pupil member that a teacher or pupil administrator publishes, and how to submit', () => {
    expect(publishRefusal('pupil-member', 'pupils')).toMatch(/teacher or a pupil administrator publishes.*submittedForPublishing/);
    expect(publishRefusal('visitor', 'public')).toBeDefined();
  });

  it('puts a published page edited by someone who may not publish it back to draft', () => {
    expect(statusAfterEdit('pupil-member', page({ area: 'pupils', status: 'published', authorId: me }))).toBe('draft');
    expect(statusAfterEdit('pupil-admin', page({ area: 'pupils', status: 'published' }))).toBe('published');
    expect(statusAfterEdit('member-teacher', page({ area: 'public', status: 'published', authorId: me }))).toBe('published');
    expect(statusAfterEdit('teacher-admin', page({ status: 'draft' }))).toBe('draft');
  });
});

describe('who sees a page', () => {
  it("shows published pages to the area's readers only", () => {
    expect(pageVisibility('visitor', me, page({ area: 'public', status: 'published' }))).toBe('visible');
    expect(pageVisibility('visitor', me, page({ area: 'pupils', status: 'published' }))).toBe('area');
    expect(pageVisibility('pupil-admin', me, page({ area: 'teachers', status: 'published' }))).toBe('area');
    expect(pageVisibility('pupil-member', me, page({ area: 'pupils', status: 'published' }))).toBe('visible');
  });

  it("shows a draft to its author and to those who edit or publish any page of its area", () => {
    expect(pageVisibility('pupil-member', me, page({ area: 'pupils', authorId: me }))).toBe('visible');
    expect(pageVisibility('pupil-member', me, page({ area: 'pupils' }))).toBe('draft');
    // Everything a pupil writes stays visible to the project's teachers.
    expect(pageVisibility('member-teacher', me, page({ area: 'pupils' }))).toBe('visible');
    expect(pageVisibility('pupil-admin', me, page({ area: 'pupils' }))).toBe('visible');
    // A member teacher publishes any page, so sees every draft of the public area too.
    expect(pageVisibility('member-teacher', me, page({ area: 'public' }))).toBe('visible');
    expect(pageVisibility('visitor', me, page({ area: 'public' }))).toBe('draft');
    expect(seesAllDrafts('pupil-admin', 'pupils')).toBe(true);
    expect(seesAllDrafts('pupil-member', 'pupils')).toBe(false);
  });
});

describe('page text', () => {
  it('trims the title and counts characters as code points', () => {
    expect(pageCreateBody.parse({ area: 'public', title: '  Rivers  ' })).toEqual({ area: 'public', title: 'Rivers', body: { type: 'doc', content: [] }, submittedForPublishing: false });
    expect(pageCreateBody.safeParse({ area: 'public', title: '🌊'.repeat(200) }).success).toBe(true);
    expect(pageCreateBody.safeParse({ area: 'public', title: '🌊'.repeat(201) }).success).toBe(false);
    expect(pageCreateBody.safeParse({ area: 'public', title: '   ' }).success).toBe(false);
    expect(pageCreateBody.safeParse({ area: 'public', title: 'x', body: 'é'.repeat(20_001) }).success).toBe(false);
    expect(pageCreateBody.safeParse({ area: 'attic', title: 'x' }).success).toBe(false);
  });

  it('needs the version read for an edit, and never moves a page to another area', () => {
    expect(pageUpdateBody.safeParse({ title: 'x' }).success).toBe(false);
    expect(pageUpdateBody.safeParse({ version: 2, area: 'public' }).success).toBe(false);
    expect(pageUpdateBody.parse({ version: 2, body: ' text ' })).toEqual({ version: 2, body: plainToDoc('text') });
  });
});

describe('page list cursors', () => {
  const projectId = '01JF8Z3Q4W5X6Y7Z8A9B0C1D2E';
  const pageId = '01JF9A1B2C3D4E5F6G7H8J9K0M';
  const encode = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
  const ownDraftKey = { PK: `PROJECT#${projectId}`, SK: `PAGE#${pageId}`, GSI1PK: `PAGES#${projectId}#pupils#draft`, GSI1SK: `${me}#${pageId}` };

  it('takes back a cursor of the same list', () => {
    expect(decodePageCursor(encode(ownDraftKey), projectId, 'pupils', { status: 'draft', authorId: me })).toEqual(ownDraftKey);
  });

  it("refuses with a 400 a cursor of another area, another author's drafts, another project, or garbage", () => {
    const refused = (cursor: string, scope: Parameters<typeof decodePageCursor>[3], area: 'public' | 'pupils' = 'pupils') => {
      try {
        decodePageCursor(cursor, projectId, area, scope);
        return 'accepted';
      } catch (error) {
        return error instanceof HttpError ? error.statusCode : error;
      }
    };
    expect(refused(encode(ownDraftKey), { status: 'draft' }, 'public')).toBe(400);
    expect(refused(encode(ownDraftKey), { status: 'draft', authorId: other })).toBe(400);
    expect(refused(encode(ownDraftKey), { status: 'published' })).toBe(400);
    expect(refused(encode({ ...ownDraftKey, PK: 'PROJECT#01JF8Z3Q4W5X6Y7Z8A9B0C1D2F' }), { status: 'draft' })).toBe(400);
    expect(refused('not a cursor!', { status: 'draft' })).toBe(400);
    expect(refused(encode({ PK: 'x', SK: 'y' }), { status: 'draft' })).toBe(400);
  });
});

describe('a refused page write', () => {
  const cancelled = (codes: string[]) =>
    new TransactionCanceledException({ message: 'Transaction cancelled', $metadata: {}, CancellationReasons: codes.map((Code) => ({ Code })) });
  const storeAnswering = (...answers: (Error | 'ok')[]) =>
    ({
      tableName: 'twinspace',
      db: {
        send: async () => {
          const answer = answers.shift() ?? 'ok';
          if (answer !== 'ok') throw answer;
          return {};
        },
      },
    }) as unknown as TableStore;
  const next: Page = {
    pageId: '01JF9A1B2C3D4E5F6G7H8J9K0M',
    projectId: '01JF8Z3Q4W5X6Y7Z8A9B0C1D2E',
    area: 'public',
    title: 'Our river',
    content: { type: 'doc', content: [] },
    status: 'draft',
    authorId: me,
    authorName: 'Ana',
    submittedForPublishing: false,
    version: 3,
    createdAt: '2026-11-28T10:00:00.000Z',
    updatedAt: '2026-11-28T10:05:00.000Z',
  };
  const writer = { userId: me, type: 'teacher-admin' as const };
  const fail = 'ConditionalCheckFailed';

  // Items: the page, the project still approved, the writer still of their type.
  it('names the guard that failed, the page itself first', async () => {
    expect(await replacePage(storeAnswering(cancelled([fail, 'None', 'None'])), next, 2, writer)).toBe('stale');
    expect(await replacePage(storeAnswering(cancelled(['None', fail, 'None'])), next, 2, writer)).toBe('closed');
    expect(await replacePage(storeAnswering(cancelled(['None', 'None', fail])), next, 2, writer)).toBe('typeChanged');
    expect(await replacePage(storeAnswering(cancelled([fail, fail, fail])), next, 2, writer)).toBe('stale');
  });

  it('is sent again after a conflict, and then written', async () => {
    expect(await replacePage(storeAnswering(cancelled(['TransactionConflict', 'None', 'None']), 'ok'), next, 2, writer)).toBe('written');
  });
});
