/**
 * The sign-in page, a Preact island built from the kit (its rules, pure, in
 * sign-in-page.ts): one InitiateAuth call, then on to the desktop (or where
 * the visitor was going, when that is a path on this site). A one-time
 * password (a new pupil's) leads first to "choose your own password", with
 * the rules in plain words, checked here against the policy the user pool
 * enforces, then RespondToAuthChallenge. An account with an authenticator app
 * is asked for its 6-digit code (SOFTWARE_TOKEN_MFA), the challenge's session
 * kept while a wrong code is typed again. An NSS officer or evaluator whose
 * new token shows no second factor goes to the Security page first (the API
 * would refuse them anything else). Every outcome is said next to the button
 * that caused it.
 */
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { BusyButton } from '../../components/kit/BusyButton.tsx';
import { FormField } from '../../components/kit/FormField.tsx';
import { StatusMessage, type Status } from '../../components/kit/StatusMessage.tsx';
import { safeNext } from '../../lib/safe-next.ts';
import { chooseNewPassword, signIn, type SignInResult } from '../common/cognito.ts';
import { focusFirstInvalid } from '../common/focus-invalid.ts';
import { passwordPolicy } from '../../../../functions/domain/password-policy.ts';
import { fill, language, pageUrl, t } from '../common/page.ts';
import { currentSession, saveSession, type Session } from '../common/session.ts';
import { mustEnrol, requiredReason, typedCode } from './security-page.ts';
import { newPasswordProblem, outcomeMessages } from './sign-in-page.ts';
import { answerCode } from './totp.ts';

// Only same-site paths are followed after sign-in (the rule and its traps: lib/safe-next.ts).
const destination = safeNext(new URLSearchParams(location.search).get('next'), location.origin, pageUrl('desktop'));

// A tab already signed in goes on at once.
if (currentSession()) location.replace(destination);

/** Signed in: on to where the person was going, or first to the Security page when the API would refuse them. */
function enter(session: Session): void {
  saveSession(session);
  location.assign(mustEnrol(session.idToken) ? pageUrl('security', requiredReason) : destination);
}

type Challenge = { session: string; username: string };
const failure = (outcome: Exclude<SignInResult['outcome'], 'signed-in'>): Status => ({ tone: 'error', text: t(outcomeMessages[outcome]) });
const value = (event: JSX.TargetedEvent<HTMLInputElement>) => event.currentTarget.value;

export default function SignInPage() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState({ username: false, password: false });
  const [status, setStatus] = useState<Status>();
  const [busy, setBusy] = useState(false);
  const [challenge, setChallenge] = useState<Challenge>();
  const [codeChallenge, setCodeChallenge] = useState<Challenge>();
  const passwordInput = useRef<HTMLInputElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setStatus(undefined);
    const typed = username.trim();
    const empty = { username: !typed, password: !password };
    setMissing(empty);
    if (empty.username || empty.password) {
      setStatus({ tone: 'error', text: t('signIn.missing') });
      focusFirstInvalid('sign-in-form');
      return;
    }
    setBusy(true);
    try {
      const result = await signIn(typed, password);
      if (result.outcome === 'signed-in') return enter(result.session);
      if (result.outcome === 'new-password-required' && result.challenge) setChallenge(result.challenge);
      else if (result.outcome === 'code-required') setCodeChallenge(result.challenge);
      else setStatus(failure(result.outcome));
    } catch {
      setStatus({ tone: 'error', text: t('common.config') });
    } finally {
      setBusy(false);
    }
  };

  /** The challenge ran out: sign in again with the given password, retyped. */
  const expired = () => {
    setChallenge(undefined);
    setPassword('');
    setStatus(failure('challenge-expired'));
    requestAnimationFrame(() => passwordInput.current?.focus());
  };

  /** The code step ran out: the password again, then a new code. */
  const codeExpired = () => {
    setCodeChallenge(undefined);
    setPassword('');
    setStatus({ tone: 'error', text: t('signInCode.expired') });
    requestAnimationFrame(() => passwordInput.current?.focus());
  };

  if (challenge) return <NewPassword challenge={challenge} typedUsername={username.trim()} onExpired={expired} />;
  if (codeChallenge) return <AppCode challenge={codeChallenge} typedUsername={username.trim()} onExpired={codeExpired} />;

  return (
    <section class="card sign-in" id="sign-in">
      <p>{t('signIn.intro')}</p>
      <form id="sign-in-form" method="post" noValidate onSubmit={submit}>
        <FormField id="username" label={t('signIn.username')} invalid={missing.username}>
          {(control) => (
            <input
              {...control}
              name="username"
              type="text"
              autoComplete="username"
              autoCapitalize="none"
              spellcheck={false}
              required
              value={username}
              onInput={(event) => setUsername(value(event))}
            />
          )}
        </FormField>
        <FormField id="password" label={t('signIn.password')} invalid={missing.password}>
          {(control) => (
            <input
              {...control}
              ref={passwordInput}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onInput={(event) => setPassword(value(event))}
            />
          )}
        </FormField>
        <BusyButton type="submit" busy={busy} busyLabel={t('signIn.busy')}>
          {t('signIn.submit')}
        </BusyButton>
        <StatusMessage status={status} />
      </form>
      <p>
        <a id="signup-link" href={`/${language}/signup/`}>
          {t('signIn.signupLink')}
        </a>
      </p>
    </section>
  );
}

