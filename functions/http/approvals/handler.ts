/**
 * The approvals area's function (routes.ts): the NSS's decision on a project
 * of its country (the list of projects awaiting it is the projects area's
 * GET /nss/projects). The last approval opens the TwinSpace: in one
 * TransactWriteItems the project becomes `approved` and both founders become
 * teacher administrators; then each founder joins the Cognito group
 * `teacher-admin` (the groups serve the interface; roles are read from the table).
 */
import type { Membership } from '../../data/memberships.ts';
import { recordDecision, type Project } from '../../data/projects.ts';
import { isLastApproval } from '../../domain/project-lifecycle.ts';
import { conflict } from '../../lib/errors.ts';
import { syncTwinspaceGroups } from '../../lib/identity.ts';
import { logger } from '../../lib/logger.ts';
import { countOf } from '../../lib/observability.ts';
import { lifecycleNotices, loadForLifecycle, refuseUnlessWritten, requireStep } from '../projects/lifecycle-access.ts';
import { founderPartners, projectDetail, rolesOf } from '../projects/schemas.ts';
import { areaHandler } from '../area.ts';
import { approvalsRoutes } from './routes.ts';

export const handler = areaHandler(approvalsRoutes, {
  /** My country's decision, once; a rejection needs a reason. */
  decideApproval: async ({ caller, params: { projectId }, body: decision, store }) => {
    const access = await loadForLifecycle(store, projectId, caller);
    requireStep(decision.approve ? 'approve' : 'reject', access);
    const { project, profile } = access;
    const country = profile!.country; // founder-country-nss implies a profile
    const mine = project.approvals?.[country];
    if (mine?.state !== 'pending') {
      throw conflict(`The NSS of ${country} already decided on this project (${mine?.state ?? 'no approval asked'}).`);
    }

    const decidedAt = new Date().toISOString();
    const approvals: NonNullable<Project['approvals']> = {
      ...project.approvals,
      [country]: decision.approve ? { state: 'approved', decidedAt } : { state: 'rejected', reason: decision.reason, decidedAt },
    };
    const states = Object.fromEntries(Object.entries(project.approvals ?? {}).map(([other, state]) => [other, state.state]));
    const opens = decision.approve && isLastApproval(states, country);
    const after: Project = {
      ...project,
      state: decision.approve ? (opens ? 'approved' : 'pending-approval') : 'rejected',
      approvals,
      version: project.version + 1,
    };
    const founders = founderPartners(project);
    const newMembers: Membership[] = opens
      ? founders.map((founder) => ({
          projectId: project.projectId,
          userId: founder.userId,
          type: 'teacher-admin',
          kind: 'teacher',
          displayName: founder.displayName,
          country: founder.country,
          ...(project.accounts?.[founder.userId]?.email ? { email: project.accounts[founder.userId].email } : {}),
          joinedAt: decidedAt,
        }))
      : [];
    // The founders are told in the decision's own transaction: a rejection by any NSS, or the last approval.
    const nss = profile!.displayName;
    const notices = !decision.approve
      ? lifecycleNotices(project.founders, {
          topic: 'project-rejected',
          projectId: project.projectId,
          params: { project: project.title, nss, reason: decision.reason ?? '' },
          title: `“${project.title}” was not approved`,
          body: `${nss} did not approve “${project.title}”: ${decision.reason}. Edit the project and resubmit it.`,
        })
      : opens
        ? lifecycleNotices(project.founders, {
            topic: 'project-approved',
            projectId: project.projectId,
            params: { project: project.title },
            title: `“${project.title}” is approved`,
            body: `Every NSS approved “${project.title}”. Its TwinSpace is open, with both founders as teacher administrators.`,
          })
        : [];
    refuseUnlessWritten(await recordDecision(store, project, after, country, newMembers, notices));
    countOf('ProjectsDecided');

    if (opens) {
      // The approval is recorded: the founders' Cognito groups now follow the
      // table, by the same sync every membership change uses. Groups only serve
      // platform-wide gates and the UI (roles inside a project come from the
      // table), so a failed sync is logged, not an error: the next membership
      // change of that founder re-syncs them.
      for (const founder of founders) {
        await syncTwinspaceGroups(store, founder.userId).catch((error: unknown) =>
          logger.warn('Founder group sync failed after approval; the approval stands', { userId: founder.userId, error: error as Error }),
        );
      }
    }
    return { status: 200, body: projectDetail(after, { roles: rolesOf(after, caller.userId, access.membership, profile) }) };
  },
});
