/**
 * The user pool's Lambda triggers, locally: cognito-local calls Lambda's
 * Invoke API (its config's `LambdaClient` endpoint, `TriggerFunctions` names
 * the functions), and this small server answers it by running the same
 * handler modules as the cloud (functions/routes.ts identityTriggers) in this
 * process, through lambda-runtime.ts.
 *
 * Only what cognito-local uses of the Invoke API: POST
 * /2015-03-31/functions/{name}/invocations with the event as the body, a
 * synchronous answer with the handler's result as the payload. A handler that
 * throws answers as Lambda does: 200 with `X-Amz-Function-Error: Unhandled`
 * and `{ errorMessage, errorType }`, which cognito-local turns into
 * UserLambdaValidationException ("<name> failed with error <message>."), as
 * Cognito does.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { identityTriggers, type HandlerRef } from '../../functions/routes.ts';
import { invokeHandler } from './lambda-runtime.ts';
import { localHost } from './ports.ts';

/** cognito-local's `TriggerFunctions`: its trigger names → our function names. */
export const cognitoTriggerFunctions = {
  PreSignUp: identityTriggers.preSignUp.name,
  PreTokenGeneration: identityTriggers.preTokenGeneration.name,
} as const;

/** Cognito gives a trigger 5 seconds. */
const triggerTimeoutMs = 5_000;

const invocationPath = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;

export interface TriggerEndpoint {
  /** http://127.0.0.1:<port>, for cognito-local's LambdaClient. */
  url: string;
  stop(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function answer(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body ?? null));
}

async function serve(request: IncomingMessage, response: ServerResponse, functions: ReadonlyMap<string, HandlerRef>): Promise<void> {
  const match = invocationPath.exec(new URL(request.url ?? '/', 'http://local').pathname);
  if (request.method !== 'POST' || !match) {
    answer(response, 404, { message: 'Only the Invoke API is served here' }, { 'x-amzn-errortype': 'ResourceNotFoundException' });
    return;
  }
  const ref = functions.get(decodeURIComponent(match[1]));
  if (!ref) {
    answer(response, 404, { Type: 'User', message: `Function not found: ${match[1]}` }, { 'x-amzn-errortype': 'ResourceNotFoundException' });
    return;
  }
  let event: unknown;
  try {
    event = JSON.parse(await readBody(request));
  } catch {
    answer(response, 400, { Type: 'User', message: 'Could not parse request body into json' }, { 'x-amzn-errortype': 'InvalidRequestContentException' });
    return;
  }
  try {
    const result = await invokeHandler(ref, event, triggerTimeoutMs);
    answer(response, 200, result, { 'x-amz-executed-version': '$LATEST' });
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    answer(response, 200, { errorType: failure.name, errorMessage: failure.message }, { 'x-amz-function-error': 'Unhandled', 'x-amz-executed-version': '$LATEST' });
  }
}

/** Starts the endpoint on a free port of 127.0.0.1 (the OS picks it). */
export async function startTriggerEndpoint(handlers: readonly HandlerRef[] = Object.values(identityTriggers)): Promise<TriggerEndpoint> {
  const functions = new Map(handlers.map((handler) => [handler.name, handler]));
  const server: Server = createServer((request, response) => {
    serve(request, response, functions).catch((error: unknown) => {
      if (!response.headersSent) answer(response, 500, { message: error instanceof Error ? error.message : String(error) }, { 'x-amzn-errortype': 'ServiceException' });
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, localHost, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${localHost}:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
