/**
 * PUT /me/profile: edit my profile, versioned (two tabs: the second save gets
 * 409 and nothing is overwritten). Who changes which field is decided in
 * functions/domain/desktop.ts. Answers the saved profile with its new version.
 */
import { callerOf } from '../lib/claims.ts';
import { tableStore } from '../lib/clients.ts';
import { conflict, forbidden, notFound, parseOr400, validationFailed } from '../lib/errors.ts';
import { httpHandler, json } from '../lib/http.ts';
import { getProfileAndProjects, saveProfileChanges, StaleProfileError, type UserProfile } from '../data/users.ts';
import { decideProfileEdit } from '../domain/desktop.ts';
import { profileUpdateBody, type ProfileResponse } from './desktop-schemas.ts';

export function profileView(profile: UserProfile): ProfileResponse {
  const { createdAt: _createdAt, ...view } = profile;
  return view;
}

export const updateMyProfile = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { version, ...changes } = parseOr400(profileUpdateBody, event.body ?? {}, 'body');
  const store = tableStore();
  // One Query: the profile, and the projects whose memberships carry my display name.
  const { profile, projects } = await getProfileAndProjects(store, caller.userId);
  if (!profile) throw notFound('This account has no profile yet.');
  const decision = decideProfileEdit(profile.kind, changes);
  if (decision.outcome === 'forbidden') throw forbidden(decision.reason);
  if (decision.outcome === 'invalid') throw validationFailed('The body is not valid.', decision.problems);
  if (profile.version !== version) throw staleProfile(version, profile.version);
  try {
    const saved = await saveProfileChanges(store, profile, changes, version, projects.map((project) => project.projectId));
    return json(200, profileView(saved));
  } catch (error) {
    if (error instanceof StaleProfileError) throw staleProfile(version, error.currentVersion);
    throw error;
  }
});

function staleProfile(sent: number, current: number | undefined) {
  return conflict(
    `Your profile was changed elsewhere since you opened it (you sent version ${sent}${current ? `, it is now version ${current}` : ''}). Reload it and make your change again; nothing was saved.`,
  );
}
