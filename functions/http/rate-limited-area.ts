/**
 * `rateLimitedAreaHandler`: areaHandler (area.ts) plus the per-address limit,
 * for the areas whose routes declare `rateLimit` (today the public sign-up).
 * Apart so only those bundles carry the limit's secret and its signed Secrets
 * Manager call; the router refuses to build an area with a declared limit
 * and nothing to take it.
 */
import { tableStore } from '../lib/clients.ts';
import { takeSourceAddressAttempt } from '../lib/rate-limit.ts';
import { areaHandlerWith } from './router.ts';
import { requireTwinspaceAction } from './twinspace-access.ts';

export const rateLimitedAreaHandler = areaHandlerWith({ store: tableStore, gate: requireTwinspaceAction, rateLimit: takeSourceAddressAttempt });
