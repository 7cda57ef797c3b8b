/**
 * The TwinSpace's Members tab (?id=<projectId>), a Preact island built from
 * the kit: who is in the project, with their types (read page by page,
 * "Show more"), and, for the project's teachers, when each member last
 * opened the TwinSpace. Teacher administrators also get "Manage members"
 * (manage-members.tsx). Before approval there is no roster yet; a closed
 * project shows the list only. A change of the project (closed, reopened, my
 * own type) is read again and shown at once, here and in the shell.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ProjectDetailResponse } from '../../../../../functions/http/projects/schemas.ts';
import type { MembersPage } from '../../../../../functions/http/schemas.ts';
import { Badge } from '../../../components/kit/Badge.tsx';
import { RelativeDate } from '../../../components/kit/Dates.tsx';
import { EmptyState } from '../../../components/kit/EmptyState.tsx';
import { readerLocale } from '../../../components/kit/format.ts';
import { Pager } from '../../../components/kit/Pager.tsx';
import { StatusMessage, type Status } from '../../../components/kit/StatusMessage.tsx';
import { usePagedList } from '../../../components/kit/usePagedList.ts';
import { ApiError, apiGet } from '../../common/api.ts';
import { subOf } from '../../common/session.ts';
import { typeName } from '../../common/labels.ts';
import { ManageMembers } from './manage-members.tsx';
import { failed } from '../../common/problems.ts';
import { hasRoster, seesLastSeen, type Member } from './members-page.ts';
import { language, requireSession, t } from '../../common/page.ts';
import { currentProject, forgetProject, projectChanged, projectIdOfPage } from '../twinspace-project.ts';

const locale = readerLocale(language, navigator.languages);

type Opened = { project: ProjectDetailResponse; projectId: string; me: string } | { failure: string };

export default function MembersIsland() {
  const [opened, setOpened] = useState<Opened>();

  useEffect(() => {
    const session = requireSession();
    if (!session) return;
    const projectId = projectIdOfPage();
    if (!projectId) return setOpened({ failure: t('twinspace.missingId') });
    currentProject().then(
      (project) => setOpened({ project, projectId, me: subOf(session.idToken) }),
      (error: unknown) => {
        if (error instanceof ApiError && (error.status === 404 || error.status === 403)) setOpened({ failure: t('twinspace.notFound') });
        else failed(error, (status) => setOpened({ failure: status.text }));
      },
    );
  }, []);

  if (!opened) return <p class="muted">{t('common.loading')}</p>;
  if ('failure' in opened) return <StatusMessage status={{ tone: 'error', text: opened.failure }} />;
  return <Roster key={opened.projectId} {...opened} onProject={(project) => setOpened({ ...opened, project })} />;
}

function Roster({ project, projectId, me, onProject }: { project: ProjectDetailResponse; projectId: string; me: string; onProject: (project: ProjectDetailResponse) => void }) {
  const path = `/projects/${encodeURIComponent(projectId)}`;
  const readable = hasRoster(project.state);
  const members = usePagedList<Member>((cursor) => {
    const query = new URLSearchParams({ limit: '100' });
    if (cursor) query.set('cursor', cursor);
    return apiGet<MembersPage>(`${path}/members?${query}`);
  });
  const [status, setStatus] = useState<Status>();
  const heading = useRef<HTMLHeadingElement>(null);
  const lastSeen = seesLastSeen(project.myType);

  useEffect(() => {
    if (readable) members.reload().catch((error: unknown) => failed(error, setStatus));
  }, []);

  /** The project as it is now (after closing, reopening, or a change of my own type): this page and the shell follow. */
  const reread = async () => {
    forgetProject();
    const fresh = await currentProject();
    projectChanged(fresh);
    onProject(fresh);
    return fresh;
  };

  return (
    <>
      {project.state === 'closed' && <p id="closed-notice" class="notice closed-notice">{t('twinspace.closed')}</p>}
      <section class="card" aria-labelledby="members-heading">
        <h2 id="members-heading" tabindex={-1} ref={heading}>
          {t('twinspace.members')}
        </h2>
        <StatusMessage status={status} />
        <ul class="plain member-list">
          {members.items.map((member) => (
            <li key={member.userId}>
              <span>
                <span>{member.displayName}</span> <span class="muted">{member.country}</span>
                {lastSeen && (
                  <span class="hint last-seen">
                    {member.lastSeenAt ? (
                      <>
                        {t('members.lastSeen')} <RelativeDate value={member.lastSeenAt} locale={locale} />
                      </>
                    ) : (
                      t('members.notSeen')
                    )}
                  </span>
                )}
              </span>
              <Badge variant="info">{typeName(member.type)}</Badge>
            </li>
          ))}
        </ul>
        {(!readable || (members.loaded && members.items.length === 0)) && <EmptyState>{t('twinspace.noMembers')}</EmptyState>}
        {members.loaded && (
          <Pager done={members.done} label={t('agendaMailbox.more')} busyLabel={t('common.busy')} onMore={() => members.more().catch((error: unknown) => failed(error, setStatus))} />
        )}
      </section>
      {project.myType === 'teacher-admin' && readable && (
        <ManageMembers
          project={project}
          path={path}
          me={me}
          members={members.items}
          refresh={() => members.reload()}
          reread={reread}
          ownTypeChanged={(text) => {
            setStatus({ tone: 'success', text });
            heading.current?.focus();
          }}
        />
      )}
    </>
  );
}
