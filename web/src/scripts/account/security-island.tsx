/**
 * The Security page, a Preact island from the kit (its rules, pure, in
 * security-page.ts): enrols an authenticator app for the signed-in account.
 * "Set up" asks Cognito for a secret (AssociateSoftwareToken, with the
 * session's access token) and fetches the QR drawing (its own chunk, import()
 * here only); the page shows the QR code AND the key as text; the app's first
 * code is checked (VerifySoftwareToken) and TOTP switched on and preferred
 * (SetUserMFAPreference); then the session is forgotten and the person signs
 * in again, this time answering the code, so the new ID token shows the
 * second factor the API asks staff for. NSS officers and evaluators are told
 * why they are here; teachers may enrol; pupils are told there is nothing to do.
 */
import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { BusyButton } from '../../components/kit/BusyButton.tsx';
import { FormField } from '../../components/kit/FormField.tsx';
import { StatusMessage, type Status } from '../../components/kit/StatusMessage.tsx';
import { confirmTotp, hasTotp, newTotpSecret, type EnrolmentResult } from './totp.ts';
import { focusFirstInvalid } from '../common/focus-invalid.ts';
import { pageUrl, t } from '../common/page.ts';
import { clearSession, freshSession } from '../common/session.ts';
import { useMe } from '../desktop/desk-me.ts';
import { groupedSecret, isStaff, otpauthUri, typedCode } from './security-page.ts';

const required = new URLSearchParams(location.search).get('reason') === 'mfa-required';
type QrCodeComponent = ComponentType<{ text: string; label: string }>;

/** What an enrolment step that did not work says. */
function enrolmentProblem(result: Exclude<EnrolmentResult, { outcome: 'done' }>): string {
  if (result.outcome === 'wrong-code') return t('security.wrongCode');
  if (result.outcome === 'signed-out') return t('security.signedOut');
  if (result.outcome === 'unreachable') return t('common.unreachable');
  return t('security.failed');
}

export default function SecurityPage() {
  const { me, loading, status: meStatus } = useMe();
  const [enabled, setEnabled] = useState<boolean>();
  const [staff, setStaff] = useState(false);
  const [enrolment, setEnrolment] = useState<{ secret: string; username: string; QrCode: QrCodeComponent }>();
  const [done, setDone] = useState(false);
  const [status, setStatus] = useState<Status>();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    void freshSession().then(async (session) => {
      if (!session) return;
      setStaff(isStaff(session.idToken));
      setEnabled(await hasTotp(session.accessToken));
    });
  }, []);

  useEffect(() => {
    if (enrolment || done) heading.current?.focus();
  }, [enrolment, done]);

  const start = async () => {
    setStatus(undefined);
    const session = await freshSession();
    if (!session) return setStatus({ tone: 'error', text: t('security.signedOut') });
    try {
      const [answer, { QrCode }] = await Promise.all([newTotpSecret(session.accessToken), import('./qr-code.tsx')]);
      if (answer.outcome !== 'secret') return setStatus({ tone: 'error', text: enrolmentProblem(answer) });
      setEnrolment({ secret: answer.secret, username: session.username, QrCode });
    } catch {
      setStatus({ tone: 'error', text: t('common.config') });
    }
  };

  if (loading) return <p class="muted">{t('common.loading')}</p>;
  if (me?.kind === 'pupil') {
    return (
      <section class="card">
        <p>{t('security.pupil')}</p>
      </section>
    );
  }

  if (done) {
    return (
      <section class="card" aria-labelledby="security-done-heading">
        <h2 id="security-done-heading" tabIndex={-1} ref={heading}>
          {t('security.on')}
        </h2>
        <p role="status">{t('security.done')}</p>
        <p>
          <a id="sign-in-again" href={pageUrl('', { next: pageUrl('desktop') })}>
            {t('security.signInAgain')}
          </a>
        </p>
      </section>
    );
  }

  return (
    <>
      {(required || (staff && enabled === false)) && (
        <p class="notice" id="security-required">
          {t('security.required')}
        </p>
      )}
      <StatusMessage status={meStatus} />
      <section class="card" aria-labelledby="security-state-heading">
        <h2 id="security-state-heading">{enabled ? t('security.on') : t('security.off')}</h2>
        <p>{t('security.intro')}</p>
        {!staff && <p>{t('security.optional')}</p>}
        {!enrolment && (
          <BusyButton id="security-start" busyLabel={t('security.busyStart')} onClick={start}>
            {enabled ? t('security.startAgain') : t('security.start')}
          </BusyButton>
        )}
        {!enrolment && <StatusMessage status={status} />}
      </section>
      {enrolment && (
        <Enrolment
          {...enrolment}
          heading={heading}
          onDone={() => {
            // The tokens in hand show no second factor: only a new sign-in, answering the code, gets one that does.
            clearSession();
            setDone(true);
          }}
        />
      )}
    </>
  );
}

/** Step 1, the QR code and the key; step 2, the app's code checked and TOTP switched on. */
function Enrolment({
  secret,
  username,
  QrCode,
  heading,
  onDone,
}: {
  secret: string;
  username: string;
  QrCode: QrCodeComponent;
  heading: { current: HTMLHeadingElement | null };
  onDone: () => void;
}) {
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string>();
  const [status, setStatus] = useState<Status>();
  const [copied, setCopied] = useState<Status>();
  const [busy, setBusy] = useState(false);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied({ tone: 'success', text: t('security.copied') });
    } catch {
      setCopied(undefined);
    }
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setStatus(undefined);
    const typed = typedCode(code);
    if (!typed) {
      setProblem(t('security.codeFormat'));
      focusFirstInvalid('security-code-form');
      return;
    }
    setProblem(undefined);
    setBusy(true);
    try {
      const session = await freshSession();
      if (!session) return setStatus({ tone: 'error', text: t('security.signedOut') });
      const result = await confirmTotp(session.accessToken, typed);
      if (result.outcome === 'done') return onDone();
      if (result.outcome === 'wrong-code') {
        setProblem(enrolmentProblem(result));
        focusFirstInvalid('security-code-form');
      } else setStatus({ tone: 'error', text: enrolmentProblem(result) });
    } catch {
      setStatus({ tone: 'error', text: t('common.config') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="security-enrol-heading">
      <h2 id="security-enrol-heading" tabIndex={-1} ref={heading}>
        {t('security.start')}
      </h2>
      <p>{t('security.stepScan')}</p>
      <div class="qr-frame">
        <QrCode text={otpauthUri(username, secret)} label={t('security.qrLabel')} />
      </div>
      <p>{t('security.secretLabel')}</p>
      <p>
        <code id="totp-secret" class="totp-secret">
          {groupedSecret(secret)}
        </code>
      </p>
      <p>
        <button type="button" class="secondary" onClick={copy}>
          {t('security.copy')}
        </button>
      </p>
      <StatusMessage status={copied} />
      <form id="security-code-form" method="post" noValidate onSubmit={submit}>
        <p>{t('security.stepCode')}</p>
        <FormField id="security-code" label={t('security.code')} hint={t('security.codeHint')} error={problem}>
          {(control) => (
            <input
              {...control}
              name="code"
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              class="code-input"
              maxLength={7}
              required
              value={code}
              onInput={(event) => setCode(event.currentTarget.value)}
            />
          )}
        </FormField>
        <BusyButton type="submit" busy={busy} busyLabel={t('security.busyConfirm')}>
          {t('security.confirm')}
        </BusyButton>
        <StatusMessage status={status} />
      </form>
    </section>
  );
}
