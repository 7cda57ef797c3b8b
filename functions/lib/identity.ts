/**
 * The Cognito admin calls of member management: pupil accounts (no e-mail,
 * a one-time password), password resets, and the group sync. The table is
 * the source of truth for who holds which type; the groups follow it
 * (functions/domain/README.md, "Group sync"). One-time passwords are passed
 * through, never logged.
 */
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminSetUserPasswordCommand,
  type AdminListGroupsForUserCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import { getProfileAndProjects, readGroupSyncVersion, recordGroupSync } from '../data/users.ts';
import { WriteContention } from '../data/transact.ts';
import type { TableStore } from '../data/store.ts';
import { groupChanges } from '../domain/membership-rules.ts';
import type { TwinspaceType } from '../domain/twinspace-types.ts';
import { cognito } from './clients.ts';
import { setting } from './config.ts';

/** The username is taken in the user pool; pick another. */
export class UsernameTaken extends Error {
  constructor(username: string) {
    super(`The username ${username} is taken.`);
    this.name = 'UsernameTaken';
  }
}

/**
 * A pupil's account: no e-mail, nothing sent (MessageAction SUPPRESS), and a
 * temporary password, so the first sign-in meets NEW_PASSWORD_REQUIRED.
 * Returns the new user's sub.
 */
export async function createPupilAccount(username: string, oneTimePassword: string): Promise<string> {
  const UserPoolId = setting('userPoolId');
  let created;
  try {
    created = await cognito().send(
      new AdminCreateUserCommand({ UserPoolId, Username: username, MessageAction: 'SUPPRESS', TemporaryPassword: oneTimePassword }),
    );
  } catch (error) {
    if ((error as Error).name === 'UsernameExistsException') throw new UsernameTaken(username);
    throw error;
  }
  let sub = created.User?.Attributes?.find((attribute) => attribute.Name === 'sub')?.Value;
  if (!sub) {
    const fetched = await cognito().send(new AdminGetUserCommand({ UserPoolId, Username: username }));
    sub = fetched.UserAttributes?.find((attribute) => attribute.Name === 'sub')?.Value;
  }
  if (!sub) throw new Error(`Cognito gave no sub for the new user ${username}`);
  return sub;
}

/** Undo a half-made pupil account (the table write failed): it must not be able to sign in. */
export async function deleteAccount(username: string): Promise<void> {
  await cognito().send(new AdminDeleteUserCommand({ UserPoolId: setting('userPoolId'), Username: username }));
}

/** A new one-time password: the next sign-in must set a new one (NEW_PASSWORD_REQUIRED). */
export async function setOneTimePassword(username: string, oneTimePassword: string): Promise<void> {
  await cognito().send(
    new AdminSetUserPasswordCommand({ UserPoolId: setting('userPoolId'), Username: username, Password: oneTimePassword, Permanent: false }),
  );
}

/** How many times a sync that met another one runs again before giving up (WriteContention: the caller answers 503). */
export const groupSyncAttempts = 8;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Puts the user in the group of every TwinSpace type they hold in at least
 * one project, and out of the others: the types from the table (one
 * consistent Query of the user's partition, keys.ts pattern 1), the groups
 * from Cognito. Idempotent, so a failed sync is cured by running it again.
 * Returns the user's username and the types they hold.
 *
 * Concurrent syncs of one user are serialised by the user's group-sync
 * marker (data/users.ts): each reads its version BEFORE the projects, makes
 * its Cognito calls, then records itself on condition that the version has
 * not moved. A sync that read the projects before another change, and whose
 * Cognito calls may have undone a newer sync's, finds the version moved and
 * runs again from the table; so the last sync to finish has read the table
 * after every change whose sync finished, and the groups end as the table
 * says (two type changes at once once left a member in the older type's group).
 */
export async function syncTwinspaceGroups(store: TableStore, userId: string): Promise<{ username: string; heldTypes: TwinspaceType[] }> {
  for (let attempt = 0; attempt < groupSyncAttempts; attempt += 1) {
    const version = await readGroupSyncVersion(store, userId);
    const { profile, projects } = await getProfileAndProjects(store, userId, { consistent: true });
    if (!profile) throw new Error(`No profile for user ${userId}: cannot sync their groups`);
    const heldTypes = [...new Set(projects.map((project) => project.type))];
    await applyGroups(profile.username, heldTypes);
    if (await recordGroupSync(store, userId, version)) return { username: profile.username, heldTypes };
    // Another sync finished meanwhile: ours may rest on an older table; wait a little (full jitter) and do it again.
    await sleep(Math.random() * Math.min(500, 25 * 2 ** attempt));
  }
  throw new WriteContention(groupSyncAttempts);
}

/** Cognito's groups of the user brought to `heldTypes` (nss and evaluator left alone). */
async function applyGroups(Username: string, heldTypes: TwinspaceType[]): Promise<void> {
  const UserPoolId = setting('userPoolId');
  const currentGroups: string[] = [];
  let NextToken: string | undefined;
  do {
    const page: AdminListGroupsForUserCommandOutput = await cognito().send(
      new AdminListGroupsForUserCommand({ UserPoolId, Username, Limit: 60, NextToken }),
    );
    currentGroups.push(...(page.Groups ?? []).map((group) => group.GroupName ?? ''));
    NextToken = page.NextToken;
  } while (NextToken);
  const { add, remove } = groupChanges(heldTypes, currentGroups);
  // Removals first: a half-done sync then grants less than the table says, never more.
  for (const GroupName of remove) await cognito().send(new AdminRemoveUserFromGroupCommand({ UserPoolId, Username, GroupName }));
  for (const GroupName of add) await cognito().send(new AdminAddUserToGroupCommand({ UserPoolId, Username, GroupName }));
}
