/**
 * A fresh, approved TwinSpace with one member of each of the five types, made
 * through the real API as users would (Ana proposes with Luc, Luc accepts,
 * both NSS approve, Ana adds Eva and the guest and creates two pupils, who
 * sign in with their one-time passwords). Tests that write content use one of
 * their own, so the demo project stays as the demo accounts expect it.
 */
import { CognitoIdentityProviderClient, InitiateAuthCommand, RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { TwinspaceType } from '../../functions/domain/twinspace-types.ts';
import type { LocalEndpoints } from '../../infra/local/endpoints.ts';
import { newTestAccount } from './accounts.ts';
import { apiSend, demoToken, subOf } from './clients.ts';

export interface TwinspaceCaller {
  /** Who it is, for assertion messages. */
  name: string;
  /** The caller's type in this TwinSpace; none for outsiders. */
  type?: TwinspaceType;
  userId?: string;
  username?: string;
  /** Bearer token; none for the signed-out caller. */
  idToken?: string;
}

export interface TestTwinspace {
  projectId: string;
  /** One member per type; Ana (teacher-admin) and Luc are the founders. */
  members: Record<TwinspaceType, TwinspaceCaller>;
  /** Luc: the second founder, also a teacher administrator. */
  secondFounder: TwinspaceCaller;
  /** A validated teacher with no membership, the NSS of a partner country, an evaluator, and nobody signed in. */
  outsiders: TwinspaceCaller[];
}

const demo = {
  ana: 'ana@demo.twinspace',
  luc: 'luc@demo.twinspace',
  eva: 'eva@demo.twinspace',
  guest: 'guest@demo.twinspace',
  nssEs: 'nss.es@demo.twinspace',
  nssFr: 'nss.fr@demo.twinspace',
  evalEs: 'eval.es@demo.twinspace',
};

async function expectOk<T>(answer: Promise<{ status: number; body: T }>, what: string): Promise<T> {
  const { status, body } = await answer;
  if (status >= 300) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
  return body;
}

/** A pupil created by a teacher administrator signs in with the one-time password and chooses their own. */
export async function firstPupilSignIn(endpoints: LocalEndpoints, username: string, oneTimePassword: string): Promise<string> {
  const cognito = new CognitoIdentityProviderClient({
    endpoint: endpoints.cognito.endpoint,
    region: endpoints.region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    const challenge = await cognito.send(
      new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: endpoints.cognito.clientId, AuthParameters: { USERNAME: username, PASSWORD: oneTimePassword } }),
    );
    const answered = await cognito.send(
      new RespondToAuthChallengeCommand({
        ClientId: endpoints.cognito.clientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: challenge.Session,
        ChallengeResponses: { USERNAME: username, NEW_PASSWORD: `Pupil-Own-Pass-${Date.now() % 1000}!` },
      }),
    );
    return answered.AuthenticationResult!.IdToken!;
  } finally {
    cognito.destroy();
  }
}

export async function newTwinspace(endpoints: LocalEndpoints, title = `Rivers ${Date.now().toString(36)}`): Promise<TestTwinspace> {
  const token = (username: string) => demoToken(endpoints, username);
  const ana = await token(demo.ana);
  const created = await expectOk(
    apiSend(endpoints, 'POST', '/projects', ana, {
      title,
      description: 'Pupils follow a river from its source to the sea.',
      subjects: ['geography'],
      ages: { min: 10, max: 12 },
      languages: ['en', 'es', 'fr'],
      partnerUsername: demo.luc,
    }),
    'create the project',
  );
  const projectId: string = created.projectId;
  await expectOk(apiSend(endpoints, 'POST', `/projects/${projectId}/acceptance`, await token(demo.luc), { accept: true }), 'Luc accepts');
  await expectOk(apiSend(endpoints, 'POST', `/projects/${projectId}/approval`, await token(demo.nssEs), { approve: true }), 'NSS ES approves');
  await expectOk(apiSend(endpoints, 'POST', `/projects/${projectId}/approval`, await token(demo.nssFr), { approve: true }), 'NSS FR approves');

  const addExisting = async (username: string, type: TwinspaceType): Promise<TwinspaceCaller> => {
    await expectOk(apiSend(endpoints, 'POST', `/projects/${projectId}/members`, ana, { username, type }), `add ${username}`);
    const idToken = await token(username);
    return { name: `${username} (${type})`, type, username, userId: subOf(idToken), idToken };
  };
  const createPupil = async (displayName: string, type: TwinspaceType): Promise<TwinspaceCaller> => {
    const answer = await expectOk(
      apiSend<{ member: { userId: string; username: string }; oneTimePassword: string }>(endpoints, 'POST', `/projects/${projectId}/members`, ana, { pupil: { displayName }, type }),
      `create pupil ${displayName}`,
    );
    const idToken = await firstPupilSignIn(endpoints, answer.member.username, answer.oneTimePassword);
    return { name: `${answer.member.username} (${type})`, type, username: answer.member.username, userId: answer.member.userId, idToken };
  };

  const memberTeacher = await addExisting(demo.eva, 'member-teacher');
  const visitor = await addExisting(demo.guest, 'visitor');
  const pupilAdmin = await createPupil('Lucía Romero', 'pupil-admin');
  const pupilMember = await createPupil('Pablo Ortega', 'pupil-member');

  const stranger = await newTestAccount(endpoints, { kind: 'teacher', country: 'ES', displayName: 'Teacher Elsewhere' });
  const luc = await token(demo.luc);
  return {
    projectId,
    members: {
      'teacher-admin': { name: `${demo.ana} (teacher-admin)`, type: 'teacher-admin', username: demo.ana, userId: subOf(ana), idToken: ana },
      'member-teacher': memberTeacher,
      'pupil-admin': pupilAdmin,
      'pupil-member': pupilMember,
      visitor,
    },
    secondFounder: { name: `${demo.luc} (teacher-admin)`, type: 'teacher-admin', username: demo.luc, userId: subOf(luc), idToken: luc },
    outsiders: [
      { name: 'a teacher who is not a member', username: stranger.username, userId: stranger.userId, idToken: stranger.idToken },
      { name: 'nss.es (NSS of a partner country)', idToken: await token(demo.nssEs) },
      { name: 'eval.es (evaluator)', idToken: await token(demo.evalEs) },
      { name: 'nobody signed in' },
    ],
  };
}
