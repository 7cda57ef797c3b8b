/**
 * The teacher sign-up page, a Preact island built from the kit (its rules,
 * pure, in signup-page.ts): each field is checked here first (translated
 * messages next to the fields, the password against the one policy), then
 * POST /registrations. A 400 puts the server's field problems next to the
 * fields; a 503 asks to try again in a minute. The answer is the same whether
 * or not the address was registered (the API never tells), so the page says
 * what happens in either case. The first field
 * with a problem gets the focus. Success replaces the form with "your NSS
 * will validate your account; you'll get an e-mail".
 */
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { BusyButton } from '../../components/kit/BusyButton.tsx';
import { FormField } from '../../components/kit/FormField.tsx';
import { StatusMessage, type Status } from '../../components/kit/StatusMessage.tsx';
import { passwordPolicy } from '../../../../functions/domain/password-policy.ts';
import type { SignUpReceived } from '../../../../functions/http/registrations/schemas.ts';
import { ApiError, apiPost } from '../common/api.ts';
import { CountrySelect } from '../common/country-select.tsx';
import { focusFirstInvalid } from '../common/focus-invalid.ts';
import { problemsByField } from '../common/form-problems.ts';
import { fill, language, t } from '../common/page.ts';
import { explanation } from '../common/problems.ts';
import { emptySignup, registrationBody, signupProblems, type SignupField, type SignupValues } from './signup-page.ts';

type Problems = Partial<Record<SignupField, string>>;
const fields = Object.keys(emptySignup) as SignupField[];

export default function SignupPage({ countries }: { countries: readonly { code: string; name: string }[] }) {
  const [values, setValues] = useState<SignupValues>(emptySignup);
  const [problems, setProblems] = useState<Problems>({});
  const [status, setStatus] = useState<Status>();
  const [busy, setBusy] = useState(false);
  const [createdFor, setCreatedFor] = useState<string>();

  const refuse = (found: Problems, text: string) => {
    setProblems(found);
    setStatus({ tone: 'error', text });
    focusFirstInvalid('signup-form');
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setProblems({});
    setStatus(undefined);
    const here = signupProblems(values);
    if (Object.keys(here).length) return refuse(Object.fromEntries(Object.entries(here).map(([field, key]) => [field, t(key)])), t('signup.checkFields'));
    setBusy(true);
    try {
      const created = await apiPost<SignUpReceived>('/registrations', registrationBody(values));
      setCreatedFor(created.email);
    } catch (error) {
      const found = problemsByField(error);
      const shown = found && Object.fromEntries(Object.entries(found).filter(([field]) => (fields as string[]).includes(field)));
      if (error instanceof ApiError && error.status === 503) setStatus({ tone: 'error', text: t('signup.tryAgainSoon') });
      else if (shown && Object.keys(shown).length) refuse(shown, t('signup.checkFields'));
      else setStatus({ tone: 'error', text: explanation(error) });
    } finally {
      setBusy(false);
    }
  };

  if (createdFor !== undefined) return <Done email={createdFor} />;

  const set = (field: SignupField) => (event: JSX.TargetedEvent<HTMLInputElement>) => setValues({ ...values, [field]: event.currentTarget.value });
  return (
    <section class="card" id="signup">
      <p>{t('signup.intro')}</p>
      <form id="signup-form" method="post" noValidate onSubmit={submit}>
        <FormField id="signup-email" label={t('signup.email')} hint={t('signup.emailHint')} error={problems.email}>
          {(control) => (
            <input
              {...control}
              name="email"
              type="email"
              autoComplete="email"
              autoCapitalize="none"
              spellcheck={false}
              required
              maxLength={254}
              value={values.email}
              onInput={set('email')}
            />
          )}
        </FormField>
        <FormField id="signup-password" label={t('signup.password')} hint={fill('signup.passwordRules', { min: String(passwordPolicy.minLength) })} error={problems.password}>
          {(control) => (
            <input {...control} name="password" type="password" autoComplete="new-password" minLength={passwordPolicy.minLength} required value={values.password} onInput={set('password')} />
          )}
        </FormField>
        <FormField id="signup-password-again" label={t('signup.passwordAgain')} error={problems.passwordAgain}>
          {(control) => (
            <input
              {...control}
              name="passwordAgain"
              type="password"
              autoComplete="new-password"
              minLength={passwordPolicy.minLength}
              required
              value={values.passwordAgain}
              onInput={set('passwordAgain')}
            />
          )}
        </FormField>
        <FormField id="signup-name" label={t('signup.displayName')} hint={t('signup.displayNameHint')} error={problems.displayName}>
          {(control) => (
            <input {...control} name="displayName" type="text" autoComplete="name" required maxLength={100} value={values.displayName} onInput={set('displayName')} />
          )}
        </FormField>
        <FormField id="signup-country" label={t('signup.country')} error={problems.country}>
          {(control) => (
            <CountrySelect
              {...control}
              name="country"
              required
              countries={countries}
              emptyLabel={t('signup.chooseCountry')}
              value={values.country}
              onChange={(country) => setValues({ ...values, country })}
            />
          )}
        </FormField>
        <FormField id="signup-school" label={t('signup.schoolName')} error={problems.schoolName}>
          {(control) => (
            <input {...control} name="schoolName" type="text" autoComplete="organization" required maxLength={200} value={values.schoolName} onInput={set('schoolName')} />
          )}
        </FormField>
        <FormField id="signup-city" label={t('signup.city')} error={problems.city}>
          {(control) => <input {...control} name="city" type="text" autoComplete="address-level2" required maxLength={100} value={values.city} onInput={set('city')} />}
        </FormField>
        <BusyButton type="submit" busy={busy} busyLabel={t('signup.busy')}>
          {t('signup.submit')}
        </BusyButton>
        <StatusMessage status={status} />
      </form>
    </section>
  );
}

/** What comes next, once the account is created; the heading takes the focus. */
function Done({ email }: { email: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="card" id="signup-done" aria-labelledby="signup-done-heading">
      <h2 id="signup-done-heading" tabIndex={-1} ref={heading}>
        {t('signup.doneTitle')}
      </h2>
      <p>{fill('signup.done', { email })}</p>
      <p>
        <a href={`/${language}/`}>{t('signup.backToSignIn')}</a>
      </p>
    </section>
  );
}
