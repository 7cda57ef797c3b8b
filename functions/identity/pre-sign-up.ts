/**
 * Cognito's PreSignUp trigger: a self sign-up goes through only with the
 * ticket POST /registrations wrote for its address (domain/sign-up-ticket.ts),
 * so calling SignUp directly with the site's public client id makes no
 * account. A refusal is a thrown error: Cognito answers the SignUp with
 * UserLambdaValidationException ("PreSignUp failed with error <message>.").
 * The user stays UNCONFIRMED either way (autoConfirmUser stays false): the NSS
 * confirms teachers. Its role may read SIGNUP# items and nothing else.
 */
import type { PreSignUpTriggerEvent } from 'aws-lambda';
import { getSignUpTicket } from '../data/sign-up-tickets.ts';
import { signUpRefusal, ticketMetadataKey } from '../domain/sign-up-ticket.ts';
import { tableStore } from '../lib/clients.ts';
import { logger, observedHandler } from '../lib/observability.ts';

export const handler = observedHandler(async (event: PreSignUpTriggerEvent): Promise<PreSignUpTriggerEvent> => {
  const email = event.request.userAttributes?.email;
  const presented = event.request.clientMetadata?.[ticketMetadataKey];
  const ticket = event.triggerSource === 'PreSignUp_SignUp' && email && presented ? await getSignUpTicket(tableStore(), email) : undefined;
  const refusal = signUpRefusal({ triggerSource: event.triggerSource, userName: event.userName, email, presented }, ticket, Math.floor(Date.now() / 1000));
  if (refusal) {
    logger.warn('Refused a sign-up without a valid registration ticket', { triggerSource: event.triggerSource, hadTicket: Boolean(ticket) });
    throw new Error(refusal);
  }
  event.response.autoConfirmUser = false;
  event.response.autoVerifyEmail = false;
  return event;
});
