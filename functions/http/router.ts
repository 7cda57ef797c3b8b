/**
 * One Lambda function per area: `areaHandler(area, implementations)` routes
 * on API Gateway's `routeKey` to the implementation of each declared route.
 * The middy stack runs, outermost first: Powertools (trace, log context,
 * correlation id, metrics), the error texts in the reader's language, the
 * error responder, header names, the JSON body, then the route's own
 * middlewares (match, caller, parsed input) and, for a route that declares a
 * policy action, the one TwinSpace gate. Handlers get typed input and the
 * caller, and return a typed reply: `{ status, body, headers? }`.
 */
import middy from '@middy/core';
import type { MiddlewareObj } from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { Context } from 'aws-lambda';
import type * as z from 'zod';
import type { ItemKey } from '../data/keys.ts';
import type { RateLimit } from '../domain/rate-limits.ts';
import type { TableStore } from '../data/store.ts';
import type { Caller } from '../lib/claims.ts';
import { errorResponder, json, jsonBodyWhenPresent, type HttpEvent, type HttpResult } from '../lib/http.ts';
import { localizeErrors } from '../lib/localize-errors.ts';
import { answerLog, observed } from '../lib/observability.ts';
import { contentTypesOf, isTextResponse, type Area, type AreaRoutes, type RouteDeclaration, type SuccessStatus, type TextResponse } from '../lib/route.ts';
import { matchedRoute, parsedInput, routeCaller, routeState, type RouteState } from '../lib/route-input.ts';
import type { requireTwinspaceAction, TwinspaceAccess } from './twinspace-access.ts';

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;
type BodyOf<R> = R extends TextResponse ? string : R extends z.ZodType ? z.input<R> : never;
type ReplyFor<S, R> = [R] extends [null] ? { status: S; headers?: Record<string, string> } : { status: S; body: BodyOf<R>; headers?: Record<string, string> };

/** What a handler of route D returns: one of its declared statuses with that status's body. */
export type Reply<D extends RouteDeclaration> = {
  [S in keyof D['responses'] & SuccessStatus]: ReplyFor<S, D['responses'][S]>;
}[keyof D['responses'] & SuccessStatus];

/** What a handler of route D receives. */
export interface RouteRequest<D extends RouteDeclaration> {
  caller: D['auth'] extends 'jwt' ? Caller : undefined;
  params: Parsed<D['params']>;
  query: Parsed<D['query']>;
  body: Parsed<D['body']>;
  /** The gate's answer, for a route that declares an action. */
  twinspace: D extends { action: unknown } ? TwinspaceAccess : undefined;
  /** The table (its client is made on first use). */
  readonly store: TableStore;
  event: HttpEvent;
  context: Context;
}

type RouteFunction<D extends RouteDeclaration> = (request: RouteRequest<D>) => Promise<Reply<D>>;

/** What is known before the gate: the caller and the parsed input, and the table. */
export type GateInput<D extends RouteDeclaration> = Pick<RouteRequest<D>, 'caller' | 'params' | 'query' | 'body' | 'store'>;

/** An implementation that also works with the gate's round trip. */
export interface GatedImplementation<D extends RouteDeclaration, Read = undefined> {
  /** Items the gate reads in its own BatchGetItem (found in `twinspace.alongside`). */
  alongWith?: (input: GateInput<D>) => ItemKey[];
  /**
   * A read started at the same time as the gate (a list's Query), so the two
   * cost one round trip of time; its result reaches `handle` only once the
   * gate allows, and is dropped otherwise.
   */
  whileGated?: (input: GateInput<D>) => Promise<Read>;
  handle: (request: RouteRequest<D>, read: Read) => Promise<Reply<D>>;
}

/** A route's implementation: a function, or one that works with the gate's round trip. */
export type Implementation<D extends RouteDeclaration> = RouteFunction<D> | GatedImplementation<D, any>;

/** Types a gated implementation's read (TypeScript infers the route from where it stands). */
export const gated = <D extends RouteDeclaration, Read = undefined>(implementation: GatedImplementation<D, Read>): GatedImplementation<D, Read> => implementation;

export type Implementations<R extends AreaRoutes> = { [K in keyof R]: Implementation<R[K]> };

interface GateState extends RouteState {
  implementation: Implementation<RouteDeclaration>;
  twinspace?: TwinspaceAccess;
  read?: unknown;
}

/**
 * What the router needs from outside: the table, and the one TwinSpace gate
 * (twinspace-access.ts). Passed in (area.ts binds the real ones) so a function
 * that reads no table — the OpenAPI document — bundles no database client.
 */
