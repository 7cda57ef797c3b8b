/** The desktop page: my account and my projects with my type in each, from GET /me. */
import { ApiError, apiGet, type Me } from './api.ts';
import { kindName, stateName, typeName } from './labels.ts';
import { pageUrl, requireSession, showError, t, textElement } from './page.ts';

const session = requireSession();
const loading = document.getElementById('desktop-loading') as HTMLElement;

async function showDesktop(username: string) {
  const me = await apiGet<Me>('/me');
  const fill = (id: string, text: string) => ((document.getElementById(id) as HTMLElement).textContent = text);
  fill('account-username', me.username ?? username);
  fill('account-name', me.profile?.displayName ?? '—');
  fill('account-kind', kindName(me.kind));
  fill('account-country', me.country ?? '—');

  const list = document.getElementById('project-list') as HTMLUListElement;
  for (const project of me.projects) {
    const item = document.createElement('li');
    const link = textElement('a', project.title, 'project-title');
    link.href = pageUrl('twinspace', { id: project.projectId });
    const details = document.createElement('span');
    details.append(
      textElement('span', `${t('desktop.myType')}: `, 'visually-hidden'),
      textElement('span', typeName(project.type), 'badge'),
    );
    if (project.state) {
      details.append(' ', textElement('span', `${t('desktop.state')}: ${stateName(project.state)}`, 'muted'));
    }
    item.append(link, details);
    list.append(item);
  }
  (document.getElementById('no-projects') as HTMLElement).hidden = me.projects.length > 0;
  (document.getElementById('desktop') as HTMLElement).hidden = false;
}

if (session) {
  showDesktop(session.username)
    .catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 401) {
        location.assign(pageUrl('', { next: location.pathname }));
        return;
      }
      showError(error instanceof ApiError && error.status === 0 ? t('common.unreachable') : t('common.error'));
    })
    .finally(() => (loading.hidden = true));
}
