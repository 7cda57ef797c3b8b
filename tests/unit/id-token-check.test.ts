/**
 * The generic JWT verifier used locally (the HTTP gateway and the chat's
 * authorizer) knows nothing of Cognito, so idTokenCheck insists on what
 * Cognito's verifier does: an ID token, which expires (issue 11: the local
 * checker took a token without `exp`, and an access token).
 */
import { describe, expect, it } from 'vitest';
import { idTokenCheck } from '../../functions/chat/token-verifier.ts';

const idToken = { sub: 's', token_use: 'id', exp: 2_000_000_000, aud: 'client' };

describe('idTokenCheck', () => {
  it('lets an ID token with an expiry through', () => {
    expect(() => idTokenCheck({ payload: idToken })).not.toThrow();
  });
  it('refuses an access token', () => {
    expect(() => idTokenCheck({ payload: { ...idToken, token_use: 'access' } })).toThrow('Not an ID token');
  });
  it('refuses a token that never expires', () => {
    const { exp: _never, ...forever } = idToken;
    expect(() => idTokenCheck({ payload: forever })).toThrow('A token without an expiry');
    expect(() => idTokenCheck({ payload: { ...idToken, exp: '2000000000' } })).toThrow('A token without an expiry');
  });
});
