/**
 * The pupil guard on the forum (issue 12) through the real API, in a
 * TwinSpace of its own: a pupil's thread and reply with personal data are
 * held, released, edited or deleted by a teacher (tests/support/guarded-surface.ts);
 * a released thread counts on its discussion and is announced on the home
 * like any other; a teacher opening a discussion in the pupils' forum is
 * warned; the teachers' forum is never checked; a release whose thread is
 * gone is refused and the text still waits.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { apiGet, apiSend, type ApiAnswer } from '../support/clients.ts';
import { describeGuardedSurface, withEmail, withPhone, type ListedText } from '../support/guarded-surface.ts';
import { decide, expectHeld, expectWarned, notificationsOf } from '../support/held-texts.ts';
import { newTwinspace, type TestTwinspace, type TwinspaceCaller } from '../support/twinspace.ts';

const endpoints = inject('endpoints');

let space: TestTwinspace;
/** A discussion of the pupils' forum, and a thread in it for the replies. */
let discussionId: string;
let threadId: string;

const forum = () => `/projects/${space.projectId}/forum`;

async function created(answer: Promise<ApiAnswer>): Promise<any> {
  const { status, body } = await answer;
  expect(status, JSON.stringify(body)).toBe(201);
  return body;
}

beforeAll(async () => {
  space = await newTwinspace(endpoints, 'Guarded forum rivers');
  const ana = space.members['teacher-admin'];
  discussionId = (await created(apiSend(endpoints, 'POST', `${forum()}/discussions`, ana.idToken, { area: 'pupils', title: 'Our rivers', body: 'Tell us about yours.' }))).discussionId;
  threadId = (await created(apiSend(endpoints, 'POST', `${forum()}/discussions/${discussionId}/threads`, ana.idToken, { title: 'Herons', body: 'Who saw one?' }))).threadId;
});

const listedOf = (items: any[]): ListedText[] => items.map((item) => ({ text: item.body, authorId: item.authorId, authorName: item.authorName, authorType: item.authorType }));

async function threadsOf(reader: TwinspaceCaller, discussion = discussionId): Promise<any[]> {
  const answer = await apiGet(endpoints, `${forum()}/discussions/${discussion}/threads?limit=100`, reader.idToken);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.items;
}

async function repliesOf(reader: TwinspaceCaller, thread = threadId): Promise<any[]> {
  const answer = await apiGet(endpoints, `${forum()}/threads/${thread}/replies?limit=100`, reader.idToken);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.items;
}

const pupilsForum = () => {
  const { 'teacher-admin': ana, 'member-teacher': eva, 'pupil-admin': lucia, 'pupil-member': pablo } = space.members;
  return { projectId: space.projectId, teachers: [ana, eva, space.secondFounder], others: [lucia, pablo] };
};

describeGuardedSurface({
  surface: 'forum-thread',
  space: pupilsForum,
  pupil: () => ({ caller: space.members['pupil-admin'], name: 'Lucía' }),
  teacher: () => space.members['teacher-admin'],
  write: (caller, text, extra = {}) => apiSend(endpoints, 'POST', `${forum()}/discussions/${discussionId}/threads`, caller.idToken, { title: 'My river', body: text, ...extra }),
  listed: async (reader) => listedOf(await threadsOf(reader)),
  editedField: 'body',
});

describeGuardedSurface({
  surface: 'forum-reply',
  space: pupilsForum,
  pupil: () => ({ caller: space.members['pupil-member'], name: 'Pablo' }),
  teacher: () => space.members['member-teacher'],
  write: (caller, text, extra = {}) => apiSend(endpoints, 'POST', `${forum()}/threads/${threadId}/replies`, caller.idToken, { body: text, ...extra }),
  listed: async (reader) => listedOf(await repliesOf(reader)),
  editedField: 'body',
});

