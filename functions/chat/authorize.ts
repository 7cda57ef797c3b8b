/**
 * The WebSocket API's $connect REQUEST authorizer. The token and the project
 * come from the query string (?token=<IdToken>&projectId=<id>). A bad or
 * missing token throws 'Unauthorized' (API Gateway answers 401); a valid
 * token of someone who may not chat in that project gets a Deny policy (403):
 * a non-member, a visitor, or a project whose TwinSpace is closed.
 */
import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { tableStore } from '../lib/clients.ts';
import { logger, observedHandler } from '../lib/observability.ts';
import { getProjectAccess } from '../data/projects.ts';
import { mayJoinChat } from '../domain/chat-rules.ts';
import type { ChatAuthorizerContext } from './events.ts';
import { createIdTokenVerifier } from './token-verifier.ts';

// Once per container: the verifier caches the JWKS between invocations.
const verifyIdToken = createIdTokenVerifier();

function policy(principalId: string, effect: 'Allow' | 'Deny', resource: string, context?: ChatAuthorizerContext): APIGatewayAuthorizerResult {
  return {
    principalId,
    policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: resource }] },
    ...(context ? { context: { ...context } } : {}),
  };
}

async function handle(event: APIGatewayRequestAuthorizerEvent): Promise<APIGatewayAuthorizerResult> {
  const token = event.queryStringParameters?.token;
  if (!token) throw new Error('Unauthorized');
  let userId: string;
  try {
    userId = (await verifyIdToken(token)).sub;
  } catch (error) {
    logger.info('Chat connection refused: token not valid', { reason: (error as Error).message });
    throw new Error('Unauthorized');
  }
  if (!userId) throw new Error('Unauthorized');

  const projectId = event.queryStringParameters?.projectId;
  if (!projectId || !/^[0-9A-Za-z]{1,64}$/.test(projectId)) return policy(userId, 'Deny', event.methodArn);
  const { project, membership } = await getProjectAccess(tableStore(), projectId, userId);
  if (!project || !membership || !mayJoinChat(membership.type, project.state)) {
    return policy(userId, 'Deny', event.methodArn);
  }
  return policy(userId, 'Allow', event.methodArn, {
    userId,
    projectId,
    twinspaceType: membership.type,
    displayName: membership.displayName,
  });
}

/** In the Powertools middlewares every function runs in (log context, correlation id, trace, metrics). */
export const handler = observedHandler(handle);
