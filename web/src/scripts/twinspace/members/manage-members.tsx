/**
 * "Manage members" on the Members tab, for teacher administrators, built from
 * the kit: add an existing teacher or guest, create a pupil account, change a
 * type (only the types the member's kind may hold), reset a pupil's password,
 * remove (after a confirm dialog); close (confirmed) and reopen as the
 * server's myActions allow. One-time passwords are shown once, in a marked
 * box, in the page only. Lowering one's own type asks first, saying what the
 * policy table would take away. A pupil's data is erased (issue 11) after a
 * dialog that names the choice: delete what they wrote, or keep it as "Former
 * pupil" (common/erase-person.tsx).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { TwinspaceType } from '../../../../../functions/domain/twinspace-types.ts';
import type {
  AddExistingMemberBodyInput,
  AddMemberResponse,
  ChangeMemberTypeBodyInput,
  CreatePupilBodyInput,
  PasswordResetResponse,
} from '../../../../../functions/http/members/schemas.ts';
import type { ProjectDetailResponse } from '../../../../../functions/http/projects/schemas.ts';
import { BusyButton } from '../../../components/kit/BusyButton.tsx';
import { ConfirmDialog } from '../../../components/kit/ConfirmDialog.tsx';
import { FormField } from '../../../components/kit/FormField.tsx';
import { StatusMessage, type Status } from '../../../components/kit/StatusMessage.tsx';
import { apiDelete, apiPatch, apiPost } from '../../common/api.ts';
import { ErasePersonDialog, type ErasedPerson } from '../../common/erase-person.tsx';
import { problemsByField } from '../../common/form-problems.ts';
import { typeName } from '../../common/labels.ts';
import { addBody, addTypes, lostKeys, pupilBody, pupilTypes, typesFor, type Member } from './members-page.ts';
import { fill, language, t } from '../../common/page.ts';
import { failed } from '../../common/problems.ts';

interface Props {
  project: ProjectDetailResponse;
  /** /projects/{id} */
  path: string;
  /** My own user id: lowering my own type asks first. */
  me: string;
  members: Member[];
  /** Reads the roster again. */
  refresh: () => Promise<unknown>;
  /** Reads the project again (closed, reopened, my type changed); this page and the shell follow. */
  reread: () => Promise<ProjectDetailResponse>;
  /** My own type changed: said in the roster (this panel may be gone). */
  ownTypeChanged: (text: string) => void;
}

/** A question before something that cannot be undone, and what to do once confirmed. */
interface Question {
  text: string;
  confirm: string;
  run: () => Promise<void>;
}

/** Asks `text` in the confirm dialog; runs `run` once confirmed. */
type Ask = (text: string, confirm: string, run: () => Promise<void>) => void;

interface Secret {
  name: string;
  username: string;
  password: string;
}

export function ManageMembers({ project, path, me, members, refresh, reread, ownTypeChanged }: Props) {
  const writable = project.state === 'approved';
  const [question, setQuestion] = useState<Question>();
  const [secret, setSecret] = useState<Secret>();
  const secretBox = useRef<HTMLDivElement>(null);
  const manageHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (secret) secretBox.current?.focus();
  }, [secret]);

  const ask: Ask = (text, confirm, run) => setQuestion({ text, confirm, run });

  return (
    <section class="card" aria-labelledby="manage-heading">
      <h2 id="manage-heading" tabindex={-1} ref={manageHeading}>
        {t('manage.title')}
      </h2>

      {secret && (
        <div class="secret" tabindex={-1} role="group" aria-labelledby="secret-heading" ref={secretBox}>
          <h3 id="secret-heading">{fill('manage.secretTitle', { name: secret.name })}</h3>
          <dl class="facts">
            {secret.username && (
              <div>
                <dt>{t('manage.secretUsername')}</dt>
                <dd>
                  <code id="secret-username">{secret.username}</code>
                </dd>
              </div>
            )}
            <div>
              <dt>{t('manage.secretPassword')}</dt>
              <dd>
                <code id="secret-password">{secret.password}</code>
              </dd>
            </div>
          </dl>
          <p>
            <strong>{t('manage.secretNote')}</strong>
          </p>
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setSecret(undefined);
              manageHeading.current?.focus();
            }}
          >
            {t('manage.secretDone')}
          </button>
        </div>
      )}

      {writable && (
        <>
          <AddForm path={path} refresh={refresh} />
          <PupilForm
            path={path}
            refresh={refresh}
            created={setSecret}
            starting={() => setSecret(undefined)}
          />
          <ManageRoster
            path={path}
            me={me}
            members={members}
            refresh={refresh}
            reread={reread}
            ownTypeChanged={ownTypeChanged}
            ask={ask}
            secret={(found) => setSecret(found)}
            forgetSecret={() => setSecret(undefined)}
          />
        </>
      )}

      <ProjectLifecycle project={project} path={path} reread={reread} ask={ask} />

      <ConfirmDialog
        open={!!question}
        question={question?.text ?? ''}
        confirmLabel={question?.confirm ?? ''}
        cancelLabel={t('home.cancel')}
        onConfirm={() => {
          const confirmed = question;
          setQuestion(undefined);
          if (confirmed) void confirmed.run();
        }}
        onCancel={() => setQuestion(undefined)}
      />
    </section>
  );
}

