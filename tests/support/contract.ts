/**
 * The contract check: a real response of the local API against its route's
 * declaration (functions/lib/route.ts). Every status must be declared — a
 * success with its schema, an error among the route's error codes in the
 * error format — so an undocumented status or a body that does not match its
 * schema fails whichever test received it. tests/support/clients.ts runs it on
 * every answer; tests/integration/contract.test.ts walks every route.
 */
import { errorBody } from '../../functions/http/schemas.ts';
import { errorStatus } from '../../functions/lib/errors.ts';
import { contentTypesOf, errorCodesOf, isTextResponse, type SuccessStatus } from '../../functions/lib/route.ts';
import { httpRoutes } from '../../functions/routes.ts';
import { matchRoute } from '../../infra/local/http-event.ts';

export interface ObservedResponse {
  method: string;
  /** Path and query as sent. */
  url: string;
  status: number;
  contentType: string | null;
  /** Parsed JSON, or the text for a text response. */
  body: unknown;
}

/** API Gateway's own answers (the JWT authorizer's 401, no route's 404), which no handler writes. */
const gatewayMessages: Record<number, string> = { 401: 'Unauthorized', 404: 'Not Found', 504: 'Gateway Timeout' };

/** What is wrong with this response under its route's declaration, or undefined when nothing is. */
export function contractViolation(response: ObservedResponse): string | undefined {
  const where = `${response.method} ${response.url} → ${response.status}`;
  let match;
  try {
    match = matchRoute(httpRoutes, response.method, response.url.split('?')[0]);
  } catch {
    return response.status === 400 ? undefined : `${where}: a malformed path must answer 400`;
  }
  const gatewayMessage = gatewayMessages[response.status];
  const isGatewayAnswer = gatewayMessage !== undefined && (response.body as { message?: string } | undefined)?.message === gatewayMessage;
  if (!match) return response.status === 404 && isGatewayAnswer ? undefined : `${where}: no route matches, so only the gateway's 404 may answer`;
  const route = match.route;
  if (response.status < 400) {
    const spec = route.responses[response.status as SuccessStatus];
    if (spec === undefined) return `${where}: ${route.name} does not declare ${response.status}`;
    if (spec === null) return response.body === undefined || response.body === '' ? undefined : `${where}: declared without a body`;
    if (isTextResponse(spec)) {
      const declared = contentTypesOf(spec);
      const matches = declared.some((type) => response.contentType?.startsWith(type.split(';')[0]));
      return matches ? undefined : `${where}: expected ${declared.join(' or ')}, got ${response.contentType}`;
    }
    const parsed = spec.safeParse(response.body);
    return parsed.success ? undefined : `${where}: the body does not match ${route.name}'s schema: ${JSON.stringify(parsed.error.issues.slice(0, 3))}`;
  }
  if (route.auth === 'jwt' && response.status === 401 && isGatewayAnswer) return undefined;
  const codes = errorCodesOf(route);
  const parsed = errorBody.safeParse(response.body);
  if (!parsed.success) return `${where}: an error must have the error format: ${JSON.stringify(response.body)}`;
  const code = parsed.data.error.code;
  if (code === 'INTERNAL') return `${where}: ${route.name} failed with 500: ${parsed.data.error.message}`;
  if (errorStatus[code] !== response.status) return `${where}: code ${code} is not status ${response.status}`;
  return codes.includes(code) ? undefined : `${where}: ${route.name} does not declare ${code} (declares ${codes.join(', ')})`;
}

/** Throws, failing the test that received it, when a response breaks its route's contract. */
export function assertContract(response: ObservedResponse): void {
  const violation = contractViolation(response);
  if (violation) throw new Error(`Contract: ${violation}`);
}
