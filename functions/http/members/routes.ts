/**
 * Members of a project (API.md, "Projects and members"): the roster as the
 * caller may see it, and member management by the project's teacher
 * administrators (add an existing teacher or guest, create a pupil's account,
 * change a type, remove, reset a pupil's password), each change synced to the
 * member's Cognito groups: so the area carries those Cognito admin calls
 * (memberAccounts below).
 *
 * No route declares a policy `action`: the roster's read runs its membership
 * check and its page at once (one wait, not two), and management answers
 * with its own sentences (access.ts), so the refusals are declared errors.
 */
import { pageQuery } from '../../lib/cursor.ts';
import { identityCalls } from '../../lib/identity-calls.ts';
import { area, identityGrant, route } from '../../lib/route.ts';
import { membersPage, projectPathParams } from '../schemas.ts';
import { addMemberBody, addMemberResponse, changeMemberTypeBody, changeMemberTypeResponse, memberPathParams, passwordResetResponse } from './schemas.ts';

/**
 * What managing members can answer beyond what the one gate answers
 * ('manage-members': unknown project 404, not a teacher administrator 403,
 * not approved or closed 409): an unknown member 404, a founder protected
 * 403, the last teacher administrator or a change meanwhile 409; the
 * member's Cognito groups not synced yet 503 (the change stands).
 */
const managing = ['FORBIDDEN', 'NOT_FOUND', 'CONFLICT'] as const;

/**
 * The Cognito admin calls of member management (lib/identity.ts): a pupil's
 * account made (and deleted again if the table write fails), a one-time
 * password set, and every change's group sync.
 */
const memberAccounts = identityGrant('members', [
  ...identityCalls.createPupilAccount,
  ...identityCalls.deleteAccount,
  ...identityCalls.setOneTimePassword,
  ...identityCalls.syncTwinspaceGroups,
]);

export const membersRoutes = area('members', {
  listMembers: route({
    name: 'list-members',
    method: 'GET',
    path: '/projects/{projectId}/members',
    auth: 'jwt',
    summary: 'The members with their type, as the caller may see them',
    params: projectPathParams,
    query: pageQuery,
    responses: { 200: membersPage },
    errors: ['FORBIDDEN', 'NOT_FOUND'],
  }),
  addMember: route({
    name: 'add-member',
    method: 'POST',
    path: '/projects/{projectId}/members',
    auth: 'jwt',
    action: 'manage-members',
    summary:
      'Add a member (teacher-admin, approved project): an existing teacher or guest {username, type}, or a new pupil {pupil: {displayName}, type} → their username and a one-time password, shown only here. Answers 201; a teacher becomes a partner',
    params: projectPathParams,
    body: addMemberBody,
    responses: { 201: addMemberResponse },
    errors: managing,
    grants: [memberAccounts],
  }),
  changeMemberType: route({
    name: 'change-member-type',
    method: 'PATCH',
    path: '/projects/{projectId}/members/{userId}',
    auth: 'jwt',
    action: 'manage-members',
    summary:
      "Change a member's type within their kind; syncs their Cognito groups (the same request again re-syncs after a 503). A type that may not chat (visitor) closes their open chat sockets",
    params: memberPathParams,
    body: changeMemberTypeBody,
    responses: { 200: changeMemberTypeResponse },
    errors: managing,
    grants: [memberAccounts, 'chat-connections'],
  }),
  removeMember: route({
    name: 'remove-member',
    method: 'DELETE',
    path: '/projects/{projectId}/members/{userId}',
    auth: 'jwt',
    action: 'manage-members',
    summary:
      'Remove a member (founders and the last teacher administrator are protected); their open chat sockets are closed. Answers 204 with no body',
    params: memberPathParams,
    responses: { 204: null },
    errors: managing,
    grants: [memberAccounts, 'chat-connections'],
  }),
  resetPupilPassword: route({
    name: 'reset-pupil-password',
    method: 'POST',
    path: '/projects/{projectId}/members/{userId}/password-reset',
    auth: 'jwt',
    action: 'manage-members',
    summary: 'A new one-time password for a pupil of the project; their next sign-in sets their own',
    params: memberPathParams,
    responses: { 200: passwordResetResponse },
    errors: managing,
    grants: [memberAccounts],
  }),
});
