/**
 * Managing members through the real HTTP API: a teacher administrator creates
 * a pupil (who signs in with the one-time password and sets their own),
 * changes their type, resets their password and removes them, with the
 * Cognito groups following each change; adds a teacher from outside, who
 * becomes a partner; and every refusal says why.
 */
import {
  AdminListGroupsForUserCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addMembership, changeMembershipType, getMembership, removeMembership } from '../../functions/data/memberships.ts';
import { createProject, type Project } from '../../functions/data/projects.ts';
import { createUserProfile } from '../../functions/data/users.ts';
import type { TableStore } from '../../functions/data/store.ts';
import { syncTwinspaceGroups } from '../../functions/lib/identity.ts';
import { handlerEnv } from '../../infra/local/endpoints.ts';
import { meetsPasswordPolicy } from '../../functions/domain/membership-rules.ts';
import type { TwinspaceType } from '../../functions/domain/twinspace-types.ts';
import { apiGet, apiSend, demoProjectId, demoToken, subOf, tableStoreOf } from '../support/clients.ts';
import { newSignedInUser } from '../support/cognito-users.ts';

const endpoints = inject('endpoints');
const cognito = new CognitoIdentityProviderClient({
  endpoint: endpoints.cognito.endpoint,
  region: endpoints.region,
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});

async function groupsOf(username: string): Promise<string[]> {
  const listed = await cognito.send(new AdminListGroupsForUserCommand({ UserPoolId: endpoints.cognito.userPoolId, Username: username }));
  return (listed.Groups ?? []).map((group) => group.GroupName!).sort();
}

/** A first sign-in with a one-time password: Cognito asks for a new password. */
function startSignIn(username: string, password: string) {
  return cognito.send(
    new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: endpoints.cognito.clientId, AuthParameters: { USERNAME: username, PASSWORD: password } }),
  );
}

/** A teacher account from outside the demo project, with its profile (as sign-up and validation would leave it). */
async function outsideTeacher(country: string, displayName: string) {
  const account = await newSignedInUser(endpoints);
  const userId = subOf(account.idToken);
  await createUserProfile(tableStoreOf(endpoints), {
    userId,
    username: account.username,
    kind: 'teacher',
    country,
    displayName,
    school: 'Gymnasium am Fluss',
    email: `${account.username}@example.test`,
    version: 1,
    createdAt: new Date().toISOString(),
  });
  return { ...account, userId };
}

/** A project written straight to the table, with one teacher administrator (for the refusals the demo project cannot show). */
async function projectOf(admin: { userId: string }, state: Project['state']): Promise<string> {
  const store = tableStoreOf(endpoints);
  const projectId = ulid();
  const now = new Date().toISOString();
  await createProject(store, {
    projectId,
    title: `Rivers ${state}`,
    description: 'A project for the member rules.',
    state,
    subjects: ['science'],
    ages: { min: 10, max: 12 },
    languages: ['en'],
    founders: [],
    partners: [{ userId: admin.userId, displayName: 'Solo Admin', country: 'DE' }],
    createdAt: now,
    version: 1,
  });
  await addMembership(
    store,
    { projectId, userId: admin.userId, type: 'teacher-admin', kind: 'teacher', displayName: 'Solo Admin', country: 'DE', joinedAt: now },
    `Rivers ${state}`,
  );
  return projectId;
}

let projectId: string;
let ana: string;
let eva: string;

beforeAll(async () => {
  projectId = await demoProjectId(endpoints);
  ana = await demoToken(endpoints, 'ana@demo.twinspace');
  eva = await demoToken(endpoints, 'eva@demo.twinspace');
});

/** Members this file adds to the demo project: removed at the end even when a test failed halfway, so other files see the seeded roster. */
const addedToDemo: string[] = [];

afterAll(async () => {
  for (const userId of addedToDemo) await apiSend(endpoints, 'DELETE', `/projects/${projectId}/members/${userId}`, ana);
  cognito.destroy();
});

