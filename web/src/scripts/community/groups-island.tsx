/**
 * The groups page, a Preact island built from the kit: every group (paged,
 * "Show more") with its access and my part in it as badges; join an open
 * group, leave one (after a confirm); the owner adds a teacher by username
 * and removes members (after a confirm); any teacher creates a group. An
 * account that is not a teacher's reads why there is nothing here
 * (community-gate.tsx). Rules and strings: groups-page.ts.
 */
import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type {
  GroupMemberAddBodyInput,
  GroupMemberResponse,
  GroupMembersPage,
  GroupResponse,
  GroupsPage,
} from '../../../../functions/http/community/schemas.ts';
import { Badge } from '../../components/kit/Badge.tsx';
import { BusyButton } from '../../components/kit/BusyButton.tsx';
import { ConfirmDialog } from '../../components/kit/ConfirmDialog.tsx';
import { EmptyState } from '../../components/kit/EmptyState.tsx';
import { FormField } from '../../components/kit/FormField.tsx';
import { Pager } from '../../components/kit/Pager.tsx';
import { StatusMessage, type Status } from '../../components/kit/StatusMessage.tsx';
import { usePagedList } from '../../components/kit/usePagedList.ts';
import { apiDelete, apiGet, apiPost } from '../common/api.ts';
import { listPath } from './community.ts';
import { CommunityGate, type Me } from './community-gate.tsx';
import { failed } from '../common/problems.ts';
import { problemsByField } from '../common/form-problems.ts';
import { emptyGroup, groupAction, groupBody, membersText, type GroupField, type GroupValues } from './groups-page.ts';
import { fill, language, t } from '../common/page.ts';
import { useCheckedForm, worded } from '../common/checked-form.ts';

/** A question asked before what cannot be undone, and the work it confirms. */
interface Question {
  text: string;
  confirm: string;
  run: () => Promise<void>;
}
type Ask = (question: Question) => void;

export default function GroupsPage() {
  return <CommunityGate>{(me, opening) => <Groups me={me} opening={opening} />}</CommunityGate>;
}

function Groups({ me, opening }: { me: Me; opening: (firstRead: Promise<unknown>) => void }) {
  const groups = usePagedList<GroupResponse>((cursor) => apiGet<GroupsPage>(listPath('/groups', cursor)));
  const [listStatus, setListStatus] = useState<Status>();
  const listHeading = useRef<HTMLHeadingElement>(null);
  const [question, setQuestion] = useState<Question>();

  useEffect(() => opening(groups.reload()), []);

  /** After a change: the list read again (counts and states are the server's), then what happened said under its heading. */
  const changed = async (said: string) => {
    await groups.reload();
    setListStatus({ tone: 'success', text: said });
    listHeading.current?.focus();
  };
  const act = (work: () => Promise<void>) => {
    setListStatus(undefined);
    return work().catch((error: unknown) => failed(error, setListStatus));
  };

  return (
    <>
      <p>{t('groups.intro')}</p>
      <section class="card" aria-labelledby="group-list-heading">
        <h2 id="group-list-heading" tabindex={-1} ref={listHeading}>
          {t('groups.list')}
        </h2>
        <StatusMessage status={listStatus} />
        <ul class="plain decision-list">
          {groups.items.map((group) => (
            <GroupItem key={group.groupId} group={group} me={me} act={act} changed={changed} ask={setQuestion} reloadGroups={groups.reload} />
          ))}
        </ul>
        {groups.loaded && groups.items.length === 0 && <EmptyState>{t('groups.none')}</EmptyState>}
        {groups.loaded && (
          <Pager done={groups.done} label={t('community.more')} busyLabel={t('common.busy')} onMore={() => groups.more().catch((error: unknown) => failed(error, setListStatus))} />
        )}
      </section>
      <CreateGroup
        created={async (name) => {
          await groups.reload();
          listHeading.current?.focus();
          return fill('groups.created', { name });
        }}
      />
      <ConfirmDialog
        open={!!question}
        question={question?.text ?? ''}
        confirmLabel={question?.confirm ?? ''}
        cancelLabel={t('community.cancel')}
        onConfirm={() => {
          setQuestion(undefined);
          void question?.run();
        }}
        onCancel={() => setQuestion(undefined)}
      />
    </>
  );
}

