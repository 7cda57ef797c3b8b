/**
 * A teacher's self sign-up and its validation by the NSS of their country,
 * through the real HTTP API and the local user pool: an unvalidated teacher
 * cannot sign in; only their own country's NSS sees and decides; approval
 * lets them sign in and create projects; rejection deletes the account so
 * the address may register again. Each test registers its own addresses.
 */
import { AdminGetUserCommand, CognitoIdentityProviderClient, InitiateAuthCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { getUserProfile } from '../../functions/data/users.ts';
import { creatorRefusal } from '../../functions/domain/project-lifecycle.ts';
import { scheduledJobs } from '../../functions/routes.ts';
import { applyHandlerEnv, invokeHandler } from '../../infra/local/lambda-runtime.ts';
import { apiGet, apiSend, demoToken, tableStoreOf, type ApiAnswer } from '../support/clients.ts';

const endpoints = inject('endpoints');
const store = tableStoreOf(endpoints);
const cognito = new CognitoIdentityProviderClient({
  endpoint: endpoints.cognito.endpoint,
  region: endpoints.region,
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});
afterAll(() => cognito.destroy());

const password = 'Sign-Up-Test-42';
const run = Date.now().toString(36);
let serial = 0;
const newEmail = (who: string) => `${who}.${run}.${++serial}@signup.example`;

const registration = (email: string, country = 'ES') => ({
  email,
  password,
  displayName: 'Carmen Test',
  country,
  schoolName: 'CEIP Los Olivos',
  city: 'Córdoba',
});

/** Sign-in as the site does it: the ID token, or the name of Cognito's refusal. */
async function trySignIn(username: string): Promise<{ idToken?: string; refusal?: string }> {
  try {
    const answer = await cognito.send(
      new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: endpoints.cognito.clientId, AuthParameters: { USERNAME: username, PASSWORD: password } }),
    );
    return { idToken: answer.AuthenticationResult?.IdToken };
  } catch (error) {
    return { refusal: (error as Error).name };
  }
}

/** Runs the outbox job once, as the scheduler does every minute (it may already have sent them: each e-mail goes once). */
async function deliverAccountMail(): Promise<void> {
  applyHandlerEnv(endpoints);
  const job = scheduledJobs.find((candidate) => candidate.name === 'send-account-mail')!;
  const time = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  await invokeHandler(job, {
    version: '0',
    id: `test-${run}`,
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: '123456789012',
    time,
    region: endpoints.region,
    resources: ['arn:aws:events:eu-west-1:123456789012:rule/send-account-mail'],
    detail: {},
  });
}

interface StoredMail {
  destination: { to: string[] };
  subject: string;
  body: { text?: string };
}

async function mailsTo(address: string): Promise<StoredMail[]> {
  const mailStore = (await (await fetch(`${endpoints.mail}/store`)).json()) as { emails: StoredMail[] };
  return mailStore.emails.filter((mail) => mail.destination.to.includes(address));
}

