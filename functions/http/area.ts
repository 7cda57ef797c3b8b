/**
 * `areaHandler(area, implementations)`: the router (router.ts) with the real
 * table, the one TwinSpace gate and the per-address limit. Every area's handler.ts uses it, except
 * the OpenAPI document, which reads no table.
 */
import { tableStore } from '../lib/clients.ts';
import { takeSourceAddressAttempt } from '../lib/rate-limit.ts';
import { areaHandlerWith } from './router.ts';
import { requireTwinspaceAction } from './twinspace-access.ts';

export const areaHandler = areaHandlerWith({ store: tableStore, gate: requireTwinspaceAction, rateLimit: takeSourceAddressAttempt });
