/**
 * Cognito's PreSignUp trigger. For now it lets every sign-up through
 * unchanged (the user stays UNCONFIRMED: autoConfirmUser stays false).
 */
import type { PreSignUpTriggerEvent } from 'aws-lambda';
import { observedHandler } from '../lib/observability.ts';

export const handler = observedHandler(async (event: PreSignUpTriggerEvent): Promise<PreSignUpTriggerEvent> => event);
