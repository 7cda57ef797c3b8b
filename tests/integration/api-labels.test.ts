/**
 * Quality Label applications through the real API (DOMAIN.md, "Quality
 * Labels"): a teacher of the project applies, the application waits for the
 * evaluators of their country (the digest's list and GET /evaluations), and
 * the rules refuse what they must. Applicants are fresh teachers of their own
 * country (DE), so the demo teachers' yearly quota and Spain's digest stay as
 * other tests expect them.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { labelKeys } from '../../functions/data/keys.ts';
import { listWaitingLabelApplications } from '../../functions/data/labels.ts';
import { composeDigest } from '../../functions/domain/digest.ts';
import { newTestAccount } from '../support/accounts.ts';
import { apiGet, apiSend, demoToken, tableStoreOf } from '../support/clients.ts';
import { labelApplicationForm } from '../support/labels.ts';
import { newTwinspace, type TestTwinspace } from '../support/twinspace.ts';

const endpoints = inject('endpoints');
const store = tableStoreOf(endpoints);
const country = 'DE';

type Teacher = Awaited<ReturnType<typeof newTestAccount>>;

let space: TestTwinspace;
let ana: string;

/** A fresh teacher of `country`, a member teacher of the project (added by Ana, its teacher administrator). */
async function memberTeacher(projectId: string, teacher?: Teacher): Promise<Teacher> {
  const account = teacher ?? (await newTestAccount(endpoints, { kind: 'teacher', country, displayName: 'Greta Lang' }));
  const added = await apiSend(endpoints, 'POST', `/projects/${projectId}/members`, ana, { username: account.username, type: 'member-teacher' });
  expect(added.status, JSON.stringify(added.body)).toBe(201);
  return account;
}

/** An approved project of Ana and Luc, made the way users make one (no pupils: quicker than newTwinspace). */
async function approvedProject(title: string): Promise<string> {
  const created = await apiSend(endpoints, 'POST', '/projects', ana, {
    title,
    description: 'Pupils compare the birds of their towns.',
    subjects: ['biology'],
    ages: { min: 9, max: 11 },
    languages: ['en'],
    partnerUsername: 'luc@demo.twinspace',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const projectId: string = created.body.projectId;
  for (const [who, path, body] of [
    ['luc@demo.twinspace', 'acceptance', { accept: true }],
    ['nss.es@demo.twinspace', 'approval', { approve: true }],
    ['nss.fr@demo.twinspace', 'approval', { approve: true }],
  ] as const) {
    const answer = await apiSend(endpoints, 'POST', `/projects/${projectId}/${path}`, await demoToken(endpoints, who), body);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  }
  return projectId;
}

const apply = (projectId: string, idToken: string | undefined, extra: Record<string, unknown> = {}) =>
  apiSend(endpoints, 'POST', `/projects/${projectId}/labels`, idToken, labelApplicationForm(projectId, extra));

beforeAll(async () => {
  space = await newTwinspace(endpoints, 'Labels: birds and rivers');
  ana = space.members['teacher-admin'].idToken!;
});

describe('applying for a Quality Label', () => {
  let greta: Teacher;
  let labelId: string;

  it('a teacher of the project applies; the application waits for the evaluators of their country', async () => {
    greta = await memberTeacher(space.projectId);
    const applied = await apply(space.projectId, greta.idToken);
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    expect(applied.body).toMatchObject({
      projectId: space.projectId,
      projectTitle: 'Labels: birds and rivers',
      applicantId: greta.userId,
      applicantName: 'Greta Lang',
      country,
      status: 'waiting',
    });
    labelId = applied.body.labelId;

    // What the daily digest reads and says for the evaluators of DE.
    const waiting = await listWaitingLabelApplications(store, country);
    expect(waiting.map((application) => application.labelId)).toContain(labelId);
    const digest = composeDigest({ country, applications: waiting, now: new Date() });
    expect(digest?.text).toContain('Labels: birds and rivers — Greta Lang, waiting 0 days');
  });

  it("the project's teachers see the application; pupils and visitors do not", async () => {
    const listed = await apiGet(endpoints, `/projects/${space.projectId}/labels`, ana);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((application: { labelId: string }) => application.labelId)).toContain(labelId);
    expect(listed.body.items[0].evidence.results.text).toContain('results');
    for (const type of ['pupil-admin', 'pupil-member', 'visitor'] as const) {
      expect((await apiGet(endpoints, `/projects/${space.projectId}/labels`, space.members[type].idToken)).status, type).toBe(403);
    }
  });

  it('refuses a declaration answered no, naming it', async () => {
    const other = await memberTeacher(space.projectId);
    const form = labelApplicationForm(space.projectId);
    const answer = await apiSend(endpoints, 'POST', `/projects/${space.projectId}/labels`, other.idToken, {
      ...form,
      eligibility: { ...form.eligibility, finished: false },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.details).toEqual([{ field: 'body.eligibility.finished', message: 'Must be yes (true) to apply.' }]);
  });

  it('refuses an evidence link a browser would read as another site, naming it, and stores nothing', async () => {
    const other = await memberTeacher(space.projectId);
    const form = labelApplicationForm(space.projectId);
    for (const link of ['/\\evil.example', '//evil.example', 'javascript:alert(1)', 'http://example.org/']) {
      const answer = await apiSend(endpoints, 'POST', `/projects/${space.projectId}/labels`, other.idToken, {
        ...form,
        evidence: { ...form.evidence, results: { text: 'Our results.', links: [link] } },
      });
      expect(answer.status, link).toBe(400);
      expect(answer.body.error.details.map((detail: { field: string }) => detail.field), link).toEqual(['body.evidence.results.links.0']);
    }
    const mine = await apiGet(endpoints, `/projects/${space.projectId}/labels`, other.idToken);
    expect(mine.body.items.filter((item: { applicantId: string }) => item.applicantId === other.userId)).toEqual([]);
  });

  it('refuses a second open application of the same teacher for the same project', async () => {
    const again = await apply(space.projectId, greta.idToken);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already have an open application for this project/);
  });

  it('refuses pupils and teachers who are not members', async () => {
    expect((await apply(space.projectId, space.members['pupil-admin'].idToken)).status).toBe(403);
    expect((await apply(space.projectId, space.members['pupil-member'].idToken)).status).toBe(403);
    const stranger = await newTestAccount(endpoints, { kind: 'teacher', country });
    const refused = await apply(space.projectId, stranger.idToken);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
  });

  it('accepts an application for a closed project: it is finished, the moment DOMAIN.md advises', async () => {
    const late = await memberTeacher(space.projectId);
    expect((await apiSend(endpoints, 'POST', `/projects/${space.projectId}/close`, ana)).status).toBe(200);
    try {
      expect((await apply(space.projectId, late.idToken)).status).toBe(201);
    } finally {
      expect((await apiSend(endpoints, 'POST', `/projects/${space.projectId}/reopen`, ana)).status).toBe(200);
    }
  });

  it('pages the list with a validated cursor', async () => {
    const first = await apiGet(endpoints, `/projects/${space.projectId}/labels?limit=1`, ana);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await apiGet(endpoints, `/projects/${space.projectId}/labels?limit=1&cursor=${first.body.nextCursor}`, ana);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].labelId).not.toBe(first.body.items[0].labelId);
    const tampered = Buffer.from(JSON.stringify({ PK: 'PROJECT#someone-else', SK: 'LABEL#x' })).toString('base64url');
    expect((await apiGet(endpoints, `/projects/${space.projectId}/labels?cursor=${tampered}`, ana)).status).toBe(400);
  });
});

