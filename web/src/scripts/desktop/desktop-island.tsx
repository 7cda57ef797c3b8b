/**
 * The desktop, a Preact island built from the kit, from GET /me: my account,
 * my tools (teachers: profile, school, partners, desktop mail with its unread
 * count, groups, encounters, resources; the NSS and evaluators their pages),
 * the invitations to found a project (Accept, or Decline after a confirm
 * dialog), and my projects with their state, my type and what each offers
 * me (desktop-page.ts): the TwinSpace, the Project Diary, a Quality Label,
 * partners and members, close or reopen after a confirm dialog. Every
 * outcome is said next to the list it changed.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AcceptanceBodyInput } from '../../../../functions/http/projects/schemas.ts';
import { Badge, BusyButton, ConfirmDialog, EmptyState, StatusMessage, type Status } from '../../components/kit/index.ts';
import { apiPost } from '../common/api.ts';
import { deskUrl, mailLinkText, unreadMailCount } from './desk.ts';
import { useMe, type Me } from './desk-me.ts';
import { failed } from '../common/problems.ts';
import { actionLabel, projectActions, stateVariant, type ProjectAction } from './desktop-page.ts';
import { kindName, stateName, typeName } from '../common/labels.ts';
import { fill, language, pageUrl, t } from '../common/page.ts';

type Project = Me['projects'][number];
type Invitation = Me['invitations'][number];

/** What the confirm dialog is asking about, if anything. */
type Asking = { step: 'close' | 'reopen'; project: Project } | { step: 'decline'; invitation: Invitation };

