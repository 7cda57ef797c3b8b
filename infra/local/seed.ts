/**
 * The demo data of API.md, loaded on a first start (the local runtime calls
 * seedDemo only when it has just created the user pool): the demo accounts in
 * Cognito with their groups, their profiles, and the approved project "Water
 * around Europe" with its members. Written through the same repository
 * functions the handlers use. Anything already there is a half-initialised
 * stack, and seeding stops with a message saying so rather than patching.
 */
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  UsernameExistsException,
  type AttributeType,
} from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { addMembership } from '../../functions/data/memberships.ts';
import { createProject, type Project } from '../../functions/data/projects.ts';
import type { TableStore } from '../../functions/data/store.ts';
import { createSchool } from '../../functions/data/schools.ts';
import { createUserProfile } from '../../functions/data/users.ts';
import type { AccountKind, CognitoGroup, TwinspaceType } from '../../functions/domain/twinspace-types.ts';
import { enrolDemoStaff } from './demo-authenticator.ts';
import type { LocalEndpoints } from './endpoints.ts';
import { seedCommunity } from './seed-community.ts';

export const demoPassword = 'TwinSpace-Demo-1';
export const demoProjectTitle = 'Water around Europe';

export interface DemoAccount {
  username: string;
  kind: AccountKind;
  country: string;
  displayName: string;
  school?: string;
  /** The type in the demo project, if a member. */
  type?: TwinspaceType;
  founder?: boolean;
  /** Teachers: the school they belong to (a school item is seeded) and their partner-search profile. */
  schoolCity?: string;
  partnerProfile?: { subjects: string[]; languages: string[]; ages: { min: number; max: number }; about: string };
}

/** API.md, "Local endpoints": the demo accounts. */
export const demoAccounts: readonly DemoAccount[] = [
  {
    username: 'ana@demo.twinspace', kind: 'teacher', country: 'ES', displayName: 'Ana García', school: 'IES Río Ebro', schoolCity: 'Zaragoza', type: 'teacher-admin', founder: true,
    partnerProfile: { subjects: ['science', 'geography'], languages: ['es', 'en'], ages: { min: 12, max: 15 }, about: 'Science teacher; rivers and the environment.' },
  },
  {
    username: 'luc@demo.twinspace', kind: 'teacher', country: 'FR', displayName: 'Luc Moreau', school: 'Collège Jean Moulin', schoolCity: 'Lyon', type: 'teacher-admin', founder: true,
    partnerProfile: { subjects: ['geography', 'languages'], languages: ['fr', 'en'], ages: { min: 11, max: 14 }, about: 'Geography and English; likes projects with maps.' },
  },
  {
    username: 'eva@demo.twinspace', kind: 'teacher', country: 'IT', displayName: 'Eva Rossi', school: 'Liceo Galileo Galilei', schoolCity: 'Pisa', type: 'member-teacher',
    partnerProfile: { subjects: ['science', 'languages'], languages: ['it', 'en', 'es'], ages: { min: 14, max: 18 }, about: 'Physics teacher, CLIL in English.' },
  },
  { username: 'pupil.marta', kind: 'pupil', country: 'ES', displayName: 'Marta Ruiz', school: 'IES Río Ebro', type: 'pupil-admin' },
  { username: 'pupil.jules', kind: 'pupil', country: 'FR', displayName: 'Jules Martin', school: 'Collège Jean Moulin', type: 'pupil-member' },
  { username: 'guest@demo.twinspace', kind: 'guest', country: 'ES', displayName: 'Gloria Sanz', type: 'visitor' },
  { username: 'nss.es@demo.twinspace', kind: 'nss', country: 'ES', displayName: 'NSS España' },
  { username: 'nss.fr@demo.twinspace', kind: 'nss', country: 'FR', displayName: 'NSS France' },
  { username: 'eval.es@demo.twinspace', kind: 'evaluator', country: 'ES', displayName: 'Elena Vidal' },
];

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

/** Pupils have usernames and no e-mail; everyone else signs in with their e-mail address. */
const emailOf = (account: DemoAccount) => (account.kind === 'pupil' ? undefined : account.username);

function groupsOf(account: DemoAccount): CognitoGroup[] {
  const groups: CognitoGroup[] = account.type ? [account.type] : [];
  if (account.kind === 'nss' || account.kind === 'evaluator') groups.push(account.kind);
  return groups;
}

