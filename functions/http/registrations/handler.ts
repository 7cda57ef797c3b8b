/**
 * The registrations area's function (routes.ts). POST /registrations
 * (public): a teacher signs up (DOMAIN.md, "People"). Cognito SignUp makes
 * the user UNCONFIRMED, so they cannot sign in (UserNotConfirmedException)
 * until the NSS of their country validates them (teacher-validation.ts). The
 * profile (validated: false), the username item and the pending registration
 * are then written in one transaction; if that write fails the Cognito user
 * is deleted again, so a failed sign-up leaves nothing behind. Being public,
 * it is limited per source address (domain/rate-limits.ts) before anything
 * else is done with the request.
 */
import { createRegistration, type Registration } from '../../data/registrations.ts';
import { findUserIdByUsername, type UserProfile } from '../../data/users.ts';
import { conflict, validationFailed } from '../../lib/errors.ts';
import { logger } from '../../lib/logger.ts';
import { countOf } from '../../lib/observability.ts';
import { areaHandler } from '../area.ts';
import { deleteSignedUpUser, errorName, removedOrphan, signUp } from './cognito-accounts.ts';
import { registrationsRoutes } from './routes.ts';
import { decideTeacherValidation, listPendingTeachers } from './teacher-validation.ts';

/** One answer whether the address belongs to a validated or a waiting teacher: nothing more is revealed. */
const emailTaken = () => conflict('This e-mail address is already registered. Sign in, or wait for your NSS to validate your account.');

function signUpProblem(error: unknown): unknown {
  if (errorName(error) === 'UsernameExistsException') return emailTaken();
  if (errorName(error) === 'InvalidPasswordException') {
    return validationFailed('The body is not valid.', [{ field: 'body.password', message: (error as Error).message }]);
  }
  return error;
}

export const handler = areaHandler(registrationsRoutes, {
  registerTeacher: async ({ body: input, store }) => {
    if (await findUserIdByUsername(store, input.email)) throw emailTaken();

    let userId: string;
    try {
      userId = await signUp(input.email, input.password);
    } catch (error) {
      // Cognito knows the address but our table does not (checked above): an
      // unconfirmed account made around this API (SignUp called directly with the
      // site's client id) or left by a failed undo. It must not block the address.
      if (errorName(error) !== 'UsernameExistsException' || !(await removedOrphan(input.email))) throw signUpProblem(error);
      userId = await signUp(input.email, input.password).catch((retryError: unknown) => {
        throw signUpProblem(retryError);
      });
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
    // Nothing in the table (a taken address, or a fault): the Cognito user must go too, or the address stays blocked.
    const undoSignUp = () =>
      deleteSignedUpUser(input.email).catch((undoError: unknown) =>
        logger.error('A failed sign-up left its Cognito user behind', { userId, error: undoError as Error }),
      );
    let outcome: Awaited<ReturnType<typeof createRegistration>>;
    try {
      outcome = await createRegistration(store, profile, registration);
    } catch (error) {
      await undoSignUp();
      throw error;
    }
    if (outcome === 'taken') {
      await undoSignUp();
      throw emailTaken();
    }
    countOf('TeachersRegistered');
    const { status: _status, ...created } = registration;
    return { status: 201, body: { ...created, status: 'pending' as const } };
  },

  listPendingTeachers,
  decideTeacherValidation,
});
