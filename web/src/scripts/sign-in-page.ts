/**
 * The sign-in page: one InitiateAuth call, then on to the desktop (or where
 * the visitor was going). A one-time password leads first to "choose your
 * own password" (RespondToAuthChallenge), checked here against the same
 * rules the user pool enforces (functions/domain/password-policy.ts).
 */
import { passwordPolicy } from '../../../functions/domain/password-policy.ts';
import { safeNext } from '../lib/safe-next.ts';
import { chooseNewPassword, signIn, type SignInResult } from './cognito.ts';
import { clearError, pageUrl, showError, t } from './page.ts';
import { currentSession, saveSession } from './session.ts';
import type { MessageKey } from '../i18n/index.ts';

// Only same-site paths are followed after sign-in (the rule and its traps: lib/safe-next.ts).
const destination = safeNext(new URLSearchParams(location.search).get('next'), location.origin, pageUrl('desktop'));

if (currentSession()) location.replace(destination);

const form = document.getElementById('sign-in-form') as HTMLFormElement;
const button = form.querySelector('button') as HTMLButtonElement;
const newPasswordSection = document.getElementById('new-password') as HTMLElement;
const newPasswordForm = document.getElementById('new-password-form') as HTMLFormElement;
const newPasswordButton = newPasswordForm.querySelector('button') as HTMLButtonElement;
let challenge: { session: string; username: string } | undefined;
let typedUsername = '';

const messages: Record<Exclude<SignInResult['outcome'], 'signed-in'>, MessageKey> = {
  'wrong-credentials': 'signIn.wrongPassword',
  unconfirmed: 'signIn.unconfirmed',
  'new-password-required': 'signIn.newPasswordRequired',
  'invalid-password': 'newPassword.invalid',
  'challenge-expired': 'newPassword.expired',
  unreachable: 'signIn.unreachable',
  failed: 'signIn.failed',
};

function followsPolicy(password: string): boolean {
  return (
    password.length >= passwordPolicy.minLength &&
    /[a-z]/.test(password) &&
    /[A-Z]/.test(password) &&
    /[0-9]/.test(password) &&
    /[^A-Za-z0-9\s]/.test(password)
  );
}

function askForNewPassword(found: { session: string; username: string }) {
  challenge = found;
  (document.getElementById('sign-in') as HTMLElement).hidden = true;
  newPasswordSection.hidden = false;
  (document.getElementById('new-password-heading') as HTMLElement).focus();
}

function backToSignIn() {
  challenge = undefined;
  newPasswordSection.hidden = true;
  (document.getElementById('sign-in') as HTMLElement).hidden = false;
  (form.elements.namedItem('password') as HTMLInputElement).value = '';
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearError();
  typedUsername = (form.elements.namedItem('username') as HTMLInputElement).value.trim();
  const password = (form.elements.namedItem('password') as HTMLInputElement).value;
  if (!typedUsername || !password) {
    showError(t('signIn.missing'));
    return;
  }
  button.disabled = true;
  button.textContent = t('signIn.busy');
  try {
    const result = await signIn(typedUsername, password);
    if (result.outcome === 'signed-in') {
      saveSession(result.session);
      location.assign(destination);
      return;
    }
    if (result.outcome === 'new-password-required' && result.challenge) {
      askForNewPassword(result.challenge);
      return;
    }
    showError(t(messages[result.outcome]));
  } catch {
    showError(t('common.config'));
  } finally {
    button.disabled = false;
    button.textContent = t('signIn.submit');
  }
});

newPasswordForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearError();
  const input = newPasswordForm.elements.namedItem('newPassword') as HTMLInputElement;
  const again = newPasswordForm.elements.namedItem('newPasswordAgain') as HTMLInputElement;
  input.removeAttribute('aria-invalid');
  again.removeAttribute('aria-invalid');
  if (!followsPolicy(input.value)) {
    input.setAttribute('aria-invalid', 'true');
    showError(t('newPassword.invalid'));
    input.focus();
    return;
  }
  if (input.value !== again.value) {
    again.setAttribute('aria-invalid', 'true');
    showError(t('newPassword.mismatch'));
    again.focus();
    return;
  }
  if (!challenge) return;
  newPasswordButton.disabled = true;
  newPasswordButton.textContent = t('newPassword.busy');
  try {
    const result = await chooseNewPassword(challenge, typedUsername, input.value);
    if (result.outcome === 'signed-in') {
      saveSession(result.session);
      location.assign(destination);
      return;
    }
    if (result.outcome === 'challenge-expired') backToSignIn();
    if (result.outcome === 'invalid-password') input.setAttribute('aria-invalid', 'true');
    showError(t(messages[result.outcome]));
  } catch {
    showError(t('common.config'));
  } finally {
    newPasswordButton.disabled = false;
    newPasswordButton.textContent = t('newPassword.submit');
  }
});
