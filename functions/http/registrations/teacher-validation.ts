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
import { ulid } from 'ulid';
import type { AccountMail } from '../../data/account-mail.ts';
import { decodeIndexCursor } from '../../data/index-cursor.ts';
import { gsi1 } from '../../data/keys.ts';
import { approveRegistration, deleteRejectedRegistration, getRegistration, listPendingRegistrations, type Registration } from '../../data/registrations.ts';
import { createSchool } from '../../data/schools.ts';
import type { TableStore } from '../../data/store.ts';
import { getUserProfile } from '../../data/users.ts';
import { approvalMail, decisionConflict, rejectionMail, validationRefusal, type AccountMessage } from '../../domain/registration.ts';
import { encodeCursor } from '../../lib/cursor.ts';
import { conflict, forbidden, notFound } from '../../lib/errors.ts';
import { logger } from '../../lib/logger.ts';
import type { Reply, RouteRequest } from '../router.ts';
import { confirmValidatedTeacher, deleteSignedUpUser } from './cognito-accounts.ts';
import type { registrationsRoutes } from './routes.ts';

type Routes = (typeof registrationsRoutes)['routes'];

/** A cursor of my country's waiting list, or 400 (a tampered one never peeks at another country). */
const decodePendingCursor = (cursor: string | undefined, country: string) =>
  decodeIndexCursor(cursor, { gsi1pk: gsi1.teachersPendingPartition(country), pkPrefix: 'USER#', sk: 'REGISTRATION' });

/** GET /nss/teachers?status=pending: teachers of my country waiting for validation, oldest first (NSS only). */
export async function listPendingTeachers({
  caller,
  query,
  store,
}: RouteRequest<Routes['listPendingTeachers']>): Promise<Reply<Routes['listPendingTeachers']>> {
  const profile = await getUserProfile(store, caller.userId);
  if (profile?.kind !== 'nss') throw forbidden('Only NSS officers see the teachers waiting for validation.');
  const startKey = decodePendingCursor(query.cursor, profile.country);
  const { registrations, lastKey } = await listPendingRegistrations(store, profile.country, { limit: query.limit, startKey });
  return {
    status: 200,
    body: {
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
    },
  };
}

/** The validated teacher's school: made now, with them as its first teacher. A failure keeps the name on the profile. */
async function createTeacherSchool(store: TableStore, registration: Registration, createdAt: string): Promise<string | undefined> {
  const schoolId = ulid();
  try {
    const outcome = await createSchool(
      store,
      { schoolId, name: registration.schoolName, country: registration.country, city: registration.city, createdBy: registration.userId, createdAt, version: 1 },
      registration.userId,
    );
    // 'joined' or 'exists': the teacher already had a school, so this one was not made; say none was.
    return outcome === 'created' ? schoolId : undefined;
  } catch (error) {
    logger.warn('The validated teacher’s school could not be created; the profile keeps its name', { error: error as Error });
    return undefined;
  }
}

const outgoing = (to: string, message: AccountMessage, createdAt: string): AccountMail => ({ mailId: ulid(), to, ...message, createdAt });

const noLongerPending = () => conflict('This teacher is no longer waiting for validation.');

/** POST /nss/teachers/{userId}/validation: the NSS of the teacher's country approves, or rejects with a reason, once. */
export async function decideTeacherValidation({
  caller,
  params: { userId },
  body: decision,
  store,
}: RouteRequest<Routes['decideTeacherValidation']>): Promise<Reply<Routes['decideTeacherValidation']>> {
  const [validator, registration] = await Promise.all([getUserProfile(store, caller.userId), getRegistration(store, userId)]);
  if (validator?.kind !== 'nss') throw forbidden(validationRefusal(validator, '')!);
  if (!registration) throw notFound('No teacher registered under this id (a rejected registration is deleted).');
  const refusal = validationRefusal(validator, registration.country);
  if (refusal) throw forbidden(refusal);
  const notNow = decisionConflict(registration.status);
  if (notNow) throw conflict(notNow);

  const decidedAt = new Date().toISOString();
  if (decision.approve) {
    await confirmValidatedTeacher(registration.email);
    const mail = outgoing(registration.email, approvalMail(registration.displayName, registration.email), decidedAt);
    if ((await approveRegistration(store, registration, { decidedBy: caller.userId, decidedAt, mail })) === 'not-pending') throw noLongerPending();
    const schoolId = await createTeacherSchool(store, registration, decidedAt);
    return { status: 200, body: { userId, status: 'approved', decidedAt, ...(schoolId ? { schoolId } : {}) } };
  }

  const reason = decision.reason!; // the schema requires it for a rejection
  const mail = outgoing(registration.email, rejectionMail(registration.displayName, reason), decidedAt);
  if ((await deleteRejectedRegistration(store, registration, registration.email, mail)) === 'not-pending') throw noLongerPending();
  // The table no longer knows the teacher; an UNCONFIRMED user left behind could not sign in, but would block the address.
  await deleteSignedUpUser(registration.email).catch((error: unknown) =>
    logger.error('A rejected teacher’s Cognito user could not be deleted; their address stays blocked', { userId, error: error as Error }),
  );
  return { status: 200, body: { userId, status: 'rejected', decidedAt, reason } };
}