function AddForm({ path, refresh }: { path: string; refresh: () => Promise<unknown> }) {
  const [username, setUsername] = useState('');
  const [type, setType] = useState<AddExistingMemberBodyInput['type']>(addTypes[0]);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<Status>();
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setProblems({});
    setStatus(undefined);
    const body = addBody(username, type);
    if (!body) {
      setProblems({ username: t('newProject.required') });
      input.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const added = await apiPost<AddMemberResponse>(`${path}/members`, body);
      setUsername('');
      await refresh();
      setStatus({ tone: 'success', text: fill('manage.added', { name: added.member.displayName }) });
    } catch (error) {
      const found = problemsByField(error);
      if (found) {
        setProblems(found);
        requestAnimationFrame(() => document.querySelector<HTMLElement>('#add-member-form [aria-invalid="true"]')?.focus());
      } else failed(error, setStatus);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h3 id="add-heading">{t('manage.addExisting')}</h3>
      <form id="add-member-form" noValidate aria-labelledby="add-heading" onSubmit={submit}>
        <div class="inline-fields">
          <FormField id="add-username" label={t('manage.username')} error={problems.username}>
            {(control) => (
              <input
                {...control}
                ref={input}
                type="text"
                autocapitalize="none"
                spellcheck={false}
                required
                value={username}
                onInput={(event) => setUsername(event.currentTarget.value)}
              />
            )}
          </FormField>
          <FormField id="add-type" label={t('manage.type')} error={problems.type}>
            {(control) => (
              <select {...control} value={type} onChange={(event) => setType(event.currentTarget.value as AddExistingMemberBodyInput['type'])}>
                {addTypes.map((option) => (
                  <option key={option} value={option}>
                    {typeName(option)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <BusyButton type="submit" busy={busy} busyLabel={t('common.busy')}>
          {t('manage.add')}
        </BusyButton>
        <StatusMessage status={status} />
      </form>
    </>
  );
}

function PupilForm({ path, refresh, created, starting }: { path: string; refresh: () => Promise<unknown>; created: (secret: Secret) => void; starting: () => void }) {
  const [name, setName] = useState('');
  const [type, setType] = useState<CreatePupilBodyInput['type']>(pupilTypes[0]);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<Status>();
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setProblems({});
    setStatus(undefined);
    starting();
    const body = pupilBody(name, type);
    if (!body) {
      setProblems({ pupil: t('newProject.required') });
      input.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const answer = await apiPost<AddMemberResponse>(`${path}/members`, body);
      setName('');
      await refresh();
      if (answer.oneTimePassword) created({ name: answer.member.displayName, username: answer.member.username, password: answer.oneTimePassword });
    } catch (error) {
      const found = problemsByField(error);
      if (found) {
        setProblems(found);
        requestAnimationFrame(() => document.querySelector<HTMLElement>('#create-pupil-form [aria-invalid="true"]')?.focus());
      } else failed(error, setStatus);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h3 id="pupil-heading">{t('manage.createPupil')}</h3>
      <form id="create-pupil-form" noValidate aria-labelledby="pupil-heading" onSubmit={submit}>
        <div class="inline-fields">
          <FormField id="pupil-name" label={t('manage.pupilName')} hint={t('manage.pupilNameHint')} error={problems.pupil}>
            {(control) => <input {...control} ref={input} type="text" maxLength={80} required value={name} onInput={(event) => setName(event.currentTarget.value)} />}
          </FormField>
          <FormField id="pupil-type" label={t('manage.type')} error={problems.type}>
            {(control) => (
              <select {...control} value={type} onChange={(event) => setType(event.currentTarget.value as CreatePupilBodyInput['type'])}>
                {pupilTypes.map((option) => (
                  <option key={option} value={option}>
                    {typeName(option)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <BusyButton type="submit" busy={busy} busyLabel={t('common.busy')}>
          {t('manage.create')}
        </BusyButton>
        <StatusMessage status={status} />
      </form>
    </>
  );
}

interface RosterProps {
  path: string;
  me: string;
  members: Member[];
  refresh: () => Promise<unknown>;
  reread: () => Promise<ProjectDetailResponse>;
  ownTypeChanged: (text: string) => void;
  ask: Ask;
  secret: (secret: Secret) => void;
  forgetSecret: () => void;
}

function ManageRoster({ path, me, members, refresh, reread, ownTypeChanged, ask, secret, forgetSecret }: RosterProps) {
  const [chosen, setChosen] = useState<Record<string, TwinspaceType>>({});
  const [working, setWorking] = useState<string>();
  const [status, setStatus] = useState<Status>();
  const [erasing, setErasing] = useState<ErasedPerson>();
  const heading = useRef<HTMLHeadingElement>(null);
  const memberPath = (member: Member) => `${path}/members/${encodeURIComponent(member.userId)}`;

  /** Runs a change of one member's row: its buttons busy meanwhile, a failure said under the heading. */
  const run = async (member: Member, work: () => Promise<void>) => {
    setStatus(undefined);
    setWorking(member.userId);
    try {
      await work();
    } catch (error) {
      failed(error, setStatus);
    } finally {
      setWorking(undefined);
    }
  };

  const changeType = (member: Member, type: TwinspaceType) =>
    run(member, async () => {
      await apiPatch(memberPath(member), { type: type as ChangeMemberTypeBodyInput['type'] } satisfies ChangeMemberTypeBodyInput);
      const text = fill('manage.typeChanged', { name: member.displayName, type: typeName(type) });
      setChosen(({ [member.userId]: _changed, ...others }) => others);
      if (member.userId === me) {
        // My own type changed: the tabs, and whether I still manage, follow the project as it is now.
        await refresh();
        await reread();
        ownTypeChanged(text);
        return;
      }
      await refresh();
      setStatus({ tone: 'success', text });
      heading.current?.focus();
    });

  const change = (member: Member) => {
    const type = chosen[member.userId] ?? member.type;
    if (type === member.type) return;
    const lost = member.userId === me ? lostKeys(member.type, type).map((key) => t(key)) : [];
    if (lost.length === 0) return changeType(member, type);
    const list = new Intl.ListFormat(language, { type: 'conjunction' }).format(lost);
    ask(fill('members.confirmLower', { type: typeName(type), lost: list }), t('members.lower'), () => changeType(member, type));
  };

  const remove = (member: Member) =>
    ask(fill('manage.confirmRemove', { name: member.displayName }), t('manage.remove'), () =>
      run(member, async () => {
        await apiDelete(memberPath(member));
        await refresh();
        setStatus({ tone: 'success', text: fill('manage.removed', { name: member.displayName }) });
        heading.current?.focus();
      }),
    );

  const reset = (member: Member) =>
    ask(fill('manage.confirmReset', { name: member.displayName }), t('manage.resetPassword'), () =>
      run(member, async () => {
        forgetSecret();
        const answer = await apiPost<PasswordResetResponse>(`${memberPath(member)}/password-reset`);
        secret({ name: member.displayName, username: answer.username, password: answer.oneTimePassword });
      }),
    );

  return (
    <div>
      <h3 id="roster-heading" tabindex={-1} ref={heading}>
        {t('manage.roster')}
      </h3>
      <StatusMessage status={status} />
      <ul class="plain manage-list" aria-labelledby="roster-heading">
        {members.map((member) => {
          const busy = working === member.userId;
          // Each button says whose it is to a screen reader ("Remove: Marta Ruiz").
          const whose = (label: string) => `${label}: ${member.displayName}`;
          return (
            <li key={member.userId}>
              <span>
                <span>{member.displayName}</span> <span class="muted">{member.country}</span>
              </span>
              <div class="actions">
                <FormField id={`type-${member.userId}`} label={fill('manage.typeOf', { name: member.displayName })}>
                  {(control) => (
                    <select
                      {...control}
                      value={chosen[member.userId] ?? member.type}
                      onChange={(event) => {
                        const value = event.currentTarget.value as TwinspaceType;
                        setChosen((before) => ({ ...before, [member.userId]: value }));
                      }}
                    >
                      {/* The types the member's kind may hold, and no other. */}
                      {typesFor(member.kind).map((type) => (
                        <option key={type} value={type}>
                          {typeName(type)}
                        </option>
                      ))}
                    </select>
                  )}
                </FormField>
                <BusyButton class="secondary" busy={busy} busyLabel={t('common.busy')} aria-label={whose(t('manage.changeType'))} onClick={() => change(member)}>
                  {t('manage.changeType')}
                </BusyButton>
                {member.kind === 'pupil' && (
                  <BusyButton class="secondary" busy={busy} busyLabel={t('common.busy')} aria-label={whose(t('manage.resetPassword'))} onClick={() => reset(member)}>
                    {t('manage.resetPassword')}
                  </BusyButton>
                )}
                <BusyButton class="danger" busy={busy} busyLabel={t('common.busy')} aria-label={whose(t('manage.remove'))} onClick={() => remove(member)}>
                  {t('manage.remove')}
                </BusyButton>
                {member.kind === 'pupil' && (
                  <button
                    type="button"
                    class="danger"
                    disabled={busy}
                    aria-label={whose(t('privacy.erasePupil'))}
                    onClick={() => setErasing({ userId: member.userId, displayName: member.displayName, kind: 'pupil' })}
                  >
                    {t('privacy.erasePupil')}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      <ErasePersonDialog
        person={erasing}
        onCancel={() => setErasing(undefined)}
        onErased={async (text) => {
          setErasing(undefined);
          await refresh();
          setStatus({ tone: 'success', text });
          heading.current?.focus();
        }}
      />
    </div>
  );
}

function ProjectLifecycle({ project, path, reread, ask }: { project: ProjectDetailResponse; path: string; reread: () => Promise<ProjectDetailResponse>; ask: Ask }) {
  const [status, setStatus] = useState<Status>();
  const [busy, setBusy] = useState(false);
  // The server says which lifecycle steps I may take now.
  const mayClose = project.myActions.includes('close');
  const mayReopen = project.myActions.includes('reopen');

  const step = async (which: 'close' | 'reopen') => {
    setStatus(undefined);
    setBusy(true);
    try {
      await apiPost(`${path}/${which}`);
      await reread();
      setStatus({ tone: 'success', text: t(which === 'close' ? 'manage.closedDone' : 'manage.reopened') });
    } catch (error) {
      failed(error, setStatus);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h3>{t('manage.project')}</h3>
      <div class="actions">
        {mayClose && (
          <BusyButton class="danger" busy={busy} busyLabel={t('common.busy')} onClick={() => ask(t('manage.confirmClose'), t('manage.close'), () => step('close'))}>
            {t('manage.close')}
          </BusyButton>
        )}
        {mayReopen && (
          <BusyButton busy={busy} busyLabel={t('common.busy')} onClick={() => step('reopen')}>
            {t('manage.reopen')}
          </BusyButton>
        )}
      </div>
      <StatusMessage status={status} />
    </>
  );
}
