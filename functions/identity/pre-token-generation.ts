/**
 * Cognito's PreTokenGeneration trigger (V1_0 event: the only version the Lite
 * feature plan offers; V2_0/V3_0 need Essentials or Plus). Runs before every
 * ID token Cognito issues (sign-in, refresh, new-password challenge). It may
 * add or override claims of the ID token through
 * `response.claimsOverrideDetails.claimsToAddOrOverride`; for now it adds
 * nothing (the staff MFA claim is issue 11's TOTP slice).
 */
import type { PreTokenGenerationTriggerEvent } from 'aws-lambda';
import { observedHandler } from '../lib/observability.ts';

export const handler = observedHandler(async (event: PreTokenGenerationTriggerEvent): Promise<PreTokenGenerationTriggerEvent> => event);