describe('at most four applications per teacher per school year', () => {
  it('refuses the fifth with a clear message', async () => {
    const busy = await memberTeacher(space.projectId);
    expect((await apply(space.projectId, busy.idToken)).status).toBe(201);
    for (let count = 2; count <= 4; count++) {
      const projectId = await approvedProject(`Birds ${count}`);
      await memberTeacher(projectId, busy);
      expect((await apply(projectId, busy.idToken)).status, `application ${count}`).toBe(201);
    }
    const fifthProject = await approvedProject('Birds 5');
    await memberTeacher(fifthProject, busy);
    const fifth = await apply(fifthProject, busy.idToken);
    expect(fifth.status).toBe(409);
    expect(fifth.body.error.message).toMatch(/already made 4 Quality Label applications in the school year \d{4}-\d{4}: at most 4 per teacher from 1 September to 31 August/);
    // Refused whole: nothing of the fifth was written.
    expect((await apiGet(endpoints, `/projects/${fifthProject}/labels`, ana)).body.items).toEqual([]);
  });
});

describe('applications sent at once', () => {
  it('of one teacher for one project: exactly one is accepted, the others meet the open application (409), and the year counts one', async () => {
    const eager = await memberTeacher(space.projectId);
    const answers = await Promise.all(Array.from({ length: 8 }, () => apply(space.projectId, eager.idToken)));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses, JSON.stringify(answers.map((answer) => answer.body))).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    for (const refused of answers.filter((answer) => answer.status === 409)) {
      expect(refused.body.error.message).toMatch(/already have an open application for this project|already applied for this project/);
    }
    const accepted = answers.find((answer) => answer.status === 201)!.body;

    // Refused whole: one application listed, one counted in the school year.
    const listed = await apiGet(endpoints, `/projects/${space.projectId}/labels?limit=100`, ana);
    expect(listed.body.items.filter((application: { applicantId: string }) => application.applicantId === eager.userId).map((application: { labelId: string }) => application.labelId)).toEqual([accepted.labelId]);
    const counter = await store.db.send(new GetCommand({ TableName: store.tableName, Key: labelKeys.yearlyCount(eager.userId, accepted.schoolYear) }));
    expect(counter.Item?.applications).toBe(1);
  });
});
