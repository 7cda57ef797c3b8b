/**
 * A route's declaration: the one place that says what a route is. Method,
 * path, auth, the policy action it needs, zod schemas of its path, query and
 * body, every success status with its response schema, and the error codes it
 * can answer. The router (area.ts) parses and gates by it, the CDK app and the
 * local gateway serve it, GET /openapi.json is generated from it, and the
 * contract test checks real responses against it.
 *
 * Declarations hold no handler code, so the route table (functions/routes.ts)
 * can import them all without pulling any handler into another bundle.
 */
import type * as z from 'zod';
import type { Action } from '../domain/policy.ts';
import type { RateLimit } from '../domain/rate-limits.ts';
import { routesWithoutSecondFactor } from './claims.ts';
import { errorStatus, type ErrorCode } from './errors.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type SuccessStatus = 200 | 201 | 202 | 204;

/**
 * A response that is not JSON: its body is text of this content type (an
 * iCalendar feed), or of one of these (a diary export as Markdown or HTML: the
 * handler names the one it answers in its reply's content-type header).
 */
export interface TextResponse {
  contentType: string | readonly string[];
  schema: z.ZodType<string>;
}

/** The content types a text response may answer with, the default first. */
export const contentTypesOf = (spec: TextResponse): readonly string[] => (typeof spec.contentType === 'string' ? [spec.contentType] : spec.contentType);
/** A JSON body's schema, a text response, or null: no body (204). */
export type ResponseSpec = z.ZodType | TextResponse | null;

export interface RouteInput {
  params: any;
  query: any;
  body: any;
}

export interface RouteDeclaration {
  /** Stable kebab-case name: sample events, `npm run invoke`, log lines. */
  name: string;
  method: HttpMethod;
  /** API Gateway path template, e.g. '/projects/{projectId}/agenda'. */
  path: string;
  /** 'jwt': a Cognito ID token (API Gateway's JWT authorizer); 'public': none. */
  auth: 'jwt' | 'public';
  /** One line for the OpenAPI document. */
  summary: string;
  /**
   * The policy action (functions/domain/policy.ts) the caller's TwinSpace type
   * needs in the project named by `params.projectId`. The router runs the one
   * TwinSpace gate with it before the handler. A function when the action
   * depends on the request (the area a list is asked for).
   */
  action?: Action | ((input: RouteInput) => Action);
  /**
   * With `action`: whether the gate treats the request as a write (a closed
   * project refuses writes). Defaults to every method but GET.
   */
  writes?: boolean;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  responses: Partial<Record<SuccessStatus, ResponseSpec>>;
  /** Error codes beyond those the declaration implies (see impliedErrors). */
  errors?: readonly ErrorCode[];
  /**
   * AWS permissions beyond the table: an IdentityGrant, the Cognito admin
   * calls its area's code sends, by name, and no other; 'chat-connections',
   * closing chat sockets through the WebSocket API's @connections API (its
   * callback URL comes with it); 'sign-up', INSTEAD of the table-wide write
   * rights, only the items a teacher's sign-up writes (its ticket, profile,
   * username, registration, the outbox, the rate limit;
   * infra/cdk/route-roles.ts) and no Cognito admin call.
   */
  grants?: readonly (IdentityGrant | 'chat-connections' | 'sign-up')[];
  /** A tighter cap than the stage's for this route alone (API Gateway route settings). */
  throttle?: { rateLimit: number; burstLimit: number };
  /** Attempts per source address and window (lib/rate-limit.ts): 429 RATE_LIMITED past it, before anything else. */
  rateLimit?: RateLimit;
}

/**
 * A Cognito admin API call (its IAM action is `cognito-idp:<call>`), e.g.
 * 'AdminCreateUser': what `new <call>Command(...)` sends.
 */
export type CognitoAdminCall = `Admin${string}`;

/**
 * The Cognito admin calls an area's code sends, under a name: the role of its
 * function may make exactly these calls on the user pool, nothing else
 * (infra/cdk/route-roles.ts). Areas whose grants are the same calls share a
 * role, so they share the name too. tests/infra/cognito-calls.test.ts fails
 * when an area's bundle sends a call its declaration does not list, or lists
 * one it never sends.
 */
export interface IdentityGrant {
  /** Names the rights: the role's construct id and its log groups' prefix start `identity-<name>`. */
  identity: string;
  /** Sorted or not: compared as a set. */
  calls: readonly CognitoAdminCall[];
}

/** An area's identity grant, declared next to the code whose calls it lists. */
export const identityGrant = (identity: string, calls: readonly CognitoAdminCall[]): IdentityGrant => ({ identity, calls });

/** Declares a route, keeping its literal types so handlers are typed by it. */
export function route<const D extends RouteDeclaration>(declaration: D): D {
  return declaration;
}

/** API Gateway's route key: what `event.routeKey` holds for this route. */
export const routeKeyOf = (declaration: Pick<RouteDeclaration, 'method' | 'path'>) => `${declaration.method} ${declaration.path}`;

/**
 * Every error code a route can answer: those it declares, plus what the
 * declaration itself implies — input to validate (400), a token (401), a
 * TwinSpace gate (404 unknown project, 403 not a member or type denied, 409
 * no TwinSpace yet or closed), a staff account's missing second factor (403), a per-address limit (429), and 503 when a
 * service we depend on fails.
 */
export function errorCodesOf(declaration: RouteDeclaration): ErrorCode[] {
  const codes = new Set<ErrorCode>(declaration.errors ?? []);
  if (declaration.params || declaration.query || declaration.body) codes.add('VALIDATION_FAILED');
  if (declaration.auth === 'jwt') codes.add('UNAUTHENTICATED');
  // A staff account without a second factor (claims.ts), on every route but those it needs first.
  if (declaration.auth === 'jwt' && !routesWithoutSecondFactor.has(routeKeyOf(declaration))) codes.add('MFA_REQUIRED');
  if (declaration.action) ['NOT_FOUND', 'FORBIDDEN', 'CONFLICT'].forEach((code) => codes.add(code as ErrorCode));
  if (declaration.rateLimit) codes.add('RATE_LIMITED');
  codes.add('UNAVAILABLE');
  return [...codes].sort((a, b) => errorStatus[a] - errorStatus[b]);
}

/** The HTTP statuses of those codes. */
export const errorStatusesOf = (declaration: RouteDeclaration): number[] => [...new Set(errorCodesOf(declaration).map((code) => errorStatus[code]))];

/** The text response spec, when the status answers text instead of JSON. */
export function isTextResponse(spec: ResponseSpec | undefined): spec is TextResponse {
  return typeof spec === 'object' && spec !== null && 'contentType' in spec && !('safeParse' in spec);
}

/** The routes of one area (one Lambda function), by handler name. */
export type AreaRoutes = Record<string, RouteDeclaration>;

/** One area: its function's stable name and its routes. The handler is `functions/http/<folder>/handler.ts`, export `handler`. */
export interface Area<R extends AreaRoutes = AreaRoutes> {
  name: string;
  folder: string;
  routes: R;
}

export function area<const R extends AreaRoutes>(name: string, routes: R, folder = name): Area<R> {
  return { name, folder, routes };
}
