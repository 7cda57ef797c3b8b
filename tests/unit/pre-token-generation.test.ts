/**
 * The PreTokenGeneration trigger (functions/identity/pre-token-generation.ts):
 * an account with TOTP enabled (AdminGetUser's UserMFASettingList contains
 * SOFTWARE_TOKEN_MFA) gets `twinspace:mfa` = `totp` in its ID token, through
 * the V1 event's response.claimsOverrideDetails.claimsToAddOrOverride; any
 * other account never carries the claim. Cognito is a stub that records what
 * was asked.
 */
import type { PreTokenGenerationTriggerEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { preTokenGeneration } from '../../functions/identity/pre-token-generation.ts';

function v1Event(overrides: Partial<PreTokenGenerationTriggerEvent> = {}): PreTokenGenerationTriggerEvent {
  return {
    version: '1',
    region: 'eu-west-1',
    userPoolId: 'eu-west-1_POOL',
    userName: 'nss.es@demo.twinspace',
    callerContext: { awsSdkVersion: 'aws-sdk-js-3.0.0', clientId: 'client' },
    triggerSource: 'TokenGeneration_Authentication',
    request: { userAttributes: { sub: 'sub-1' }, groupConfiguration: { groupsToOverride: ['nss'], iamRolesToOverride: [] } },
    response: { claimsOverrideDetails: {} },
    ...overrides,
  } as PreTokenGenerationTriggerEvent;
}

function stubCognito(methods: readonly string[] | undefined) {
  const asked: { userPoolId: string; username: string }[] = [];
  const reader = async (userPoolId: string, username: string) => {
    asked.push({ userPoolId, username });
    return methods ?? [];
  };
  return { asked, reader };
}

describe('the pre-token-generation trigger', () => {
  it('adds twinspace:mfa = totp when the account has TOTP enabled, asking Cognito about this user of this pool', async () => {
    const cognito = stubCognito(['SOFTWARE_TOKEN_MFA']);
    const answered = await preTokenGeneration(cognito.reader)(v1Event());
    expect(cognito.asked).toEqual([{ userPoolId: 'eu-west-1_POOL', username: 'nss.es@demo.twinspace' }]);
    expect(answered.response.claimsOverrideDetails?.claimsToAddOrOverride).toEqual({ 'twinspace:mfa': 'totp' });
    expect(answered.response.claimsOverrideDetails?.claimsToSuppress ?? []).not.toContain('twinspace:mfa');
  });

  it('adds it on a refresh too (every token Cognito issues runs the trigger)', async () => {
    const answered = await preTokenGeneration(stubCognito(['SMS_MFA', 'SOFTWARE_TOKEN_MFA']).reader)(v1Event({ triggerSource: 'TokenGeneration_RefreshTokens' }));
    expect(answered.response.claimsOverrideDetails?.claimsToAddOrOverride?.['twinspace:mfa']).toBe('totp');
  });

  it.each([[[]], [['SMS_MFA']], [undefined]])('never gives the claim to an account whose MFA list is %j, and suppresses one that came otherwise', async (methods) => {
    const answered = await preTokenGeneration(stubCognito(methods).reader)(
      v1Event({ response: { claimsOverrideDetails: { claimsToAddOrOverride: { 'twinspace:mfa': 'totp', other: 'kept' } } } }),
    );
    const details = answered.response.claimsOverrideDetails!;
    expect(details.claimsToAddOrOverride).toEqual({ other: 'kept' });
    expect(details.claimsToSuppress).toContain('twinspace:mfa');
  });

  it('keeps what other overrides were there', async () => {
    const answered = await preTokenGeneration(stubCognito(['SOFTWARE_TOKEN_MFA']).reader)(
      v1Event({ response: { claimsOverrideDetails: { claimsToAddOrOverride: { other: 'kept' }, claimsToSuppress: ['email'] } } }),
    );
    expect(answered.response.claimsOverrideDetails).toMatchObject({ claimsToAddOrOverride: { other: 'kept', 'twinspace:mfa': 'totp' }, claimsToSuppress: ['email'] });
  });

  it('asks Cognito only about staff accounts; a pupil or teacher signs in without a lookup (and without the claim)', async () => {
    for (const groups of [['pupil-member'], ['teacher-admin', 'visitor'], []]) {
      const cognito = stubCognito(['SOFTWARE_TOKEN_MFA']);
      const answered = await preTokenGeneration(cognito.reader)(v1Event({ request: { userAttributes: {}, groupConfiguration: { groupsToOverride: groups, iamRolesToOverride: [] } } }));
      expect(cognito.asked, groups.join()).toEqual([]);
      expect(answered.response.claimsOverrideDetails?.claimsToSuppress).toContain('twinspace:mfa');
    }
    const evaluator = stubCognito(['SOFTWARE_TOKEN_MFA']);
    await preTokenGeneration(evaluator.reader)(v1Event({ request: { userAttributes: {}, groupConfiguration: { groupsToOverride: ['evaluator'], iamRolesToOverride: [] } } }));
    expect(evaluator.asked).toHaveLength(1);
  });

  it('looks everyone up when the event names no groups at all (cognito-local sends none)', async () => {
    const cognito = stubCognito(['SOFTWARE_TOKEN_MFA']);
    const answered = await preTokenGeneration(cognito.reader)(v1Event({ request: { userAttributes: {}, groupConfiguration: {} as never } }));
    expect(cognito.asked).toHaveLength(1);
    expect(answered.response.claimsOverrideDetails?.claimsToAddOrOverride?.['twinspace:mfa']).toBe('totp');
  });

  it('fails (no token issued) when Cognito cannot say: never a token that guesses', async () => {
    const failing = preTokenGeneration(async () => {
      throw new Error('throttled');
    });
    await expect(failing(v1Event())).rejects.toThrow('throttled');
  });
});
