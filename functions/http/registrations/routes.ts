/**
 * A teacher's self sign-up (public, limited per source address) and its
 * validation by the NSS of their country (DOMAIN.md, "People"). Cognito
 * SignUp makes the user UNCONFIRMED; the NSS's approval confirms it, a
 * rejection deletes it: both need the Cognito admin calls.
 */
import { registrationLimit } from '../../domain/rate-limits.ts';
import { area, route } from '../../lib/route.ts';
import {
  pendingTeachersPage,
  pendingTeachersQuery,
  registrationBody,
  registrationResponse,
  teacherPathParams,
  validationBody,
  validationResponse,
} from './schemas.ts';

export const registrationsRoutes = area('registrations', {
  registerTeacher: route({
    name: 'register-teacher',
    method: 'POST',
    path: '/registrations',
    auth: 'public',
    summary:
      'A teacher signs up (public). Answers 201; the account cannot sign in (UserNotConfirmedException) until the NSS of its country validates it. A taken e-mail: 409; too many sign-ups from one network: 429 with Retry-After',
    body: registrationBody,
    responses: { 201: registrationResponse },
    errors: ['CONFLICT'],
    grants: ['identity-admin'],
    throttle: { rateLimit: 2, burstLimit: 10 },
    rateLimit: registrationLimit,
  }),
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
    grants: ['identity-admin'],
  }),
});