async function createCognitoUser(cognito: CognitoIdentityProviderClient, userPoolId: string, account: DemoAccount): Promise<string> {
  const email = emailOf(account);
  const attributes: AttributeType[] = email ? [{ Name: 'email', Value: email }, { Name: 'email_verified', Value: 'true' }] : [];
  let created;
  try {
    created = await cognito.send(
      new AdminCreateUserCommand({ UserPoolId: userPoolId, Username: account.username, MessageAction: 'SUPPRESS', UserAttributes: attributes }),
    );
  } catch (error) {
    if (error instanceof UsernameExistsException || (error as Error).name === 'UsernameExistsException') {
      throw new Error(
        `Seeding stopped: demo account ${account.username} already exists in user pool ${userPoolId}, so the local data is half-initialised. Delete the .twinspace folder and start again.`,
      );
    }
    throw error;
  }
  await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: account.username, Password: demoPassword, Permanent: true }));
  for (const group of groupsOf(account)) {
    await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: account.username, GroupName: group }));
  }
  let sub = created.User?.Attributes?.find((attribute) => attribute.Name === 'sub')?.Value;
  if (!sub) {
    const fetched = await cognito.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: account.username }));
    sub = fetched.UserAttributes?.find((attribute) => attribute.Name === 'sub')?.Value;
  }
  if (!sub) throw new Error(`Seeding stopped: Cognito gave no sub for ${account.username}.`);
  return sub;
}

/** The demo accounts that must use a second sign-in step: NSS officers and evaluators (functions/lib/claims.ts). */
export const demoStaff = demoAccounts.filter((account) => account.kind === 'nss' || account.kind === 'evaluator');

/** Seeds the demo data; with a data folder, also enrols the demo staff's authenticator app and keeps its keys there. */
export async function seedDemo(endpoints: LocalEndpoints, dataDir?: string): Promise<void> {
  const cognito = new CognitoIdentityProviderClient({ endpoint: endpoints.cognito.endpoint, region: endpoints.region, credentials });
  const dynamodb = new DynamoDBClient({ endpoint: endpoints.dynamodb, region: endpoints.region, credentials });
  const store: TableStore = {
    db: DynamoDBDocumentClient.from(dynamodb, { marshallOptions: { removeUndefinedValues: true } }),
    tableName: endpoints.table,
  };
  try {
    const now = new Date().toISOString();
    const userIds = new Map<string, string>();
    for (const account of demoAccounts) {
      const userId = await createCognitoUser(cognito, endpoints.cognito.userPoolId, account);
      userIds.set(account.username, userId);
      // A conditional put: an existing profile is a half-initialised table, and fails loudly.
      await createUserProfile(store, {
        userId,
        username: account.username,
        kind: account.kind,
        country: account.country,
        displayName: account.displayName,
        // A teacher's school name comes with the school item below (createSchool sets schoolId and school).
        school: account.kind === 'teacher' ? undefined : account.school,
        email: emailOf(account),
        ...(account.partnerProfile ? { openToPartnership: true, ...account.partnerProfile } : {}),
        version: 1,
        createdAt: now,
      });
      if (account.kind === 'teacher' && account.school && account.schoolCity) {
        await createSchool(
          store,
          { schoolId: ulid(), name: account.school, country: account.country, city: account.schoolCity, createdBy: userId, createdAt: now, version: 1 },
          userId,
        );
      }
    }

    const members = demoAccounts.filter((account) => account.type);
    const teachers = members.filter((account) => account.kind === 'teacher');
    const project: Project = {
      projectId: ulid(),
      title: demoProjectTitle,
      description:
        'Pupils in Spain, France and Italy measure, compare and tell the story of the water around them: rivers, taps and the sea.',
      state: 'approved',
      subjects: ['science', 'geography', 'languages'],
      ages: { min: 12, max: 15 },
      languages: ['en', 'es', 'fr'],
      founders: members.filter((account) => account.founder).map((account) => userIds.get(account.username)!),
      partners: teachers.map((account) => ({
        userId: userIds.get(account.username)!,
        displayName: account.displayName,
        country: account.country,
        school: account.school,
      })),
      createdAt: now,
      version: 1,
    };
    await createProject(store, project);
    for (const account of members) {
      await addMembership(
        store,
        {
          projectId: project.projectId,
          userId: userIds.get(account.username)!,
          type: account.type!,
          kind: account.kind,
          displayName: account.displayName,
          country: account.country,
          email: emailOf(account),
          joinedAt: now,
        },
        project.title,
      );
    }
    // Groups, encounters and resources of the desktop's community.
    await seedCommunity(store, (username) => {
      const account = demoAccounts.find((candidate) => candidate.username === username)!;
      return { userId: userIds.get(username)!, displayName: account.displayName, country: account.country };
    });
    if (dataDir) await enrolDemoStaff(endpoints, dataDir, demoStaff.map(({ username }) => ({ username, password: demoPassword })));
  } finally {
    cognito.destroy();
    dynamodb.destroy();
  }
}