interface ItemProps {
  group: GroupResponse;
  me: Me;
  act: (work: () => Promise<void>) => Promise<void>;
  changed: (said: string) => Promise<void>;
  ask: Ask;
  reloadGroups: () => Promise<unknown>;
}

function GroupItem({ group, me, act, changed, ask, reloadGroups }: ItemProps) {
  const nameId = `group-${group.groupId}`;
  const action = groupAction(group);
  const [leaving, setLeaving] = useState(false);
  const membersPath = `/groups/${encodeURIComponent(group.groupId)}/members`;

  const join = () =>
    act(async () => {
      await apiPost<GroupMemberResponse>(membersPath, {} satisfies GroupMemberAddBodyInput);
      await changed(fill('groups.joined', { name: group.name }));
    });
  const leave = () =>
    ask({
      text: fill(group.access === 'invitation' ? 'groups.confirmLeaveInvitation' : 'groups.confirmLeave', { name: group.name }),
      confirm: t('groups.leave'),
      run: () => {
        setLeaving(true);
        return act(async () => {
          await apiDelete(`${membersPath}/${encodeURIComponent(me.userId)}`);
          await changed(fill('groups.left', { name: group.name }));
        }).finally(() => setLeaving(false));
      },
    });

  return (
    <li>
      <h3 id={nameId}>{group.name}</h3>
      <p>{group.theme}</p>
      <p class="muted">
        <Badge variant={group.access === 'open' ? 'info' : 'neutral'}>{t(group.access === 'open' ? 'groups.open' : 'groups.invitation')}</Badge>{' '}
        {membersText(group, t, language)} · {fill('groups.owner', { name: group.owner.displayName })}
      </p>
      {action && (
        <div class="actions">
          {action === 'manage' && <Badge variant="success">{t('groups.youOwn')}</Badge>}
          {action === 'leave' && (
            <>
              <Badge variant="success">{t('groups.youAreMember')}</Badge>
              <BusyButton class="secondary" busyLabel={t('common.busy')} busy={leaving} aria-describedby={nameId} onClick={leave}>
                {t('groups.leave')}
              </BusyButton>
            </>
          )}
          {action === 'join' && (
            <BusyButton busyLabel={t('common.busy')} aria-describedby={nameId} onClick={join}>
              {t('groups.join')}
            </BusyButton>
          )}
        </div>
      )}
      {action === 'manage' && <OwnerTools group={group} me={me} ask={ask} reloadGroups={reloadGroups} />}
    </li>
  );
}

