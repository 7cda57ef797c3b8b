/**
 * The NSS's side of a teacher's sign-up: the teachers of my country waiting
 * for validation, and my decision on one of them (DOMAIN.md, "People").
 *
 * Approve → AdminConfirmSignUp (they can sign in), then the table in one
 * transaction conditional on pending (registration approved, profile
 * validated, the e-mail into the outbox), then their school (created with
 * them as its first teacher). Reject → the table first (registration,
 * profile and username item deleted, the e-mail with the reason into the
 * outbox; conditional on pending, so a decision is taken once), then
 * AdminDeleteUser; the address may register again. Cognito first on approval
 * and the table first on rejection, so a concurrent approve and reject never
 * leave a validated profile without a user. The send-account-mail job sends
 * the e-mails (functions/data/account-mail.ts says why not from here).
 */
import { AdminConfirmSignUpCommand, AdminUpdateUserAttributesCommand } from '@aws-sdk/client-cognito-identity-provider';
import { ulid } from 'ulid';
import type { AccountMail } from '../data/account-mail.ts';
import { decodeIndexCursor } from '../data/index-cursor.ts';
import { gsi1 } from '../data/keys.ts';
import {
  approveRegistration,
  deleteRejectedRegistration,
  getRegistration,
  listPendingRegistrations,
  RegistrationConflict,
  type Registration,
} from '../data/registrations.ts';
import { createSchool } from '../data/schools.ts';
import { getUserProfile } from '../data/users.ts';
import { approvalMail, decisionConflict, rejectionMail, validationRefusal, type AccountMessage } from '../domain/registration.ts';
import { callerOf } from '../lib/claims.ts';
import { cognito, tableStore } from '../lib/clients.ts';
import { setting } from '../lib/config.ts';
import { encodeCursor } from '../lib/cursor.ts';
import { conflict, forbidden, notFound, parseOr400 } from '../lib/errors.ts';
import { httpHandler, json } from '../lib/http.ts';
import { logger } from '../lib/logger.ts';
import { deleteSignedUpUser } from './registrations.ts';
import {
  pendingTeachersQuery,
  teacherPathParams,
  validationBody,
  type PendingTeachersPage,
  type ValidationResponse,
} from './registration-schemas.ts';

/** A cursor of my country's waiting list, or 400 (a tampered one never peeks at another country). */
const decodePendingCursor = (cursor: string | undefined, country: string) =>
  decodeIndexCursor(cursor, { gsi1pk: gsi1.teachersPendingPartition(country), pkPrefix: 'USER#', sk: 'REGISTRATION' });

/** GET /nss/teachers?status=pending: teachers of my country waiting for validation, oldest first (NSS only). */
export const listPendingTeachers = httpHandler(async (event) => {
  const caller = callerOf(event);
  const query = parseOr400(pendingTeachersQuery, event.queryStringParameters ?? {}, 'query');
  const store = tableStore();
  const profile = await getUserProfile(store, caller.userId);
  if (profile?.kind !== 'nss') throw forbidden('Only NSS officers see the teachers waiting for validation.');
  const startKey = decodePendingCursor(query.cursor, profile.country);
  const { registrations, lastKey } = await listPendingRegistrations(store, profile.country, { limit: query.limit, startKey });
  const body: PendingTeachersPage = {
    items: registrations.map(({ userId, displayName, email, country, schoolName, city, registeredAt }) => ({
      userId,
      displayName,
      email,
      country,
      schoolName,
      city,
      registeredAt,
    })),
    nextCursor: encodeCursor(lastKey),
  };
  return json(200, body);
});

/** The validated teacher's school: made now, with them as its first teacher. A failure keeps the name on the profile. */
async function createTeacherSchool(registration: Registration, createdAt: string): Promise<string | undefined> {
  const schoolId = ulid();
  try {
    await createSchool(
      tableStore(),
      { schoolId, name: registration.schoolName, country: registration.country, city: registration.city, createdBy: registration.userId, createdAt, version: 1 },
      registration.userId,
    );
    return schoolId;
  } catch (error) {
    logger.warn('The validated teacher’s school could not be created; the profile keeps its name', { error: error as Error });
    return undefined;
  }
}

const outgoing = (to: string, message: AccountMessage, createdAt: string): AccountMail => ({ mailId: ulid(), to, ...message, createdAt });

/** POST /nss/teachers/{userId}/validation: the NSS of the teacher's country approves, or rejects with a reason, once. */
export const decideTeacherValidation = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { userId } = parseOr400(teacherPathParams, event.pathParameters ?? {}, 'path');
  const decision = parseOr400(validationBody, event.body ?? {}, 'body');
  const store = tableStore();
  const [validator, registration] = await Promise.all([getUserProfile(store, caller.userId), getRegistration(store, userId)]);
  if (validator?.kind !== 'nss') throw forbidden(validationRefusal(validator, '')!);
  if (!registration) throw notFound('No teacher registered under this id (a rejected registration is deleted).');
  const refusal = validationRefusal(validator, registration.country);
  if (refusal) throw forbidden(refusal);
  const notNow = decisionConflict(registration.status);
  if (notNow) throw conflict(notNow);

  const decidedAt = new Date().toISOString();
  if (decision.approve) {
    try {
      await cognito().send(new AdminConfirmSignUpCommand({ UserPoolId: setting('userPoolId'), Username: registration.email }));
    } catch (error) {
      // Already confirmed: an earlier attempt got this far; carry on with the table.
      const alreadyConfirmed = (error as Error).name === 'NotAuthorizedException' && /status is CONFIRMED/i.test((error as Error).message);
      if (!alreadyConfirmed) throw error;
    }
    // Their NSS vouches for the address (it came with the registration): account recovery by e-mail needs it verified.
    await cognito().send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: setting('userPoolId'),
        Username: registration.email,
        UserAttributes: [
          { Name: 'email', Value: registration.email },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
    const mail = outgoing(registration.email, approvalMail(registration.displayName, registration.email), decidedAt);
    try {
      await approveRegistration(store, registration, { decidedBy: caller.userId, decidedAt, mail });
    } catch (error) {
      if (error instanceof RegistrationConflict) throw conflict(error.message);
      throw error;
    }
    const schoolId = await createTeacherSchool(registration, decidedAt);
    return json(200, { userId, status: 'approved', decidedAt, ...(schoolId ? { schoolId } : {}) } satisfies ValidationResponse);
  }

  const reason = decision.reason!; // the schema requires it for a rejection
  const mail = outgoing(registration.email, rejectionMail(registration.displayName, reason), decidedAt);
  try {
    await deleteRejectedRegistration(store, registration, registration.email, mail);
  } catch (error) {
    if (error instanceof RegistrationConflict) throw conflict(error.message);
    throw error;
  }
  // The table no longer knows the teacher; an UNCONFIRMED user left behind could not sign in, but would block the address.
  await deleteSignedUpUser(registration.email).catch((error: unknown) =>
    logger.error('A rejected teacher’s Cognito user could not be deleted; their address stays blocked', { userId, error: error as Error }),
  );
  return json(200, { userId, status: 'rejected', decidedAt, reason } satisfies ValidationResponse);
});
