/** The sign-in page: one InitiateAuth call, then on to the desktop (or where the visitor was going). */
import { signIn } from './cognito.ts';
import { clearError, pageUrl, showError, t } from './page.ts';
import { currentSession, saveSession } from './session.ts';

// Only same-site paths are followed after sign-in.
const next = new URLSearchParams(location.search).get('next');
const destination = next && next.startsWith('/') && !next.startsWith('//') ? next : pageUrl('desktop');

if (currentSession()) location.replace(destination);

const form = document.getElementById('sign-in-form') as HTMLFormElement;
const button = form.querySelector('button') as HTMLButtonElement;

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearError();
  const username = (form.elements.namedItem('username') as HTMLInputElement).value.trim();
  const password = (form.elements.namedItem('password') as HTMLInputElement).value;
  if (!username || !password) {
    showError(t('signIn.missing'));
    return;
  }
  button.disabled = true;
  button.textContent = t('signIn.busy');
  try {
    const result = await signIn(username, password);
    if (result.outcome === 'signed-in') {
      saveSession(result.session);
      location.assign(destination);
      return;
    }
    const messages = {
      'wrong-credentials': 'signIn.wrongPassword',
      'new-password-required': 'signIn.newPasswordRequired',
      unreachable: 'signIn.unreachable',
      failed: 'signIn.failed',
    } as const;
    showError(t(messages[result.outcome]));
  } catch {
    showError(t('common.config'));
  } finally {
    button.disabled = false;
    button.textContent = t('signIn.submit');
  }
});