/** The owner's tools: add a teacher by username; the members, each but the owner with Remove (after a confirm). */
function OwnerTools({ group, me, ask, reloadGroups }: { group: GroupResponse; me: Me; ask: Ask; reloadGroups: () => Promise<unknown> }) {
  const membersPath = `/groups/${encodeURIComponent(group.groupId)}/members`;
  const members = usePagedList<GroupMemberResponse>((cursor) => apiGet<GroupMembersPage>(listPath(membersPath, cursor, 100)));
  const [username, setUsername] = useState('');
  const [problem, setProblem] = useState<string>();
  const [addStatus, setAddStatus] = useState<Status>();
  const [adding, setAdding] = useState(false);
  const [membersStatus, setMembersStatus] = useState<Status>();
  const [removing, setRemoving] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  const membersHeading = useRef<HTMLHeadingElement>(null);
  const inputId = `add-${group.groupId}`;

  useEffect(() => {
    members.reload().catch((error: unknown) => failed(error, setMembersStatus));
  }, []);

  const add = async (event: Event) => {
    event.preventDefault();
    setAddStatus(undefined);
    const name = username.trim();
    if (!name) {
      setProblem(t('community.required'));
      input.current?.focus();
      return;
    }
    setProblem(undefined);
    setAdding(true);
    try {
      const added = await apiPost<GroupMemberResponse>(membersPath, { username: name } satisfies GroupMemberAddBodyInput);
      setUsername('');
      await Promise.all([members.reload(), reloadGroups()]);
      setAddStatus({ tone: 'success', text: fill('groups.added', { member: added.displayName, name: group.name }) });
    } catch (error) {
      const found = problemsByField(error);
      if (found?.username) setProblem(found.username);
      else failed(error, setAddStatus);
    } finally {
      setAdding(false);
      input.current?.focus();
    }
  };

  const remove = (member: GroupMemberResponse) =>
    ask({
      text: fill('groups.confirmRemove', { member: member.displayName, name: group.name }),
      confirm: t('groups.remove'),
      run: async () => {
        setMembersStatus(undefined);
        setRemoving(member.userId);
        try {
          await apiDelete(`${membersPath}/${encodeURIComponent(member.userId)}`);
          await Promise.all([members.reload(), reloadGroups()]);
          setMembersStatus({ tone: 'success', text: fill('groups.removed', { member: member.displayName, name: group.name }) });
          membersHeading.current?.focus();
        } catch (error) {
          failed(error, setMembersStatus);
        } finally {
          setRemoving(undefined);
        }
      },
    });

  return (
    <>
      <form noValidate onSubmit={(event) => void add(event)}>
        <FormField id={inputId} label={t('groups.addUsername')} error={problem}>
          {(control) => (
            <input
              {...control}
              ref={input as Ref<HTMLInputElement>}
              name="username"
              type="text"
              autocapitalize="none"
              spellcheck={false}
              value={username}
              onInput={(event) => setUsername(event.currentTarget.value)}
            />
          )}
        </FormField>
        <BusyButton type="submit" busy={adding} busyLabel={t('common.busy')}>
          {t('groups.add')}
        </BusyButton>
        <StatusMessage status={addStatus} />
      </form>
      <h4 tabindex={-1} ref={membersHeading}>
        {fill('groups.memberList', { name: group.name })}
      </h4>
      <StatusMessage status={membersStatus} />
      <ul class="plain">
        {members.items.map((member) => (
          <li key={member.userId}>
            <span>
              {member.displayName} ({member.country}){' '}
            </span>
            {member.userId !== me.userId && (
              <BusyButton
                class="secondary"
                busyLabel={t('common.busy')}
                busy={removing === member.userId}
                aria-label={fill('groups.removeWho', { member: member.displayName })}
                onClick={() => remove(member)}
              >
                {t('groups.remove')}
              </BusyButton>
            )}
          </li>
        ))}
      </ul>
      {members.loaded && (
        <Pager done={members.done} label={t('community.more')} busyLabel={t('common.busy')} onMore={() => members.more().catch((error: unknown) => failed(error, setMembersStatus))} />
      )}
    </>
  );
}

/** Create a group: name, theme and who may join (radio buttons beside their labels). */
function CreateGroup({ created }: { created: (name: string) => Promise<string> }) {
  const [values, setValues] = useState<GroupValues>(emptyGroup);
  const { problems, status, saving, form, showProblems, send } = useCheckedForm<GroupField>('community.checkFields');
  const set = (name: keyof GroupValues) => (event: { currentTarget: { value: string } }) => setValues({ ...values, [name]: event.currentTarget.value });

  const submit = async (event: Event) => {
    event.preventDefault();
    const checked = groupBody(values);
    if ('problems' in checked) return showProblems(worded(checked.problems));
    await send(async () => {
      const group = await apiPost<GroupResponse>('/groups', checked.body);
      setValues(emptyGroup);
      return { tone: 'success', text: await created(group.name) };
    }, ['name', 'theme']);
  };

  return (
    <section class="card" aria-labelledby="create-group-heading">
      <h2 id="create-group-heading">{t('groups.create')}</h2>
      <form id="group-form" noValidate ref={form} onSubmit={(event) => void submit(event)}>
        <FormField id="group-name" label={t('groups.name')} error={problems.name}>
          {(control) => <input {...control} name="name" type="text" maxLength={120} required value={values.name} onInput={set('name')} />}
        </FormField>
        <FormField id="group-theme" label={t('groups.theme')} error={problems.theme}>
          {(control) => <textarea {...control} name="theme" rows={2} maxLength={300} required value={values.theme} onInput={set('theme')} />}
        </FormField>
        <fieldset>
          <legend>{t('groups.access')}</legend>
          {(['open', 'invitation'] as const).map((access) => (
            <div class="choice" key={access}>
              <input
                id={`access-${access}`}
                type="radio"
                name="access"
                value={access}
                checked={values.access === access}
                onChange={() => setValues({ ...values, access })}
              />{' '}
              <label for={`access-${access}`}>{t(access === 'open' ? 'groups.accessOpen' : 'groups.accessInvitation')}</label>
            </div>
          ))}
        </fieldset>
        <BusyButton type="submit" busy={saving} busyLabel={t('common.busy')}>
          {t('groups.createSubmit')}
        </BusyButton>
        <StatusMessage status={status} />
      </form>
    </section>
  );
}
