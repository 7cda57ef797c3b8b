/**
 * The moderation core (issue 12), through the real local stack: a pupil's text with personal data is held — not
 * written, the project's teachers told — by the one helper every surface calls (guardWrite, run here on the stack's
 * table, as a surface's handler runs it); then the moderation routes. From the issue: "It is not published", "The
 * project's teachers get a notification", "In a moderation queue in the TwinSpace (teachers only) … a teacher
 * releases the text as written, edits out the finding, or deletes it. The pupil is told the outcome", "Every decision
 * is kept with the project: who decided, when, and what", "Teachers' … texts are never held. A teacher about to put
 * personal data in the pupils' area gets a warning first", "A teacher administrator may allow links or handles".
 * Releases through a surface's publisher are in moderation-release.test.ts; here a release whose publisher finds
 * its target gone.
 */
import { ulid } from 'ulid';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { keys, moderationKeys } from '../../functions/data/keys.ts';
import { guardContextOf, type HeldSurface } from '../../functions/data/moderation.ts';
import { toProject, type Project } from '../../functions/data/projects.ts';
import type { TwinspaceType } from '../../functions/domain/twinspace-types.ts';
import { guardWrite } from '../../functions/http/guarded-write.ts';
import { HttpError } from '../../functions/lib/errors.ts';
import { apiGet, apiSend, tableStoreOf } from '../support/clients.ts';
import { firstPupilSignIn, newTwinspace, type TestTwinspace, type TwinspaceCaller } from '../support/twinspace.ts';

const endpoints = inject('endpoints');
const store = tableStoreOf(endpoints);

let space: TestTwinspace;
const member = (type: TwinspaceType): TwinspaceCaller => space.members[type];
/** The full names the fixture gave its pupils (tests/support/twinspace.ts). */
const fullNames: Partial<Record<TwinspaceType, string>> = { 'pupil-admin': 'Lucía Romero', 'pupil-member': 'Pablo Ortega' };
const moderation = () => `/projects/${space.projectId}/moderation`;

async function project(): Promise<Project> {
  const { Item } = await store.db.send(new GetCommand({ TableName: store.tableName, Key: keys.project(space.projectId), ConsistentRead: true }));
  return toProject(Item!);
}

/** A write through guardWrite as `writer`, the way a surface's handler makes it. */
async function write(writer: TwinspaceCaller, text: string, options: { surface?: HeldSurface; target?: Record<string, unknown>; pupilsRead?: boolean; acknowledge?: boolean; displayName?: string } = {}) {
  return guardWrite({
    store,
    project: await project(),
    caller: { userId: writer.userId!, type: writer.type!, displayName: options.displayName ?? fullNames[writer.type!] ?? writer.name },
    surface: options.surface ?? 'home-post',
    target: options.target ?? {},
    draft: { body: text },
    texts: { body: text },
    pupilsRead: options.pupilsRead ?? true,
    acknowledgePersonalData: options.acknowledge,
  });
}

/** A pupil's text that must be held; its id. */
async function held(writer: TwinspaceCaller, text = `Mail me at pupil.${ulid().slice(-6).toLowerCase()}@example.com`, options: Parameters<typeof write>[2] = {}): Promise<string> {
  const outcome = await write(writer, text, options);
  if (outcome.outcome !== 'held') throw new Error(`Not held: ${text}`);
  return outcome.held.heldId;
}

async function heldItem(writer: TwinspaceCaller, heldId: string) {
  const { Item } = await store.db.send(
    new GetCommand({ TableName: store.tableName, Key: moderationKeys.held(space.projectId, writer.userId!, heldId), ConsistentRead: true }),
  );
  return Item;
}

/** One person's notifications of a topic about one held text (pattern 14). */
async function notices(userId: string, topic: string, heldId: string) {
  const { Items = [] } = await store.db.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :n)',
      ExpressionAttributeValues: { ':pk': keys.userPartition(userId), ':n': 'NOTIFICATION#' },
      ConsistentRead: true,
    }),
  );
  return Items.filter((item) => item.topic === topic && item.subjectId === heldId);
}

beforeAll(async () => {
  space = await newTwinspace(endpoints, 'Moderated rivers');
}, 120_000);

