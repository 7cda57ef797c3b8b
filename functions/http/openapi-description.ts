/**
 * How a route is described in GET /openapi.json. Each area may keep its
 * routes' descriptions in a module of its own (`<area>-openapi.ts`), spread
 * into the one map in openapi.ts.
 */
import type { RouteConfig } from '@asteasolutions/zod-to-openapi';
import type * as z from 'zod';

export type Description = Pick<RouteConfig, 'summary' | 'request'> & { ok: z.ZodType; errors: number[] };
