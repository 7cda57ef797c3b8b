/**
 * GET /openapi.json (public): the API's exact contract, generated from the
 * zod schemas, listing every route of the route table with its auth. A route
 * of the table without a description here still appears (generic responses),
 * so the document can never silently miss one.
 */
import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import * as z from 'zod';
import { httpRoutes, type HttpRoute } from '../routes.ts';
import { httpHandler, json } from '../lib/http.ts';
import { chatMessagesPage, errorBody, meResponse, membersPage, pageQuery, projectPathParams, projectResponse } from './schemas.ts';

type Description = Pick<RouteConfig, 'summary' | 'request'> & { ok: z.ZodType; errors: number[] };

/** Keyed by the route's stable `name` in functions/routes.ts. */
const descriptions: Record<string, Description> = {
  'get-me': { summary: 'My account, profile and projects with my type in each', ok: meResponse, errors: [401, 404] },
  'get-project': {
    summary: 'A project: its state, founders and partners (members; NSS and evaluators of a partner country)',
    request: { params: projectPathParams },
    ok: projectResponse,
    errors: [400, 401, 403, 404],
  },
  'list-members': {
    summary: 'The members with their type, as the caller may see them',
    request: { params: projectPathParams, query: pageQuery },
    ok: membersPage,
    errors: [400, 401, 403, 404],
  },
  'list-chat-messages': {
    summary: 'The chat history, newest first',
    request: { params: projectPathParams, query: pageQuery },
    ok: chatMessagesPage,
    errors: [400, 401, 403, 404],
  },
  'get-openapi': { summary: 'This document (OpenAPI 3.1)', ok: z.record(z.string(), z.unknown()), errors: [] },
};

const errorText: Record<number, string> = {
  400: 'VALIDATION_FAILED: the details name each field',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
};

export function buildOpenApiDocument(routes: readonly HttpRoute[] = httpRoutes) {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'cognitoIdToken', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'A Cognito ID token (InitiateAuth USER_PASSWORD_AUTH → IdToken).',
  });
  // Schemas are given inline: naming them (registry.register) needs zod patched before the schemas exist.
  const error = errorBody;
  for (const route of routes) {
    const description = descriptions[route.name];
    const responses: RouteConfig['responses'] = {
      200: description
        ? { description: 'OK', content: { 'application/json': { schema: description.ok } } }
        : { description: 'OK (application/json)' },
    };
    for (const status of description?.errors ?? [400, 401, 403, 404]) {
      if (route.auth === 'public' && (status === 401 || status === 403)) continue;
      responses[status] = { description: errorText[status] ?? 'Error', content: { 'application/json': { schema: error } } };
    }
    registry.registerPath({
      method: route.method.toLowerCase() as RouteConfig['method'],
      path: route.path,
      operationId: route.name,
      summary: description?.summary ?? route.name,
      security: route.auth === 'jwt' ? [{ [bearer.name]: [] }] : [],
      request: description?.request,
      responses,
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Twinspace API', version: '0.1.0', description: 'School partnership projects and their TwinSpaces (see API.md).' },
  });
}

// Generated once per container: the route table and the schemas do not change at run time.
let document: ReturnType<typeof buildOpenApiDocument> | undefined;

export const getOpenApi = httpHandler(async () => {
  document ??= buildOpenApiDocument();
  return json(200, document);
});