describe('a pupil account, from creation to removal', () => {
  it('is created with a username and a one-time password, signs in, changes type, gets a new password and is removed', async () => {
    // Ana creates the pupil.
    const created = await apiSend(endpoints, 'POST', `/projects/${projectId}/members`, ana, { pupil: { displayName: 'Nora Vidal' }, type: 'pupil-member' });
    expect(created.status).toBe(201);
    const { member, oneTimePassword } = created.body;
    addedToDemo.push(member.userId);
    expect(member).toMatchObject({ displayName: 'Nora Vidal', type: 'pupil-member', kind: 'pupil', country: 'ES' });
    expect(member.username).toMatch(/^pupil\.nora\d{4}$/);
    expect(meetsPasswordPolicy(oneTimePassword)).toBe(true);
    expect(await groupsOf(member.username)).toEqual(['pupil-member']);

    // The pupil signs in with it and must choose their own password.
    const challenge = await startSignIn(member.username, oneTimePassword);
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    const answered = await cognito.send(
      new RespondToAuthChallengeCommand({
        ClientId: endpoints.cognito.clientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: challenge.Session,
        ChallengeResponses: { USERNAME: member.username, NEW_PASSWORD: 'Nora-Own-Pass-1' },
      }),
    );
    const pupilToken = answered.AuthenticationResult!.IdToken!;
    expect(subOf(pupilToken)).toBe(member.userId);
    const me = await apiGet(endpoints, '/me', pupilToken);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ kind: 'pupil', username: member.username });
    expect(me.body.profile).not.toHaveProperty('email');
    expect(me.body.projects).toEqual([expect.objectContaining({ projectId, title: 'Water around Europe', type: 'pupil-member' })]);

    // Every member sees the new pupil in the roster.
    const roster = await apiGet(endpoints, `/projects/${projectId}/members`, ana);
    expect(roster.body.items).toContainEqual(expect.objectContaining({ userId: member.userId, type: 'pupil-member', displayName: 'Nora Vidal' }));

    // Ana makes her a pupil administrator: the table and the groups follow.
    const promoted = await apiSend(endpoints, 'PATCH', `/projects/${projectId}/members/${member.userId}`, ana, { type: 'pupil-admin' });
    expect(promoted.status).toBe(200);
    expect(promoted.body.member).toEqual({ ...member, type: 'pupil-admin' });
    expect((await apiGet(endpoints, '/me', pupilToken)).body.projects).toEqual([expect.objectContaining({ projectId, type: 'pupil-admin' })]);
    expect(await groupsOf(member.username)).toEqual(['pupil-admin']);

    // The same change again changes nothing and answers 200 (a retry after a failed sync).
    const again = await apiSend(endpoints, 'PATCH', `/projects/${projectId}/members/${member.userId}`, ana, { type: 'pupil-admin' });
    expect(again.status).toBe(200);
    expect(await groupsOf(member.username)).toEqual(['pupil-admin']);

    // A pupil never becomes a teacher.
    const wrongKind = await apiSend(endpoints, 'PATCH', `/projects/${projectId}/members/${member.userId}`, ana, { type: 'member-teacher' });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.error.details).toContainEqual(expect.objectContaining({ field: 'body.type' }));

    // A reset gives a new one-time password: the next sign-in asks for a new password again.
    const reset = await apiSend(endpoints, 'POST', `/projects/${projectId}/members/${member.userId}/password-reset`, ana);
    expect(reset.status).toBe(200);
    expect(Object.keys(reset.body).sort()).toEqual(['oneTimePassword', 'username']);
    expect(reset.body.username).toBe(member.username);
    expect(meetsPasswordPolicy(reset.body.oneTimePassword)).toBe(true);
    expect(reset.body.oneTimePassword).not.toBe(oneTimePassword);
    expect((await startSignIn(member.username, reset.body.oneTimePassword)).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');

    // Removed: no longer in the project, in no type group.
    const removed = await apiSend(endpoints, 'DELETE', `/projects/${projectId}/members/${member.userId}`, ana);
    expect(removed.status).toBe(204);
    expect((await apiGet(endpoints, '/me', pupilToken)).body.projects).toEqual([]);
    expect(await groupsOf(member.username)).toEqual([]);
    const after = await apiGet(endpoints, `/projects/${projectId}/members`, ana);
    expect(after.body.items.map((entry: { userId: string }) => entry.userId)).not.toContain(member.userId);
    // Removing again: not a member any more.
    expect((await apiSend(endpoints, 'DELETE', `/projects/${projectId}/members/${member.userId}`, ana)).status).toBe(404);
  });

  it('never stores the one-time password in the table', async () => {
    const created = await apiSend(endpoints, 'POST', `/projects/${projectId}/members`, ana, { pupil: { displayName: 'Íñigo' }, type: 'pupil-member' });
    expect(created.status).toBe(201);
    addedToDemo.push(created.body.member.userId);
    expect(created.body.member.username).toMatch(/^pupil\.inigo\d{4}$/);
    const store = tableStoreOf(endpoints);
    const { QueryCommand } = await import('@aws-sdk/lib-dynamodb');
    const { Items: userItems = [] } = await store.db.send(
      new QueryCommand({ TableName: store.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `USER#${created.body.member.userId}` } }),
    );
    const { Items: memberItems = [] } = await store.db.send(
      new QueryCommand({
        TableName: store.tableName,
        KeyConditionExpression: 'PK = :pk AND SK = :sk',
        ExpressionAttributeValues: { ':pk': `PROJECT#${projectId}`, ':sk': `MEMBER#${created.body.member.userId}` },
      }),
    );
    expect(userItems.length).toBeGreaterThan(0);
    expect(memberItems).toHaveLength(1);
    expect(JSON.stringify([...userItems, ...memberItems])).not.toContain(created.body.oneTimePassword);
    expect((await apiSend(endpoints, 'DELETE', `/projects/${projectId}/members/${created.body.member.userId}`, ana)).status).toBe(204);
  });
});

