/** GET /me: my account, my profile and my projects with my type in each, in one Query. */
import { callerOf } from '../lib/claims.ts';
import { tableStore } from '../lib/clients.ts';
import { notFound } from '../lib/errors.ts';
import { httpHandler, json } from '../lib/http.ts';
import { getProfileAndProjects } from '../data/users.ts';
import type { MeResponse } from './schemas.ts';

export const getMe = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { profile, projects } = await getProfileAndProjects(tableStore(), caller.userId);
  if (!profile) throw notFound('This account has no profile yet.');
  const me: MeResponse = {
    userId: caller.userId,
    username: profile.username,
    kind: profile.kind,
    country: profile.country,
    groups: caller.groups,
    profile: { displayName: profile.displayName, school: profile.school, email: profile.email, version: profile.version },
    projects,
  };
  return json(200, me);
});
