/**
 * GET /nss/projects: the projects awaiting my country's approval (the NSS's
 * page). Apart from the decision (approvals.ts), so this read-only function
 * carries no Cognito client.
 */
import { decodeIndexCursor } from '../data/index-cursor.ts';
import { gsi1, prefixes } from '../data/keys.ts';
import { listPendingApprovals } from '../data/projects.ts';
import { getUserProfile } from '../data/users.ts';
import { callerOf } from '../lib/claims.ts';
import { tableStore } from '../lib/clients.ts';
import { encodeCursor } from '../lib/cursor.ts';
import { forbidden, parseOr400 } from '../lib/errors.ts';
import { httpHandler, json } from '../lib/http.ts';
import { nssProjectsQuery, type NssProjectsPage } from './project-schemas.ts';

/** A cursor of my country's pending list, or 400: it must point into that very list (a tampered one never peeks elsewhere). */
const decodeApprovalCursor = (cursor: string | undefined, country: string) =>
  decodeIndexCursor(cursor, { gsi1pk: gsi1.approvalsPendingPartition(country), pkPrefix: 'PROJECT#', sk: `${prefixes.approval}${country}` });

/** GET /nss/projects?state=pending-approval: projects awaiting my country's approval, oldest first (NSS only). */
export const listNssProjects = httpHandler(async (event) => {
  const caller = callerOf(event);
  const query = parseOr400(nssProjectsQuery, event.queryStringParameters ?? {}, 'query');
  const store = tableStore();
  const profile = await getUserProfile(store, caller.userId);
  if (profile?.kind !== 'nss') throw forbidden('Only NSS officers see the projects awaiting approval.');
  const startKey = decodeApprovalCursor(query.cursor, profile.country);
  const { approvals, lastKey } = await listPendingApprovals(store, profile.country, { limit: query.limit, startKey });
  const body: NssProjectsPage = {
    items: approvals.map((approval) => ({ ...approval, state: 'pending-approval' as const })),
    nextCursor: encodeCursor(lastKey),
  };
  return json(200, body);
});
