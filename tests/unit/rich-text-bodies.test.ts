/**
 * The rich-text bodies of the four surfaces (issue 10), as their request
 * schemas parse them: a document or a plain string (read as paragraphs);
 * every hostile variant refused, with a detail that names the node (the
 * union of "string or document" is explained by the branch that took the
 * input: functions/lib/errors.ts problemsOf); empty posts refused where they
 * were before. The OpenAPI document still builds with the recursive schema.
 */
import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { plainToDoc, type RichDoc } from '../../functions/domain/rich-text.ts';
import { diaryEntryBody } from '../../functions/http/diary/schemas.ts';
import { discussionCreateBody, replyCreateBody, threadCreateBody } from '../../functions/http/forum/schemas.ts';
import { postBody } from '../../functions/http/home/schemas.ts';
import { buildOpenApiDocument } from '../../functions/http/openapi/document.ts';
import { pageCreateBody, pageUpdateBody } from '../../functions/http/pages/schemas.ts';
import { HttpError, problemsOf } from '../../functions/lib/errors.ts';
import type { TableStore } from '../../functions/data/store.ts';
import { documentToSave } from '../../functions/http/rich-document.ts';

const surfaces: [string, z.ZodType, Record<string, unknown>][] = [
  ['a page', pageCreateBody, { area: 'public', title: 'Our river' }],
  ['a page edit', pageUpdateBody, { version: 1 }],
  ['a discussion', discussionCreateBody, { area: 'pupils', title: 'Rivers' }],
  ['a thread', threadCreateBody, { title: 'The Ebro' }],
  ['a reply', replyCreateBody, {}],
  ['a Home post', postBody, {}],
  ['a diary entry', diaryEntryBody, { kind: 'activity', visibility: 'public', title: 'Trip' }],
];

const text = (value: string, marks?: unknown[]) => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
const doc = (...content: unknown[]) => ({ type: 'doc', content }) as RichDoc;
const nested = (depth: number): unknown => (depth === 0 ? { type: 'paragraph', content: [text('deep')] } : { type: 'blockquote', content: [nested(depth - 1)] });

/** Each hostile document, and the field its first detail names. */
const hostile: [string, unknown, string][] = [
  ['a javascript: link', doc({ type: 'paragraph', content: [text('x', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }])] }), 'body.body.content.0.content.0.marks.0.attrs.href'],
  ['a data: link', doc({ type: 'paragraph', content: [text('x', [{ type: 'link', attrs: { href: 'data:text/html,<script>alert(1)</script>' } }])] }), 'body.body.content.0.content.0.marks.0.attrs.href'],
  ['an http: link', doc({ type: 'paragraph', content: [text('x', [{ type: 'link', attrs: { href: 'http://example.org' } }])] }), 'body.body.content.0.content.0.marks.0.attrs.href'],
  ['an iframe node', doc({ type: 'iframe', attrs: { src: 'https://example.org' } }), 'body.body.content.0.type'],
  ['an html attribute on a node', doc({ type: 'paragraph', html: '<b>x</b>', content: [text('x')] }), 'body.body.content.0'],
  ['an attribute on a mark', doc({ type: 'paragraph', content: [text('x', [{ type: 'bold', attrs: { style: 'color:red' } }])] }), 'body.body.content.0.content.0.marks.0'],
  ['an extra attribute on a link', doc({ type: 'paragraph', content: [text('x', [{ type: 'link', attrs: { href: 'https://example.org', onclick: 'x' } }])] }), 'body.body.content.0.content.0.marks.0.attrs'],
  ['an image with a src', doc({ type: 'image', attrs: { materialId: '01JG2M8A1C3E5G7J9K1M3P5R7S', fileId: '01JG2M8A1C3E5G7J9K1M3P5R7T', src: 'data:image/png;base64,AAAA' } }), 'body.body.content.0.attrs'],
  ['a heading of level 1', doc({ type: 'heading', attrs: { level: 1 }, content: [text('Big')] }), 'body.body.content.0.attrs.level'],
  ['nesting too deep', doc(nested(9)), 'body.body'],
  ['a video of another provider', doc({ type: 'video', attrs: { provider: 'dailymotion', videoId: 'x7tgad0' } }), 'body.body.content.0.attrs.provider'],
  ['a video with a bad id', doc({ type: 'video', attrs: { provider: 'youtube', videoId: 'not-an-id' } }), 'body.body.content.0.attrs'],
];