describe('holding a pupil\'s text (guardWrite)', () => {
  it('holds a pupil\'s text with an e-mail address instead of writing it, and tells each of the project\'s teachers, nobody else', async () => {
    const pupil = member('pupil-admin');
    const outcome = await write(pupil, 'Hi! Write to me at lucia.romero@example.com after school');
    expect(outcome).toMatchObject({ outcome: 'held', held: { surface: 'home-post', kinds: ['email'], status: 'held' } });
    const heldId = (outcome as { held: { heldId: string } }).held.heldId;

    const item = await heldItem(pupil, heldId);
    expect(item).toMatchObject({ status: 'held', authorId: pupil.userId, authorName: 'Lucía', authorType: 'pupil-admin', kinds: ['email'], draft: { body: expect.stringContaining('lucia.romero@example.com') } });

    for (const teacher of [member('teacher-admin'), space.secondFounder, member('member-teacher')]) {
      const told = await notices(teacher.userId!, 'pupil-text-held', heldId);
      expect(told, teacher.name).toHaveLength(1);
      expect(told[0]).toMatchObject({ projectId: space.projectId, params: { heldId, surface: 'home-post', kinds: 'email', projectTitle: 'Moderated rivers' } });
    }
    for (const other of [member('pupil-admin'), member('pupil-member'), member('visitor')]) {
      expect(await notices(other.userId!, 'pupil-text-held', heldId), other.name).toHaveLength(0);
    }
  });

  it('lets a pupil\'s harmless text through, numbers and all: nothing is held', async () => {
    const pupil = member('pupil-member');
    expect(await write(pupil, 'We measured 12.5 °C at 10:30 near the bridge, 3 km from school.')).toEqual({ outcome: 'publish' });
    const mine = await apiGet(endpoints, `${moderation()}/mine`, pupil.idToken);
    expect(mine.status).toBe(200);
    expect(JSON.stringify(mine.body)).not.toContain('12.5');
  });

  it('never holds a teacher\'s text: where pupils read, a warning (409 PERSONAL_DATA_WARNING) until acknowledged; elsewhere no warning', async () => {
    const teacher = member('member-teacher');
    const before = (await apiGet(endpoints, moderation(), teacher.idToken)).body.held.length;
    const warned = await write(teacher, 'Parents can reach me at eva.teacher@example.com').catch((error: unknown) => error);
    expect(warned).toBeInstanceOf(HttpError);
    expect(warned).toMatchObject({ code: 'PERSONAL_DATA_WARNING', statusCode: 409, details: [{ field: 'body', message: 'email' }] });
    expect(await write(teacher, 'Parents can reach me at eva.teacher@example.com', { acknowledge: true })).toEqual({ outcome: 'publish' });
    expect(await write(teacher, 'My colleague is at eva.teacher@example.com', { pupilsRead: false })).toEqual({ outcome: 'publish' });
    expect((await apiGet(endpoints, moderation(), teacher.idToken)).body.held).toHaveLength(before);
  });

  it('reads the other pupils\' surnames and the project\'s countries and settings as the guard\'s context', async () => {
    const context = await guardContextOf(store, await project(), member('pupil-member').userId!);
    expect(context.otherPupilSurnames).toContain('Romero');
    expect(context.otherPupilSurnames).not.toContain('Ortega');
    // Ana (ES) and Luc (FR) founded it; Eva (IT) joined as a partner teacher.
    expect([...context.countries].sort()).toEqual(['ES', 'FR', 'IT']);
  });
});

describe('the queue and a pupil\'s own held texts', () => {
  it('shows the queue, oldest first with the texts and what was found, to the project\'s teachers only', async () => {
    const first = await held(member('pupil-member'));
    const second = await held(member('pupil-admin'));
    for (const teacher of [member('teacher-admin'), member('member-teacher')]) {
      const answer = await apiGet(endpoints, moderation(), teacher.idToken);
      expect(answer.status, teacher.name).toBe(200);
      const ids = answer.body.held.map((entry: { heldId: string }) => entry.heldId);
      expect(ids.indexOf(first)).toBeGreaterThanOrEqual(0);
      expect(ids.indexOf(first)).toBeLessThan(ids.indexOf(second));
      const entry = answer.body.held.find((candidate: { heldId: string }) => candidate.heldId === first);
      const [field] = entry.fields;
      expect(field.field).toBe('body');
      expect(field.text.slice(field.findings[0].start, field.findings[0].end)).toMatch(/^pupil\.[a-z0-9]+@example\.com$/);
      expect(entry).not.toHaveProperty('draft');
    }
    for (const refused of [member('pupil-admin'), member('pupil-member'), member('visitor'), ...space.outsiders]) {
      const answer = await apiGet(endpoints, moderation(), refused.idToken);
      expect([401, 403], refused.name).toContain(answer.status);
    }
  });

  it('shows a pupil their own held texts only, of one surface when asked', async () => {
    const lucia = member('pupil-admin');
    const pablo = member('pupil-member');
    const hers = await held(lucia, 'My number is on my bag: lucia@example.org', { surface: 'chat-message' });
    const his = await held(pablo);
    const mine = await apiGet(endpoints, `${moderation()}/mine`, lucia.idToken);
    expect(mine.status).toBe(200);
    const ids = mine.body.items.map((item: { heldId: string }) => item.heldId);
    expect(ids).toContain(hers);
    expect(ids).not.toContain(his);
    expect(mine.body.items.every((item: { authorId: string }) => item.authorId === lucia.userId)).toBe(true);
    const chat = await apiGet(endpoints, `${moderation()}/mine?surface=chat-message`, lucia.idToken);
    expect(chat.body.items.map((item: { heldId: string }) => item.heldId)).toEqual([hers]);
    expect((await apiGet(endpoints, `${moderation()}/mine`, member('visitor').idToken)).status).toBe(403);
  });
});

