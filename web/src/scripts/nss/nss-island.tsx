/**
 * The NSS projects page's island: the projects waiting for my country's
 * approval (GET /nss/projects?state=pending-approval, page by page), each
 * approved, or rejected with a reason (POST /projects/{id}/approval). A
 * rejected project goes back to its founders, who may change it and send it again.
 */
import type { NssProjectsPage } from '../../../../functions/http/projects/schemas.ts';
import { DecisionList } from './decision-list.tsx';
import { foundersLine } from './nss-page.ts';
import { fill, t } from '../common/page.ts';

type Project = NssProjectsPage['items'][number];

export default function NssPage() {
  return (
    <DecisionList<Project>
      gate="nss-page"
      ids={{ heading: 'waiting-heading', loading: 'nss-loading' }}
      path="/nss/projects"
      filter={{ state: 'pending-approval' }}
      keyOf={(project) => project.projectId}
      titleOf={(project) => project.title}
      details={(project) => (
        <>
          {project.description && <p>{project.description}</p>}
          {project.founders.length > 0 && <p class="muted">{`${t('nss.founders')}: ${foundersLine(project.founders)}`}</p>}
        </>
      )}
      decisionPath={(projectId) => `/projects/${encodeURIComponent(projectId)}/approval`}
      words={{
        heading: t('state.pending-approval'),
        none: t('nss.none'),
        more: t('nss.more'),
        approve: t('nss.approve'),
        reject: t('nss.reject'),
        reason: t('nss.reason'),
        confirmReject: t('nss.confirmReject'),
        cancel: t('nss.cancel'),
        reasonMissing: t('nss.reasonMissing'),
      }}
      decided={(project, approved) => fill(approved ? 'nss.approved' : 'nss.rejected', { title: project.title })}
    />
  );
}
