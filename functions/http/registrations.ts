/**
 * A teacher's self sign-up and its validation by the NSS of their country
 * (DOMAIN.md, "People").
 *
 * POST /registrations (public): Cognito SignUp makes the user UNCONFIRMED, so
 * they cannot sign in (UserNotConfirmedException) until their NSS validates
 * them; the profile (validated: false), the username item and the pending
 * registration are then written in one transaction. If that write fails the
 * Cognito user is deleted again, so a failed sign-up leaves nothing behind.
 *
 * POST /nss/teachers/{userId}/validation: approve → AdminConfirmSignUp, then
 * the table (conditional on pending), then the teacher's school, then an
 * e-mail. Reject → the table first (conditional on pending: the decision is
 * taken once), then AdminDeleteUser, then an e-mail with the reason; the
 * address may register again. Cognito first on approval and table first on
 * rejection, so a concurrent approve and reject never leave a validated
 * profile without a user.
 */
import {
  AdminConfirmSignUpCommand,
  AdminDeleteUserCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { ulid } from 'ulid';
import * as z from 'zod';
import { gsi1 } from '../data/keys.ts';
import {
  approveRegistration,
  createRegistration,
  deleteRejectedRegistration,
  getRegistration,
  listPendingRegistrations,
  RegistrationConflict,
  type Registration,
} from '../data/registrations.ts';
import { createSchool } from '../data/schools.ts';
import { findUserIdByUsername, getUserProfile, type UserProfile } from '../data/users.ts';
import { approvalMail, decisionConflict, rejectionMail, validationRefusal, type AccountMail } from '../domain/registration.ts';
import { callerOf } from '../lib/claims.ts';
import { cognito, mail, tableStore } from '../lib/clients.ts';
import { setting } from '../lib/config.ts';
import { encodeCursor } from '../lib/cursor.ts';
import { conflict, forbidden, notFound, parseOr400, validationFailed } from '../lib/errors.ts';
import { httpHandler, json } from '../lib/http.ts';
import { logger } from '../lib/logger.ts';
import {
  pendingTeachersQuery,
  registrationBody,
  teacherPathParams,
  validationBody,
  type PendingTeachersPage,
  type RegistrationResponse,
  type ValidationResponse,
} from './registration-schemas.ts';

/** One answer whether the address belongs to a validated or a waiting teacher: nothing more is revealed. */
const emailTaken = () => conflict('This e-mail address is already registered. Sign in, or wait for your NSS to validate your account.');

const errorName = (error: unknown) => (error as { name?: string } | undefined)?.name ?? '';

async function deleteCognitoUser(username: string): Promise<void> {
  try {
    await cognito().send(new AdminDeleteUserCommand({ UserPoolId: setting('userPoolId'), Username: username }));
  } catch (error) {
    if (errorName(error) !== 'UserNotFoundException') throw error;
  }
}

/** The decision is recorded whatever happens to the e-mail: a failed send is logged, not an error. */
async function sendAccountMail(to: string, message: AccountMail): Promise<void> {
  try {
    await mail().send(
      new SendEmailCommand({
        FromEmailAddress: setting('mailFrom'),
        Destination: { ToAddresses: [to] },
        Content: { Simple: { Subject: { Data: message.subject }, Body: { Text: { Data: message.text } } } },
      }),
    );
  } catch (error) {
    logger.warn('The account e-mail could not be sent; the decision stands', { error: error as Error });
  }
}

/** POST /registrations: a teacher signs up; they can sign in once their NSS validates them. */
export const registerTeacher = httpHandler(async (event) => {
  const input = parseOr400(registrationBody, event.body ?? {}, 'body');
  const store = tableStore();
  if (await findUserIdByUsername(store, input.email)) throw emailTaken();

  let userId: string;
  try {
    const signedUp = await cognito().send(
      new SignUpCommand({
        ClientId: setting('userPoolClientId'),
        Username: input.email,
        Password: input.password,
        UserAttributes: [{ Name: 'email', Value: input.email }],
      }),
    );
    if (!signedUp.UserSub) throw new Error('Cognito SignUp gave no UserSub');
    userId = signedUp.UserSub;
  } catch (error) {
    if (errorName(error) === 'UsernameExistsException') throw emailTaken();
    if (errorName(error) === 'InvalidPasswordException') {
      throw validationFailed('The body is not valid.', [{ field: 'body.password', message: (error as Error).message }]);
    }
    throw error;
  }

  const registeredAt = new Date().toISOString();
  const profile: UserProfile = {
    userId,
    username: input.email,
    kind: 'teacher',
    country: input.country,
    displayName: input.displayName,
    school: input.schoolName,
    email: input.email,
    validated: false,
    version: 1,
    createdAt: registeredAt,
  };
  const registration: Registration = {
    userId,
    email: input.email,
    displayName: input.displayName,
    country: input.country,
    schoolName: input.schoolName,
    city: input.city,
    registeredAt,
    status: 'pending',
  };
  try {
    await createRegistration(store, profile, registration);
  } catch (error) {
    // Nothing in the table: the Cognito user must go too, or the address stays blocked.
    await deleteCognitoUser(input.email).catch((undoError: unknown) =>
      logger.error('A failed sign-up left its Cognito user behind', { userId, error: undoError as Error }),
    );
    if (error instanceof RegistrationConflict) throw emailTaken();
    throw error;
  }
  const { status: _status, ...created } = registration;
  return json(201, { ...created, status: 'pending' } satisfies RegistrationResponse);
});

/** A GSI page's LastEvaluatedKey carries the index keys and the table keys. */
const pendingCursorKey = z.object({ PK: z.string(), SK: z.string(), GSI1PK: z.string(), GSI1SK: z.string() }).strict();

/** A cursor of my country's waiting list, or 400 (a tampered one never peeks at another country). */
function decodePendingCursor(cursor: string | undefined, country: string): Record<string, unknown> | undefined {
  if (cursor === undefined) return undefined;
  const fail = () => validationFailed('The cursor is not valid.', [{ field: 'query.cursor', message: 'Not a cursor this list gave out.' }]);
  if (!/^[A-Za-z0-9_-]{1,2048}$/.test(cursor)) throw fail();
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw fail();
  }
  const parsed = pendingCursorKey.safeParse(decoded);
  if (
    !parsed.success ||
    parsed.data.GSI1PK !== gsi1.teachersPendingPartition(country) ||
    !parsed.data.PK.startsWith('USER#') ||
    parsed.data.SK !== 'REGISTRATION'
  ) {
    throw fail();
  }
  return parsed.data;
}

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
      if (!(errorName(error) === 'NotAuthorizedException' && /status is CONFIRMED/i.test((error as Error).message))) throw error;
    }
    try {
      await approveRegistration(store, registration, caller.userId, decidedAt);
    } catch (error) {
      if (error instanceof RegistrationConflict) throw conflict(error.message);
      throw error;
    }
    const schoolId = await createTeacherSchool(registration, decidedAt);
    await sendAccountMail(registration.email, approvalMail(registration.displayName, registration.email));
    return json(200, { userId, status: 'approved', decidedAt, ...(schoolId ? { schoolId } : {}) } satisfies ValidationResponse);
  }

  const reason = decision.reason!; // the schema requires it for a rejection
  try {
    await deleteRejectedRegistration(store, registration, registration.email);
  } catch (error) {
    if (error instanceof RegistrationConflict) throw conflict(error.message);
    throw error;
  }
  // The table no longer knows the teacher; an UNCONFIRMED user left behind could not sign in, but would block the address.
  await deleteCognitoUser(registration.email).catch((error: unknown) =>
    logger.error('A rejected teacher’s Cognito user could not be deleted; their address stays blocked', { userId, error: error as Error }),
  );
  await sendAccountMail(registration.email, rejectionMail(registration.displayName, reason));
  return json(200, { userId, status: 'rejected', decidedAt, reason } satisfies ValidationResponse);
});
