/**
 * Erasure and export through the real HTTP and chat APIs (issue 11 §4, "Privacy"): "A teacher administrator of the
 * pupil's project, or the NSS of the pupil's country, erases a pupil. The account goes, and every item they wrote is
 * either deleted or attributed to 'Former pupil', as chosen. An author index makes this a Query, never a Scan.
 * Erasing a teacher works the same way, for the NSS." "Not enough: an erasure that leaves a pupil's name in chat or
 * forum items." "Every user downloads their own data as JSON."
 *
 * Each pupil writes in every surface (chat, forum, Home, the mailbox, pages), is erased, and then every surface is read
 * as other members: the pupil's name (and, when deleted, their words) must be nowhere, and the author index holds
 * nothing under them.
 */
import { CognitoIdentityProviderClient, AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DeleteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { eraseAuthored, markErasureBegun } from '../../functions/data/erasure.ts';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { authorIndex, keys } from '../../functions/data/keys.ts';
import { newTestAccount } from '../support/accounts.ts';
import { apiGet, apiSend, ChatSocket, demoToken, tableStoreOf } from '../support/clients.ts';
import { firstPupilSignIn, newTwinspace, type TestTwinspace, type TwinspaceCaller } from '../support/twinspace.ts';

const endpoints = inject('endpoints');
const store = tableStoreOf(endpoints);
let space: TestTwinspace;
let discussionId: string;
let anaPostId: string;

const ana = () => space.members['teacher-admin'];
const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

async function ok<T = any>(answer: Promise<{ status: number; body: T }>, what: string): Promise<T> {
  const { status, body } = await answer;
  if (status >= 300) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
  return body;
}

interface WritingPupil extends TwinspaceCaller {
  firstName: string;
  /** A word only this pupil wrote, in every item. */
  word: string;
}

/** A new pupil-admin of the space (a pupil administrator may open forum threads and publish pupils' pages), signed in. */
async function newPupil(): Promise<WritingPupil> {
  const firstName = `Zyx${unique()}`;
  const created = await ok(
    apiSend(endpoints, 'POST', `/projects/${space.projectId}/members`, ana().idToken, { pupil: { displayName: `${firstName} Quell` }, type: 'pupil-admin' }),
    'create a pupil',
  );
  const idToken = await firstPupilSignIn(endpoints, created.member.username, created.oneTimePassword);
  return { name: firstName, firstName, word: `wrd${unique()}`, type: 'pupil-admin', userId: created.member.userId, username: created.member.username, idToken };
}

/** The pupil writes in every surface; a teacher answers in their thread and writes to them. */
async function writeEverywhere(pupil: WritingPupil): Promise<void> {
  const p = `/projects/${space.projectId}`;
  const text = `${pupil.word} by the river`;
  const chat = await ChatSocket.open(endpoints, pupil.idToken!, space.projectId);
  try {
    chat.send({ action: 'sendMessage', projectId: space.projectId, text });
    await chat.frame((frame) => frame.type === 'message' && frame.message.text === text);
  } finally {
    chat.close();
  }
  const thread = await ok(apiSend(endpoints, 'POST', `${p}/forum/discussions/${discussionId}/threads`, pupil.idToken, { title: `${pupil.word} thread`, body: text }), 'thread');
  await ok(apiSend(endpoints, 'POST', `${p}/forum/threads/${thread.threadId}/replies`, pupil.idToken, { body: `${text} again` }), 'reply');
  await ok(apiSend(endpoints, 'POST', `${p}/forum/threads/${thread.threadId}/replies`, ana().idToken, { body: 'Good question' }), "a teacher's reply");
  const post = await ok(apiSend(endpoints, 'POST', `${p}/home/posts`, pupil.idToken, { body: text }), 'home post');
  await ok(apiSend(endpoints, 'POST', `${p}/home/posts/${post.entryId}/comments`, pupil.idToken, { body: `${text} comment` }), 'own comment');
  await ok(apiSend(endpoints, 'POST', `${p}/home/posts/${anaPostId}/comments`, pupil.idToken, { body: `${text} on Ana's post` }), 'comment');
  await ok(apiSend(endpoints, 'PUT', `${p}/home/posts/${anaPostId}/like`, pupil.idToken), 'like');
  await ok(apiSend(endpoints, 'POST', `${p}/mailbox`, pupil.idToken, { toUserId: ana().userId, subject: `${pupil.word} question`, body: text }), 'mail to a teacher');
  await ok(apiSend(endpoints, 'POST', `${p}/mailbox`, ana().idToken, { toUserId: pupil.userId, subject: 'Your photos', body: 'Well done' }), 'mail to the pupil');
  const page = await ok(apiSend(endpoints, 'POST', `${p}/pages`, pupil.idToken, { area: 'pupils', title: `${pupil.word} page`, body: text }), 'page');
  await ok(apiSend(endpoints, 'POST', `${p}/pages/${page.pageId}/publish`, pupil.idToken), 'publish');
  const draft = await ok(apiSend(endpoints, 'POST', `${p}/pages`, pupil.idToken, { area: 'pupils', title: `${pupil.word} draft`, body: text }), 'draft');
  expect(draft.status).toBe('draft');
}

/** Every surface as `reader` reads it, as one text (the responses' JSON). */
async function everySurface(reader: TwinspaceCaller): Promise<string> {
  const p = `/projects/${space.projectId}`;
  const get = async (path: string) => {
    const answer = await apiGet(endpoints, path, reader.idToken);
    expect([200, 404], `${path}: ${JSON.stringify(answer.body)}`).toContain(answer.status);
    return answer.body;
  };
  const threads = await get(`${p}/forum/discussions/${discussionId}/threads?limit=100`);
  const replies = await Promise.all((threads.items ?? []).map((thread: { threadId: string }) => get(`${p}/forum/threads/${thread.threadId}/replies?limit=100`)));
  const home = await get(`${p}/home?limit=100`);
  const comments = await Promise.all(
    [...(home.items ?? []), ...(home.pinned ?? [])].filter((entry: any) => entry.kind === 'post').map((entry: any) => get(`${p}/home/posts/${entry.entryId}/comments?limit=100`)),
  );
  const surfaces = [
    await get(`${p}/chat/messages?limit=100`),
    await get(`${p}/forum/discussions?area=pupils&limit=100`),
    threads,
    replies,
    home,
    comments,
    await get(`${p}/mailbox?box=inbox&limit=100`),
    await get(`${p}/mailbox?box=sent&limit=100`),
    await get(`${p}/pages?area=pupils&status=published&limit=100`),
    await get(`${p}/pages?area=pupils&status=draft&limit=100`),
    await get(`${p}/members?limit=100`),
    // The reader's own notifications ("… wrote to you" names the sender).
    await get('/me/notifications?limit=100'),
  ];
  return JSON.stringify(surfaces);
}

async function indexed(userId: string): Promise<number> {
  const { Count } = await store.db.send(
    new QueryCommand({
      TableName: store.tableName,
      IndexName: authorIndex.indexName,
      KeyConditionExpression: 'GSI2PK = :author',
      ExpressionAttributeValues: { ':author': authorIndex.partition(userId) },
      Select: 'COUNT',
    }),
  );
  return Count ?? 0;
}

async function cognitoHas(username: string): Promise<boolean> {
  const cognito = new CognitoIdentityProviderClient({ endpoint: endpoints.cognito.endpoint, region: endpoints.region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    await cognito.send(new AdminGetUserCommand({ UserPoolId: endpoints.cognito.userPoolId, Username: username }));
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'UserNotFoundException') return false;
    throw error;
  } finally {
    cognito.destroy();
  }
}

const erase = (caller: TwinspaceCaller | { idToken?: string }, userId: string, mode: 'delete' | 'keep') =>
  apiSend(endpoints, 'POST', `/people/${userId}/erasure`, caller.idToken, { mode });

beforeAll(async () => {
  space = await newTwinspace(endpoints, 'Erasure of the rivers');
  discussionId = (await ok(apiSend(endpoints, 'POST', `/projects/${space.projectId}/forum/discussions`, ana().idToken, { area: 'pupils', title: 'Our rivers', body: 'Ask here.' }), 'discussion')).discussionId;
  anaPostId = (await ok(apiSend(endpoints, 'POST', `/projects/${space.projectId}/home/posts`, ana().idToken, { body: 'Welcome, everyone' }), "Ana's post")).entryId;
}, 120_000);

describe('erasing a pupil', () => {
  it('delete mode: their name and words are gone from chat, forum, Home, mailbox and pages, the index holds nothing, the account is gone', async () => {
    const pupil = await newPupil();
    await writeEverywhere(pupil);
    const before = await everySurface(ana());
    expect(before).toContain(pupil.firstName);
    expect(before).toContain(pupil.word);
    expect(await indexed(pupil.userId!)).toBeGreaterThan(10);

    const answer = await erase(ana(), pupil.userId!, 'delete');
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toMatchObject({ userId: pupil.userId, kind: 'pupil', mode: 'delete' });
    expect(answer.body.deleted).toBeGreaterThan(10);

    for (const reader of [ana(), space.members['pupil-member'], space.members['member-teacher']]) {
      const after = await everySurface(reader);
      expect(after, `as ${reader.name}`).not.toContain(pupil.firstName);
      expect(after, `as ${reader.name}`).not.toContain(pupil.word);
    }
    // The teacher's own words to the pupil stay, addressed to the marker.
    const sent = await apiGet(endpoints, `/projects/${space.projectId}/mailbox?box=sent&limit=100`, ana().idToken);
    expect(sent.body.items.find((message: any) => message.subject === 'Your photos')?.to).toMatchObject({ userId: 'former-pupil', displayName: 'Former pupil' });
    // Counters: Ana's post no longer counts the pupil's comment or like.
    const home = await apiGet(endpoints, `/projects/${space.projectId}/home?limit=100`, ana().idToken);
    const anasPost = [...home.body.items, ...home.body.pinned].find((entry: any) => entry.entryId === anaPostId);
    expect(anasPost).toMatchObject({ commentCount: 0, likeCount: 0 });

    expect(await indexed(pupil.userId!)).toBe(0);
    expect(await cognitoHas(pupil.username!)).toBe(false);
    expect((await apiGet(endpoints, '/me', pupil.idToken)).status).toBe(404);
    // Running it again is fine: the person is no longer known.
    expect((await erase(ana(), pupil.userId!, 'delete')).status).toBe(404);
  }, 120_000);

  it('keep mode: their items stay, attributed to "Former pupil", with no trace of their name', async () => {
    const pupil = await newPupil();
    await writeEverywhere(pupil);
    const answer = await erase(ana(), pupil.userId!, 'keep');
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    // Nothing they wrote goes; only the notice that named them to the teacher ("… wrote to you") is deleted.
    expect(answer.body).toMatchObject({ mode: 'keep', deleted: 1 });
    expect(answer.body.kept).toBeGreaterThan(10);

    const after = await everySurface(ana());
    expect(after).not.toContain(pupil.firstName);
    expect(after).not.toContain(pupil.userId);
    expect(after).toContain(pupil.word);
    const chat = await apiGet(endpoints, `/projects/${space.projectId}/chat/messages?limit=100`, space.members['pupil-member'].idToken);
    expect(chat.body.items.find((message: any) => message.text.startsWith(pupil.word))).toMatchObject({ authorName: 'Former pupil', authorId: 'former-pupil' });
    const threads = await apiGet(endpoints, `/projects/${space.projectId}/forum/discussions/${discussionId}/threads?limit=100`, ana().idToken);
    expect(threads.body.items.find((thread: any) => thread.title.startsWith(pupil.word))).toMatchObject({ authorName: 'Former pupil' });
    expect(await indexed(pupil.userId!)).toBe(0);
    expect(await cognitoHas(pupil.username!)).toBe(false);
  }, 120_000);

  it("lets the NSS of the pupil's country erase them, and refuses a member teacher, another country's NSS and the pupil's fellow pupil", async () => {
    const pupil = await newPupil();
    // Ana's pupils are of her country (ES).
    expect((await erase(space.members['member-teacher'], pupil.userId!, 'delete')).status).toBe(403);
    expect((await erase(space.members['pupil-member'], pupil.userId!, 'delete')).status).toBe(403);
    expect((await erase({ idToken: await demoToken(endpoints, 'nss.fr@demo.twinspace') }, pupil.userId!, 'delete')).status).toBe(403);
    expect((await erase({ idToken: await demoToken(endpoints, 'eval.es@demo.twinspace') }, pupil.userId!, 'delete')).status).toBe(403);
    const byNss = await erase({ idToken: await demoToken(endpoints, 'nss.es@demo.twinspace') }, pupil.userId!, 'keep');
    expect(byNss.status, JSON.stringify(byNss.body)).toBe(200);
  }, 120_000);

  it('resumes an erasure a fault interrupted: the same request finishes it, also once the memberships that allowed it are gone', async () => {
    const pupil = await newPupil();
    await writeEverywhere(pupil);
    // A first run by Ana that died after the author index and the memberships, before the account went.
    await markErasureBegun(store, pupil.userId!, ana().userId!, 'delete', new Date().toISOString());
    await eraseAuthored(store, { userId: pupil.userId!, kind: 'pupil' }, 'delete');
    for (const Key of [keys.membership(space.projectId, pupil.userId!), keys.userProject(pupil.userId!, space.projectId)]) {
      await store.db.send(new DeleteCommand({ TableName: store.tableName, Key }));
    }
    expect(await cognitoHas(pupil.username!)).toBe(true);
    // Luc administers the project too, but he did not begin it and the pupil is no longer a member: 403.
    expect((await erase(space.secondFounder, pupil.userId!, 'delete')).status).toBe(403);
    const again = await erase(ana(), pupil.userId!, 'delete');
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(await cognitoHas(pupil.username!)).toBe(false);
    expect(await indexed(pupil.userId!)).toBe(0);
    expect(await everySurface(ana())).not.toContain(pupil.firstName);
  }, 120_000);

  it('takes only the two modes (400), and erases nothing then', async () => {
    const pupil = await newPupil();
    const bad = await apiSend(endpoints, 'POST', `/people/${pupil.userId}/erasure`, ana().idToken, { mode: 'forget' });
    expect(bad.status).toBe(400);
    expect(await cognitoHas(pupil.username!)).toBe(true);
  }, 60_000);
});

describe('the NSS finding the person to erase (GET /nss/people)', () => {
  const find = (idToken: string | undefined, username: string) => apiGet(endpoints, `/nss/people?username=${encodeURIComponent(username)}`, idToken);

  it("finds a pupil of the NSS's country by username and erases them; another country's NSS gets 404 as for no account; a teacher 403", async () => {
    const pupil = await newPupil();
    const nssEs = await demoToken(endpoints, 'nss.es@demo.twinspace');
    const found = await find(nssEs, pupil.username!.toUpperCase());
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    expect(found.body).toEqual({ userId: pupil.userId, username: pupil.username, kind: 'pupil', displayName: `${pupil.firstName} Quell`, country: 'ES' });

    // Another country's NSS: the same answer as a username nobody has, so nothing is told about Spain's accounts.
    const nssFr = await demoToken(endpoints, 'nss.fr@demo.twinspace');
    const elsewhere = await find(nssFr, pupil.username!);
    const nobody = await find(nssFr, `pupil.nobody${unique()}`);
    expect(elsewhere.status).toBe(404);
    expect(nobody.status).toBe(404);
    expect(elsewhere.body).toEqual(nobody.body);
    expect(JSON.stringify(elsewhere.body)).not.toContain(pupil.userId);

    // Teachers (even the pupil's teacher administrator) and pupils do not look people up here.
    expect((await find(ana().idToken, pupil.username!)).status).toBe(403);
    expect((await find(pupil.idToken, pupil.username!)).status).toBe(403);
    // An empty username is a bad request.
    expect((await find(nssEs, ' ')).status).toBe(400);

    const erased = await erase({ idToken: nssEs }, found.body.userId, 'keep');
    expect(erased.status, JSON.stringify(erased.body)).toBe(200);
    expect(erased.body).toMatchObject({ userId: pupil.userId, kind: 'pupil', mode: 'keep' });
    expect(await cognitoHas(pupil.username!)).toBe(false);
    // Gone: the username names nobody now.
    expect((await find(nssEs, pupil.username!)).status).toBe(404);
  }, 120_000);

  it('answers in Spanish when asked', async () => {
    const response = await fetch(`${endpoints.api}/nss/people?username=pupil.nobody${unique()}`, {
      headers: { authorization: `Bearer ${await demoToken(endpoints, 'nss.es@demo.twinspace')}`, 'accept-language': 'es' },
    });
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toBe('Ninguna cuenta de tu país tiene este nombre de usuario.');
  }, 60_000);
});

describe('erasing a teacher', () => {
  it("is the NSS of the teacher's country's, never a teacher administrator's; their desktop mail is attributed to \"Former teacher\"", async () => {
    const displayName = `Tchr${unique()} Erased`;
    const teacher = await newTestAccount(endpoints, { kind: 'teacher', country: 'FR', displayName });
    const anaToken = ana().idToken!;
    const me = await apiGet(endpoints, '/me', anaToken);
    const sent = await apiSend(endpoints, 'POST', '/mail', teacher.idToken, { toUsername: me.body.username, subject: 'Partnership?', body: 'Shall we?' });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const group = await apiSend(endpoints, 'POST', '/groups', teacher.idToken, { name: `Rivers club ${unique()}`, theme: 'Rivers', access: 'open' });
    expect(group.status, JSON.stringify(group.body)).toBe(201);
    expect((await erase(ana(), teacher.userId, 'keep')).status).toBe(403);
    expect((await erase({ idToken: await demoToken(endpoints, 'nss.es@demo.twinspace') }, teacher.userId, 'keep')).status).toBe(403);
    const byNss = await erase({ idToken: await demoToken(endpoints, 'nss.fr@demo.twinspace') }, teacher.userId, 'keep');
    expect(byNss.status, JSON.stringify(byNss.body)).toBe(200);
    const inbox = await apiGet(endpoints, '/mail?folder=inbox&limit=100', anaToken);
    const mail = inbox.body.items.find((item: any) => item.mailId === sent.body.mailId);
    expect(mail?.from).toMatchObject({ userId: 'former-teacher', displayName: 'Former teacher' });
    expect(JSON.stringify(inbox.body)).not.toContain(displayName);
    expect(JSON.stringify(inbox.body)).not.toContain(teacher.userId);
    // Their group stays (with its members), owned by the marker.
    const members = await apiGet(endpoints, `/groups/${group.body.groupId}/members?limit=100`, anaToken);
    expect(members.status).toBe(200);
    expect(members.body.items).toEqual([expect.objectContaining({ userId: 'former-teacher', displayName: 'Former teacher' })]);
    expect(await indexed(teacher.userId)).toBe(0);
  }, 120_000);

  it('delete mode takes an erased teacher\'s unread mail out of the inbox and out of the unread count', async () => {
    const teacher = await newTestAccount(endpoints, { kind: 'teacher', country: 'FR', displayName: `Tchr${unique()} Gone` });
    const anaToken = ana().idToken!;
    const me = await apiGet(endpoints, '/me', anaToken);
    const unreadBefore = (await apiGet(endpoints, '/mail?folder=inbox', anaToken)).body.unread;
    const sent = await apiSend(endpoints, 'POST', '/mail', teacher.idToken, { toUsername: me.body.username, subject: 'Unread', body: 'Not read yet' });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect((await apiGet(endpoints, '/mail?folder=inbox', anaToken)).body.unread).toBe(unreadBefore + 1);
    const byNss = await erase({ idToken: await demoToken(endpoints, 'nss.fr@demo.twinspace') }, teacher.userId, 'delete');
    expect(byNss.status, JSON.stringify(byNss.body)).toBe(200);
    const inbox = await apiGet(endpoints, '/mail?folder=inbox&limit=100', anaToken);
    expect(inbox.body.items.some((item: any) => item.mailId === sent.body.mailId)).toBe(false);
    expect(inbox.body.unread).toBe(unreadBefore);
  }, 120_000);
});

describe('exporting my data', () => {
  it('answers my profile, my memberships and everything I wrote, as a JSON attachment', async () => {
    const pupil = await newPupil();
    await writeEverywhere(pupil);
    const response = await fetch(`${endpoints.api}/me/export`, { headers: { authorization: `Bearer ${pupil.idToken}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="twinspace-export-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    const data = await response.json();
    expect(data).toMatchObject({ format: 'twinspace-export', version: 1, profile: { userId: pupil.userId, displayName: `${pupil.firstName} Quell` } });
    expect(data.memberships).toEqual([expect.objectContaining({ projectId: space.projectId, type: 'pupil-admin' })]);
    const kinds = new Set(data.written.map((item: { entity: string }) => item.entity));
    for (const kind of ['chatMessage', 'thread', 'reply', 'feedEntry', 'feedComment', 'mailboxMessage', 'page']) expect(kinds, kind).toContain(kind);
    expect(JSON.stringify(data.written)).toContain(pupil.word);
    // Nobody else's export holds my words, and no key or index attribute leaks.
    expect(JSON.stringify(data)).not.toMatch(/GSI2PK|"PK"/);
    expect((await fetch(`${endpoints.api}/me/export`)).status).toBe(401);
  }, 120_000);
});