export default function DesktopPage() {
  const { me, loading, status, reload } = useMe();
  const [unread, setUnread] = useState(0);
  const [projectsStatus, setProjectsStatus] = useState<Status>();
  const [invitationsStatus, setInvitationsStatus] = useState<Status>();
  const [linksStatus, setLinksStatus] = useState<Status>();
  const [asking, setAsking] = useState<Asking>();
  /** The project or invitation whose call is on its way. */
  const [working, setWorking] = useState<string>();
  const projectsHeading = useRef<HTMLHeadingElement>(null);
  const invitationsHeading = useRef<HTMLHeadingElement>(null);
  const kind = me?.kind;

  useEffect(() => {
    if (!me) return;
    const created = new URLSearchParams(location.search).get('created');
    if (created) {
      setProjectsStatus({ tone: 'success', text: fill('desktop.created', { title: created }) });
      // Said once: a reload or a bookmark does not repeat it.
      history.replaceState(null, '', location.pathname);
    }
  }, [!me]);

  useEffect(() => {
    if (kind === 'teacher') unreadMailCount().then(setUnread, (error: unknown) => failed(error, setLinksStatus));
  }, [kind]);

  /** Close (approved) or reopen (closed): POST /projects/{id}/close|reopen, once confirmed. */
  const lifecycleStep = async (project: Project, step: 'close' | 'reopen') => {
    setProjectsStatus(undefined);
    setWorking(project.projectId);
    try {
      await apiPost(`/projects/${encodeURIComponent(project.projectId)}/${step}`);
      await reload();
      setProjectsStatus({ tone: 'success', text: fill(step === 'close' ? 'desktop.closedDone' : 'desktop.reopenedDone', { title: project.title }) });
      projectsHeading.current?.focus();
    } catch (error) {
      failed(error, setProjectsStatus);
    } finally {
      setWorking(undefined);
    }
  };

  /** Accept or decline an invitation: POST /projects/{id}/acceptance. */
  const answer = async (invitation: Invitation, accept: boolean) => {
    setInvitationsStatus(undefined);
    setWorking(invitation.projectId);
    try {
      await apiPost(`/projects/${encodeURIComponent(invitation.projectId)}/acceptance`, { accept } satisfies AcceptanceBodyInput);
      await reload();
      setInvitationsStatus({ tone: 'success', text: fill(accept ? 'desktop.accepted' : 'desktop.declined', { title: invitation.title }) });
      invitationsHeading.current?.focus();
    } catch (error) {
      failed(error, setInvitationsStatus);
    } finally {
      setWorking(undefined);
    }
  };

  const confirmed = () => {
    if (!asking) return;
    setAsking(undefined);
    if (asking.step === 'decline') void answer(asking.invitation, false);
    else void lifecycleStep(asking.project, asking.step);
  };

  const teacher = kind === 'teacher';
  const page = (path: string) => `/${language}/${path}/`;
  return (
    <>
      {loading && <p class="muted">{t('common.loading')}</p>}
      <StatusMessage status={status} />
      {me && (
        <>
          {kind === 'nss' && (
            <p class="actions">
              <a class="button-link" href={pageUrl('nss')}>
                {t('desktop.nssLink')}
              </a>
              <a class="button-link" href={page('encounters')}>
                {t('community.encountersLink')}
              </a>
              <a class="button-link" href={page('resources')}>
                {t('community.resourcesLink')}
              </a>
            </p>
          )}
          {kind === 'evaluator' && (
            <p>
              <a class="button-link" href={pageUrl('evaluations')}>
                {t('evaluations.link')}
              </a>
            </p>
          )}
          <section class="card" aria-labelledby="account-heading">
            <h2 id="account-heading">{t('desktop.account')}</h2>
            <dl class="facts">
              <dt>{t('desktop.username')}</dt>
              <dd>{me.username}</dd>
              <dt>{t('desktop.name')}</dt>
              <dd>{me.profile.displayName}</dd>
              <dt>{t('desktop.kind')}</dt>
              <dd>{kindName(me.kind)}</dd>
              <dt>{t('desktop.country')}</dt>
              <dd>{me.country}</dd>
            </dl>
          </section>
          <nav class="card" aria-labelledby="desk-links-heading">
            <h2 id="desk-links-heading">{t('desktop.myDesk')}</h2>
            <ul class="plain">
              <li>
                <a href={deskUrl('profile')}>{t('desktop.profileLink')}</a>
              </li>
              {kind !== 'pupil' && (
                <li>
                  <a href={pageUrl('security')}>{t('security.link')}</a>
                </li>
              )}
              {teacher && (
                <>
                  <li>
                    <a href={deskUrl('school')}>{t('desktop.schoolLink')}</a>
                  </li>
                  <li>
                    <a href={deskUrl('partners')}>{t('desktop.partnersLink')}</a>
                  </li>
                  <li>
                    <a href={deskUrl('mail')}>{mailLinkText(unread)}</a>
                  </li>
                  <li>
                    <a href={page('groups')}>{t('community.groupsLink')}</a>
                  </li>
                  <li>
                    <a href={page('encounters')}>{t('community.encountersLink')}</a>
                  </li>
                  <li>
                    <a href={page('resources')}>{t('community.resourcesLink')}</a>
                  </li>
                </>
              )}
            </ul>
            <StatusMessage status={linksStatus} />
          </nav>
          {teacher && (
            <section class="card" aria-labelledby="invitations-heading">
              <h2 id="invitations-heading" tabindex={-1} ref={invitationsHeading}>
                {t('desktop.invitations')}
              </h2>
              <StatusMessage status={invitationsStatus} />
              <ul class="plain invitation-list">
                {me.invitations.map((invitation) => (
                  <InvitationItem
                    key={invitation.projectId}
                    invitation={invitation}
                    busy={working === invitation.projectId}
                    onAccept={() => answer(invitation, true)}
                    onDecline={() => setAsking({ step: 'decline', invitation })}
                  />
                ))}
              </ul>
              {me.invitations.length === 0 && <EmptyState>{t('desktop.noInvitations')}</EmptyState>}
            </section>
          )}
          <section class="card" aria-labelledby="projects-heading">
            <h2 id="projects-heading" tabindex={-1} ref={projectsHeading}>
              {t('desktop.projects')}
            </h2>
            <StatusMessage status={projectsStatus} />
            <ul id="project-list" class="plain project-list">
              {me.projects.map((project) => (
                <ProjectItem
                  key={project.projectId}
                  project={project}
                  busy={working === project.projectId}
                  onStep={(step) => setAsking({ step, project })}
                />
              ))}
            </ul>
            {me.projects.length === 0 && <EmptyState>{t('desktop.noProjects')}</EmptyState>}
            {teacher && (
              <p>
                <a class="button-link" href={pageUrl('projects/new')}>
                  {t('desktop.newProject')}
                </a>
              </p>
            )}
          </section>
        </>
      )}
      <ConfirmDialog
        open={!!asking}
        question={asking ? question(asking) : ''}
        confirmLabel={asking ? t(asking.step === 'decline' ? 'desktop.decline' : actionLabel[asking.step]) : ''}
        cancelLabel={t('desktop.cancel')}
        danger={asking?.step !== 'reopen'}
        onConfirm={confirmed}
        onCancel={() => setAsking(undefined)}
      />
    </>
  );
}

