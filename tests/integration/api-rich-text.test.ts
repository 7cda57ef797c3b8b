/**
 * Rich text through the real HTTP API (issue 10, "Rich text"), on each of the
 * four surfaces — pages, forum posts (discussion, thread, reply), Home posts
 * and diary entries: a document is stored and read back as it was sent; plain
 * strings and items written before rich text read as paragraphs; every hostile
 * document is refused with 400 and nothing is stored. Images: a ready image of
 * a published pupils'-area album is refused in a public page and shown in a
 * pupils' page (with short-lived URLs that name its materials/ keys); the
 * public page carries media for published public pages only, and diary
 * entries there carry their document but no media. The diary export keeps
 * headings, lists and links. A TwinSpace of its own; the materials are put
 * straight into the table (the materials API is another part of the issue).
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { writeDiaryEntry } from '../../functions/data/diary.ts';
import { createPost } from '../../functions/data/feed.ts';
import { putDiscussion, putReply, putThread, type Thread } from '../../functions/data/forum.ts';
import { keys } from '../../functions/data/keys.ts';
import { createPage } from '../../functions/data/pages.ts';
import type { Area } from '../../functions/domain/areas.ts';
import { objectKeys } from '../../functions/domain/materials.ts';
import { docToPlainText, plainToDoc, type RichDoc } from '../../functions/domain/rich-text.ts';
import { apiGet, apiSend, tableStoreOf, type ApiAnswer } from '../support/clients.ts';
import { newTwinspace, type TestTwinspace } from '../support/twinspace.ts';

const endpoints = inject('endpoints');
const store = tableStoreOf(endpoints);

let space: TestTwinspace;
let discussionId: string;
let thread: Thread;
const teacher = () => space.members['teacher-admin'];
const base = () => `/projects/${space.projectId}`;

// ---------------------------------------------------------------------------
// Documents

const text = (value: string, marks?: unknown[]) => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
const doc = (...content: unknown[]) => ({ type: 'doc', content }) as RichDoc;
const nested = (depth: number): unknown => (depth === 0 ? { type: 'paragraph', content: [text('deep')] } : { type: 'blockquote', content: [nested(depth - 1)] });
const image = (materialId: string, fileId: string, alt = 'The river') => ({ type: 'image', attrs: { materialId, fileId, alt } });

/** A heading, bold text, a list, a link and a video. */
const river = doc(
  { type: 'heading', attrs: { level: 2 }, content: [text('Our river')] },
  { type: 'paragraph', content: [text('It is '), text('very', [{ type: 'bold' }]), text(' long.')] },
  { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('Source')] }] }, { type: 'listItem', content: [{ type: 'paragraph', content: [text('Mouth')] }] }] },
  { type: 'paragraph', content: [text('See '), text('the map', [{ type: 'link', attrs: { href: 'https://example.org/map' } }]), text('.')] },
  { type: 'video', attrs: { provider: 'youtube', videoId: 'dQw4w9WgXcQ' } },
);

const hostile: [string, unknown][] = [
  ['a javascript: link', doc({ type: 'paragraph', content: [text('x', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }])] })],
  ['a data: link', doc({ type: 'paragraph', content: [text('x', [{ type: 'link', attrs: { href: 'data:text/html,<script>alert(1)</script>' } }])] })],
  ['an http: link', doc({ type: 'paragraph', content: [text('x', [{ type: 'link', attrs: { href: 'http://example.org' } }])] })],
  ['an unknown node (iframe)', doc({ type: 'iframe', attrs: { src: 'https://example.org' } })],
  ['an html attribute on a node', doc({ type: 'paragraph', html: '<b>x</b>', content: [text('x')] })],
  ['an attribute on a mark', doc({ type: 'paragraph', content: [text('x', [{ type: 'bold', attrs: { style: 'x' } }])] })],
  ['a heading of level 1', doc({ type: 'heading', attrs: { level: 1 }, content: [text('Big')] })],
  ['nesting too deep', doc(nested(9))],
  ['a video of another provider', doc({ type: 'video', attrs: { provider: 'dailymotion', videoId: 'x7tgad0' } })],
  ['a video with a bad id', doc({ type: 'video', attrs: { provider: 'youtube', videoId: 'bad' } })],
];