/** Every page of my country's waiting list. */
async function pendingOf(nss: string): Promise<{ userId: string; email: string; country: string }[]> {
  const idToken = await demoToken(endpoints, nss);
  const teachers = [];
  let cursor: string | null = null;
  do {
    const page: ApiAnswer = await apiGet(endpoints, `/nss/teachers?status=pending&limit=100${cursor ? `&cursor=${cursor}` : ''}`, idToken);
    expect(page.status).toBe(200);
    teachers.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return teachers;
}

const decide = async (nss: string, userId: string, body: unknown) =>
  apiSend(endpoints, 'POST', `/nss/teachers/${userId}/validation`, await demoToken(endpoints, nss), body);

// Leave no teacher of this run waiting: other files list the same countries' waiting teachers.
afterAll(async () => {
  for (const nss of ['nss.es@demo.twinspace', 'nss.fr@demo.twinspace']) {
    for (const teacher of await pendingOf(nss)) {
      if (teacher.email.includes(`.${run}.`)) await decide(nss, teacher.userId, { approve: false, reason: 'Test clean-up.' });
    }
  }
});

describe('a teacher signs up and the NSS of their country validates them', () => {
  it('keeps them out until nss.es validates; then they sign in, see their profile and create a project', async () => {
    const email = newEmail('carmen');
    const created = await apiSend(endpoints, 'POST', '/registrations', undefined, registration(`  ${email.toUpperCase()} `));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email, country: 'ES', schoolName: 'CEIP Los Olivos', city: 'Córdoba', status: 'pending' });
    const userId = created.body.userId as string;

    expect(await trySignIn(email)).toEqual({ refusal: 'UserNotConfirmedException' });

    expect((await pendingOf('nss.fr@demo.twinspace')).map((teacher) => teacher.userId)).not.toContain(userId);
    const waiting = (await pendingOf('nss.es@demo.twinspace')).find((teacher) => teacher.userId === userId);
    expect(waiting).toMatchObject({ email, displayName: 'Carmen Test', country: 'ES', schoolName: 'CEIP Los Olivos', city: 'Córdoba' });

    const byFrance = await decide('nss.fr@demo.twinspace', userId, { approve: true });
    expect(byFrance.status).toBe(403);
    expect(byFrance.body.error.message).toMatch(/NSS of ES/);
    const byTeacher = await decide('ana@demo.twinspace', userId, { approve: true });
    expect(byTeacher.status).toBe(403);

    const approved = await decide('nss.es@demo.twinspace', userId, { approve: true });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ userId, status: 'approved' });
    expect(approved.body.schoolId).toEqual(expect.any(String));
    // The NSS vouched for the address: it is verified, so the teacher can recover their password by e-mail.
    const account = await cognito.send(new AdminGetUserCommand({ UserPoolId: endpoints.cognito.userPoolId, Username: email }));
    expect(account.UserAttributes).toContainEqual({ Name: 'email_verified', Value: 'true' });
    expect((await decide('nss.es@demo.twinspace', userId, { approve: true })).status).toBe(409);
    expect((await pendingOf('nss.es@demo.twinspace')).map((teacher) => teacher.userId)).not.toContain(userId);

    await deliverAccountMail();
    const [welcome, ...more] = await mailsTo(email);
    expect(more).toHaveLength(0);
    expect(welcome.subject).toMatch(/validated/);
    expect(welcome.body.text).toContain(email);

    const { idToken } = await trySignIn(email);
    expect(idToken).toEqual(expect.any(String));
    const me = await apiGet(endpoints, '/me', idToken);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ kind: 'teacher', country: 'ES', profile: { displayName: 'Carmen Test', email, validated: true, school: 'CEIP Los Olivos' } });
    const school = await apiGet(endpoints, `/schools/${approved.body.schoolId}`, idToken);
    expect(school.body).toMatchObject({ name: 'CEIP Los Olivos', city: 'Córdoba', country: 'ES' });

    const project = await apiSend(
      endpoints,
      'POST',
      '/projects',
      idToken,
      {
        title: `Olive trees ${run}`,
        description: 'Pupils compare the olive harvest in their regions.',
        subjects: ['science'],
        ages: { min: 9, max: 11 },
        languages: ['es', 'fr'],
        partnerUsername: 'luc@demo.twinspace',
      },
    );
    expect(project.status).toBe(201);
    expect(project.body.state).toBe('proposed');
  });

  it('takes one decision when the NSS approves the same teacher many times at once', async () => {
    const created = await apiSend(endpoints, 'POST', '/registrations', undefined, registration(newEmail('race')));
    expect(created.status).toBe(201);
    const userId = created.body.userId as string;
    const nssEs = await demoToken(endpoints, 'nss.es@demo.twinspace');
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => apiSend(endpoints, 'POST', `/nss/teachers/${userId}/validation`, nssEs, { approve: true })),
    );
    expect(answers.map((answer) => answer.status).sort(), JSON.stringify(answers.map((answer) => answer.body))).toEqual([200, ...Array(7).fill(409)]);
    expect(await getUserProfile(store, userId)).toMatchObject({ validated: true });
    expect((await pendingOf('nss.es@demo.twinspace')).map((teacher) => teacher.userId)).not.toContain(userId);
  });

  it('stores a waiting teacher as not validated, which the project rule refuses', async () => {
    const created = await apiSend(endpoints, 'POST', '/registrations', undefined, registration(newEmail('waiting')));
    expect(created.status).toBe(201);
    const profile = await getUserProfile(store, created.body.userId);
    expect(profile).toMatchObject({ kind: 'teacher', validated: false, school: 'CEIP Los Olivos' });
    expect(creatorRefusal(profile!)).toMatch(/awaits validation/);
  });

  it('deletes a rejected registration, e-mails the reason, and lets the address register again', async () => {
    const email = newEmail('rejected');
    const created = await apiSend(endpoints, 'POST', '/registrations', undefined, registration(email, 'FR'));
    const userId = created.body.userId as string;

    const noReason = await decide('nss.fr@demo.twinspace', userId, { approve: false });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details.map((detail: { field: string }) => detail.field)).toContain('body.reason');
    expect((await decide('nss.es@demo.twinspace', userId, { approve: false, reason: 'Not ours' })).status).toBe(403);

    const reason = 'The school is not in the national register.';
    const rejected = await decide('nss.fr@demo.twinspace', userId, { approve: false, reason });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ userId, status: 'rejected', reason });

    expect((await trySignIn(email)).refusal).toMatch(/UserNotFoundException|NotAuthorizedException/);
    expect(await getUserProfile(store, userId)).toBeUndefined();
    expect((await pendingOf('nss.fr@demo.twinspace')).map((teacher) => teacher.userId)).not.toContain(userId);
    await deliverAccountMail();
    const [notice] = await mailsTo(email);
    expect(notice.body.text).toContain(reason);
    expect((await decide('nss.fr@demo.twinspace', userId, { approve: true })).status).toBe(404);

    const again = await apiSend(endpoints, 'POST', '/registrations', undefined, registration(email, 'FR'));
    expect(again.status).toBe(201);
    expect(again.body.userId).not.toBe(userId);
  });

  it('answers 409 for an address already registered, pending or validated, whatever its case', async () => {
    const email = newEmail('twice');
    expect((await apiSend(endpoints, 'POST', '/registrations', undefined, registration(email))).status).toBe(201);
    const pendingTwice = await apiSend(endpoints, 'POST', '/registrations', undefined, registration(email.toUpperCase()));
    expect(pendingTwice.status).toBe(409);
    const validatedTwice = await apiSend(endpoints, 'POST', '/registrations', undefined, registration('ana@demo.twinspace'));
    expect(validatedTwice.status).toBe(409);
    expect(validatedTwice.body.error.message).toBe(pendingTwice.body.error.message);
  });

  it('is not blocked by an unconfirmed Cognito account made around the API', async () => {
    const email = newEmail('around');
    // Anyone can call Cognito SignUp with the site's public client id, skipping POST /registrations.
    await cognito.send(
      new SignUpCommand({ ClientId: endpoints.cognito.clientId, Username: email, Password: password, UserAttributes: [{ Name: 'email', Value: email }] }),
    );
    const registered = await apiSend(endpoints, 'POST', '/registrations', undefined, registration(email));
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    const waiting = (await pendingOf('nss.es@demo.twinspace')).find((teacher) => teacher.email === email);
    expect(waiting?.userId).toBe(registered.body.userId);
  });

  it('answers 400 naming each bad field, with the password rules in words', async () => {
    const answer = await apiSend(endpoints, 'POST', '/registrations', undefined, {
      email: 'not-an-address',
      password: 'short',
      displayName: '   ',
      country: 'US',
      schoolName: '',
      city: 'x'.repeat(101),
    });
    expect(answer.status).toBe(400);
    const fields = answer.body.error.details.map((detail: { field: string }) => detail.field);
    expect(fields).toEqual(expect.arrayContaining(['body.email', 'body.password', 'body.displayName', 'body.country', 'body.schoolName', 'body.city']));
    const passwordProblem = answer.body.error.details.find((detail: { field: string }) => detail.field === 'body.password');
    expect(passwordProblem.message).toMatch(/at least 10 characters.*capital letter.*digit.*symbol/);
  });

  it('shows the waiting list to NSS officers only, and refuses a tampered cursor', async () => {
    expect((await apiGet(endpoints, '/nss/teachers?status=pending', await demoToken(endpoints, 'ana@demo.twinspace'))).status).toBe(403);
    expect((await apiGet(endpoints, '/nss/teachers?status=pending')).status).toBe(401);

    await apiSend(endpoints, 'POST', '/registrations', undefined, registration(newEmail('first')));
    await apiSend(endpoints, 'POST', '/registrations', undefined, registration(newEmail('second')));
    const nssEs = await demoToken(endpoints, 'nss.es@demo.twinspace');
    const firstPage = await apiGet(endpoints, '/nss/teachers?status=pending&limit=1', nssEs);
    expect(firstPage.body.items).toHaveLength(1);
    expect(firstPage.body.nextCursor).toEqual(expect.any(String));
    const secondPage = await apiGet(endpoints, `/nss/teachers?status=pending&limit=1&cursor=${firstPage.body.nextCursor}`, nssEs);
    expect(secondPage.status).toBe(200);
    expect(secondPage.body.items[0].registeredAt >= firstPage.body.items[0].registeredAt).toBe(true);

    // The same cursor pointed at another country's list: refused, not followed.
    const decoded = JSON.parse(Buffer.from(firstPage.body.nextCursor, 'base64url').toString('utf8'));
    const forged = Buffer.from(JSON.stringify({ ...decoded, GSI1PK: 'TEACHERS-PENDING#FR' })).toString('base64url');
    const tampered = await apiGet(endpoints, `/nss/teachers?status=pending&cursor=${forged}`, nssEs);
    expect(tampered.status).toBe(400);
    expect(tampered.body.error.details[0].field).toBe('query.cursor');
  });
});