function question(asking: Asking): string {
  if (asking.step === 'decline') return fill('desktop.confirmDecline', { title: asking.invitation.title });
  return fill(asking.step === 'close' ? 'desktop.confirmClose' : 'desktop.confirmReopen', { title: asking.project.title });
}

/** Where each link of a project leads. */
function actionHref(action: Exclude<ProjectAction, 'close' | 'reopen'>, id: string): string {
  if (action === 'open') return pageUrl('twinspace', { id });
  if (action === 'diary') return pageUrl('twinspace/diary', { id });
  if (action === 'label') return `${pageUrl('twinspace/labels', { id })}#apply-form`;
  return `/${language}/twinspace/members/?${new URLSearchParams({ id })}`;
}

function ProjectItem({ project, busy, onStep }: { project: Project; busy: boolean; onStep: (step: 'close' | 'reopen') => void }) {
  const titleId = `project-${project.projectId}`;
  const actions = projectActions(project.type, project.state);
  return (
    <li>
      <a id={titleId} class="project-title" href={pageUrl('twinspace', { id: project.projectId })}>
        {project.title}
      </a>
      <span>
        <span class="visually-hidden">{t('desktop.myType')}: </span>
        <Badge variant="neutral">{project.type ? typeName(project.type) : t('desktop.noType')}</Badge>{' '}
        <span class="visually-hidden">{t('desktop.state')}: </span>
        <Badge variant={stateVariant(project.state)}>{stateName(project.state)}</Badge>
      </span>
      {actions.length > 0 && (
        <ul class="plain actions project-actions" aria-label={fill('desktop.actionsOf', { title: project.title })}>
          {actions.map((action) => (
            <li key={action}>
              {action === 'close' || action === 'reopen' ? (
                <BusyButton class={action === 'close' ? 'danger' : 'secondary'} busy={busy} busyLabel={t('common.busy')} aria-describedby={titleId} onClick={() => onStep(action)}>
                  {t(actionLabel[action])}
                </BusyButton>
              ) : (
                <a href={actionHref(action, project.projectId)} aria-describedby={titleId}>
                  {t(actionLabel[action])}
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function InvitationItem(props: { invitation: Invitation; busy: boolean; onAccept: () => Promise<void>; onDecline: () => void }) {
  const { invitation } = props;
  const titleId = `invitation-${invitation.projectId}`;
  return (
    <li>
      <p id={titleId} class="project-title">
        {invitation.title}
      </p>
      <p class="muted">
        {t('desktop.invitedBy')} {invitation.invitedBy.displayName} ({invitation.invitedBy.country})
      </p>
      {/* What the partner agrees to: the project's description, as text (line breaks kept by CSS). */}
      {invitation.description && <p class="invitation-description">{invitation.description}</p>}
      <div class="actions">
        <BusyButton busy={props.busy} busyLabel={t('common.busy')} aria-describedby={titleId} onClick={props.onAccept}>
          {t('desktop.accept')}
        </BusyButton>
        <BusyButton class="secondary" busy={props.busy} busyLabel={t('common.busy')} aria-describedby={titleId} onClick={props.onDecline}>
          {t('desktop.decline')}
        </BusyButton>
      </div>
    </li>
  );
}