describe('deciding', () => {
  it('delete: nothing published, the pupil\'s words dropped, who/when/what kept with the project, the pupil told', async () => {
    const pupil = member('pupil-member');
    const heldId = await held(pupil, 'Text me, I am at pablo.o@example.com');
    const eva = member('member-teacher');
    const answer = await apiSend(endpoints, 'POST', `${moderation()}/${heldId}/delete`, eva.idToken);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toMatchObject({ heldId, status: 'deleted', decidedBy: eva.userId, kinds: ['email'] });

    const item = await heldItem(pupil, heldId);
    expect(item).toMatchObject({ status: 'deleted', surface: 'home-post', kinds: ['email'], authorId: pupil.userId, decidedBy: eva.userId });
    expect(item!.decidedAt).toEqual(expect.any(String));
    expect(item).not.toHaveProperty('draft');
    expect(item).not.toHaveProperty('fields');
    expect(JSON.stringify(item)).not.toContain('pablo.o@example.com');

    const queue = await apiGet(endpoints, moderation(), member('teacher-admin').idToken);
    expect(queue.body.held.map((entry: { heldId: string }) => entry.heldId)).not.toContain(heldId);
    expect(queue.body.decided[0]).toMatchObject({ heldId, status: 'deleted', decidedBy: eva.userId });
    expect(JSON.stringify(queue.body.decided)).not.toContain('pablo.o@example.com');

    const told = await notices(pupil.userId!, 'pupil-text-decided', heldId);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ params: { outcome: 'deleted', heldId, surface: 'home-post' } });
    const mine = await apiGet(endpoints, `${moderation()}/mine`, pupil.idToken);
    expect(mine.body.items.find((entry: { heldId: string }) => entry.heldId === heldId)).toMatchObject({ status: 'deleted' });
  });

  it('two teachers deciding at once: exactly one wins, the other gets 409, the pupil is told once', async () => {
    const pupil = member('pupil-admin');
    const heldId = await held(pupil);
    const answers = await Promise.all(
      [member('teacher-admin'), space.secondFounder, member('member-teacher')].map((teacher) => apiSend(endpoints, 'POST', `${moderation()}/${heldId}/delete`, teacher.idToken)),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409, 409]);
    expect(await notices(pupil.userId!, 'pupil-text-decided', heldId)).toHaveLength(1);
    // Once decided, it stays decided: a later decision is refused too.
    expect((await apiSend(endpoints, 'POST', `${moderation()}/${heldId}/release`, member('teacher-admin').idToken, {})).status).toBe(409);
  });

  it('a release whose target is gone answers 409 with the reason and changes nothing', async () => {
    const pupil = member('pupil-member');
    const heldId = await held(pupil, 'Reply: my mum is at mum.of.pablo@example.com', { surface: 'forum-reply', target: { threadId: ulid() } });
    const answer = await apiSend(endpoints, 'POST', `${moderation()}/${heldId}/release`, member('teacher-admin').idToken, {});
    expect(answer.status).toBe(409);
    expect(answer.body.error.details).toEqual([{ field: 'reason', message: 'gone' }]);
    expect(await heldItem(pupil, heldId)).toMatchObject({ status: 'held', draft: { body: expect.stringContaining('mum.of.pablo@example.com') } });
    expect(await heldItem(pupil, heldId)).not.toHaveProperty('claimId');
    expect(await notices(pupil.userId!, 'pupil-text-decided', heldId)).toHaveLength(0);
    const queue = await apiGet(endpoints, moderation(), member('teacher-admin').idToken);
    expect(queue.body.held.map((entry: { heldId: string }) => entry.heldId)).toContain(heldId);
  });

  it('refuses an edit of a field the text does not have (400), an unknown id (404), and pupils and visitors (403)', async () => {
    const heldId = await held(member('pupil-member'));
    const teacher = member('teacher-admin').idToken;
    expect((await apiSend(endpoints, 'POST', `${moderation()}/${heldId}/release`, teacher, { fields: [{ field: 'title', text: 'Hello' }] })).status).toBe(400);
    expect((await apiSend(endpoints, 'POST', `${moderation()}/${ulid()}/delete`, teacher)).status).toBe(404);
    for (const refused of [member('pupil-admin'), member('pupil-member'), member('visitor')]) {
      expect((await apiSend(endpoints, 'POST', `${moderation()}/${heldId}/delete`, refused.idToken)).status, refused.name).toBe(403);
    }
    expect((await heldItem(member('pupil-member'), heldId))?.status).toBe('held');
  });
});

