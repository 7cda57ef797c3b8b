/**
 * GET /projects/{projectId}/members: the members with their type, paged, as
 * the caller may see them (functions/domain/roster.ts: pupils see other
 * pupils by first name, only teachers see e-mail addresses, visitors see the
 * teachers).
 */
import { callerOf } from '../lib/claims.ts';
import { tableStore } from '../lib/clients.ts';
import { decodeCursor, encodeCursor, pageQuery } from '../lib/cursor.ts';
import { parseOr400 } from '../lib/errors.ts';
import { httpHandler, json } from '../lib/http.ts';
import { keys, prefixes } from '../data/keys.ts';
import { listMemberships } from '../data/memberships.ts';
import { rosterEntryFor, type RosterEntry } from '../domain/roster.ts';
import { requireMember } from './access.ts';
import { projectPathParams, type MembersPage } from './schemas.ts';

export const listMembers = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { projectId } = parseOr400(projectPathParams, event.pathParameters ?? {}, 'path');
  const query = parseOr400(pageQuery, event.queryStringParameters ?? {}, 'query');
  const startKey = decodeCursor(query.cursor, keys.projectPartition(projectId), prefixes.member);
  const store = tableStore();
  const { membership: viewer } = await requireMember(store, projectId, caller);
  const { memberships, lastKey } = await listMemberships(store, projectId, { limit: query.limit, startKey });
  const items = memberships
    .map((member) => rosterEntryFor(viewer.type, member))
    .filter((entry): entry is RosterEntry => entry !== undefined);
  const body: MembersPage = { items, nextCursor: encodeCursor(lastKey) };
  return json(200, body);
});
