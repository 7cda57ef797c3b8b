/**
 * Privacy (issue 11, GDPR): erasing a pupil or a teacher, and the NSS's lookup of the person to erase by username (no
 * NSS page lists pupils or teachers). Its own area, so its function alone carries the erasure's
 * code beside one Cognito admin call (AdminDeleteUser: erasure below) and the chat's @connections (the person's open
 * sockets leave their rooms), in a role of its own (infra/cdk/route-roles.ts, with the materials it erases). The
 * export of one's own data only reads, so it is the desktop's (GET /me/export).
 *
 * No policy `action` is declared: the caller's right is read from the table (their memberships in the target's
 * projects, the NSS's country; functions/domain/erasure.ts), so its refusals are declared errors.
 */
import { identityCalls } from '../../lib/identity-calls.ts';
import { area, identityGrant, route } from '../../lib/route.ts';
import { erasureBody, erasureResponse, nssPersonQuery, nssPersonResponse, personPathParams } from './schemas.ts';

/** The erased person's Cognito user goes (lib/identity.ts deleteAccount): it can neither create users nor set passwords. */
const erasure = identityGrant('erasure', identityCalls.deleteAccount);

export const privacyRoutes = area('privacy', {
  erasePerson: route({
    name: 'erase-person',
    method: 'POST',
    path: '/people/{userId}/erasure',
    auth: 'jwt',
    summary:
      "Erase a pupil (a teacher administrator of one of their projects, or the NSS of their country) or a teacher (the NSS of their country): mode 'delete' deletes every item they wrote, 'keep' keeps them attributed to \"Former pupil\" / \"Former teacher\"; then their memberships, connections, Cognito user, username and profile go. Cannot be undone. Idempotent: after a fault the same request finishes it; once done, 404. A project's last teacher administrator is not erased (409: make another one first)",
    params: personPathParams,
    body: erasureBody,
    responses: { 200: erasureResponse },
    errors: ['FORBIDDEN', 'NOT_FOUND', 'CONFLICT'],
    grants: [erasure, 'chat-connections'],
  }),
  findNssPerson: route({
    name: 'find-nss-person',
    method: 'GET',
    path: '/nss/people',
    auth: 'jwt',
    summary:
      "The pupil, teacher or other account of my country with this username, to erase it (NSS officers; others 403). An account of another country answers 404, as no account does",
    query: nssPersonQuery,
    responses: { 200: nssPersonResponse },
    errors: ['FORBIDDEN', 'NOT_FOUND'],
  }),
});
