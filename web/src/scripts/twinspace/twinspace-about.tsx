/**
 * The TwinSpace Home's project part (?id=<projectId>), a Preact island built
 * from the kit: the TwinSpace's name (its own once set, with the project's
 * title beside it; the project's title otherwise) in the page's title, the
 * state (a badge), my type, the description (the TwinSpace's own when set),
 * the reason of a rejection, the edit link and the public page; the one
 * notice of a closed or not yet open project. A rename in the settings panel
 * (twinspace-settings.tsx) shows at once. Rules in twinspace-page.ts.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ProjectDetailResponse } from '../../../../functions/http/projects/schemas.ts';
import { Badge } from '../../components/kit/Badge.tsx';
import { StatusMessage, type Status } from '../../components/kit/StatusMessage.tsx';
import { ApiError } from '../common/api.ts';
import { stateName, typeName } from '../common/labels.ts';
import { pageUrl, requireSession, t } from '../common/page.ts';
import { explanation, reportFailure } from '../common/problems.ts';
import { aboutProject, stateVariant } from './twinspace-page.ts';
import { currentProject, onProjectChange, projectIdOfPage, twinspaceDescription, twinspaceName } from './twinspace-project.ts';

/** The TwinSpace's name in the page's h1 and the document's title. */
function nameThePage(name: string) {
  const heading = document.getElementById('page-title');
  if (heading) heading.textContent = name;
  document.title = `${name} · ${t('twinspace.title')}`;
}

export default function TwinspaceAbout() {
  const [project, setProject] = useState<ProjectDetailResponse>();
  const [failure, setFailure] = useState<Status>();
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    if (!requireSession()) return;
    if (!projectIdOfPage()) {
      setLoading(false);
      setFailure({ tone: 'error', text: t('twinspace.missingId') });
      return;
    }
    currentProject()
      .then(setProject, (error: unknown) => {
        if (error instanceof ApiError && error.status === 401) reportFailure(error);
        else if (error instanceof ApiError && (error.status === 404 || error.status === 403)) setFailure({ tone: 'error', text: t('twinspace.notFound') });
        else setFailure({ tone: 'error', text: explanation(error) });
      })
      .finally(() => setLoading(false));
    return onProjectChange(setProject);
  }, []);

  useEffect(() => {
    if (project) nameThePage(twinspaceName(project));
  }, [project]);

  if (loading) return <p class="muted">{t('common.loading')}</p>;
  if (!project) return <StatusMessage status={failure} />;

  const id = project.projectId;
  const name = twinspaceName(project);
  // The project keeps its title: said beside the TwinSpace's own name.
  const renamed = name !== project.title;
  const about = aboutProject(project.state, project.myType);
  return (
    <div id="twinspace">
      {about.notice && <p id={about.notice === 'twinspace.closed' ? 'closed-notice' : 'not-open-notice'} class={about.notice === 'twinspace.closed' ? 'notice closed-notice' : 'notice'}>{t(about.notice)}</p>}
      <section class="card" aria-labelledby="about-heading">
        <h2 id="about-heading">{t('twinspace.description')}</h2>
        {about.pupilGuidance && (
          <p id="pupil-guidance" class="notice">
            {t(`twinspace.guidance.${about.pupilGuidance}`)}
          </p>
        )}
        <dl class="facts">
          {renamed && (
            <div>
              <dt>{t('tsSettings.projectTitle')}</dt>
              <dd id="project-title">{project.title}</dd>
            </div>
          )}
          {about.showState && (
            <div>
              <dt>{t('twinspace.state')}</dt>
              <dd id="project-state">
                <Badge variant={stateVariant(project.state)}>{stateName(project.state)}</Badge>
              </dd>
            </div>
          )}
          <div>
            <dt>{t('twinspace.myType')}</dt>
            <dd id="project-my-type">{project.myType ? typeName(project.myType) : '—'}</dd>
          </div>
        </dl>
        <p id="project-description">{twinspaceDescription(project)}</p>
        {project.state === 'rejected' && project.rejectionReason && (
          <p id="project-rejection" class="notice">
            {`${t('editProject.rejectedBecause')} ${project.rejectionReason}`}
          </p>
        )}
        {project.myActions.includes('edit') && (
          <p>
            <a href={pageUrl('projects/edit', { id })}>{t('editProject.link')}</a>
          </p>
        )}
        {about.publicPage && (
          <p>
            <a href={pageUrl('public', { id })}>{t('areas.public')}</a>
          </p>
        )}
      </section>
    </div>
  );
}
