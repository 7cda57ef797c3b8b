/**
 * Releasing a held text (issue 12: "a teacher releases the text as written, edits out the finding, or deletes it.
 * The pupil is told the outcome"), with a test publisher in place of the surfaces' (each surface's own tests
 * release through its real one). The moderation area's handler runs in this process on the stack's table, with the
 * API Gateway event the local gateway would build; only the publisher registry is replaced, so what reaches a
 * publisher — the pupil's request as written, or with the teacher's text — and how often is seen here.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { ulid } from 'ulid';
import { beforeAll, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { keys, moderationKeys } from '../../functions/data/keys.ts';
import { toProject } from '../../functions/data/projects.ts';
import { guardWrite } from '../../functions/http/guarded-write.ts';
import { httpRoutes } from '../../functions/routes.ts';
import { handlerEnv } from '../../infra/local/endpoints.ts';
import { buildHttpEvent, flattenClaims, matchRoute, newRequestId } from '../../infra/local/http-event.ts';
import { lambdaContext } from '../../infra/local/lambda-runtime.ts';
import { tableStoreOf } from '../support/clients.ts';
import { newTwinspace, type TestTwinspace, type TwinspaceCaller } from '../support/twinspace.ts';

/** What the test publisher was asked to publish, and what it answers. */
const publishing = vi.hoisted(() => ({
  calls: [] as { surface: string; heldId: string; authorId: string; draft: Record<string, unknown> }[],
  refusal: undefined as undefined | 'gone' | 'changed' | 'closed',
}));

vi.mock('../../functions/moderation/publishers.ts', () => ({
  // Every surface publishes through the same test publisher; it takes a moment, as a real write does, so two releases overlap.
  publishers: new Proxy(
    {},
    {
      get: (_target, surface) => async (_store: unknown, held: { heldId: string; authorId: string }, draft: Record<string, unknown>) => {
        publishing.calls.push({ surface: String(surface), heldId: held.heldId, authorId: held.authorId, draft });
        await new Promise((resolve) => setTimeout(resolve, 50));
        return publishing.refusal ? { published: false, reason: publishing.refusal } : { published: true, itemId: `published-${held.heldId}` };
      },
    },
  ),
  decisionListeners: {},
}));

const endpoints = inject('endpoints');
const store = tableStoreOf(endpoints);
let space: TestTwinspace;
let handler: (event: unknown, context: Context) => Promise<{ statusCode: number; body?: string }>;

const teacher = () => space.members['teacher-admin'];
const pupil = () => space.members['pupil-admin'];

/** One request to the moderation area's handler, as the local gateway would make it. */
async function request(caller: TwinspaceCaller, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const match = matchRoute(httpRoutes, method, path)!;
  const payload = body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(body));
  const event = buildHttpEvent(
    { method, url: path, rawHeaders: ['host', 'localhost', 'content-type', 'application/json'], body: payload, sourceIp: '127.0.0.1', protocol: 'HTTP/1.1', now: new Date(), requestId: newRequestId() },
    match,
    flattenClaims(JSON.parse(Buffer.from(caller.idToken!.split('.')[1], 'base64url').toString('utf8'))),
  );
  const result = await handler(event, lambdaContext(match.route.function, 29_000));
  return { status: result.statusCode, body: result.body ? JSON.parse(result.body) : undefined };
}

/** A held text of the pupil's: a forum thread with a title and a rich body, an e-mail address in the body. */
async function heldThread(): Promise<string> {
  const { Item } = await store.db.send(new GetCommand({ TableName: store.tableName, Key: keys.project(space.projectId) }));
  const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Our river is clean. Ask me: lucia.r@example.com' }] }] };
  const guarded = await guardWrite({
    store,
    project: toProject(Item!),
    caller: { userId: pupil().userId!, type: 'pupil-admin', displayName: 'Lucía Romero' },
    surface: 'forum-thread',
    target: { discussionId: ulid() },
    draft: { title: 'Our river', body },
    texts: { title: 'Our river', body: 'Our river is clean. Ask me: lucia.r@example.com' },
    pupilsRead: true,
  });
  if (guarded.outcome !== 'held') throw new Error('The thread was not held');
  return guarded.held.heldId;
}

async function stored(heldId: string) {
  const { Item } = await store.db.send(new GetCommand({ TableName: store.tableName, Key: moderationKeys.held(space.projectId, pupil().userId!, heldId), ConsistentRead: true }));
  return Item;
}

