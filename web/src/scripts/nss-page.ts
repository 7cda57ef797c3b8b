/**
 * The NSS page: GET /nss/projects?state=pending-approval, page by page, and
 * for each project Approve, or Reject with a reason (POST .../approval).
 */
import type { NssProjectsPage } from '../../../functions/http/projects/schemas.ts';
import { showDecisionList } from './decision-list.ts';
import { fill, requireSession, t, textElement } from './page.ts';
import { whenKindAllows } from './kind-gate.ts';

// Only NSS officers see the list (KindOnly): nobody else fires a request the API must refuse.
const showList = () => showDecisionList<NssProjectsPage>({
  ids: { list: 'waiting-list', more: 'more-waiting', none: 'none-waiting', heading: 'waiting-heading', loading: 'nss-loading' },
  path: '/nss/projects',
  filter: { state: 'pending-approval' },
  keyOf: (project) => project.projectId,
  describe(project, item) {
    const title = textElement('h3', project.title);
    title.id = `project-${project.projectId}`;
    item.append(title);
    if (project.description) item.append(textElement('p', project.description));
    if (project.founders.length) {
      const founders = project.founders.map((founder) => `${founder.displayName} (${founder.country})`).join(', ');
      item.append(textElement('p', `${t('nss.founders')}: ${founders}`, 'muted'));
    }
    return title;
  },
  decisionPath: (projectId) => `/projects/${encodeURIComponent(projectId)}/approval`,
  words: {
    approve: 'nss.approve',
    reject: 'nss.reject',
    reason: 'nss.reason',
    confirmReject: 'nss.confirmReject',
    cancel: 'nss.cancel',
    reasonMissing: 'nss.reasonMissing',
  },
  decided: (project, approved) => fill(approved ? 'nss.approved' : 'nss.rejected', { title: project.title }),
});

if (requireSession()) void whenKindAllows('nss-page').then((allowed) => allowed && showList());
