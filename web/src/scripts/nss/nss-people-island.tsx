/**
 * The NSS people page's island (issue 11, erasure): no NSS page lists pupils or teachers, so the NSS names the person
 * by username (GET /nss/people?username=, which answers only accounts of the NSS's country), reads who it is (name,
 * account, country), and erases them in the same dialog as the Members tab (common/erase-person.tsx: delete, or keep
 * as "Former pupil" / "Former teacher"; cannot be undone; Cancel first, Escape cancels). The outcome is said under the
 * form, and focus goes back to the username field for the next one.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { NssPersonResponse } from '../../../../functions/http/privacy/schemas.ts';
import { BusyButton } from '../../components/kit/BusyButton.tsx';
import { FormField } from '../../components/kit/FormField.tsx';
import { StatusMessage, type Status } from '../../components/kit/StatusMessage.tsx';
import { ApiError, apiGet } from '../common/api.ts';
import { ErasePersonDialog, type ErasedPerson } from '../common/erase-person.tsx';
import { whenKindAllows } from '../common/kind-gate.ts';
import { language, requireSession, t } from '../common/page.ts';
import { personName } from '../common/person.ts';
import { failed } from '../common/problems.ts';

const countryName = (code: string) => {
  try {
    return new Intl.DisplayNames([language], { type: 'region', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
};

const erasable = (person: NssPersonResponse): person is NssPersonResponse & { kind: ErasedPerson['kind'] } => person.kind === 'pupil' || person.kind === 'teacher';

export default function NssPeoplePage() {
  const [username, setUsername] = useState('');
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>();
  const [person, setPerson] = useState<NssPersonResponse>();
  const [erasing, setErasing] = useState<ErasedPerson>();
  /** Set when an erasure is done: focus goes back to the field once the dialog has closed. */
  const [refocus, setRefocus] = useState(0);
  const field = useRef<HTMLInputElement>(null);
  const found = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (requireSession()) void whenKindAllows('nss-people');
  }, []);
  useEffect(() => {
    if (refocus > 0) field.current?.focus();
  }, [refocus]);

  const find = async (event: JSX.TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    setStatus(undefined);
    setPerson(undefined);
    const wanted = username.trim();
    if (!wanted) {
      setProblem(t('nssPeople.usernameMissing'));
      field.current?.focus();
      return;
    }
    setProblem(undefined);
    setBusy(true);
    try {
      const answer = await apiGet<NssPersonResponse>(`/nss/people?${new URLSearchParams({ username: wanted })}`);
      setPerson(answer);
      // The result is read where it appears: its heading takes focus.
      requestAnimationFrame(() => found.current?.focus());
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        setProblem(t('nssPeople.notFound'));
        field.current?.focus();
      } else failed(error, setStatus);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <form noValidate onSubmit={(event) => void find(event)}>
        <FormField id="person-username" label={t('nssPeople.username')} hint={t('nssPeople.usernameHint')} error={problem}>
          {(control) => (
            <input
              {...control}
              ref={field}
              type="text"
              autocomplete="off"
              autocapitalize="none"
              spellcheck={false}
              maxLength={128}
              value={username}
              onInput={(event) => setUsername(event.currentTarget.value)}
            />
          )}
        </FormField>
        <BusyButton type="submit" busy={busy} busyLabel={t('common.busy')}>
          {t('nssPeople.find')}
        </BusyButton>
      </form>
      <StatusMessage status={status} />
      {person && (
        <section class="card" aria-labelledby="person-heading">
          <h2 id="person-heading" tabindex={-1} ref={found}>
            {t('nssPeople.found')}
          </h2>
          <dl class="facts">
            <div>
              <dt>{t('nssPeople.name')}</dt>
              <dd>{personName(person.displayName, language)}</dd>
            </div>
            <div>
              <dt>{t('nssPeople.kind')}</dt>
              <dd>{t(`kind.${person.kind}`)}</dd>
            </div>
            <div>
              <dt>{t('nssPeople.country')}</dt>
              <dd>{countryName(person.country)}</dd>
            </div>
            <div>
              <dt>{t('nssPeople.username')}</dt>
              <dd>{person.username}</dd>
            </div>
          </dl>
          {erasable(person) ? (
            <p>
              <button
                type="button"
                class="danger"
                aria-label={`${t(person.kind === 'pupil' ? 'privacy.erasePupil' : 'privacy.eraseTeacher')}: ${person.displayName}`}
                onClick={() => setErasing({ userId: person.userId, displayName: person.displayName, kind: person.kind })}
              >
                {t(person.kind === 'pupil' ? 'privacy.erasePupil' : 'privacy.eraseTeacher')}
              </button>
            </p>
          ) : (
            <p class="muted">{t('nssPeople.notErasable')}</p>
          )}
        </section>
      )}
      <ErasePersonDialog
        person={erasing}
        onCancel={() => setErasing(undefined)}
        onErased={(text) => {
          setErasing(undefined);
          setPerson(undefined);
          setUsername('');
          setStatus({ tone: 'success', text });
          setRefocus((count) => count + 1);
        }}
      />
    </>
  );
}