// ---------------------------------------------------------------------------
// The four surfaces: write a body, read the item back, count what is stored.

interface Surface {
  name: string;
  write: (body: unknown) => Promise<ApiAnswer>;
  idOf: (item: any) => string;
  /** Every item of the surface as a reader gets it (the list the site reads). */
  list: () => Promise<any[]>;
  /** An item as the code before rich text wrote it: a plain `body`, no `content`. */
  writeLegacy: (body: string) => Promise<string>;
}

async function listed(path: string): Promise<any[]> {
  const answer = await apiGet(endpoints, path, teacher().idToken);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.items;
}

const writer = () => ({ userId: teacher().userId!, type: 'teacher-admin' as const });
const stamp = () => new Date().toISOString();

const surfaces: Surface[] = [
  {
    name: 'a page',
    write: (body) => apiSend(endpoints, 'POST', `${base()}/pages`, teacher().idToken, { area: 'pupils', title: 'A page', body }),
    idOf: (item) => item.pageId,
    list: () => listed(`${base()}/pages?area=pupils&status=draft&limit=100`),
    writeLegacy: async (body) => {
      const pageId = ulid();
      const page = { pageId, projectId: space.projectId, area: 'pupils', title: 'Old page', body, status: 'draft', authorId: teacher().userId!, authorName: 'Ana', submittedForPublishing: false, version: 1, createdAt: stamp(), updatedAt: stamp() };
      expect(await createPage(store, page as never, writer())).toBe('written');
      return pageId;
    },
  },
  {
    name: 'a discussion',
    write: (body) => apiSend(endpoints, 'POST', `${base()}/forum/discussions`, teacher().idToken, { area: 'pupils', title: 'A discussion', body }),
    idOf: (item) => item.discussionId,
    list: () => listed(`${base()}/forum/discussions?area=pupils&limit=100`),
    writeLegacy: async (body) => {
      const id = ulid();
      await putDiscussion(store, { discussionId: id, projectId: space.projectId, area: 'pupils', title: 'Old discussion', body, authorId: teacher().userId!, authorName: 'Ana', authorType: 'teacher-admin', createdAt: stamp(), threadCount: 0, lastActivityAt: stamp() } as never);
      return id;
    },
  },
  {
    name: 'a thread',
    write: (body) => apiSend(endpoints, 'POST', `${base()}/forum/discussions/${discussionId}/threads`, teacher().idToken, { title: 'A thread', body }),
    idOf: (item) => item.threadId,
    list: () => listed(`${base()}/forum/discussions/${discussionId}/threads?limit=100`),
    writeLegacy: async (body) => {
      const id = ulid();
      const old = { threadId: id, discussionId, projectId: space.projectId, area: 'pupils', title: 'Old thread', body, authorId: teacher().userId!, authorName: 'Ana', authorType: 'teacher-admin', createdAt: stamp(), replyCount: 0, lastActivityAt: stamp() };
      expect(await putThread(store, old as never)).toBe('written');
      return id;
    },
  },
  {
    name: 'a reply',
    write: (body) => apiSend(endpoints, 'POST', `${base()}/forum/threads/${thread.threadId}/replies`, teacher().idToken, { body }),
    idOf: (item) => item.replyId,
    list: () => listed(`${base()}/forum/threads/${thread.threadId}/replies?limit=100`),
    writeLegacy: async (body) => {
      const id = ulid();
      const old = { replyId: id, threadId: thread.threadId, projectId: space.projectId, body, authorId: teacher().userId!, authorName: 'Ana', authorType: 'teacher-admin', createdAt: stamp() };
      expect(await putReply(store, thread, old as never)).toBe('written');
      return id;
    },
  },
  {
    name: 'a Home post',
    write: (body) => apiSend(endpoints, 'POST', `${base()}/home/posts`, teacher().idToken, { body }),
    idOf: (item) => item.entryId,
    list: async () => (await listed(`${base()}/home?limit=100`)).filter((entry) => entry.kind === 'post'),
    writeLegacy: async (body) => {
      const id = ulid();
      const old = { entryId: id, projectId: space.projectId, area: 'public', createdAt: stamp(), kind: 'post', body, author: { userId: teacher().userId!, name: 'Ana', type: 'teacher-admin' }, likeCount: 0, commentCount: 0 };
      expect(await createPost(store, old as never, writer())).toBe('written');
      return id;
    },
  },
  {
    name: 'a diary entry',
    write: (body) => apiSend(endpoints, 'POST', `${base()}/diary`, teacher().idToken, { kind: 'activity', visibility: 'private', title: 'An entry', body }),
    idOf: (item) => item.entryId,
    list: () => listed(`${base()}/diary?limit=100`),
    writeLegacy: async (body) => {
      const id = ulid();
      const old = { entryId: id, projectId: space.projectId, kind: 'activity', visibility: 'private', title: 'Old entry', body, author: { userId: teacher().userId!, displayName: 'Ana', country: 'ES' }, createdAt: stamp(), answeredAt: null, replies: [] };
      expect(await writeDiaryEntry(store, old as never, { countries: [], projectTitle: 'Rich rivers' })).toBe('written');
      return id;
    },
  },
];

