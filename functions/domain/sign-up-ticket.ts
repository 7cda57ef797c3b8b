/**
 * The sign-up ticket (issue 11, "sign-up bypass"): Cognito's SignUp is an
 * unauthenticated call anyone can make with the site's public client id, so
 * the user pool's PreSignUp trigger accepts a sign-up only when it comes with
 * the ticket POST /registrations wrote for that address moments before: same
 * address, same secret (passed in SignUp's ClientMetadata, never shown to the
 * caller), not expired. Everything else is refused, so accounts are only made
 * through the API and its limits.
 *
 * An orphan is a Cognito user whose registration never reached the table (the
 * table write failed after SignUp). It blocks its address (SignUp answers
 * UsernameExistsException) until it is removed; only one older than any
 * registration still in flight may be removed, so a concurrent attempt
 * never deletes the user another request is about to register.
 */

/** ClientMetadata key that carries the ticket's secret to the trigger. */
export const ticketMetadataKey = 'registrationTicket';

/** A ticket lives this long: SignUp follows its writing within the same request. */
export const signUpTicketSeconds = 300;

/** A Cognito user without a registration is an orphan once this old (longer than the sign-up function's timeout, 10 s). */
export const orphanMinimumAgeSeconds = 15;

export interface SignUpTicket {
  /** The normalised (lower-case) address; the ticket's key. */
  email: string;
  /** Random, base64url; compared in constant time. */
  secret: string;
  /** Epoch seconds (also the item's TTL). */
  expiresAt: number;
}

export interface SignUpAttempt {
  /** PreSignUp_SignUp, PreSignUp_AdminCreateUser or PreSignUp_ExternalProvider. */
  triggerSource: string;
  userName: string;
  email: string | undefined;
  /** The secret the caller passed in ClientMetadata, if any. */
  presented: string | undefined;
}

export const signUpRefusals = {
  noTicket: 'Teachers sign up on the Twinspace site.',
  federated: 'Twinspace has no external sign-in.',
} as const;

/** Equal strings, in time that does not depend on where they differ. */
function sameSecret(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index += 1) difference |= a.charCodeAt(index) ^ b.charCodeAt(index);
  return difference === 0;
}

/**
 * Why Cognito must refuse this sign-up, or undefined to let it through.
 * AdminCreateUser (pupils' accounts, made by the members area with IAM rights)
 * passes; a self sign-up needs its ticket; external providers are not used.
 */
export function signUpRefusal(attempt: SignUpAttempt, ticket: SignUpTicket | undefined, nowSeconds: number): string | undefined {
  if (attempt.triggerSource === 'PreSignUp_AdminCreateUser') return undefined;
  if (attempt.triggerSource !== 'PreSignUp_SignUp') return signUpRefusals.federated;
  const email = attempt.email?.toLowerCase();
  if (!email || !attempt.presented || !ticket) return signUpRefusals.noTicket;
  if (attempt.userName.toLowerCase() !== email || ticket.email !== email) return signUpRefusals.noTicket;
  if (ticket.expiresAt <= nowSeconds) return signUpRefusals.noTicket;
  if (!sameSecret(ticket.secret, attempt.presented)) return signUpRefusals.noTicket;
  return undefined;
}

/** Whether a Cognito user with no registration in the table may be removed now: unconfirmed, and older than any sign-up in flight. */
export function isRemovableOrphan(account: { status: string | undefined; createdAt: Date | undefined }, hasRegistration: boolean, now: Date): boolean {
  if (hasRegistration || account.status !== 'UNCONFIRMED' || !account.createdAt) return false;
  return now.getTime() - account.createdAt.getTime() >= orphanMinimumAgeSeconds * 1000;
}
