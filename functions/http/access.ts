/**
 * The one auth check of every project route: the project, the caller's
 * membership and profile in one BatchGetItem. The caller's type in the
 * project comes from the membership item, never from the token's groups.
 */
import type { Caller } from '../lib/claims.ts';
import { forbidden, notFound } from '../lib/errors.ts';
import type { TableStore } from '../data/store.ts';
import type { ItemKey } from '../data/keys.ts';
import { getProjectAccess } from '../data/projects.ts';
import type { Project } from '../data/projects.ts';
import type { Membership } from '../data/memberships.ts';
import type { UserProfile } from '../data/users.ts';

export interface MemberAccess {
  project: Project;
  membership: Membership;
  /** The caller's profile, read in the same BatchGetItem. */
  profile?: UserProfile;
  /** The items asked for `alongWith` that exist (read in the same round trip). */
  alongside: Record<string, unknown>[];
}

/** The project and the caller's membership; 404 for an unknown project, 403 for a non-member. */
export async function requireMember(store: TableStore, projectId: string, caller: Caller, alongWith: ItemKey[] = []): Promise<MemberAccess> {
  const access = await getProjectAccess(store, projectId, caller.userId, alongWith);
  if (!access.project) throw notFound('No such project.');
  if (!access.membership) throw forbidden('Only members of this project may see this.');
  return { project: access.project, membership: access.membership, profile: access.profile, alongside: access.alongside };
}

/**
 * Reading a project: its members, and (DOMAIN.md: the NSS of every partner
 * country follows the project; evaluators judge its TwinSpace) the NSS
 * officers and evaluators of a partner country. Their kind and country come
 * from their profile in the table.
 */
export async function requireProjectReader(
  store: TableStore,
  projectId: string,
  caller: Caller,
): Promise<{ project: Project; membership?: Membership; profile?: UserProfile }> {
  const access = await getProjectAccess(store, projectId, caller.userId);
  if (!access.project) throw notFound('No such project.');
  if (access.membership) return { project: access.project, membership: access.membership, profile: access.profile };
  const profile = access.profile;
  const partnerCountries = new Set(access.project.partners.map((partner) => partner.country));
  if (profile && (profile.kind === 'nss' || profile.kind === 'evaluator') && partnerCountries.has(profile.country)) {
    return { project: access.project, profile };
  }
  throw forbidden('Only members of this project may see it.');
}