// ---------------------------------------------------------------------------
// Materials, put straight into the table as the materials API and processing will write them.

const materials = {
  pupilsAlbum: ulid(),
  publicAlbum: ulid(),
  teachersAlbum: ulid(),
  waitingAlbum: ulid(),
  pupilsImage: ulid(),
  publicImage: ulid(),
  teachersImage: ulid(),
  waitingImage: ulid(),
  pendingImage: ulid(),
};

async function putAlbum(materialId: string, area: Area, status: 'published' | 'pending') {
  await store.db.send(
    new PutCommand({
      TableName: store.tableName,
      Item: { ...keys.material(space.projectId, materialId), entity: 'material', materialId, projectId: space.projectId, area, kind: 'album', title: `A ${area} album`, description: '', status, authorId: teacher().userId, authorName: 'Ana', createdAt: stamp(), fileCount: 1 },
    }),
  );
}

async function putImage(materialId: string, fileId: string, status: 'ready' | 'pending') {
  const objects = {
    original: objectKeys.original(space.projectId, materialId, fileId),
    small: objectKeys.thumbnail(space.projectId, materialId, fileId, 320),
    large: objectKeys.thumbnail(space.projectId, materialId, fileId, 1280),
  };
  await store.db.send(
    new PutCommand({
      TableName: store.tableName,
      Item: {
        ...keys.materialFile(space.projectId, materialId, fileId),
        entity: 'material-file',
        fileId,
        materialId,
        projectId: space.projectId,
        kind: 'image',
        fileName: 'river.png',
        declaredType: 'image/png',
        declaredSize: 1000,
        size: 1000,
        status,
        authorId: teacher().userId,
        authorName: 'Ana',
        createdAt: stamp(),
        ...(status === 'ready' ? { contentType: 'image/png', width: 1600, height: 1200, processedAt: stamp(), objects } : {}),
      },
    }),
  );
}

