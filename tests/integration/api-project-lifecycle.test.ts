/**
 * The project lifecycle of DOMAIN.md through the real HTTP API: create with a
 * partner → accept or decline → each founder country's NSS approves (or
 * rejects with a reason → edit → resubmit) → the TwinSpace opens with both
 * founders as teacher administrators, in the table and in Cognito → close →
 * reopen. And every refused step: 403 for the wrong caller, 409 for the wrong
 * state, 400 naming the field. Each test makes its own projects.
 */
import { AdminListGroupsForUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { UserProfile } from '../../functions/data/users.ts';
import { apiGet, apiSend, demoProjectId, demoToken, type ApiAnswer } from '../support/clients.ts';
import { newTestAccount } from '../support/accounts.ts';

const endpoints = inject('endpoints');
const cognito = new CognitoIdentityProviderClient({
  endpoint: endpoints.cognito.endpoint,
  region: endpoints.region,
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});
afterAll(() => cognito.destroy());

const ana = 'ana@demo.twinspace';
const luc = 'luc@demo.twinspace';
const eva = 'eva@demo.twinspace';
const nssEs = 'nss.es@demo.twinspace';
const nssFr = 'nss.fr@demo.twinspace';
const token = (username: string) => demoToken(endpoints, username);

const details = (title: string) => ({
  title,
  description: 'Pupils compare the birds they see from their classroom windows.',
  subjects: ['science'],
  ages: { min: 10, max: 12 },
  languages: ['en', 'fr'],
});

/** A new account with a profile in the table (kind, country), signed in. */
const newAccount = (kind: UserProfile['kind'], country: string, extra: Partial<UserProfile> = {}) => newTestAccount(endpoints, { kind, country, extra });

async function propose(creatorToken: string, partnerUsername: string, title = `Birds ${Date.now()}`) {
  const created = await apiSend(endpoints, 'POST', '/projects', creatorToken, { ...details(title), partnerUsername });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

/** Every page of my country's pending list. */
async function pendingFor(nssToken: string): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  do {
    const page: ApiAnswer = await apiGet(endpoints, `/nss/projects?state=pending-approval&limit=100${cursor ? `&cursor=${cursor}` : ''}`, nssToken);
    expect(page.status).toBe(200);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}

async function groupsOf(username: string): Promise<string[]> {
  const listed = await cognito.send(new AdminListGroupsForUserCommand({ UserPoolId: endpoints.cognito.userPoolId, Username: username }));
  return (listed.Groups ?? []).map((group) => group.GroupName!);
}

const refusal = (answer: ApiAnswer, status: number, message?: RegExp) => {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  if (message) expect(answer.body.error.message).toMatch(message);
};

describe('the whole lifecycle: Ana proposes with Luc, both NSS approve, Ana closes and Luc reopens', () => {
  it('walks proposed → pending-approval → approved → closed → approved', async () => {
    const title = `Rivers ${Date.now()}`;
    const proposed = await propose(await token(ana), luc, title);
    const projectId = proposed.projectId;
    expect(proposed).toMatchObject({
      title,
      state: 'proposed',
      founders: [{ displayName: 'Ana García', country: 'ES' }],
      invitedPartner: { displayName: 'Luc Moreau', country: 'FR' },
      approvals: [],
      myType: null,
      myActions: ['edit'],
      version: 1,
    });
    expect(proposed.founders[0]).not.toHaveProperty('email');

    // Luc sees the invitation on his desktop; Ana sees her project, proposed, with no type yet.
    const lucMe = await apiGet(endpoints, '/me', await token(luc));
    expect(lucMe.body.invitations).toContainEqual({ projectId, title, description: proposed.description, invitedBy: { displayName: 'Ana García', country: 'ES' } });
    const anaMe = await apiGet(endpoints, '/me', await token(ana));
    expect(anaMe.body.projects).toContainEqual({ projectId, title, state: 'proposed', type: null, founder: true });
    expect((await apiGet(endpoints, `/projects/${projectId}`, await token(luc))).body.myActions).toEqual(['accept', 'decline']);
    expect((await pendingFor(await token(nssEs))).map((item) => item.projectId)).not.toContain(projectId);

    const accepted = await apiSend(endpoints, 'POST', `/projects/${projectId}/acceptance`, await token(luc), { accept: true });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      state: 'pending-approval',
      approvals: [
        { country: 'ES', state: 'pending', reason: null },
        { country: 'FR', state: 'pending', reason: null },
      ],
    });
    expect(accepted.body.founders.map((founder: { displayName: string }) => founder.displayName)).toEqual(['Ana García', 'Luc Moreau']);
    const lucAfter = await apiGet(endpoints, '/me', await token(luc));
    expect(lucAfter.body.invitations.map((invitation: { projectId: string }) => invitation.projectId)).not.toContain(projectId);
    expect(lucAfter.body.projects).toContainEqual({ projectId, title, state: 'pending-approval', type: null, founder: true });

    // Each NSS sees it in its list, with the founders.
    const esList = await pendingFor(await token(nssEs));
    expect(esList.find((item) => item.projectId === projectId)).toMatchObject({
      title,
      description: details(title).description,
      state: 'pending-approval',
      country: 'ES',
      founders: [{ displayName: 'Ana García' }, { displayName: 'Luc Moreau' }],
    });
    const submitted = esList.map((item) => item.submittedAt);
    expect(submitted).toEqual([...submitted].sort());

    const spain = await apiSend(endpoints, 'POST', `/projects/${projectId}/approval`, await token(nssEs), { approve: true });
    expect(spain.status).toBe(200);
    expect(spain.body.state).toBe('pending-approval');
    expect(spain.body.approvals).toMatchObject([
      { country: 'ES', state: 'approved' },
      { country: 'FR', state: 'pending' },
    ]);
    expect((await pendingFor(await token(nssEs))).map((item) => item.projectId)).not.toContain(projectId);
    expect((await pendingFor(await token(nssFr))).map((item) => item.projectId)).toContain(projectId);
    refusal(await apiSend(endpoints, 'POST', `/projects/${projectId}/approval`, await token(nssEs), { approve: true }), 409, /already decided/);

    const france = await apiSend(endpoints, 'POST', `/projects/${projectId}/approval`, await token(nssFr), { approve: true });
    expect(france.status).toBe(200);
    expect(france.body.state).toBe('approved');
    expect((await pendingFor(await token(nssFr))).map((item) => item.projectId)).not.toContain(projectId);

    // The TwinSpace is open with both founders as teacher administrators, in the table and in Cognito.
    const members = await apiGet(endpoints, `/projects/${projectId}/members`, await token(ana));
    expect(members.status).toBe(200);
    expect(members.body.items.map((member: { displayName: string; type: string }) => [member.displayName, member.type]).sort()).toEqual([
      ['Ana García', 'teacher-admin'],
      ['Luc Moreau', 'teacher-admin'],
    ]);
    expect(await groupsOf(ana)).toContain('teacher-admin');
    expect(await groupsOf(luc)).toContain('teacher-admin');
    const anaApproved = await apiGet(endpoints, '/me', await token(ana));
    expect(anaApproved.body.projects).toContainEqual({ projectId, title, state: 'approved', type: 'teacher-admin', founder: true });
    const notifications = await apiGet(endpoints, '/me/notifications', await token(luc));
    expect(notifications.body.items).toContainEqual(expect.objectContaining({ topic: 'project-approved', title: `“${title}” is approved` }));

    // Ana closes: read-only for everyone, nothing deleted.
    const closed = await apiSend(endpoints, 'POST', `/projects/${projectId}/close`, await token(ana));
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ state: 'closed', myType: 'teacher-admin', myActions: ['reopen'] });
    refusal(await apiSend(endpoints, 'POST', `/projects/${projectId}/close`, await token(ana)), 409, /already closed/);
    refusal(await apiSend(endpoints, 'POST', `/projects/${projectId}/members`, await token(ana), { username: eva, type: 'member-teacher' }), 409);
    expect((await apiGet(endpoints, `/projects/${projectId}/members`, await token(luc))).body.items).toHaveLength(2);
    expect((await apiGet(endpoints, '/me', await token(luc))).body.projects).toContainEqual({
      projectId,
      title,
      state: 'closed',
      type: 'teacher-admin',
      founder: true,
    });

    const reopened = await apiSend(endpoints, 'POST', `/projects/${projectId}/reopen`, await token(luc));
    expect(reopened.status).toBe(200);
    expect(reopened.body.state).toBe('approved');
    refusal(await apiSend(endpoints, 'POST', `/projects/${projectId}/reopen`, await token(luc)), 409, /already open/);
  });
});