async function decidedNotices(heldId: string) {
  const { Items = [] } = await store.db.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :n)',
      ExpressionAttributeValues: { ':pk': keys.userPartition(pupil().userId!), ':n': 'NOTIFICATION#' },
      ConsistentRead: true,
    }),
  );
  return Items.filter((item) => item.topic === 'pupil-text-decided' && item.subjectId === heldId);
}

const path = (heldId: string, decision: 'release' | 'delete') => `/projects/${space.projectId}/moderation/${heldId}/${decision}`;
const callsFor = (heldId: string) => publishing.calls.filter((call) => call.heldId === heldId);

beforeAll(async () => {
  Object.assign(process.env, handlerEnv(endpoints));
  ({ handler } = (await import('../../functions/http/moderation/handler.ts')) as unknown as { handler: typeof handler });
  space = await newTwinspace(endpoints, 'Released rivers');
}, 120_000);

beforeEach(() => {
  publishing.refusal = undefined;
});

describe('releasing a held text', () => {
  it('as written: the publisher gets the pupil\'s request as the pupil, the decision is kept, the pupil is told', async () => {
    const heldId = await heldThread();
    const answer = await request(teacher(), 'POST', path(heldId, 'release'), {});
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toMatchObject({ heldId, status: 'released', decidedBy: teacher().userId });
    expect(callsFor(heldId)).toEqual([
      expect.objectContaining({ surface: 'forum-thread', authorId: pupil().userId, draft: expect.objectContaining({ title: 'Our river', body: expect.objectContaining({ type: 'doc' }) }) }),
    ]);
    expect(JSON.stringify(callsFor(heldId)[0].draft)).toContain('lucia.r@example.com');
    const item = await stored(heldId);
    expect(item).toMatchObject({ status: 'released', kinds: ['email'], decidedBy: teacher().userId });
    expect(item).not.toHaveProperty('draft');
    expect(item).not.toHaveProperty('fields');
    expect(item).not.toHaveProperty('claimId');
    expect((await decidedNotices(heldId)).map((notice) => notice.params.outcome)).toEqual(['released']);
  });

  it('edited: the teacher\'s text replaces the field (a rich body becomes its paragraphs), the rest as the pupil wrote it', async () => {
    const heldId = await heldThread();
    const answer = await request(teacher(), 'POST', path(heldId, 'release'), { fields: [{ field: 'body', text: 'Our river is clean.\nAsk me in the forum.' }] });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.status).toBe('edited');
    const [call] = callsFor(heldId);
    expect(call.draft).toEqual({
      title: 'Our river',
      body: {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'Our river is clean.' }] },
          { type: 'paragraph', content: [{ type: 'text', text: 'Ask me in the forum.' }] },
        ],
      },
    });
    expect((await decidedNotices(heldId)).map((notice) => notice.params.outcome)).toEqual(['edited']);
  });

  it('two teachers releasing at once: published once, one 200 and one 409', async () => {
    const heldId = await heldThread();
    const answers = await Promise.all([request(teacher(), 'POST', path(heldId, 'release'), {}), request(space.secondFounder, 'POST', path(heldId, 'release'), {})]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(callsFor(heldId)).toHaveLength(1);
    expect(await decidedNotices(heldId)).toHaveLength(1);
  });

  it('a release and a delete at once: one wins; a deleted text is never published', async () => {
    const heldId = await heldThread();
    const [released, deleted] = await Promise.all([request(teacher(), 'POST', path(heldId, 'release'), {}), request(space.secondFounder, 'POST', path(heldId, 'delete'))]);
    expect([released.status, deleted.status].sort()).toEqual([200, 409]);
    const item = await stored(heldId);
    expect(item!.status).toBe(released.status === 200 ? 'released' : 'deleted');
    expect(callsFor(heldId)).toHaveLength(released.status === 200 ? 1 : 0);
    expect(await decidedNotices(heldId)).toHaveLength(1);
  });

  it('a publisher\'s refusal (the page changed) answers 409 with the reason; the text still waits and may be released later', async () => {
    const heldId = await heldThread();
    publishing.refusal = 'changed';
    const refused = await request(teacher(), 'POST', path(heldId, 'release'), {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toEqual([{ field: 'reason', message: 'changed' }]);
    expect(await stored(heldId)).toMatchObject({ status: 'held', draft: { title: 'Our river' } });
    expect(await stored(heldId)).not.toHaveProperty('claimId');
    expect(await decidedNotices(heldId)).toHaveLength(0);

    publishing.refusal = undefined;
    expect((await request(teacher(), 'POST', path(heldId, 'release'), {})).status).toBe(200);
    expect((await stored(heldId))!.status).toBe('released');
  });
});