export interface RouterServices {
  store: () => TableStore;
  gate: typeof requireTwinspaceAction;
  /**
   * A declared per-address limit (lib/rate-limit.ts). Only areas with a
   * rate-limited route bind it (rate-limited-area.ts): the limit's secret and
   * its signed Secrets Manager call stay out of every other bundle.
   */
  rateLimit?: (limit: RateLimit, event: HttpEvent) => Promise<void>;
}

/** A route's per-address limit, taken right after the route is matched: a malformed request counts too. */
function rateLimited(services: RouterServices): MiddlewareObj<HttpEvent, HttpResult> {
  return {
    before: async (request) => {
      const { route } = routeState(request);
      if (route.rateLimit) await services.rateLimit!(route.rateLimit, request.event);
    },
  };
}

/** The one TwinSpace gate, for routes that declare a policy action. */
function twinspaceGate(services: RouterServices): MiddlewareObj<HttpEvent, HttpResult> {
  return {
    before: async (request) => {
      const state = routeState(request) as GateState;
      const { route, caller, input, implementation } = state;
      if (!route.action || !caller) return;
      const action = typeof route.action === 'function' ? route.action(input) : route.action;
      const gateInput = { caller, ...input, store: services.store() } as never;
      const gatedWith = typeof implementation === 'function' ? undefined : implementation;
      const read = gatedWith?.whileGated?.(gateInput);
      // A refused caller never sees the read; its failure then must not surface as an unhandled rejection.
      read?.catch(() => undefined);
      state.twinspace = await services.gate(services.store(), input.params.projectId, caller, action, {
        write: route.writes ?? route.method !== 'GET',
        alongWith: gatedWith?.alongWith?.(gateInput) ?? [],
      });
      state.read = await read;
    },
  };
}

function responseOf(route: RouteDeclaration, reply: { status: number; body?: unknown; headers?: Record<string, string> }): HttpResult {
  const spec = route.responses[reply.status as SuccessStatus];
  if (spec === undefined) throw new Error(`${route.name} answered ${reply.status}, which it does not declare`);
  if (spec === null) return { statusCode: reply.status, headers: reply.headers };
  if (isTextResponse(spec)) {
    const declared = contentTypesOf(spec);
    const chosen = reply.headers?.['content-type'];
    if (chosen !== undefined && !declared.includes(chosen)) throw new Error(`${route.name} answered ${chosen}, which it does not declare`);
    return { statusCode: reply.status, headers: { ...reply.headers, 'content-type': chosen ?? declared[0] }, body: reply.body as string };
  }
  return json(reply.status, reply.body, reply.headers);
}

/** The Lambda handler of one area, with these services (area.ts: the real ones). */
export function areaHandlerWith(services: RouterServices) {
  return <R extends AreaRoutes>(area: Area<R>, implementations: Implementations<R>) => routedArea(services, area, implementations);
}

function routedArea<R extends AreaRoutes>(services: RouterServices, area: Area<R>, implementations: Implementations<R>) {
  const declarations = Object.values(area.routes) as RouteDeclaration[];
  const unlimited = declarations.filter((declaration) => declaration.rateLimit && !services.rateLimit);
  if (unlimited.length > 0) {
    throw new Error(`${unlimited.map((declaration) => declaration.name).join(', ')} declare a rate limit: build the area with rateLimitedAreaHandler (http/rate-limited-area.ts)`);
  }
  const byName = new Map<string, Implementation<RouteDeclaration>>();
  for (const [key, declaration] of Object.entries(area.routes)) byName.set(declaration.name, implementations[key] as never);
  const implementationOf: MiddlewareObj<HttpEvent, HttpResult> = {
    before: (request) => {
      const state = routeState(request) as GateState;
      state.implementation = byName.get(state.route.name)!;
    },
  };

  return middy<HttpEvent, HttpResult>()
    .use(observed())
    .use(answerLog() as MiddlewareObj<HttpEvent, HttpResult>)
    .use(localizeErrors())
    .use(errorResponder())
    .use(httpHeaderNormalizer() as MiddlewareObj<HttpEvent, HttpResult>)
    .use(jsonBodyWhenPresent())
    .use(matchedRoute(declarations))
    .use(implementationOf)
    .use(rateLimited(services))
    .use(routeCaller())
    .use(parsedInput())
    .use(twinspaceGate(services))
    .handler(async (event, context) => {
      const { route, caller, input, implementation, twinspace, read } = routeState({ event }) as GateState;
      const request = { caller, ...input, twinspace, event, context, get store() { return services.store(); } } as never;
      const reply = typeof implementation === 'function' ? await implementation(request) : await implementation.handle(request, read);
      return responseOf(route, reply as never);
    });
}