describe('declining', () => {
  it('deletes the project and tells the creator who declined', async () => {
    const title = `Declined ${Date.now()}`;
    const { projectId } = await propose(await token(ana), luc, title);
    const declined = await apiSend(endpoints, 'POST', `/projects/${projectId}/acceptance`, await token(luc), { accept: false });
    expect(declined.status).toBe(200);
    expect(declined.body).toEqual({ projectId, state: 'deleted' });

    refusal(await apiGet(endpoints, `/projects/${projectId}`, await token(ana)), 404);
    const anaMe = await apiGet(endpoints, '/me', await token(ana));
    expect(anaMe.body.projects.map((project: { projectId: string }) => project.projectId)).not.toContain(projectId);
    const lucMe = await apiGet(endpoints, '/me', await token(luc));
    expect(lucMe.body.invitations.map((invitation: { projectId: string }) => invitation.projectId)).not.toContain(projectId);
    const notifications = await apiGet(endpoints, '/me/notifications', await token(ana));
    const told = notifications.body.items.find((item: { title: string }) => item.title.includes(title));
    expect(told).toMatchObject({ topic: 'project-declined', title: `Luc Moreau declined “${title}”` });
    // Answering again: the project is gone.
    refusal(await apiSend(endpoints, 'POST', `/projects/${projectId}/acceptance`, await token(luc), { accept: true }), 404);
  });
});

