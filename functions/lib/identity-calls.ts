/**
 * The Cognito admin calls each helper of lib/identity.ts sends, for the
 * identity grants of the areas that use them (their routes.ts compose them).
 * Kept beside identity.ts: a helper that starts sending another call must be
 * listed here, or tests/infra/cognito-calls.test.ts fails (it reads the calls
 * from each area's bundle). No SDK import: route declarations import this,
 * and they stay free of handler code.
 */
import type { CognitoAdminCall } from './route.ts';

export const identityCalls = {
  /** A pupil's account, and its sub when AdminCreateUser's answer lacks it. */
  createPupilAccount: ['AdminCreateUser', 'AdminGetUser'],
  /** An account deleted: a half-made pupil's, an erased person's. */
  deleteAccount: ['AdminDeleteUser'],
  /** A pupil's new one-time password. */
  setOneTimePassword: ['AdminSetUserPassword'],
  /** The group sync: the user's groups read, then brought to the types the table says. */
  syncTwinspaceGroups: ['AdminListGroupsForUser', 'AdminRemoveUserFromGroup', 'AdminAddUserToGroup'],
} as const satisfies Record<string, readonly CognitoAdminCall[]>;
