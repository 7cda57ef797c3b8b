/**
 * Cognito's PreTokenGeneration trigger (V1_0 event: the only version the Lite
 * feature plan offers; V2_0/V3_0 need Essentials or Plus). Runs before every
 * ID token Cognito issues (sign-in, refresh, new-password challenge), and
 * adds or overrides ID-token claims through
 * `response.claimsOverrideDetails.claimsToAddOrOverride`.
 *
 * The second factor (issue 11): when the account has TOTP enabled
 * (AdminGetUser → UserMFASettingList contains SOFTWARE_TOKEN_MFA), the ID token
 * carries `twinspace:mfa` = `totp`. The API lets NSS officers and evaluators in
 * only with it (functions/lib/claims.ts). With TOTP enabled, Cognito asks every
 * password sign-in for the code (the pool's MFA is OPTIONAL, the user's is on),
 * so the claim means "this account cannot be entered with the password alone".
 * A V1 event does not say whether this very sign-in answered the code (a
 * refresh token from a sign-in before enrolment gets the claim too, once the
 * person proved the authenticator app with that session's access token).
 *
 * Only staff accounts are looked up (the groups Cognito puts in the event:
 * `nss`, `evaluator`), so a morning of pupils signing in costs no AdminGetUser
 * call and cannot meet its quota; the claim is only ever read for staff.
 * cognito-local sends no groups in the event (its groupsToOverride is always
 * undefined), so when the event carries no group list at all, every user is
 * looked up. A failed lookup fails the sign-in (Cognito answers an error):
 * never a token that guesses.
 *
 * The claim is computed, never copied from anything the user can write, and
 * the handler always sets it or leaves it out: a claim of that name arriving
 * some other way would be overridden or removed.
 */
import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { PreTokenGenerationTriggerEvent } from 'aws-lambda';
import { secondFactorClaim, staffGroups, totpClaimValue } from '../lib/claims.ts';
import { cognito } from '../lib/clients.ts';
import { observedHandler } from '../lib/observability.ts';

/** The user's enabled MFA methods (AdminGetUser's UserMFASettingList). */
export type MfaMethodsOf = (userPoolId: string, username: string) => Promise<readonly string[]>;

const mfaMethodsFromCognito: MfaMethodsOf = async (UserPoolId, Username) =>
  (await cognito().send(new AdminGetUserCommand({ UserPoolId, Username }))).UserMFASettingList ?? [];

/** The trigger with its Cognito reader given (tests pass a stub). */
export function preTokenGeneration(mfaMethodsOf: MfaMethodsOf) {
  return async (event: PreTokenGenerationTriggerEvent): Promise<PreTokenGenerationTriggerEvent> => {
    const groups = event.request?.groupConfiguration?.groupsToOverride;
    const staff = groups === undefined || groups.some((group) => (staffGroups as readonly string[]).includes(group));
    const methods = staff ? await mfaMethodsOf(event.userPoolId, event.userName) : [];
    const details = event.response?.claimsOverrideDetails ?? {};
    const others = Object.fromEntries(Object.entries(details.claimsToAddOrOverride ?? {}).filter(([claim]) => claim !== secondFactorClaim));
    const suppressed = (details.claimsToSuppress ?? []).filter((claim) => claim !== secondFactorClaim);
    const totp = methods.includes('SOFTWARE_TOKEN_MFA');
    event.response = {
      ...event.response,
      claimsOverrideDetails: {
        ...details,
        claimsToAddOrOverride: totp ? { ...others, [secondFactorClaim]: totpClaimValue } : others,
        // Without TOTP the claim is suppressed, so nothing else can put it in the token.
        claimsToSuppress: totp ? suppressed : [...suppressed, secondFactorClaim],
      },
    };
    return event;
  };
}

export const handler = observedHandler(preTokenGeneration(mfaMethodsFromCognito));