describe('rejection, edit, resubmission', () => {
  it('rejects with a reason, lets the founders edit and resubmit, then opens the TwinSpace and syncs their groups', async () => {
    const spaniard = await newAccount('teacher', 'ES');
    const frenchman = await newAccount('teacher', 'FR');
    expect(await groupsOf(spaniard.username)).toEqual([]);
    const title = `Rejected ${Date.now()}`;
    const { projectId } = await propose(spaniard.idToken, frenchman.username, title);
    expect((await apiSend(endpoints, 'POST', `/projects/${projectId}/acceptance`, frenchman.idToken, { accept: true })).status).toBe(200);

    // A rejection needs a reason.
    const noReason = await apiSend(endpoints, 'POST', `/projects/${projectId}/approval`, await token(nssFr), { approve: false, reason: '  ' });
    refusal(noReason, 400);
    expect(noReason.body.error.details.map((detail: { field: string }) => detail.field)).toEqual(['body.reason']);

    const reason = 'The age range does not match the planned activities.';
    const rejected = await apiSend(endpoints, 'POST', `/projects/${projectId}/approval`, await token(nssFr), { approve: false, reason });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ state: 'rejected', rejectionReason: reason });
    expect(rejected.body.approvals).toContainEqual(expect.objectContaining({ country: 'FR', state: 'rejected', reason }));
    // Out of every NSS list; Spain can no longer decide; the founders are told.
    expect((await pendingFor(await token(nssEs))).map((item) => item.projectId)).not.toContain(projectId);
    refusal(await apiSend(endpoints, 'POST', `/projects/${projectId}/approval`, await token(nssEs), { approve: true }), 409, /pending approval/);
    const told = await apiGet(endpoints, '/me/notifications', spaniard.idToken);
    expect(told.body.items).toContainEqual(expect.objectContaining({ topic: 'project-rejected', body: expect.stringContaining(reason) }));

    // Edit: the version read, a stale one is refused and nothing is overwritten.
    const read = await apiGet(endpoints, `/projects/${projectId}`, frenchman.idToken);
    expect(read.body.myActions).toEqual(['edit', 'resubmit']);
    const newTitle = `${title} (ages 12-14)`;
    const edited = await apiSend(endpoints, 'PUT', `/projects/${projectId}`, frenchman.idToken, { title: newTitle, ages: { min: 12, max: 14 }, version: read.body.version });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: newTitle, ages: { min: 12, max: 14 }, version: read.body.version + 1, state: 'rejected' });
    refusal(await apiSend(endpoints, 'PUT', `/projects/${projectId}`, spaniard.idToken, { title: 'Lost edit', version: read.body.version }), 409, /changed since you read it/);
    expect((await apiGet(endpoints, `/projects/${projectId}`, spaniard.idToken)).body.title).toBe(newTitle);

    // Only founders resubmit; then every founder country's approval is pending again, under the new title.
    refusal(await apiSend(endpoints, 'POST', `/projects/${projectId}/resubmission`, await token(luc)), 403, /founders/);
    const resubmitted = await apiSend(endpoints, 'POST', `/projects/${projectId}/resubmission`, spaniard.idToken);
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body).toMatchObject({
      state: 'pending-approval',
      rejectionReason: null,
      approvals: [
        { country: 'ES', state: 'pending' },
        { country: 'FR', state: 'pending' },
      ],
    });
    refusal(await apiSend(endpoints, 'POST', `/projects/${projectId}/resubmission`, spaniard.idToken), 409, /Only a rejected project/);
    refusal(await apiSend(endpoints, 'PUT', `/projects/${projectId}`, spaniard.idToken, { title: 'Too late', version: resubmitted.body.version }), 409, /proposed or rejected/);
    expect((await pendingFor(await token(nssEs))).find((item) => item.projectId === projectId)?.title).toBe(newTitle);

    expect((await apiSend(endpoints, 'POST', `/projects/${projectId}/approval`, await token(nssFr), { approve: true })).body.state).toBe('pending-approval');
    expect((await apiSend(endpoints, 'POST', `/projects/${projectId}/approval`, await token(nssEs), { approve: true })).body.state).toBe('approved');
    expect(await groupsOf(spaniard.username)).toEqual(['teacher-admin']);
    expect(await groupsOf(frenchman.username)).toEqual(['teacher-admin']);
    const me = await apiGet(endpoints, '/me', frenchman.idToken);
    expect(me.body.projects).toEqual([{ projectId, title: newTitle, state: 'approved', type: 'teacher-admin', founder: true }]);
  });
});