describe('adding an existing account', () => {
  it('makes a teacher from outside a member and a partner, and takes them out again', async () => {
    const hanna = await outsideTeacher('DE', 'Hanna Weber');
    const added = await apiSend(endpoints, 'POST', `/projects/${projectId}/members`, ana, { username: hanna.username, type: 'member-teacher' });
    expect(added.status).toBe(201);
    addedToDemo.push(hanna.userId);
    expect(added.body).toEqual({
      member: { userId: hanna.userId, username: hanna.username, displayName: 'Hanna Weber', type: 'member-teacher', kind: 'teacher', country: 'DE' },
    });
    expect(await groupsOf(hanna.username)).toEqual(['member-teacher']);
    const project = await apiGet(endpoints, `/projects/${projectId}`, ana);
    expect(project.body.partners).toContainEqual({ userId: hanna.userId, displayName: 'Hanna Weber', country: 'DE', school: 'Gymnasium am Fluss' });
    expect((await apiGet(endpoints, '/me', hanna.idToken)).body.projects).toEqual([expect.objectContaining({ projectId, type: 'member-teacher' })]);

    const twice = await apiSend(endpoints, 'POST', `/projects/${projectId}/members`, ana, { username: hanna.username, type: 'visitor' });
    expect(twice.status).toBe(409);

    // A member teacher does not manage members.
    const byEva = await apiSend(endpoints, 'DELETE', `/projects/${projectId}/members/${hanna.userId}`, eva);
    expect(byEva.status).toBe(403);

    expect((await apiSend(endpoints, 'DELETE', `/projects/${projectId}/members/${hanna.userId}`, ana)).status).toBe(204);
    const afterwards = await apiGet(endpoints, `/projects/${projectId}`, ana);
    expect(afterwards.body.partners.map((partner: { userId: string }) => partner.userId)).not.toContain(hanna.userId);
    expect(afterwards.body.partners.map((partner: { country: string }) => partner.country).sort()).toEqual(['ES', 'FR', 'IT']);
    expect(await groupsOf(hanna.username)).toEqual([]);
  });

  it('refuses an unknown username, an nss officer, a pupil by username and a guest as teacher', async () => {
    const unknown = await apiSend(endpoints, 'POST', `/projects/${projectId}/members`, ana, { username: 'nobody@demo.twinspace', type: 'visitor' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details).toEqual([expect.objectContaining({ field: 'body.username' })]);
    const nss = await apiSend(endpoints, 'POST', `/projects/${projectId}/members`, ana, { username: 'nss.es@demo.twinspace', type: 'visitor' });
    expect(nss.status).toBe(400);
    const pupil = await apiSend(endpoints, 'POST', `/projects/${projectId}/members`, ana, { username: 'pupil.marta', type: 'pupil-member' });
    expect(pupil.status).toBe(400);
    expect(pupil.body.error.details).toEqual([expect.objectContaining({ field: 'body.username' })]);
    const guest = await apiSend(endpoints, 'PATCH', `/projects/${projectId}/members/${subOf(await demoToken(endpoints, 'guest@demo.twinspace'))}`, ana, { type: 'member-teacher' });
    expect(guest.status).toBe(400);
    expect(guest.body.error.details).toEqual([expect.objectContaining({ field: 'body.type' })]);
  });

  it('names the fields of a bad request', async () => {
    const empty = await apiSend(endpoints, 'POST', `/projects/${projectId}/members`, ana, {});
    expect(empty.status).toBe(400);
    expect(empty.body.error.details.map((detail: { field: string }) => detail.field).sort()).toEqual(['body.type', 'body.username']);
    const noName = await apiSend(endpoints, 'POST', `/projects/${projectId}/members`, ana, { pupil: { displayName: ' ' }, type: 'pupil-member' });
    expect(noName.status).toBe(400);
    expect(noName.body.error.details).toContainEqual(expect.objectContaining({ field: 'body.pupil.displayName' }));
    const teacherPupil = await apiSend(endpoints, 'POST', `/projects/${projectId}/members`, ana, { pupil: { displayName: 'Tom' }, type: 'member-teacher' });
    expect(teacherPupil.status).toBe(400);
    expect(teacherPupil.body.error.details).toContainEqual(expect.objectContaining({ field: 'body.type' }));
    const badType = await apiSend(endpoints, 'PATCH', `/projects/${projectId}/members/${subOf(eva)}`, ana, { type: 'boss' });
    expect(badType.status).toBe(400);
    expect(badType.body.error.details).toContainEqual(expect.objectContaining({ field: 'body.type' }));
  });
});

describe('who may manage members, and what is protected', () => {
  it('refuses a member teacher (403), an unknown project (404) and an unknown member (404)', async () => {
    const byEva = await apiSend(endpoints, 'POST', `/projects/${projectId}/members`, eva, { pupil: { displayName: 'Piero' }, type: 'pupil-member' });
    expect(byEva.status).toBe(403);
    const resetByEva = await apiSend(endpoints, 'POST', `/projects/${projectId}/members/${subOf(await demoToken(endpoints, 'pupil.jules'))}/password-reset`, eva);
    expect(resetByEva.status).toBe(403);
    const unknownProject = await apiSend(endpoints, 'POST', `/projects/${ulid()}/members`, ana, { username: 'eva@demo.twinspace', type: 'visitor' });
    expect(unknownProject.status).toBe(404);
    const unknownMember = await apiSend(endpoints, 'PATCH', `/projects/${projectId}/members/00000000-0000-0000-0000-000000000000`, ana, { type: 'visitor' });
    expect(unknownMember.status).toBe(404);
  });

  it("resets only a pupil's password", async () => {
    const teacher = await apiSend(endpoints, 'POST', `/projects/${projectId}/members/${subOf(eva)}/password-reset`, ana);
    expect(teacher.status).toBe(400);
  });

  it('protects a founder from anyone else (403)', async () => {
    const luc = subOf(await demoToken(endpoints, 'luc@demo.twinspace'));
    const demote = await apiSend(endpoints, 'PATCH', `/projects/${projectId}/members/${luc}`, ana, { type: 'member-teacher' });
    expect(demote.status).toBe(403);
    expect(demote.body.error.message).toMatch(/founder/);
    expect((await apiSend(endpoints, 'DELETE', `/projects/${projectId}/members/${luc}`, ana)).status).toBe(403);
    const roster = await apiGet(endpoints, `/projects/${projectId}/members`, ana);
    expect(roster.body.items).toContainEqual(expect.objectContaining({ userId: luc, type: 'teacher-admin' }));
  });

  it('lets a founder step down while another teacher administrator remains, and be brought back', async () => {
    const lucToken = await demoToken(endpoints, 'luc@demo.twinspace');
    const luc = subOf(lucToken);
    try {
      const down = await apiSend(endpoints, 'PATCH', `/projects/${projectId}/members/${luc}`, lucToken, { type: 'member-teacher' });
      expect(down.status).toBe(200);
      expect(down.body.member).toMatchObject({ userId: luc, username: 'luc@demo.twinspace', type: 'member-teacher' });
      expect(await groupsOf('luc@demo.twinspace')).toContain('member-teacher');
      // Now a member teacher: he manages no members.
      expect((await apiSend(endpoints, 'PATCH', `/projects/${projectId}/members/${luc}`, lucToken, { type: 'teacher-admin' })).status).toBe(403);
    } finally {
      const back = await apiSend(endpoints, 'PATCH', `/projects/${projectId}/members/${luc}`, ana, { type: 'teacher-admin' });
      expect(back.status).toBe(200);
    }
    expect(await groupsOf('luc@demo.twinspace')).toContain('teacher-admin');
    expect(await groupsOf('luc@demo.twinspace')).not.toContain('member-teacher');
  });

  it('keeps the last teacher administrator (409)', async () => {
    const solo = await outsideTeacher('DE', 'Solo Admin');
    const soloProject = await projectOf(solo, 'approved');
    const demote = await apiSend(endpoints, 'PATCH', `/projects/${soloProject}/members/${solo.userId}`, solo.idToken, { type: 'member-teacher' });
    expect(demote.status).toBe(409);
    expect(demote.body.error.message).toMatch(/at least one teacher administrator/);
    expect((await apiSend(endpoints, 'DELETE', `/projects/${soloProject}/members/${solo.userId}`, solo.idToken)).status).toBe(409);
    const me = await apiGet(endpoints, '/me', solo.idToken);
    expect(me.body.projects).toEqual([expect.objectContaining({ projectId: soloProject, type: 'teacher-admin' satisfies TwinspaceType })]);
  });

  it('refuses every change in a closed project (409, read-only)', async () => {
    const admin = await outsideTeacher('DE', 'Closed Admin');
    const closedProject = await projectOf(admin, 'closed');
    const add = await apiSend(endpoints, 'POST', `/projects/${closedProject}/members`, admin.idToken, { pupil: { displayName: 'Lena' }, type: 'pupil-member' });
    expect(add.status).toBe(409);
    expect(add.body.error.message).toMatch(/closed: .*read-only/);
    expect((await apiSend(endpoints, 'PATCH', `/projects/${closedProject}/members/${admin.userId}`, admin.idToken, { type: 'member-teacher' })).status).toBe(409);
  });
});

describe('writes that a concurrent change makes stale', () => {
  it('cancels a type change or removal whose read is out of date, and changes nothing', async () => {
    const admin = await outsideTeacher('DE', 'Race Admin');
    const raceProject = await projectOf(admin, 'approved');
    const store = tableStoreOf(endpoints);
    const pupil = await apiSend(endpoints, 'POST', `/projects/${raceProject}/members`, admin.idToken, { pupil: { displayName: 'Mia' }, type: 'pupil-member' });
    expect(pupil.status).toBe(201);
    const pupilId = pupil.body.member.userId;
    // Someone else already made her a pupil-admin: a change read as pupil-member must fail.
    const stale = await changeMembershipType(store, { projectId: raceProject, userId: pupilId, from: 'pupil-admin', to: 'pupil-member' }, { stillTeacherAdmins: [admin.userId] });
    expect(stale).toEqual({ written: false, failed: ['stale'] });
    // The caller was demoted meanwhile (here: the witness is not an admin): refused too, by that guard.
    const noLongerAdmin = await removeMembership(store, { projectId: raceProject, userId: pupilId, from: 'pupil-member' }, { stillTeacherAdmins: [pupilId] });
    expect(noLongerAdmin).toEqual({ written: false, failed: ['typeChanged'] });
    expect(await getMembership(store, raceProject, pupilId)).toMatchObject({ type: 'pupil-member' });
  });
});

describe('concurrent member writes', () => {
  // No member write carries a version (a membership has none): a type change is conditioned on the type read, a
  // removal on the type read and the membership's existence. The race that matters: the same removal sent at once.
  it('removes a member exactly once when 8 removals are sent at once; the others get 404 or 409', async () => {
    const admin = await outsideTeacher('DE', 'Race Remover');
    const raceProject = await projectOf(admin, 'approved');
    const pupil = await apiSend(endpoints, 'POST', `/projects/${raceProject}/members`, admin.idToken, { pupil: { displayName: 'Ole' }, type: 'pupil-member' });
    expect(pupil.status).toBe(201);
    const pupilId = pupil.body.member.userId;
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => apiSend(endpoints, 'DELETE', `/projects/${raceProject}/members/${pupilId}`, admin.idToken)),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 204), JSON.stringify(answers.map((answer) => answer.body))).toHaveLength(1);
    expect(statuses.filter((status) => status !== 204).every((status) => status === 404 || status === 409), JSON.stringify(statuses)).toBe(true);
    expect(await getMembership(tableStoreOf(endpoints), raceProject, pupilId)).toBeUndefined();
    expect(await groupsOf(pupil.body.member.username)).toEqual([]);
  });
});

