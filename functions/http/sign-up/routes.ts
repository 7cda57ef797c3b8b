/**
 * A teacher's self sign-up (public, limited per source address), apart from
 * the NSS's validation (registrations area) so that the public route runs
 * with no Cognito admin right at all: SignUp is an unauthenticated Cognito
 * call, and its role may write only the items a sign-up writes
 * (infra/cdk/route-roles.ts, profile 'sign-up').
 */
import { registrationLimit } from '../../domain/rate-limits.ts';
import { area, route } from '../../lib/route.ts';
import { registrationBody, signUpReceived } from '../registrations/schemas.ts';

export const signUpRoutes = area('sign-up', {
  registerTeacher: route({
    name: 'register-teacher',
    method: 'POST',
    path: '/registrations',
    auth: 'public',
    summary:
      'A teacher signs up (public). Answers 202 with the same body whether or not the address already has an account (an existing account\'s owner is told by e-mail instead). A new account cannot sign in (UserNotConfirmedException) until the NSS of its country validates it. 503 with Retry-After while an earlier, unfinished sign-up of the address is being removed; too many sign-ups from one network: 429 with Retry-After',
    body: registrationBody,
    responses: { 202: signUpReceived },
    errors: ['UNAVAILABLE'],
    grants: ['sign-up'],
    throttle: { rateLimit: 2, burstLimit: 10 },
    rateLimit: registrationLimit,
  }),
});
