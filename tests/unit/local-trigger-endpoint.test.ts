/**
 * The local Lambda Invoke endpoint cognito-local calls for the user pool's
 * triggers (infra/local/trigger-endpoint.ts): Lambda's path and answers, the
 * same handler modules as the cloud.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityTriggers } from '../../functions/routes.ts';
import { cognitoTriggerFunctions, startTriggerEndpoint, type TriggerEndpoint } from '../../infra/local/trigger-endpoint.ts';

let endpoint: TriggerEndpoint;
beforeAll(async () => {
  endpoint = await startTriggerEndpoint();
});
afterAll(() => endpoint?.stop());

const invoke = (name: string, body: string) => fetch(`${endpoint.url}/2015-03-31/functions/${name}/invocations`, { method: 'POST', body });

describe('local trigger endpoint', () => {
  it('listens on 127.0.0.1 and names cognito-local’s PreSignUp and PreTokenGeneration after the route table’s triggers', () => {
    expect(endpoint.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(cognitoTriggerFunctions).toEqual({ PreSignUp: 'pre-sign-up', PreTokenGeneration: 'pre-token-generation' });
    expect(Object.values(identityTriggers).map((trigger) => trigger.module)).toEqual(['identity/pre-sign-up', 'identity/pre-token-generation']);
  });

  it('runs the named handler with the posted event and answers its result as the payload', async () => {
    const event = JSON.parse(readFileSync(new URL('../../events/samples/pre-token-generation.json', import.meta.url), 'utf8'));
    const response = await invoke('pre-token-generation', JSON.stringify(event));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-amz-function-error')).toBeNull();
    const payload = await response.json();
    expect(payload.userName).toBe(event.userName);
    expect(payload.response).toBeDefined();
  });

  it('answers 404 ResourceNotFoundException for a function that is not a trigger', async () => {
    const response = await invoke('http-registrations', '{}');
    expect(response.status).toBe(404);
    expect(response.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
  });

  it('answers 400 for a body that is not JSON, as Lambda does', async () => {
    const response = await invoke('pre-sign-up', 'not json');
    expect(response.status).toBe(400);
  });
});