describe('concurrent type changes and the Cognito groups', () => {
  // The groups follow the table (DOMAIN.md, "People"): however the syncs of concurrent changes interleave, once every
  // request has answered the member is in the group of each type the table says they hold, in every project, and no other.
  it('leave the groups equal to the table after every round of 9 changes of one member sent at once', async () => {
    const admin = await outsideTeacher('DE', 'Race Typist');
    const raceProject = await projectOf(admin, 'approved');
    const otherProject = await projectOf(admin, 'approved');
    const teacher = await outsideTeacher('AT', 'Lena Gruber');
    const store = tableStoreOf(endpoints);
    expect((await apiSend(endpoints, 'POST', `/projects/${otherProject}/members`, admin.idToken, { username: teacher.username, type: 'member-teacher' })).status).toBe(201);
    expect((await apiSend(endpoints, 'POST', `/projects/${raceProject}/members`, admin.idToken, { username: teacher.username, type: 'visitor' })).status).toBe(201);
    const types: TwinspaceType[] = ['teacher-admin', 'member-teacher', 'visitor'];
    for (let round = 0; round < 6; round += 1) {
      const answers = await Promise.all(
        Array.from({ length: 9 }, (_, index) =>
          apiSend(endpoints, 'PATCH', `/projects/${raceProject}/members/${teacher.userId}`, admin.idToken, { type: types[(index + round) % types.length] }),
        ),
      );
      const statuses = answers.map((answer) => answer.status);
      // 409: a change whose read another one made stale. Never a 503: a sync that met another one runs again.
      expect(statuses.every((status) => status === 200 || status === 409), JSON.stringify(answers.map((answer) => answer.body))).toBe(true);
      const held = (await getMembership(store, raceProject, teacher.userId))!.type;
      expect(await groupsOf(teacher.username), `round ${round}: the table says ${held} (and member-teacher elsewhere)`).toEqual(
        [...new Set([held, 'member-teacher'])].sort(),
      );
    }
  });
});

