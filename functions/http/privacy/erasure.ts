/**
 * POST /people/{userId}/erasure (issue 11, GDPR): who may is decided by functions/domain/erasure.ts from the table
 * (the caller's memberships in the target's projects, the NSS's country), what becomes of each item too; the author
 * index is walked by data/erasure.ts. The privacy area's role may make one Cognito admin call, AdminDeleteUser (its
 * routes.ts), and reach the chat's @connections (the person's open sockets leave their rooms).
 *
 * Order, so that a fault anywhere is resumed by the same request: the profile records who began; the author index;
 * the project items that copy their name; mailboxes, mutes, chat; the Cognito user; memberships, username, their
 * partition; the profile last. Once the profile is gone the person is unknown: 404.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { accountItems, eraseAccount, eraseAuthored, erasureBegunBy, markErasureBegun, projectIdsOf } from '../../data/erasure.ts';
import { keys } from '../../data/keys.ts';
import { getMembership, listTeacherAdminIds } from '../../data/memberships.ts';
import type { TableStore } from '../../data/store.ts';
import { getUserProfile } from '../../data/users.ts';
import { judgeErasure, type ErasureMode } from '../../domain/erasure.ts';
import { objectKeys } from '../../domain/materials.ts';
import type { TwinspaceType } from '../../domain/twinspace-types.ts';
import type { Caller } from '../../lib/claims.ts';
import { conflict, forbidden, notFound, validationFailed } from '../../lib/errors.ts';
import { deleteAccount } from '../../lib/identity.ts';
import { logger } from '../../lib/logger.ts';
import { deleteObject, deletePrefix } from '../../lib/storage.ts';
import { countOf } from '../../lib/observability.ts';
import { leaveChatRoom } from '../members/chat-access.ts';
import type { ErasureResponse } from './schemas.ts';

/**
 * A deleted album's or folder's objects (everything under its prefix), a deleted file's (its original, thumbnails, or
 * its upload while pending): the area has the materials bucket's 'manage' access (infra/cdk/materials-storage.ts).
 */
const bucket = {
  materialDeleted: async ({ projectId, materialId }: { projectId: string; materialId: string }) => {
    await deletePrefix(objectKeys.materialPrefix(projectId, materialId));
  },
  fileDeleted: async (file: Record<string, unknown>) => {
    const { original, small, large } = (file.objects ?? {}) as Record<string, string | undefined>;
    const objects = [original, small, large].filter((key): key is string => key !== undefined);
    if (file.status === 'pending') objects.push(objectKeys.incoming(file.projectId as string, file.materialId as string, file.fileId as string));
    await Promise.all(objects.map((key) => deleteObject(key)));
  },
};

/** The titles of the projects of which the person is the only teacher administrator (their inverse items say their type). */
async function lastTeacherAdminOf(store: TableStore, userId: string, own: Record<string, unknown>[]): Promise<string[]> {
  const administered = own.filter((item) => (item.SK as string).startsWith('PROJECT#') && item.type === 'teacher-admin');
  const alone = await Promise.all(
    administered.map(async (item) => {
      const admins = await listTeacherAdminIds(store, (item.SK as string).slice('PROJECT#'.length));
      return admins.length === 1 && admins[0] === userId ? [(item.title as string | undefined) ?? ''] : [];
    }),
  );
  return alone.flat();
}

const unknownPerson = () => notFound('No account has this id (perhaps it was erased already).');

export async function erasePerson(store: TableStore, caller: Caller, userId: string, mode: ErasureMode): Promise<{ status: 200; body: ErasureResponse }> {
  const [callerProfile, own] = await Promise.all([getUserProfile(store, caller.userId), accountItems(store, userId)]);
  const profileItem = own.find((item) => item.SK === 'PROFILE');
  if (!profileItem) throw unknownPerson();
  if (!callerProfile) throw forbidden('Your account has no profile yet.');
  const { memberOf } = projectIdsOf(own);
  const callerTypes = (await Promise.all(memberOf.map((projectId) => getMembership(store, projectId, caller.userId))))
    .filter((membership) => membership !== undefined)
    .map((membership) => membership.type as TwinspaceType);
  const verdict = judgeErasure(
    { userId: caller.userId, kind: callerProfile.kind, country: callerProfile.country, typesInTargetProjects: callerTypes, began: erasureBegunBy(profileItem).has(caller.userId) },
    { userId, kind: profileItem.kind as never, country: profileItem.country as string | undefined, lastTeacherAdminOf: await lastTeacherAdminOf(store, userId, own) },
  );
  if (!verdict.allowed) {
    if (verdict.status === 400) throw validationFailed(verdict.reason, [{ field: 'path.userId', message: verdict.reason }]);
    if (verdict.status === 409) throw conflict(verdict.reason);
    throw forbidden(verdict.reason);
  }
  const erased = { userId, kind: verdict.kind };
  await markErasureBegun(store, userId, caller.userId, mode, new Date().toISOString());
  const count = await eraseAuthored(store, erased, mode, bucket);
  await eraseAccount(store, erased, own, async () => {
    for (const projectId of memberOf) await leaveChatRoom(store, projectId, userId);
    try {
      await deleteAccount(profileItem.username as string);
    } catch (error) {
      // Already gone (an earlier run got this far): the table's part goes on.
      if ((error as { name?: string }).name !== 'UserNotFoundException') throw error;
    }
  });
  countOf('PeopleErased');
  logger.info('A person was erased', { userId, kind: erased.kind, mode, by: verdict.as, ...count });
  return { status: 200, body: { userId, kind: erased.kind, mode, ...count } };
}

/** Whether the profile item still stands (tests and the resume path read it). */
export async function profileStands(store: TableStore, userId: string): Promise<boolean> {
  const { Item } = await store.db.send(new GetCommand({ TableName: store.tableName, Key: keys.userProfile(userId) }));
  return Item !== undefined;
}
