/**
 * The privacy area's function (routes.ts): POST /people/{userId}/erasure (erasure.ts), GET /nss/people (nss-people.ts).
 */
import { areaHandler } from '../area.ts';
import { erasePerson } from './erasure.ts';
import { findNssPerson } from './nss-people.ts';
import { privacyRoutes } from './routes.ts';

export const handler = areaHandler(privacyRoutes, {
  erasePerson: ({ caller, params: { userId }, body: { mode }, store }) => erasePerson(store, caller, userId, mode),
  findNssPerson,
});