/**
 * A store that holds the answer of the first Query of the user's partition
 * (the sync's read of their projects) until the test releases it: one sync
 * then acts on what it read before a change while another runs after it.
 */
function holdingFirstProjectsRead(store: TableStore, userId: string) {
  let read!: () => void;
  let release!: () => void;
  const readDone = new Promise<void>((resolve) => (read = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = false;
  const db = {
    send: async (command: { constructor: { name: string }; input: { ExpressionAttributeValues?: Record<string, unknown> } }) => {
      const answer = await store.db.send(command as never);
      if (!held && command.constructor.name === 'QueryCommand' && command.input.ExpressionAttributeValues?.[':pk'] === `USER#${userId}`) {
        held = true;
        read();
        await released;
      }
      return answer;
    },
  };
  return { store: { ...store, db } as unknown as TableStore, readDone, release };
}

describe('a group sync that read the table before a newer change', () => {
  it('does not undo the newer sync: the groups end as the table says', async () => {
    Object.assign(process.env, handlerEnv(endpoints));
    const store = tableStoreOf(endpoints);
    const admin = await outsideTeacher('DE', 'Slow Sync Admin');
    const raceProject = await projectOf(admin, 'approved');
    const teacher = await outsideTeacher('AT', 'Jonas Berger');
    expect((await apiSend(endpoints, 'POST', `/projects/${raceProject}/members`, admin.idToken, { username: teacher.username, type: 'visitor' })).status).toBe(201);
    expect(await groupsOf(teacher.username)).toEqual(['visitor']);

    // A sync (say, of a repeated request) reads her projects: a visitor...
    const slow = holdingFirstProjectsRead(store, teacher.userId);
    const slowSync = syncTwinspaceGroups(slow.store, teacher.userId);
    await slow.readDone;
    // ...then she becomes a member teacher, and that change's sync runs to the end.
    const changed = await changeMembershipType(store, { projectId: raceProject, userId: teacher.userId, from: 'visitor', to: 'member-teacher' }, { stillTeacherAdmins: [admin.userId] });
    expect(changed).toEqual({ written: true });
    await syncTwinspaceGroups(store, teacher.userId);
    expect(await groupsOf(teacher.username)).toEqual(['member-teacher']);

    // The first sync goes on with what it read.
    slow.release();
    await slowSync;
    expect(await groupsOf(teacher.username)).toEqual(['member-teacher']);
  });
});
