/**
 * The pupil guard on the TwinSpace home (issue 12) through the real API, in
 * a TwinSpace of its own: a pupil's post and comment with personal data are
 * held, released, edited or deleted by a teacher (tests/support/guarded-surface.ts),
 * the visitor never seeing a held one either (every member reads the home);
 * a released comment counts on its post; a release whose post is gone is
 * refused and the text still waits; the teachers' board is never checked.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { apiGet, apiSend, type ApiAnswer } from '../support/clients.ts';
import { describeGuardedSurface, withEmail, withPhone, type ListedText } from '../support/guarded-surface.ts';
import { decide, expectHeld } from '../support/held-texts.ts';
import { newTwinspace, type TestTwinspace, type TwinspaceCaller } from '../support/twinspace.ts';

const endpoints = inject('endpoints');

let space: TestTwinspace;
/** A teacher's post, for the comments. */
let postId: string;

const home = () => `/projects/${space.projectId}/home`;

async function created(answer: Promise<ApiAnswer>): Promise<any> {
  const { status, body } = await answer;
  expect(status, JSON.stringify(body)).toBe(201);
  return body;
}

beforeAll(async () => {
  space = await newTwinspace(endpoints, 'Guarded home rivers');
  postId = (await created(apiSend(endpoints, 'POST', `${home()}/posts`, space.members['teacher-admin'].idToken, { body: 'Welcome, river explorers!' }))).entryId;
});

async function postsOf(reader: TwinspaceCaller): Promise<any[]> {
  const answer = await apiGet(endpoints, `${home()}?limit=100`, reader.idToken);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return [...answer.body.pinned, ...answer.body.items].filter((entry: any) => entry.kind === 'post');
}

async function commentsOf(reader: TwinspaceCaller, post = postId): Promise<any[]> {
  const answer = await apiGet(endpoints, `${home()}/posts/${post}/comments?limit=100`, reader.idToken);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.items;
}

const listedOf = (items: any[]): ListedText[] => items.map((item) => ({ text: item.body, authorId: item.author.userId, authorName: item.author.name, authorType: item.author.type }));

/** Every member reads the home, the visitor too. */
const wholeHome = () => {
  const { 'teacher-admin': ana, 'member-teacher': eva, 'pupil-admin': lucia, 'pupil-member': pablo, visitor } = space.members;
  return { projectId: space.projectId, teachers: [ana, eva, space.secondFounder], others: [lucia, pablo, visitor] };
};

describeGuardedSurface({
  surface: 'home-post',
  space: wholeHome,
  pupil: () => ({ caller: space.members['pupil-member'], name: 'Pablo' }),
  teacher: () => space.members['teacher-admin'],
  write: (caller, text, extra = {}) => apiSend(endpoints, 'POST', `${home()}/posts`, caller.idToken, { body: text, ...extra }),
  listed: async (reader) => listedOf(await postsOf(reader)),
  editedField: 'body',
});

describeGuardedSurface({
  surface: 'home-comment',
  space: wholeHome,
  pupil: () => ({ caller: space.members['pupil-admin'], name: 'Lucía' }),
  teacher: () => space.members['member-teacher'],
  write: (caller, text, extra = {}) => apiSend(endpoints, 'POST', `${home()}/posts/${postId}/comments`, caller.idToken, { body: text, ...extra }),
  listed: async (reader) => listedOf(await commentsOf(reader)),
  editedField: 'body',
});

describe('a released comment does what a written one does', () => {
  it('counts on its post, which a held one does not', async () => {
    const { 'teacher-admin': ana, 'pupil-member': pablo } = space.members;
    const { entryId: own } = await created(apiSend(endpoints, 'POST', `${home()}/posts`, ana.idToken, { body: 'Count me.' }));
    const count = async () => (await postsOf(ana)).find((post) => post.entryId === own).commentCount;
    const heldId = expectHeld(await apiSend(endpoints, 'POST', `${home()}/posts/${own}/comments`, pablo.idToken, { body: withEmail('the count') }), 'home-comment', ['email']);
    expect(await count(), 'a held comment is not counted').toBe(0);
    expect((await decide(endpoints, space.projectId, heldId, ana, { release: true })).status).toBeLessThan(300);
    expect(await count()).toBe(1);
  });

  it('a release whose post was deleted meanwhile is refused (409), publishes nothing, and the text still waits', async () => {
    const { 'teacher-admin': ana, 'pupil-admin': lucia } = space.members;
    const { entryId: doomed } = await created(apiSend(endpoints, 'POST', `${home()}/posts`, ana.idToken, { body: 'Soon gone.' }));
    const heldId = expectHeld(await apiSend(endpoints, 'POST', `${home()}/posts/${doomed}/comments`, lucia.idToken, { body: withPhone('the doomed post') }), 'home-comment', ['phone']);
    expect((await apiSend(endpoints, 'DELETE', `${home()}/posts/${doomed}`, ana.idToken)).status).toBe(204);
    expect((await decide(endpoints, space.projectId, heldId, ana, { release: true })).status).toBe(409);
    const queue = await apiGet(endpoints, `/projects/${space.projectId}/moderation`, ana.idToken);
    expect(queue.status, JSON.stringify(queue.body)).toBe(200);
    expect(queue.body.held.map((held: any) => held.heldId)).toContain(heldId);
  });
});

describe("the teachers' board", () => {
  it('is never checked: only teachers read it, so a note with personal data is written at once', async () => {
    const note = await created(apiSend(endpoints, 'POST', `/projects/${space.projectId}/board`, space.members['member-teacher'].idToken, { body: withPhone('the coach') }));
    expect(note.body).toBe(withPhone('the coach'));
  });
});
