/**
 * The NSS's decision on a project of its country: an area of its own because
 * the last approval administers Cognito identities (the founders join the
 * `teacher-admin` group), so only this function carries the Cognito client
 * and the group sync's rights (groupSync below): nothing else of Cognito. Who may decide is the lifecycle table
 * (functions/domain/project-lifecycle.ts: the NSS of a founder's country,
 * while pending approval), not a TwinSpace policy action.
 */
import { identityCalls } from '../../lib/identity-calls.ts';
import { area, identityGrant, route } from '../../lib/route.ts';
import { approvalBody, projectDetailResponse } from '../projects/schemas.ts';
import { projectPathParams } from '../schemas.ts';

/** The last approval syncs both founders' groups (lib/identity.ts syncTwinspaceGroups): its calls, no other. */
const groupSync = identityGrant('group-sync', identityCalls.syncTwinspaceGroups);

export const approvalsRoutes = area('approvals', {
  decideApproval: route({
    name: 'decide-approval',
    method: 'POST',
    path: '/projects/{projectId}/approval',
    auth: 'jwt',
    summary:
      "My country's decision, once (NSS of a founder's country; pending-approval). A rejection needs a reason. The last approval opens the TwinSpace with both founders as teacher administrators",
    params: projectPathParams,
    body: approvalBody,
    responses: { 200: projectDetailResponse },
    // Unknown project 404; not the NSS of a founder's country 403; not pending, already decided or changed meanwhile 409.
    errors: ['FORBIDDEN', 'NOT_FOUND', 'CONFLICT'],
    grants: [groupSync],
  }),
});
