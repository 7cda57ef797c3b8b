/**
 * `areaHandler(area, implementations)`: the router (router.ts) with the real
 * table and the one TwinSpace gate. Every area's handler.ts uses it, except
 * the OpenAPI document, which reads no table, and the areas with a
 * rate-limited route (rate-limited-area.ts).
 */
import { tableStore } from '../lib/clients.ts';
import { areaHandlerWith } from './router.ts';
import { requireTwinspaceAction } from './twinspace-access.ts';

export const areaHandler = areaHandlerWith({ store: tableStore, gate: requireTwinspaceAction });
