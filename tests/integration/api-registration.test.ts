/**
 * A teacher's self sign-up and its validation by the NSS of their country,
 * through the real HTTP API and the local user pool (with its PreSignUp
 * trigger): an unvalidated teacher cannot sign in; only their own country's
 * NSS sees and decides; approval lets them sign in and create projects;
 * rejection deletes the account so the address may register again. The
 * sign-up answers the same whether or not the address is registered (its
 * owner gets an e-mail instead); a SignUp made around the API is refused; an
 * orphan left by a failed sign-up does not block its address. Each test
 * registers its own addresses.
 */
import { AdminGetUserCommand, CognitoIdentityProviderClient, InitiateAuthCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { putSignUpTicket } from '../../functions/data/sign-up-tickets.ts';
import { orphanMinimumAgeSeconds, signUpTicketSeconds, ticketMetadataKey } from '../../functions/domain/sign-up-ticket.ts';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { findUserIdByUsername, getUserProfile } from '../../functions/data/users.ts';
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

const password = 'olive tree 42';
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

/** POST /registrations: always 202 with the same body; the new teacher's user id is read from the table (the answer never has one). */
async function register(body: ReturnType<typeof registration>): Promise<string> {
  const answer = await apiSend(endpoints, 'POST', '/registrations', undefined, body);
  expect(answer.status, JSON.stringify(answer.body)).toBe(202);
  expect(answer.body).toEqual({ email: body.email.trim().toLowerCase(), status: 'received' });
  const userId = await findUserIdByUsername(store, body.email.trim().toLowerCase());
  expect(userId).toEqual(expect.any(String));
  return userId!;
}

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
    const userId = await register(registration(`  ${email.toUpperCase()} `));

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
    const userId = await register(registration(newEmail('race')));
    const nssEs = await demoToken(endpoints, 'nss.es@demo.twinspace');
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => apiSend(endpoints, 'POST', `/nss/teachers/${userId}/validation`, nssEs, { approve: true })),
    );
    expect(answers.map((answer) => answer.status).sort(), JSON.stringify(answers.map((answer) => answer.body))).toEqual([200, ...Array(7).fill(409)]);
    expect(await getUserProfile(store, userId)).toMatchObject({ validated: true });
    expect((await pendingOf('nss.es@demo.twinspace')).map((teacher) => teacher.userId)).not.toContain(userId);
  });

  it('stores a waiting teacher as not validated, which the project rule refuses', async () => {
    const profile = await getUserProfile(store, await register(registration(newEmail('waiting'))));
    expect(profile).toMatchObject({ kind: 'teacher', validated: false, school: 'CEIP Los Olivos' });
    expect(creatorRefusal(profile!)).toMatch(/awaits validation/);
  });

  it('deletes a rejected registration, e-mails the reason, and lets the address register again', async () => {
    const email = newEmail('rejected');
    const userId = await register(registration(email, 'FR'));

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

    expect(await register(registration(email, 'FR'))).not.toBe(userId);
  });

  it('answers a registered address exactly as a new one, whatever its case, and e-mails its owner instead (once a day)', async () => {
    const email = newEmail('twice');
    const first = await apiSend(endpoints, 'POST', '/registrations', undefined, registration(email));
    const pendingTwice = await apiSend(endpoints, 'POST', '/registrations', undefined, registration(email.toUpperCase()));
    const fresh = newEmail('fresh');
    const never = await apiSend(endpoints, 'POST', '/registrations', undefined, registration(fresh));
    const validatedTwice = await apiSend(endpoints, 'POST', '/registrations', undefined, registration('ana@demo.twinspace'));
    // Status and body say nothing but the address typed: new, pending or validated alike.
    for (const [answer, address] of [[first, email], [pendingTwice, email], [never, fresh], [validatedTwice, 'ana@demo.twinspace']] as const) {
      expect(answer.status).toBe(202);
      expect(answer.body).toEqual({ email: address, status: 'received' });
    }
    // Nothing changed for the registered addresses: the same user and profile as before.
    const anaId = await findUserIdByUsername(store, 'ana@demo.twinspace');
    const anaProfile = await getUserProfile(store, anaId!);
    expect(anaProfile).toMatchObject({ kind: 'teacher', username: 'ana@demo.twinspace' });
    expect(await getUserProfile(store, (await findUserIdByUsername(store, email))!)).toMatchObject({ validated: false, version: 1 });

    // The owners are told; the new teacher is not (their e-mail comes with the NSS's decision).
    expect((await apiSend(endpoints, 'POST', '/registrations', undefined, registration(email))).status).toBe(202);
    await deliverAccountMail();
    const notices = await mailsTo(email);
    expect(notices).toHaveLength(1);
    expect(notices[0].subject).toBe('Someone tried to register your address on Twinspace');
    expect(notices[0].body.text).toContain('nothing was created or changed');
    expect((await mailsTo(anaProfile!.email!)).some((mail) => mail.subject === 'Someone tried to register your address on Twinspace')).toBe(true);
    expect(await mailsTo(fresh)).toHaveLength(0);
  });

  it('refuses a SignUp made around the API with the site\'s client id (PreSignUp trigger), and registers the address through the API', async () => {
    const email = newEmail('around');
    const direct = (metadata?: Record<string, string>) =>
      cognito
        .send(
          new SignUpCommand({
            ClientId: endpoints.cognito.clientId,
            Username: email,
            Password: password,
            UserAttributes: [{ Name: 'email', Value: email }],
            ClientMetadata: metadata,
          }),
        )
        .then(
          () => 'signed up',
          (error: Error) => `${error.name}: ${error.message}`,
        );
    expect(await direct()).toMatch(/^UserLambdaValidationException: .*Teachers sign up on the Twinspace site/);
    // A made-up ticket is no better.
    expect(await direct({ [ticketMetadataKey]: 'guessed' })).toMatch(/^UserLambdaValidationException/);
    const missing = await cognito.send(new AdminGetUserCommand({ UserPoolId: endpoints.cognito.userPoolId, Username: email })).catch((error: Error) => error.name);
    expect(missing).toBe('UserNotFoundException');

    const userId = await register(registration(email));
    const waiting = (await pendingOf('nss.es@demo.twinspace')).find((teacher) => teacher.email === email);
    expect(waiting?.userId).toBe(userId);
    // The ticket was consumed with the registration: replaying its SignUp is refused.
    expect(await direct({ [ticketMetadataKey]: 'guessed' })).toMatch(/UsernameExistsException|UserLambdaValidationException/);
  });

  it('is not blocked by an orphan (a Cognito user whose registration write failed): removed once older than any sign-up in flight', async () => {
    const email = newEmail('orphan');
    // The state a sign-up leaves when its table write fails after SignUp: a ticket, and an UNCONFIRMED user the table does not know.
    const secret = 'orphan-secret-'.padEnd(43, 'x');
    await putSignUpTicket(store, { email, secret, expiresAt: Math.floor(Date.now() / 1000) + signUpTicketSeconds });
    await cognito.send(
      new SignUpCommand({
        ClientId: endpoints.cognito.clientId,
        Username: email,
        Password: 'a first password',
        UserAttributes: [{ Name: 'email', Value: email }],
        ClientMetadata: { [ticketMetadataKey]: secret },
      }),
    );
    const orphanSince = Date.now();
    const orphan = await cognito.send(new AdminGetUserCommand({ UserPoolId: endpoints.cognito.userPoolId, Username: email }));
    expect(orphan.UserStatus).toBe('UNCONFIRMED');

    // At once, it may still be a sign-up in flight: kept, and the teacher is asked to try again shortly.
    const tooSoon = await apiSend(endpoints, 'POST', '/registrations', undefined, registration(email));
    expect(tooSoon.status).toBe(503);
    expect(Number(tooSoon.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await findUserIdByUsername(store, email)).toBeUndefined();

    await new Promise((resolve) => setTimeout(resolve, Math.max(0, orphanSince + orphanMinimumAgeSeconds * 1000 + 500 - Date.now())));
    const userId = await register(registration(email));
    const orphanSub = orphan.UserAttributes?.find((attribute) => attribute.Name === 'sub')?.Value;
    expect(userId).not.toBe(orphanSub);
    expect((await pendingOf('nss.es@demo.twinspace')).find((teacher) => teacher.email === email)?.userId).toBe(userId);
    // The account is the new sign-up's (its password), UNCONFIRMED until the NSS decides.
    expect(await trySignIn(email)).toEqual({ refusal: 'UserNotConfirmedException' });
  }, 60_000);

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
    expect(passwordProblem.message).toBe('The password needs at least 8 characters.');
  });

  it('shows the waiting list to NSS officers only, and refuses a tampered cursor', async () => {
    expect((await apiGet(endpoints, '/nss/teachers?status=pending', await demoToken(endpoints, 'ana@demo.twinspace'))).status).toBe(403);
    expect((await apiGet(endpoints, '/nss/teachers?status=pending')).status).toBe(401);

    await register(registration(newEmail('first')));
    await register(registration(newEmail('second')));
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
