/**
 * What every probe of the policy walk shares. A probe makes one request a
 * user of that action would make, in a TwinSpace of the walk's own
 * (tests/support/twinspace.ts), and says whether the API let the caller do it.
 * Each area keeps its probes in `<area>.probes.ts` beside this file; the walk
 * finds them all (policy-walk.test.ts).
 */
import type { Action } from '../../../functions/domain/policy.ts';
import type { LocalEndpoints } from '../../../infra/local/endpoints.ts';
import type { TestTwinspace, TwinspaceCaller } from '../../support/twinspace.ts';

export type Outcome = 'allowed' | 'denied';

export interface ProbeContext {
  endpoints: LocalEndpoints;
  space: TestTwinspace;
}

export type Probe = (caller: TwinspaceCaller, context: ProbeContext) => Promise<Outcome>;
export type Probes = Partial<Record<Action, Probe>>;

export interface Answer {
  status: number;
  body: any;
}

/** One request as the caller (no token when signed out). */
export async function callAs(endpoints: LocalEndpoints, caller: TwinspaceCaller, method: string, path: string, body?: unknown): Promise<Answer> {
  const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
  if (caller.idToken) headers.authorization = `Bearer ${caller.idToken}`;
  const response = await fetch(`${endpoints.api}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/**
 * A real request's outcome: 2xx allowed, 401/403 denied. Anything else means
 * the probe or the route is wrong, and the walk must not guess: it fails.
 */
export function outcome(answer: Answer, what: string): Outcome {
  if (answer.status >= 200 && answer.status < 300) return 'allowed';
  if (answer.status === 401 || answer.status === 403) return 'denied';
  throw new Error(`${what}: expected 2xx, 401 or 403, got ${answer.status} ${JSON.stringify(answer.body)}`);
}

/**
 * For a probe built to fail just after the gate (e.g. reopening an open
 * project): past the gate is allowed, but only with the status the probe
 * expects; 401/403 denied.
 */
export function pastGate(answer: Answer, expectedAfterGate: number, what: string): Outcome {
  if (answer.status === 401 || answer.status === 403) return 'denied';
  if (answer.status !== expectedAfterGate) throw new Error(`${what}: expected ${expectedAfterGate}, 401 or 403, got ${answer.status} ${JSON.stringify(answer.body)}`);
  return 'allowed';
}
