/**
 * Who reads a project's diary, and through which view (domain/diary.ts): its
 * teachers (the policy table's 'diary-private'), the NSS of a partner country,
 * or any other signed-in teacher. One BatchGetItem (project, membership,
 * profile); the caller's type comes from the membership item and their kind
 * and country from their profile, never from the token's groups. Writing an
 * entry goes through the TwinSpace gate (twinspace-access.ts, the route's
 * declared action) instead.
 */
import type { Membership } from '../../data/memberships.ts';
import { getProjectAccess, type Project } from '../../data/projects.ts';
import type { TableStore } from '../../data/store.ts';
import type { UserProfile } from '../../data/users.ts';
import { diaryViewOf, partnerCountriesOf, type DiaryView } from '../../domain/diary.ts';
import { hasTwinspace, isWritable } from '../../domain/project-lifecycle.ts';
import type { Caller } from '../../lib/claims.ts';
import { conflict, forbidden, notFound } from '../../lib/errors.ts';

export interface DiaryAccess {
  project: Project;
  view: DiaryView;
  membership?: Membership;
  profile?: UserProfile;
}

/** 404 unknown project; 403 no view of its diary; 409 no TwinSpace yet, or a write to a closed project. */
export async function requireDiaryReader(store: TableStore, projectId: string, caller: Caller, { write }: { write: boolean }): Promise<DiaryAccess> {
  const { project, membership, profile } = await getProjectAccess(store, projectId, caller.userId);
  if (!project) throw notFound('No such project.');
  const view = diaryViewOf(
    { memberType: membership?.type, kind: profile?.kind ?? membership?.kind, country: profile?.country, validated: profile?.validated },
    partnerCountriesOf(project.partners),
  );
  if (!view) {
    throw forbidden("The Project Diary is for teachers and the NSS of the project's countries; its public entries are on the project's public page.");
  }
  if (!hasTwinspace(project.state)) throw conflict('The Project Diary opens once the project is approved.');
  if (write && !isWritable(project.state)) throw conflict('The project is closed: its TwinSpace is read-only.');
  return { project, view, membership, profile };
}
