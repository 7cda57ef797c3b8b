/**
 * Two middlewares every area function runs, each doing one thing for the
 * route that API Gateway matched (`event.routeKey`): the caller from the JWT
 * authorizer's claims, and the path, query and body parsed by the route's
 * zod schemas (400 VALIDATION_FAILED naming each field). Both leave their
 * result in `request.internal` for the router.
 */
import type { MiddlewareObj, Request } from '@middy/core';
import { callerOf, requireSecondFactor, type Caller } from './claims.ts';
import { notFound, parseOr400 } from './errors.ts';
import type { HttpEvent, HttpResult } from './http.ts';
import { routeKeyOf, type RouteDeclaration, type RouteInput } from './route.ts';

export interface RouteState {
  route: RouteDeclaration;
  caller?: Caller;
  input: RouteInput;
}

const states = new WeakMap<HttpEvent, RouteState>();

/** What the route middlewares leave for the router, kept by event (middy hands the handler the event, not the request). */
export function routeState(request: Pick<Request<HttpEvent, HttpResult>, 'event'>): RouteState {
  let state = states.get(request.event);
  if (!state) {
    state = {} as RouteState;
    states.set(request.event, state);
  }
  return state;
}

/** Finds the declaration of `event.routeKey` among this function's routes. */
export function matchedRoute(routes: readonly RouteDeclaration[]): MiddlewareObj<HttpEvent, HttpResult> {
  const byKey = new Map(routes.map((declaration) => [routeKeyOf(declaration), declaration]));
  return {
    before: (request) => {
      const declaration = byKey.get(request.event.routeKey);
      // API Gateway only invokes a function for its own routes: this is a deployment mistake, said as a 404.
      if (!declaration) throw notFound(`No route ${request.event.routeKey} in this function.`);
      routeState(request).route = declaration;
    },
  };
}

/**
 * The caller of a 'jwt' route, from the claims API Gateway verified (401 when
 * they name nobody); a staff account without a second factor stops here with
 * 403 MFA_REQUIRED, except on the routes it needs first (claims.ts).
 */
export function routeCaller(): MiddlewareObj<HttpEvent, HttpResult> {
  return {
    before: (request) => {
      const state = routeState(request);
      if (state.route.auth !== 'jwt') return;
      state.caller = callerOf(request.event);
      requireSecondFactor(state.caller, routeKeyOf(state.route));
    },
  };
}

/** Path, query and body parsed by the route's schemas; absent schemas leave `undefined`. */
export function parsedInput(): MiddlewareObj<HttpEvent, HttpResult> {
  return {
    before: (request) => {
      const state = routeState(request);
      const { route } = state;
      const { event } = request;
      state.input = {
        params: route.params ? parseOr400(route.params, event.pathParameters ?? {}, 'path') : undefined,
        query: route.query ? parseOr400(route.query, event.queryStringParameters ?? {}, 'query') : undefined,
        body: route.body ? parseOr400(route.body, event.body ?? {}, 'body') : undefined,
      };
    },
  };
}