describe('refused steps say why', () => {
  it('lets only validated teachers create a project', async () => {
    refusal(await apiSend(endpoints, 'POST', '/projects', await token('pupil.marta'), { ...details('Pupil project'), partnerUsername: luc }), 403, /Only teachers/);
    refusal(await apiSend(endpoints, 'POST', '/projects', await token(nssEs), { ...details('NSS project'), partnerUsername: luc }), 403, /Only teachers/);
    const waiting = await newAccount('teacher', 'ES', { validated: false });
    refusal(await apiSend(endpoints, 'POST', '/projects', waiting.idToken, { ...details('Too early'), partnerUsername: luc }), 403, /awaits validation by your NSS/);
  });

  it('wants a known partner teacher of another country (400 on partnerUsername)', async () => {
    const colleague = await newAccount('teacher', 'ES');
    const cases: [string, RegExp][] = [
      [colleague.username, /another country/],
      [`nobody.${Date.now()}@example.org`, /No account/],
      ['guest@demo.twinspace', /must be a teacher/],
      [ana, /your own partner/],
    ];
    for (const [partnerUsername, why] of cases) {
      const answer = await apiSend(endpoints, 'POST', '/projects', await token(ana), { ...details(`Partner ${Date.now()}`), partnerUsername });
      refusal(answer, 400);
      expect(answer.body.error.details).toEqual([{ field: 'body.partnerUsername', message: expect.stringMatching(why) }]);
    }
  });

  it('names every missing or wrong field', async () => {
    const empty = await apiSend(endpoints, 'POST', '/projects', await token(ana), {});
    refusal(empty, 400);
    expect(empty.body.error.details.map((detail: { field: string }) => detail.field).sort()).toEqual(
      ['body.ages', 'body.description', 'body.languages', 'body.partnerUsername', 'body.subjects', 'body.title'],
    );
    const wrong = await apiSend(endpoints, 'POST', '/projects', await token(ana), {
      ...details(' '),
      ages: { min: 14, max: 12 },
      languages: ['English'],
      partnerUsername: luc,
    });
    refusal(wrong, 400);
    expect(wrong.body.error.details.map((detail: { field: string }) => detail.field).sort()).toEqual(['body.ages.max', 'body.languages.0', 'body.title']);
    refusal(await apiSend(endpoints, 'POST', `/projects/${'0'.repeat(26)}/acceptance`, await token(luc), { accept: 'yes' }), 400);
  });

  it('lets only the invited partner answer, once', async () => {
    const { projectId } = await propose(await token(ana), luc);
    refusal(await apiSend(endpoints, 'POST', `/projects/${projectId}/acceptance`, await token(eva), { accept: true }), 403, /invited partner/);
    refusal(await apiSend(endpoints, 'POST', `/projects/${projectId}/acceptance`, await token(ana), { accept: false }), 403, /invited partner/);
    refusal(await apiSend(endpoints, 'POST', `/projects/${projectId}/approval`, await token(nssEs), { approve: true }), 409, /pending approval/);
    refusal(await apiGet(endpoints, `/projects/${projectId}`, await token(eva)), 403);
    // The NSS of the founder's country reads it; the invited partner's country becomes a partner country on acceptance.
    expect((await apiGet(endpoints, `/projects/${projectId}`, await token(nssEs))).status).toBe(200);
    refusal(await apiGet(endpoints, `/projects/${projectId}`, await token(nssFr)), 403);

    expect((await apiSend(endpoints, 'POST', `/projects/${projectId}/acceptance`, await token(luc), { accept: true })).status).toBe(200);
    refusal(await apiSend(endpoints, 'POST', `/projects/${projectId}/acceptance`, await token(luc), { accept: true }), 409, /already answered/);
    refusal(await apiSend(endpoints, 'POST', `/projects/${projectId}/acceptance`, await token(luc), { accept: false }), 409, /already answered/);
    expect((await apiGet(endpoints, `/projects/${projectId}`, await token(nssFr))).status).toBe(200);
    // Founders are not teacher administrators before approval.
    refusal(await apiSend(endpoints, 'POST', `/projects/${projectId}/close`, await token(ana)), 403, /teacher administrators/);
  });

  it('lets only the NSS of a founder country decide', async () => {
    const { projectId } = await propose(await token(ana), luc);
    await apiSend(endpoints, 'POST', `/projects/${projectId}/acceptance`, await token(luc), { accept: true });
    const italianNss = await newAccount('nss', 'IT');
    refusal(await apiSend(endpoints, 'POST', `/projects/${projectId}/approval`, italianNss.idToken, { approve: true }), 403, /NSS of a founder's country/);
    refusal(await apiSend(endpoints, 'POST', `/projects/${projectId}/approval`, await token(ana), { approve: true }), 403);
    refusal(await apiSend(endpoints, 'POST', `/projects/${projectId}/approval`, await token('eval.es@demo.twinspace'), { approve: true }), 403);
    refusal(await apiGet(endpoints, `/projects/${projectId}`, italianNss.idToken), 403);
    expect((await pendingFor(italianNss.idToken)).map((item) => item.projectId)).not.toContain(projectId);
  });

  it("refuses closing and reopening the demo project to the wrong role or state, leaving it approved", async () => {
    const demo = await demoProjectId(endpoints);
    refusal(await apiSend(endpoints, 'POST', `/projects/${demo}/close`, await token(eva)), 403, /teacher administrators/);
    refusal(await apiSend(endpoints, 'POST', `/projects/${demo}/close`, await token('pupil.marta')), 403);
    refusal(await apiSend(endpoints, 'POST', `/projects/${demo}/reopen`, await token(ana)), 409, /already open/);
    refusal(await apiSend(endpoints, 'PUT', `/projects/${demo}`, await token(ana), { title: 'New', version: 1 }), 409, /proposed or rejected/);
    refusal(await apiSend(endpoints, 'POST', `/projects/${'0'.repeat(26)}/close`, await token(ana)), 404);
    expect((await apiGet(endpoints, `/projects/${demo}`, await token(ana))).body.state).toBe('approved');
  });

  it('serves the NSS list to NSS officers only, with validated cursors', async () => {
    refusal(await apiGet(endpoints, '/nss/projects', await token(ana)), 403, /NSS/);
    const wrongState = await apiGet(endpoints, '/nss/projects?state=approved', await token(nssEs));
    refusal(wrongState, 400);
    expect(wrongState.body.error.details[0].field).toBe('query.state');
    for (const cursor of ['not-a-cursor!', Buffer.from('{"PK":"USER#x","SK":"PROFILE"}').toString('base64url')]) {
      const tampered = await apiGet(endpoints, `/nss/projects?cursor=${encodeURIComponent(cursor)}`, await token(nssEs));
      refusal(tampered, 400);
      expect(tampered.body.error.details[0].field).toBe('query.cursor');
    }
    // France's cursor does not open Spain's list.
    const two = [await propose(await token(ana), luc), await propose(await token(ana), luc)];
    for (const { projectId } of two) await apiSend(endpoints, 'POST', `/projects/${projectId}/acceptance`, await token(luc), { accept: true });
    const first = await apiGet(endpoints, '/nss/projects?limit=1', await token(nssFr));
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    refusal(await apiGet(endpoints, `/nss/projects?limit=1&cursor=${first.body.nextCursor}`, await token(nssEs)), 400);
    const second = await apiGet(endpoints, `/nss/projects?limit=1&cursor=${first.body.nextCursor}`, await token(nssFr));
    expect(second.status).toBe(200);
    expect(second.body.items[0].projectId).not.toBe(first.body.items[0].projectId);
    expect(second.body.items[0].submittedAt >= first.body.items[0].submittedAt).toBe(true);
  });
});

describe('concurrent edits of the same version', () => {
  it('saves exactly one of 8 edits sent at once with the same version; the other 7 get 409', async () => {
    const { projectId, version } = await propose(await token(ana), luc, `Race ${Date.now()}`);
    const anaToken = await token(ana);
    const titles = Array.from({ length: 8 }, (_, index) => `Race edit ${index} ${Date.now()}`);
    const answers = await Promise.all(titles.map((title) => apiSend(endpoints, 'PUT', `/projects/${projectId}`, anaToken, { title, version })));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses, JSON.stringify(answers.map((answer) => answer.body))).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    for (const refused of answers.filter((answer) => answer.status === 409)) expect(refused.body.error.message).toMatch(/changed since you read it/);
    const saved = answers.find((answer) => answer.status === 200)!;
    const stored = await apiGet(endpoints, `/projects/${projectId}`, anaToken);
    expect(stored.body).toMatchObject({ title: saved.body.title, version: version + 1 });
  });
});
