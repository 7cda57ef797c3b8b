/**
 * GET /nss/people?username= (issue 11): the NSS finds the pupil or teacher of their country they are about to erase
 * (POST /people/{userId}/erasure). No NSS page lists pupils or teachers, so the username is how they name one, as a
 * teacher adds a member. Two GetItems: the username item (keys.ts pattern 15) gives the id, the profile the rest.
 * Who may see what is functions/domain/erasure.ts judgeNssLookup: another country's account is a 404 like none.
 */
import { findUserIdByUsername, getUserProfile } from '../../data/users.ts';
import { judgeNssLookup } from '../../domain/erasure.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import type { Reply, RouteRequest } from '../router.ts';
import type { privacyRoutes } from './routes.ts';

type Routes = (typeof privacyRoutes)['routes'];

export async function findNssPerson({ caller, query, store }: RouteRequest<Routes['findNssPerson']>): Promise<Reply<Routes['findNssPerson']>> {
  const [callerProfile, userId] = await Promise.all([getUserProfile(store, caller.userId), findUserIdByUsername(store, query.username)]);
  const person = callerProfile?.kind === 'nss' && userId !== undefined ? await getUserProfile(store, userId) : undefined;
  const verdict = judgeNssLookup(callerProfile, person);
  if (!('found' in verdict)) throw verdict.status === 403 ? forbidden(verdict.reason) : notFound(verdict.reason);
  const { userId: id, username, kind, displayName, country } = verdict.found;
  return { status: 200, body: { userId: id, username, kind, displayName, country } };
}