/** "Choose your own password": the rules in plain words, both typings checked, then the challenge answered. */
function NewPassword({ challenge, typedUsername, onExpired }: { challenge: Challenge; typedUsername: string; onExpired: () => void }) {
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<{ field: 'password' | 'again'; text: string }>();
  const [status, setStatus] = useState<Status>();
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);

  const refuse = (field: 'password' | 'again', text: string) => {
    setProblem({ field, text });
    focusFirstInvalid('new-password-form');
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setStatus(undefined);
    setProblem(undefined);
    const found = newPasswordProblem(password, again);
    if (found) return refuse(found.field, t(found.key));
    setBusy(true);
    try {
      const result = await chooseNewPassword(challenge, typedUsername, password);
      if (result.outcome === 'signed-in') return enter(result.session);
      if (result.outcome === 'challenge-expired') onExpired();
      else if (result.outcome === 'invalid-password') refuse('password', t(outcomeMessages[result.outcome]));
      else setStatus(failure(result.outcome));
    } catch {
      setStatus({ tone: 'error', text: t('common.config') });
    } finally {
      setBusy(false);
    }
  };

  const errorOf = (field: 'password' | 'again') => (problem?.field === field ? problem.text : undefined);
  return (
    <section class="card sign-in" id="new-password" aria-labelledby="new-password-heading">
      <h2 id="new-password-heading" tabIndex={-1} ref={heading}>
        {t('newPassword.title')}
      </h2>
      <p>{t('newPassword.intro')}</p>
      <p id="password-rules" class="notice">
        {fill('newPassword.rules', { min: String(passwordPolicy.minLength) })}
      </p>
      <form id="new-password-form" method="post" noValidate onSubmit={submit}>
        <FormField id="new-password-input" label={t('newPassword.password')} describedBy={['password-rules']} error={errorOf('password')}>
          {(control) => (
            <input
              {...control}
              name="newPassword"
              type="password"
              autoComplete="new-password"
              minLength={passwordPolicy.minLength}
              required
              value={password}
              onInput={(event) => setPassword(value(event))}
            />
          )}
        </FormField>
        <FormField id="new-password-again" label={t('newPassword.confirm')} error={errorOf('again')}>
          {(control) => (
            <input
              {...control}
              name="newPasswordAgain"
              type="password"
              autoComplete="new-password"
              minLength={passwordPolicy.minLength}
              required
              value={again}
              onInput={(event) => setAgain(value(event))}
            />
          )}
        </FormField>
        <BusyButton type="submit" busy={busy} busyLabel={t('newPassword.busy')}>
          {t('newPassword.submit')}
        </BusyButton>
        <StatusMessage status={status} />
      </form>
    </section>
  );
}

/** The authenticator app's code (SOFTWARE_TOKEN_MFA): a wrong one is said next to the field and may be typed again. */
function AppCode({ challenge, typedUsername, onExpired }: { challenge: Challenge; typedUsername: string; onExpired: () => void }) {
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string>();
  const [status, setStatus] = useState<Status>();
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);

  const refuse = (text: string) => {
    setProblem(text);
    focusFirstInvalid('sign-in-code-form');
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setStatus(undefined);
    setProblem(undefined);
    const typed = typedCode(code);
    if (!typed) return refuse(t('signInCode.format'));
    setBusy(true);
    try {
      const result = await answerCode(challenge, typedUsername, typed);
      if (result.outcome === 'signed-in') return enter(result.session);
      if (result.outcome === 'wrong-code') {
        setCode('');
        refuse(t('signInCode.wrong'));
      } else if (result.outcome === 'challenge-expired') onExpired();
      else setStatus(failure(result.outcome));
    } catch {
      setStatus({ tone: 'error', text: t('common.config') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card sign-in" id="sign-in-code" aria-labelledby="sign-in-code-heading">
      <h2 id="sign-in-code-heading" tabIndex={-1} ref={heading}>
        {t('signInCode.title')}
      </h2>
      <p>{t('signInCode.intro')}</p>
      <form id="sign-in-code-form" method="post" noValidate onSubmit={submit}>
        <FormField id="sign-in-code-input" label={t('signInCode.code')} error={problem}>
          {(control) => (
            <input
              {...control}
              name="code"
              type="text"
              class="code-input"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={7}
              required
              value={code}
              onInput={(event) => setCode(value(event))}
            />
          )}
        </FormField>
        <BusyButton type="submit" busy={busy} busyLabel={t('signInCode.busy')}>
          {t('signInCode.submit')}
        </BusyButton>
        <StatusMessage status={status} />
      </form>
    </section>
  );
}
