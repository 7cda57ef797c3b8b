/**
 * GET /me: my account, my profile, every project I founded or am a member of
 * (its state, my type where I am a member, else null) and the invitations
 * waiting for my answer. Two round trips: one Query of my partition, one
 * BatchGetItem of those projects' state and title (functions/data/projects.ts).
 */
import { getDesktop } from '../data/projects.ts';
import { callerOf } from '../lib/claims.ts';
import { tableStore } from '../lib/clients.ts';
import { notFound } from '../lib/errors.ts';
import { httpHandler, json } from '../lib/http.ts';
import { meWithProjectsResponse, type MeWithProjectsResponse } from './project-schemas.ts';

/** The profile as the desktop shows it: whatever fields the response schema names (zod drops the rest). */
const myProfile = meWithProjectsResponse.shape.profile;

export const getMe = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { profile, projects, invitations } = await getDesktop(tableStore(), caller.userId);
  if (!profile) throw notFound('This account has no profile yet.');
  const me: MeWithProjectsResponse = {
    userId: caller.userId,
    username: profile.username,
    kind: profile.kind,
    country: profile.country,
    groups: caller.groups,
    profile: myProfile.parse(profile),
    projects,
    invitations,
  };
  return json(200, me);
});