/** The URL is presigned for this key: its path names the object under materials/, and it carries a signature. */
function expectUrlOf(url: string, key: string) {
  const parsed = new URL(url);
  expect(decodeURIComponent(parsed.pathname).endsWith(`/${key}`), `${url} names ${key}`).toBe(true);
  expect(parsed.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
  expect(Number(parsed.searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(300);
}

beforeAll(async () => {
  space = await newTwinspace(endpoints, 'Rich rivers');
  const discussion = await apiSend(endpoints, 'POST', `${base()}/forum/discussions`, teacher().idToken, { area: 'pupils', title: 'Rivers', body: 'About rivers.' });
  expect(discussion.status, JSON.stringify(discussion.body)).toBe(201);
  discussionId = discussion.body.discussionId;
  const opened = await apiSend(endpoints, 'POST', `${base()}/forum/discussions/${discussionId}/threads`, teacher().idToken, { title: 'The Ebro', body: 'It flows east.' });
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  thread = { ...opened.body, content: opened.body.content };

  await Promise.all([
    putAlbum(materials.pupilsAlbum, 'pupils', 'published'),
    putAlbum(materials.publicAlbum, 'public', 'published'),
    putAlbum(materials.teachersAlbum, 'teachers', 'published'),
    putAlbum(materials.waitingAlbum, 'pupils', 'pending'),
  ]);
  await Promise.all([
    putImage(materials.pupilsAlbum, materials.pupilsImage, 'ready'),
    putImage(materials.publicAlbum, materials.publicImage, 'ready'),
    putImage(materials.teachersAlbum, materials.teachersImage, 'ready'),
    putImage(materials.waitingAlbum, materials.waitingImage, 'ready'),
    putImage(materials.pupilsAlbum, materials.pendingImage, 'pending'),
  ]);
}, 120_000);

describe.each(surfaces)('rich text in $name', (surface) => {
  it('stores a document with a heading, bold text, a list, a link and a video, and reads it back as sent', async () => {
    const written = await surface.write(river);
    expect(written.status, JSON.stringify(written.body)).toBe(201);
    expect(written.body.content).toEqual(river);
    expect(written.body.body).toBe(docToPlainText(river));
    expect(written.body.media).toBeUndefined();
    const read = (await surface.list()).find((item) => surface.idOf(item) === surface.idOf(written.body));
    expect(read?.content).toEqual(river);
    expect(read?.body).toBe(docToPlainText(river));
  });

  it('takes a plain string (older clients) and reads it back as paragraphs', async () => {
    const written = await surface.write('First line\nSecond line');
    expect(written.status, JSON.stringify(written.body)).toBe(201);
    const read = (await surface.list()).find((item) => surface.idOf(item) === surface.idOf(written.body));
    expect(read?.content).toEqual(plainToDoc('First line\nSecond line'));
    expect(read?.body).toBe('First line\n\nSecond line');
  });

  it('reads an item written before rich text (a plain body only) as paragraphs', async () => {
    const id = await surface.writeLegacy('Written long ago.\nBefore rich text.');
    const read = (await surface.list()).find((item) => surface.idOf(item) === id);
    expect(read?.content).toEqual(plainToDoc('Written long ago.\nBefore rich text.'));
    expect(read?.body).toBe('Written long ago.\n\nBefore rich text.');
  });

  it('refuses every hostile document with 400, naming the node, and stores nothing', async () => {
    const before = (await surface.list()).length;
    for (const [variant, body] of hostile) {
      const answer = await surface.write(body);
      expect(answer.status, `${variant}: ${JSON.stringify(answer.body)}`).toBe(400);
      expect(answer.body.error.code).toBe('VALIDATION_FAILED');
      expect(answer.body.error.details[0].field, variant).toMatch(/^body\.body/);
    }
    expect((await surface.list()).length).toBe(before);
  });
});

describe('images in a document', () => {
  const page = (area: Area, body: unknown) => apiSend(endpoints, 'POST', `${base()}/pages`, teacher().idToken, { area, title: `A ${area} page with an image`, body });
  const withImage = (materialId: string, fileId: string) => doc({ type: 'paragraph', content: [text('Look:')] }, image(materialId, fileId));

  it('refuses a pupils’-area image in a public page, naming the node, and stores nothing', async () => {
    const before = (await listed(`${base()}/pages?area=public&status=draft&limit=100`)).length;
    const answer = await page('public', withImage(materials.pupilsAlbum, materials.pupilsImage));
    expect(answer.status, JSON.stringify(answer.body)).toBe(400);
    expect(answer.body.error.details).toEqual([{ field: 'body.body.content.1', message: expect.stringMatching(/^This image is in the pupils' area/) }]);
    expect((await listed(`${base()}/pages?area=public&status=draft&limit=100`)).length).toBe(before);
  });

  it('shows it in a pupils’ page, with short-lived URLs of its thumbnails and original', async () => {
    const answer = await page('pupils', withImage(materials.pupilsAlbum, materials.pupilsImage));
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    const urls = answer.body.media[materials.pupilsImage];
    expectUrlOf(urls.small, objectKeys.thumbnail(space.projectId, materials.pupilsAlbum, materials.pupilsImage, 320));
    expectUrlOf(urls.large, objectKeys.thumbnail(space.projectId, materials.pupilsAlbum, materials.pupilsImage, 1280));
    expectUrlOf(urls.original, objectKeys.original(space.projectId, materials.pupilsAlbum, materials.pupilsImage));
    // Published, a pupil reads it: the URLs come with the page.
    expect((await apiSend(endpoints, 'POST', `${base()}/pages/${answer.body.pageId}/publish`, teacher().idToken)).status).toBe(200);
    const read = await apiGet(endpoints, `${base()}/pages/${answer.body.pageId}`, space.members['pupil-member'].idToken);
    expect(read.status).toBe(200);
    expect(Object.keys(read.body.media)).toEqual([materials.pupilsImage]);
    expect(read.body.body).toBe('Look:\n\n[The river]');
  });

  it('refuses an image of a waiting album, an image not ready yet, a teachers’ image in the pupils’ forum, and one of no album of this project', async () => {
    const refused: [string, RichDoc, string][] = [
      ['waiting album', withImage(materials.waitingAlbum, materials.waitingImage), "This image's album is not published yet."],
      ['pending image', withImage(materials.pupilsAlbum, materials.pendingImage), 'This image is not ready: it is still being checked, or it was refused.'],
      ['unknown image', withImage(materials.pupilsAlbum, ulid()), "This image is not an image of this project's albums."],
      ['image under another album', withImage(materials.publicAlbum, materials.pupilsImage), "This image is not an image of this project's albums."],
    ];
    for (const [what, body, message] of refused) {
      const answer = await page('pupils', body);
      expect(answer.status, what).toBe(400);
      expect(answer.body.error.details, what).toEqual([{ field: 'body.body.content.1', message }]);
    }
    const reply = await apiSend(endpoints, 'POST', `${base()}/forum/threads/${thread.threadId}/replies`, teacher().idToken, { body: withImage(materials.teachersAlbum, materials.teachersImage) });
    expect(reply.status, JSON.stringify(reply.body)).toBe(400);
    expect(reply.body.error.details[0].message).toMatch(/^This image is in the teachers' area/);
  });

  it('lets a Home post and a diary entry show public images only', async () => {
    const home = (body: RichDoc) => apiSend(endpoints, 'POST', `${base()}/home/posts`, teacher().idToken, { body });
    expect((await home(withImage(materials.pupilsAlbum, materials.pupilsImage))).status).toBe(400);
    const posted = await home(withImage(materials.publicAlbum, materials.publicImage));
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    expect(Object.keys(posted.body.media)).toEqual([materials.publicImage]);
    const entry = (body: RichDoc) => apiSend(endpoints, 'POST', `${base()}/diary`, teacher().idToken, { kind: 'activity', visibility: 'private', title: 'Pictures', body });
    expect((await entry(withImage(materials.pupilsAlbum, materials.pupilsImage))).status).toBe(400);
    expect((await entry(withImage(materials.publicAlbum, materials.publicImage))).status).toBe(201);
  });

  it('keeps the images of an edit as checked, and checks a new text again', async () => {
    const created = await page('pupils', withImage(materials.pupilsAlbum, materials.pupilsImage));
    const pageId = created.body.pageId;
    const retitled = await apiSend(endpoints, 'PUT', `${base()}/pages/${pageId}`, teacher().idToken, { version: 1, title: 'Retitled' });
    expect(retitled.status, JSON.stringify(retitled.body)).toBe(200);
    expect(Object.keys(retitled.body.media)).toEqual([materials.pupilsImage]);
    const refused = await apiSend(endpoints, 'PUT', `${base()}/pages/${pageId}`, teacher().idToken, { version: 2, body: withImage(materials.teachersAlbum, materials.teachersImage) });
    expect(refused.status).toBe(400);
    const plain = await apiSend(endpoints, 'PUT', `${base()}/pages/${pageId}`, teacher().idToken, { version: 2, body: 'No picture now.' });
    expect(plain.status).toBe(200);
    expect(plain.body.media).toBeUndefined();
    expect(plain.body.content).toEqual(plainToDoc('No picture now.'));
  });
});

describe('the public page', () => {
  it('carries media for published public pages only, and diary entries’ documents without media', async () => {
    const shown = doc({ type: 'heading', attrs: { level: 2 }, content: [text('Shown')] }, image(materials.publicAlbum, materials.publicImage, 'The sea'));
    const draft = await apiSend(endpoints, 'POST', `${base()}/pages`, teacher().idToken, { area: 'public', title: 'Still a draft', body: shown });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const published = await apiSend(endpoints, 'POST', `${base()}/pages`, teacher().idToken, { area: 'public', title: 'Published', body: shown });
    expect((await apiSend(endpoints, 'POST', `${base()}/pages/${published.body.pageId}/publish`, teacher().idToken)).status).toBe(200);
    const entry = await apiSend(endpoints, 'POST', `${base()}/diary`, teacher().idToken, { kind: 'activity', visibility: 'public', title: 'For everyone', body: shown });
    expect(entry.status, JSON.stringify(entry.body)).toBe(201);
    expect(Object.keys(entry.body.media)).toEqual([materials.publicImage]);

    const answer = await apiGet(endpoints, `/public/projects/${space.projectId}?limit=100`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const pageIds = answer.body.pages.items.map((item: { pageId: string }) => item.pageId);
    expect(pageIds).toContain(published.body.pageId);
    expect(pageIds).not.toContain(draft.body.pageId);
    const publicPage = answer.body.pages.items.find((item: { pageId: string }) => item.pageId === published.body.pageId);
    expect(publicPage.content).toEqual(shown);
    expectUrlOf(publicPage.media[materials.publicImage].large, objectKeys.thumbnail(space.projectId, materials.publicAlbum, materials.publicImage, 1280));
    // Only the images of published public pages: nothing of the pupils' album reaches the public page.
    expect(JSON.stringify(answer.body)).not.toContain(materials.pupilsAlbum);
    const publicEntry = answer.body.diary.items.find((item: { entryId: string }) => item.entryId === entry.body.entryId);
    expect(publicEntry.content).toEqual(shown);
    expect(publicEntry.media).toBeUndefined();
    expect(publicEntry.body).toBe('Shown\n\n[The sea]');
  });
});

describe('the diary export', () => {
  const trip = doc(
    { type: 'heading', attrs: { level: 2 }, content: [text('What we measured')] },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('Width')] }] }, { type: 'listItem', content: [{ type: 'paragraph', content: [text('Depth')] }] }] },
    { type: 'orderedList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('First')] }] }] },
    { type: 'paragraph', content: [text('Data: '), text('our sheet', [{ type: 'link', attrs: { href: 'https://example.org/sheet' } }]), text(' <script>alert(1)</script>')] },
  );

  beforeAll(async () => {
    const entry = await apiSend(endpoints, 'POST', `${base()}/diary`, teacher().idToken, { kind: 'assessment', visibility: 'private', title: 'The measuring trip', body: trip });
    expect(entry.status, JSON.stringify(entry.body)).toBe(201);
  });

  it('keeps headings, lists and links in Markdown', async () => {
    const answer = await apiGet(endpoints, `${base()}/diary/export?format=md`, teacher().idToken);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('## The measuring trip');
    expect(answer.body).toContain('### What we measured');
    expect(answer.body).toContain('- Width\n- Depth');
    expect(answer.body).toContain('1. First');
    expect(answer.body).toContain('[our sheet](https://example.org/sheet)');
    expect(answer.body).toContain('\\<script\\>');
  });

  it('keeps them in the printable page, every text escaped', async () => {
    const answer = await apiGet(endpoints, `${base()}/diary/export?format=html`, teacher().idToken);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('<h3>What we measured</h3>');
    expect(answer.body).toContain('<ul><li><p>Width</p></li><li><p>Depth</p></li></ul>');
    expect(answer.body).toContain('<a href="https://example.org/sheet" rel="noopener noreferrer nofollow">our sheet</a>');
    expect(answer.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(answer.body).not.toContain('<script>');
  });
});
