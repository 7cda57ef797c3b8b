/**
 * The validation of a teacher's sign-up by the NSS of their country (DOMAIN.md,
 * "People"). The sign-up itself (POST /registrations, public) is the sign-up
 * area, which holds no Cognito admin right. Cognito SignUp makes the user
 * UNCONFIRMED; the NSS's approval confirms it, a rejection deletes it: both
 * need Cognito admin calls, and only those (teacherValidation below).
 */
import { area, identityGrant, route } from '../../lib/route.ts';
import {
  pendingTeachersPage,
  pendingTeachersQuery,
  teacherPathParams,
  validationBody,
  validationResponse,
} from './schemas.ts';

/**
 * The Cognito admin calls of cognito-accounts.ts: a validated teacher
 * confirmed and their address verified, a rejected one's user deleted. No
 * password is set and no other user touched: deletion is of the sign-up
 * being decided.
 */
const teacherValidation = identityGrant('teacher-validation', ['AdminConfirmSignUp', 'AdminDeleteUser', 'AdminUpdateUserAttributes']);

export const registrationsRoutes = area('registrations', {
  listPendingTeachers: route({
    name: 'list-pending-teachers',
    method: 'GET',
    path: '/nss/teachers',
    auth: 'jwt',
    summary: 'Teachers of my country waiting for validation, oldest first (NSS officers)',
    query: pendingTeachersQuery,
    responses: { 200: pendingTeachersPage },
    errors: ['FORBIDDEN'],
  }),
  decideTeacherValidation: route({
    name: 'decide-teacher-validation',
    method: 'POST',
    path: '/nss/teachers/{userId}/validation',
    auth: 'jwt',
    summary:
      "The NSS of the teacher's country validates them (they can sign in; their school is created) or rejects them with a reason (the account is deleted); once, while pending. The teacher gets an e-mail (sent by the send-account-mail job within a minute)",
    params: teacherPathParams,
    body: validationBody,
    responses: { 200: validationResponse },
    errors: ['FORBIDDEN', 'NOT_FOUND', 'CONFLICT'],
    grants: [teacherValidation],
  }),
});
