/**
 * The API's exact contract as OpenAPI 3.1, generated from the route
 * declarations alone (functions/lib/route.ts via functions/routes.ts): every
 * route with its auth, policy action, parameters, body, every success status
 * with its schema, and every error code it can answer.
 */
import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import type * as z from 'zod';
import { errorStatus, type ErrorCode } from '../../lib/errors.ts';
import { contentTypesOf, errorCodesOf, isTextResponse } from '../../lib/route.ts';
import { httpRoutes, type HttpRoute } from '../../routes.ts';
import { errorBody } from '../schemas.ts';

const errorText: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'the details name each field',
  UNAUTHENTICATED: 'no valid token',
  FORBIDDEN: 'the caller may not do this (the message says why)',
  MFA_REQUIRED: 'an NSS officer or evaluator whose token shows no second factor: enrol an authenticator app, then sign in again',
  NOT_FOUND: 'no such item, or not the caller’s to see',
  CONFLICT: 'a stale version, or a state that does not allow the action',
  PERSONAL_DATA_WARNING: "a teacher's text where pupils read holds personal data: nothing written; details name each field and kind; send again with acknowledgePersonalData: true",
  TOO_LARGE: 'the request is too large',
  RATE_LIMITED: 'too many attempts: try again later (Retry-After)',
  UNAVAILABLE: 'a service we depend on failed: try again shortly (Retry-After)',
};

/** A declared route as an OpenAPI operation. */
function operationOf(route: HttpRoute, bearerName: string): RouteConfig {
  const responses: RouteConfig['responses'] = {};
  for (const [status, spec] of Object.entries(route.responses)) {
    if (spec === null) responses[status] = { description: 'No body' };
    else if (isTextResponse(spec)) {
      const types = contentTypesOf(spec);
      responses[status] = { description: types.join(' or '), content: Object.fromEntries(types.map((type) => [type, { schema: spec.schema }])) };
    }
    else responses[status] = { description: 'OK', content: { 'application/json': { schema: spec as z.ZodType } } };
  }
  // Two codes may share a status (none do today): the descriptions are joined.
  for (const code of errorCodesOf(route)) {
    const status = errorStatus[code];
    const description = `${code}: ${errorText[code]}`;
    const existing = responses[status] as { description: string } | undefined;
    responses[status] = { description: existing ? `${existing.description}; ${description}` : description, content: { 'application/json': { schema: errorBody } } };
  }
  const action = route.action === undefined ? {} : { 'x-policy-action': typeof route.action === 'string' ? route.action : 'decided by the request (see the summary)' };
  return {
    method: route.method.toLowerCase() as RouteConfig['method'],
    path: route.path,
    operationId: route.name,
    summary: route.summary,
    security: route.auth === 'jwt' ? [{ [bearerName]: [] }] : [],
    request: {
      params: route.params as RouteConfig['request'] extends infer R ? (R extends { params?: infer P } ? P : never) : never,
      query: route.query as never,
      ...(route.body ? { body: { content: { 'application/json': { schema: route.body } } } } : {}),
    },
    responses,
    ...action,
  };
}

export function buildOpenApiDocument(routes: readonly HttpRoute[] = httpRoutes) {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'cognitoIdToken', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'A Cognito ID token (InitiateAuth USER_PASSWORD_AUTH → IdToken).',
  });
  for (const route of routes) registry.registerPath(operationOf(route, bearer.name));
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Twinspace API', version: '0.1.0', description: 'School partnership projects and their TwinSpaces (see API.md).' },
  });
}