describe.each(surfaces)('the body of %s', (_name, schema, rest) => {
  it('takes a document as it is', () => {
    const river = doc({ type: 'heading', attrs: { level: 2 }, content: [text('River')] }, { type: 'paragraph', content: [text('wet', [{ type: 'bold' }])] });
    expect((schema.parse({ ...rest, body: river }) as { body: unknown }).body).toEqual(river);
  });

  it('takes plain text (older clients) as paragraphs', () => {
    expect((schema.parse({ ...rest, body: ' One\nTwo ' }) as { body: unknown }).body).toEqual(plainToDoc('One\nTwo'));
  });

  it.each(hostile)('refuses %s, naming the node', (_variant, body, field) => {
    const parsed = schema.safeParse({ ...rest, body });
    expect(parsed.success).toBe(false);
    expect(problemsOf(parsed.error!, 'body')[0].field).toBe(field);
  });
});

describe('empty bodies', () => {
  it('a page may be empty; a post, a reply, a thread, a discussion and an entry may not', () => {
    expect(pageCreateBody.safeParse({ area: 'public', title: 'x', body: '' }).success).toBe(true);
    expect(pageCreateBody.safeParse({ area: 'public', title: 'x', body: doc() }).success).toBe(true);
    for (const [name, schema, rest] of surfaces.slice(2)) {
      for (const body of ['  ', doc(), doc({ type: 'paragraph' }), doc({ type: 'paragraph', content: [text('   ')] })]) {
        expect(schema.safeParse({ ...rest, body }).success, `${name}: ${JSON.stringify(body)}`).toBe(false);
      }
      // A video alone is something to show.
      expect(schema.safeParse({ ...rest, body: doc({ type: 'video', attrs: { provider: 'vimeo', videoId: '76979871' } }) }).success, name).toBe(true);
    }
  });

  it('says so with the surface’s own words', () => {
    const parsed = postBody.safeParse({ body: '' });
    expect(problemsOf(parsed.error!, 'body')).toEqual([{ field: 'body.body', message: 'Cannot be empty.' }]);
  });
});

describe('the OpenAPI document', () => {
  it('builds, naming the recursive blocks once', () => {
    const document = buildOpenApiDocument() as { components?: { schemas?: Record<string, unknown> } };
    expect(Object.keys(document.components?.schemas ?? {})).toEqual(expect.arrayContaining(['RichBlock', 'RichListItem']));
  });
});

describe('the stored size of a document', () => {
  /** A store that fails the test if anything reads it: a document refused for its size costs no read. */
  const noReads = { db: { send: () => Promise.reject(new Error('no read expected')) }, tableName: 'none' } as unknown as TableStore;
  const projectId = '01JF8Z3Q4W5X6Y7Z8A9B0C1D2E';

  it('refuses a document within its character limit but made of thousands of long links (it would overflow the item), before any read', async () => {
    const href = `https://example.org/${'a'.repeat(1_900)}`;
    const heavy = doc({ type: 'paragraph', content: Array.from({ length: 2_000 }, (_, index) => text(String(index % 10), [{ type: 'link', attrs: { href } }])) });
    const parsed = pageCreateBody.safeParse({ area: 'public', title: 'Links', body: heavy });
    expect(parsed.success).toBe(true);
    const refused = await documentToSave(noReads, projectId, heavy, { surface: 'page', area: 'public' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(HttpError);
    expect((refused as HttpError).statusCode).toBe(400);
    expect((refused as HttpError).details).toEqual([{ field: 'body.body', message: 'This text is too large to store: split it, or use fewer links, marks and images.' }]);
  });

  it('stores a document without images with no read, and no media', async () => {
    const river = doc({ type: 'paragraph', content: [text('River')] });
    expect(await documentToSave(noReads, projectId, river, { surface: 'diary-entry', area: 'public' })).toEqual({ content: river });
  });
});

