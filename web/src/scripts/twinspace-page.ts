/**
 * The TwinSpace Home page's project part: the TwinSpace's name (its own once
 * set, with the project's title beside it; the project's title otherwise),
 * state, description (the TwinSpace's own when set), the
 * edit link and the public page; the notices of a closed or not yet open
 * project. The feed is its own island (home-island.tsx); the tabs are the
 * shell's (TwinspaceShell.astro); chat and members have their own pages.
 */
import { ApiError } from './api.ts';
import { stateName, typeName } from './labels.ts';
import { pageUrl, requireSession, showError, showStatus, t } from './page.ts';
import type { ProjectDetailResponse } from '../../../functions/http/projects/schemas.ts';
import { currentProject, onProjectChange, twinspaceDescription, twinspaceName } from './twinspace-project.ts';

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const projectId = new URLSearchParams(location.search).get('id');
const session = requireSession();
// A message to show after a page reloads itself (closing or reopening the project on the Members tab).
const flashKey = 'twinspace.flash';

async function showTwinspace(id: string) {
  showProject(id, await currentProject());
  // A rename in the settings panel (twinspace-settings.tsx) shows at once.
  onProjectChange((project) => showProject(id, project));
}

function showProject(id: string, project: ProjectDetailResponse) {
  const name = twinspaceName(project);
  element('page-title').textContent = name;
  document.title = `${name} · ${t('twinspace.title')}`;
  // The project keeps its title: said beside the TwinSpace's own name.
  const renamed = name !== project.title;
  element('project-title-term').hidden = !renamed;
  element('project-title').hidden = !renamed;
  element('project-title').textContent = renamed ? project.title : '';
  element('project-state').textContent = stateName(project.state);
  const myType = project.myType;
  // A pupil is told what they can do here, not the project's administrative state (which says nothing to them while it is open).
  if ((myType === 'pupil-admin' || myType === 'pupil-member') && project.state === 'approved') {
    element('pupil-guidance').textContent = t(`twinspace.guidance.${myType}`);
    element('pupil-guidance').hidden = false;
    element('project-state-term').hidden = true;
    element('project-state').hidden = true;
  }
  element('project-my-type').textContent = myType ? typeName(myType) : '—';
  element('project-description').textContent = twinspaceDescription(project);
  if (project.state === 'rejected' && project.rejectionReason) {
    element('project-rejection').textContent = `${t('editProject.rejectedBecause')} ${project.rejectionReason}`;
    element('project-rejection').hidden = false;
  }
  if (project.myActions.includes('edit')) {
    element<HTMLAnchorElement>('project-edit-link').href = pageUrl('projects/edit', { id });
    element('project-edit').hidden = false;
  }
  const open = project.state === 'approved';
  const closed = project.state === 'closed';
  element('closed-notice').hidden = !closed;
  element('not-open-notice').hidden = open || closed;
  if (open || closed) {
    element<HTMLAnchorElement>('public-page-link').href = pageUrl('public', { id });
    element('public-page').hidden = false;
  }
  element('twinspace').hidden = false;
}

const loading = element('twinspace-loading');
if (session && !projectId) {
  loading.hidden = true;
  showError(t('twinspace.missingId'));
} else if (session && projectId) {
  const flash = sessionStorage.getItem(flashKey);
  sessionStorage.removeItem(flashKey);
  showTwinspace(projectId)
    .then(() => {
      if (flash) showStatus(flash);
    })
    .catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 401) {
        location.assign(pageUrl('', { next: location.pathname + location.search }));
        return;
      }
      if (error instanceof ApiError && (error.status === 404 || error.status === 403)) showError(t('twinspace.notFound'));
      else showError(error instanceof ApiError && error.status === 0 ? t('common.unreachable') : t('common.error'));
    })
    .finally(() => (loading.hidden = true));
}
