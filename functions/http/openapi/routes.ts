/** GET /openapi.json: the contract, generated from the route declarations alone (document.ts). */
import * as z from 'zod';
import { area, route } from '../../lib/route.ts';

export const openApiRoutes = area('openapi', {
  getOpenApi: route({
    name: 'get-openapi',
    method: 'GET',
    path: '/openapi.json',
    auth: 'public',
    summary: 'This document (OpenAPI 3.1), generated from the route declarations',
    responses: { 200: z.record(z.string(), z.unknown()) },
  }),
});
