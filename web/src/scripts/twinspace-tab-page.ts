/**
 * What the hand-built TwinSpace tabs (Chat, Members) share: the project in
 * ?id= (read once with the shell), the closed notice, the flash message a
 * page leaves before reloading itself, and the failures said in the layout.
 */
import type { ProjectDetailResponse } from '../../../functions/http/projects/schemas.ts';
import { ApiError } from './api.ts';
import { pageUrl, requireSession, showError, showStatus, t } from './page.ts';
import type { Session } from './session.ts';
import { currentProject } from './twinspace-project.ts';

export const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
export const flashKey = 'twinspace.flash';

export function openTab(show: (project: ProjectDetailResponse, projectId: string, session: Session) => Promise<void>): void {
  const projectId = new URLSearchParams(location.search).get('id');
  const session = requireSession();
  const loading = element('twinspace-loading');
  if (!session) return;
  if (!projectId) {
    loading.hidden = true;
    showError(t('twinspace.missingId'));
    return;
  }
  const flash = sessionStorage.getItem(flashKey);
  sessionStorage.removeItem(flashKey);
  currentProject()
    .then(async (project) => {
      element('closed-notice').hidden = project.state !== 'closed';
      element('twinspace').hidden = false;
      loading.hidden = true;
      await show(project, projectId, session);
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
