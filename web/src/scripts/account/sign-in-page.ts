/**
 * The sign-in page's rules, pure (no DOM; unit-tested in node,
 * tests/unit/sign-in-page.test.ts): the strings its island
 * (sign-in-island.tsx) reads, what each sign-in outcome says, and the check
 * of a chosen password against the one policy the user pool enforces
 * (functions/domain/password-policy.ts, through registration.ts).
 */
import { passwordProblems } from '../../../../functions/domain/registration.ts';
import type { MessageKey } from '../../i18n/index.ts';
import type { SignInResult } from '../common/cognito.ts';
import { signInCodeStrings } from './security-page.ts';

/** Every dictionary entry the island reads (rendered into data-strings by the page). */
export const signInStrings = [
  'signIn.intro',
  'signIn.username',
  'signIn.password',
  'signIn.submit',
  'signIn.busy',
  'signIn.wrongPassword',
  'signIn.unconfirmed',
  'signIn.newPasswordRequired',
  'signIn.unreachable',
  'signIn.failed',
  'signIn.missing',
  'signIn.signupLink',
  'newPassword.title',
  'newPassword.intro',
  'newPassword.rules',
  'newPassword.password',
  'newPassword.confirm',
  'newPassword.submit',
  'newPassword.busy',
  'newPassword.mismatch',
  'newPassword.invalid',
  'newPassword.expired',
  'common.loading',
  'common.config',
  ...signInCodeStrings,
] as const satisfies readonly MessageKey[];

/** What an outcome other than "signed in" says. */
export const outcomeMessages: Record<Exclude<SignInResult['outcome'], 'signed-in'>, MessageKey> = {
  'wrong-credentials': 'signIn.wrongPassword',
  unconfirmed: 'signIn.unconfirmed',
  'new-password-required': 'signIn.newPasswordRequired',
  'code-required': 'signInCode.intro',
  'wrong-code': 'signInCode.wrong',
  'invalid-password': 'newPassword.invalid',
  'challenge-expired': 'newPassword.expired',
  unreachable: 'signIn.unreachable',
  failed: 'signIn.failed',
};

/**
 * What is wrong with a chosen password, on which of the two fields: one
 * that breaks the policy is refused first, then two that differ. Undefined when fine.
 */
export function newPasswordProblem(password: string, again: string): { field: 'password' | 'again'; key: MessageKey } | undefined {
  if (passwordProblems(password).length > 0) return { field: 'password', key: 'newPassword.invalid' };
  if (password !== again) return { field: 'again', key: 'newPassword.mismatch' };
  return undefined;
}