describe('a released thread or reply does what a written one does', () => {
  it('a thread counts on its discussion and is announced on the home; a reply counts on its thread', async () => {
    const { 'teacher-admin': ana, 'pupil-admin': lucia, 'pupil-member': pablo } = space.members;
    const { discussionId: own } = await created(apiSend(endpoints, 'POST', `${forum()}/discussions`, ana.idToken, { area: 'pupils', title: 'Counted', body: 'Counts.' }));
    const heldThread = expectHeld(
      await apiSend(endpoints, 'POST', `${forum()}/discussions/${own}/threads`, lucia.idToken, { title: 'The Garonne', body: withPhone('the Garonne') }),
      'forum-thread',
      ['phone'],
    );
    const discussions = async () => (await apiGet(endpoints, `${forum()}/discussions?area=pupils&limit=100`, ana.idToken)).body.items.find((item: any) => item.discussionId === own);
    expect((await discussions()).threadCount, 'a held thread is not counted').toBe(0);
    expect((await decide(endpoints, space.projectId, heldThread, ana, { release: true })).status).toBeLessThan(300);
    expect((await discussions()).threadCount).toBe(1);
    const [thread] = await threadsOf(ana, own);
    const home = await apiGet(endpoints, `/projects/${space.projectId}/home?limit=100`, pablo.idToken);
    expect(home.body.items.filter((entry: any) => entry.kind === 'thread-opened' && entry.thread.threadId === thread.threadId)).toEqual([
      expect.objectContaining({ by: expect.objectContaining({ userId: lucia.userId, name: 'Lucía' }) }),
    ]);

    const heldReply = expectHeld(await apiSend(endpoints, 'POST', `${forum()}/threads/${thread.threadId}/replies`, pablo.idToken, { body: withEmail('herons') }), 'forum-reply', ['email']);
    expect((await threadsOf(ana, own))[0].replyCount, 'a held reply is not counted').toBe(0);
    expect((await decide(endpoints, space.projectId, heldReply, ana, { release: true })).status).toBeLessThan(300);
    expect((await threadsOf(ana, own))[0].replyCount).toBe(1);
  });

  it('a release whose thread was deleted meanwhile is refused (409), publishes nothing, and the text still waits', async () => {
    const { 'teacher-admin': ana, 'pupil-member': pablo } = space.members;
    const { threadId: doomed } = await created(apiSend(endpoints, 'POST', `${forum()}/discussions/${discussionId}/threads`, ana.idToken, { title: 'Doomed', body: 'Soon gone.' }));
    const heldId = expectHeld(await apiSend(endpoints, 'POST', `${forum()}/threads/${doomed}/replies`, pablo.idToken, { body: withPhone('the doomed thread') }), 'forum-reply', ['phone']);
    expect((await apiSend(endpoints, 'DELETE', `${forum()}/threads/${doomed}`, ana.idToken)).status).toBe(204);
    expect((await decide(endpoints, space.projectId, heldId, ana, { release: true })).status).toBe(409);
    const queue = await apiGet(endpoints, `/projects/${space.projectId}/moderation`, ana.idToken);
    expect(queue.status, JSON.stringify(queue.body)).toBe(200);
    expect(queue.body.held.map((held: any) => held.heldId)).toContain(heldId);
    expect((await notificationsOf(endpoints, pablo)).filter((notice) => notice.topic === 'pupil-text-decided' && notice.params?.heldId === heldId)).toEqual([]);
  });
});

describe('teachers in the forum', () => {
  it("opening a discussion in the pupils' forum with personal data: warned first (409, nothing written), opened once acknowledged", async () => {
    const ana = space.members['teacher-admin'];
    const discussion = { area: 'pupils', title: 'Contact', body: withEmail('the exchange') };
    const titles = async () => (await apiGet(endpoints, `${forum()}/discussions?area=pupils&limit=100`, space.members['pupil-member'].idToken)).body.items.map((item: any) => item.body);
    expectWarned(await apiSend(endpoints, 'POST', `${forum()}/discussions`, ana.idToken, discussion), ['email']);
    expect(await titles()).not.toContain(discussion.body);
    await created(apiSend(endpoints, 'POST', `${forum()}/discussions`, ana.idToken, { ...discussion, acknowledgePersonalData: true }));
    expect(await titles()).toContain(discussion.body);
  });

  it("the teachers' forum is never checked: a discussion, a thread and a reply with personal data are written at once", async () => {
    const eva = space.members['member-teacher'];
    const { discussionId: theirs } = await created(apiSend(endpoints, 'POST', `${forum()}/discussions`, eva.idToken, { area: 'teachers', title: 'Phones', body: withPhone('the trip') }));
    const { threadId: thread } = await created(apiSend(endpoints, 'POST', `${forum()}/discussions/${theirs}/threads`, eva.idToken, { title: 'Bus', body: withEmail('the bus') }));
    const reply = await created(apiSend(endpoints, 'POST', `${forum()}/threads/${thread}/replies`, space.members['teacher-admin'].idToken, { body: withPhone('the hotel') }));
    expect(reply.body).toBe(withPhone('the hotel'));
  });
});