describe('the pupil guard\'s settings', () => {
  afterAll(async () => {
    await apiSend(endpoints, 'PUT', `${moderation()}/settings`, member('teacher-admin').idToken, { allowAccountLinks: false, allowHandles: false });
  });

  it('are set by a teacher administrator only, shown with the queue and read by the guard', async () => {
    for (const refused of [member('member-teacher'), member('pupil-admin'), member('visitor')]) {
      expect((await apiSend(endpoints, 'PUT', `${moderation()}/settings`, refused.idToken, { allowAccountLinks: true, allowHandles: true })).status, refused.name).toBe(403);
    }
    expect((await apiGet(endpoints, moderation(), member('teacher-admin').idToken)).body.settings).toEqual({ allowAccountLinks: false, allowHandles: false });
    const set = await apiSend(endpoints, 'PUT', `${moderation()}/settings`, member('teacher-admin').idToken, { allowAccountLinks: true, allowHandles: false });
    expect(set.status).toBe(200);
    expect((await apiGet(endpoints, moderation(), member('member-teacher').idToken)).body.settings).toEqual({ allowAccountLinks: true, allowHandles: false });
    const context = await guardContextOf(store, await project(), member('pupil-admin').userId!);
    expect(context).toMatchObject({ allowAccountLinks: true, allowHandles: false });
  });
});

describe('a pupil\'s privacy', () => {
  it('lists their held texts in their export, and erases them with the pupil whatever the choice', async () => {
    const created = await apiSend(endpoints, 'POST', `/projects/${space.projectId}/members`, member('teacher-admin').idToken, {
      pupil: { displayName: 'Noa Quellwasser' },
      type: 'pupil-member',
    });
    expect(created.status).toBe(201);
    const noa: TwinspaceCaller = {
      name: 'Noa',
      type: 'pupil-member',
      userId: created.body.member.userId,
      idToken: await firstPupilSignIn(endpoints, created.body.member.username, created.body.oneTimePassword),
    };
    const waiting = await held(noa, 'noa.q@example.com is me', { displayName: 'Noa Quellwasser' });
    const decided = await held(noa, 'noa.q@example.com again', { displayName: 'Noa Quellwasser' });
    expect((await apiSend(endpoints, 'POST', `${moderation()}/${decided}/delete`, member('teacher-admin').idToken)).status).toBe(200);

    const exported = await fetch(`${endpoints.api}/me/export`, { headers: { authorization: `Bearer ${noa.idToken}` } });
    const written = ((await exported.json()) as { written: { entity?: string; heldId?: string }[] }).written.filter((item) => item.entity === 'heldText');
    expect(written.map((item) => item.heldId).sort()).toEqual([waiting, decided].sort());

    const erased = await apiSend(endpoints, 'POST', `/people/${noa.userId}/erasure`, member('teacher-admin').idToken, { mode: 'keep' });
    expect(erased.status, JSON.stringify(erased.body)).toBe(200);
    expect(await heldItem(noa, waiting)).toBeUndefined();
    expect(await heldItem(noa, decided)).toBeUndefined();
    // The teachers' notices named her: they go too.
    expect(await notices(member('teacher-admin').userId!, 'pupil-text-held', waiting)).toHaveLength(0);
  });
});
