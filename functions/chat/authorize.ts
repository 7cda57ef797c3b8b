/**
 * The WebSocket API's $connect REQUEST authorizer. The token comes from the
 * query string (?token=<IdToken>); a projectId there is ignored: one socket
 * per signed-in tab carries the person's notifications, and chat rooms are
 * joined with a `join` frame, checked against the table then. A bad or
 * missing token throws 'Unauthorized' (API Gateway answers 401); any valid
 * token is allowed, with the context { userId }, except a staff account's
 * (NSS officer, evaluator) that shows no second factor: the socket would push
 * it the notifications the HTTP API refuses it (403 MFA_REQUIRED, the one
 * rule in lib/claims.ts), so it is refused too (401) until the person enrols.
 * Staff use no chat room (they are not project members), only this socket.
 */
import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { needsSecondFactor, parseGroups, secondFactorClaim, totpClaimValue } from '../lib/claims.ts';
import { logger, observedHandler } from '../lib/observability.ts';
import type { ChatAuthorizerContext } from './events.ts';
import { createIdTokenVerifier } from './token-verifier.ts';

// Once per container: the verifier caches the JWKS between invocations.
const verifyIdToken = createIdTokenVerifier();

function allow(principalId: string, resource: string, context: ChatAuthorizerContext): APIGatewayAuthorizerResult {
  return {
    principalId,
    policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: resource }] },
    context: { ...context },
  };
}

async function handle(event: APIGatewayRequestAuthorizerEvent): Promise<APIGatewayAuthorizerResult> {
  const token = event.queryStringParameters?.token;
  if (!token) throw new Error('Unauthorized');
  let claims: Awaited<ReturnType<typeof verifyIdToken>>;
  try {
    claims = await verifyIdToken(token);
  } catch (error) {
    logger.info('Live connection refused: token not valid', { reason: (error as Error).message });
    throw new Error('Unauthorized');
  }
  const userId = claims.sub;
  if (!userId) throw new Error('Unauthorized');
  const groups = parseGroups(claims['cognito:groups'] as string[] | string | undefined);
  if (needsSecondFactor({ groups, secondFactor: claims[secondFactorClaim] === totpClaimValue ? totpClaimValue : undefined })) {
    logger.info('Live connection refused: a staff account without a second factor');
    throw new Error('Unauthorized');
  }
  return allow(userId, event.methodArn, { userId });
}

/** In the Powertools middlewares every function runs in (log context, correlation id, trace, metrics). */
export const handler = observedHandler(handle);
