/**
 * Themed groups on the desktop (teachers only; pupils, guests, NSS officers
 * and evaluators get 403). GET /groups lists every group by name with
 * whether I'm a member; POST /groups creates one (I own it); POST
 * /groups/{groupId}/members joins an open group myself, or lets the owner
 * add a teacher by username; DELETE /groups/{groupId}/members/{userId}: a
 * member leaves, the owner removes; GET /groups/{groupId}/members lists them
 * (open groups: any teacher; invitation-only: its members).
 */
import { ulid } from 'ulid';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { conflict, forbidden, notFound, validationFailed, type HttpError } from '../../lib/errors.ts';
import { countOf } from '../../lib/observability.ts';
import { decodeIndexCursor } from '../../data/index-cursor.ts';
import * as groupStore from '../../data/groups.ts';
import type { Group } from '../../data/groups.ts';
import { communityIndex, communityKeys } from '../../data/keys.ts';
import type { TableStore } from '../../data/store.ts';
import { findUserIdByUsername, getUserProfile, getUserProfiles, type UserProfile } from '../../data/users.ts';
import { decideJoin, decideRemoval, usesGroups, type GroupDecision } from '../../domain/groups.ts';
import type { Reply, RouteRequest } from '../router.ts';
import type { communityRoutes } from './routes.ts';
import type { GroupMemberResponse, GroupResponse } from './schemas.ts';

type Routes = (typeof communityRoutes)['routes'];
type Handler<K extends keyof Routes> = (request: RouteRequest<Routes[K]>) => Promise<Reply<Routes[K]>>;

const teachersOnly = () => forbidden('Groups are for teachers only.');
const noSuchTeacher = () => validationFailed('The new member is not valid.', [{ field: 'body.username', message: 'No teacher has this username.' }]);

async function teacherCaller(store: TableStore, userId: string): Promise<UserProfile> {
  const profile = await getUserProfile(store, userId);
  if (!profile || !usesGroups(profile.kind)) throw teachersOnly();
  return profile;
}

function groupView(group: Group, callerId: string, isMember: boolean): GroupResponse {
  return {
    groupId: group.groupId,
    name: group.name,
    theme: group.theme,
    access: group.access,
    owner: { userId: group.ownerId, displayName: group.ownerName },
    memberCount: group.memberCount,
    maxMembers: group.maxMembers,
    createdAt: group.createdAt,
    isMember,
    isOwner: group.ownerId === callerId,
  };
}

function refuse(decision: Exclude<GroupDecision, { outcome: 'allowed' }>): HttpError {
  return decision.outcome === 'forbidden' ? forbidden(decision.reason) : conflict(decision.reason);
}

export const listGroups: Handler<'listGroups'> = async ({ caller, query: { limit, cursor }, store }) => {
  const startKey = decodeIndexCursor(cursor, { gsi1pk: communityIndex.groupsPartition, pkPrefix: 'GROUP#' });
  await teacherCaller(store, caller.userId);
  const { groups, lastKey } = await groupStore.listGroups(store, { limit, startKey });
  const mine = await groupStore.memberGroupIds(store, groups.map((group) => group.groupId), caller.userId);
  return {
    status: 200,
    body: { items: groups.map((group) => groupView(group, caller.userId, mine.has(group.groupId))), nextCursor: encodeCursor(lastKey) },
  };
};

export const createGroup: Handler<'createGroup'> = async ({ caller, body: input, store }) => {
  const owner = await teacherCaller(store, caller.userId);
  const now = new Date().toISOString();
  const group: Group = { groupId: ulid(), ...input, ownerId: owner.userId, ownerName: owner.displayName, memberCount: 1, createdAt: now };
  await groupStore.createGroup(store, group, { groupId: group.groupId, userId: owner.userId, displayName: owner.displayName, country: owner.country, joinedAt: now });
  countOf('CommunityActions');
  return { status: 201, body: groupView(group, caller.userId, true), headers: { location: `/groups/${group.groupId}` } };
};

export const addGroupMember: Handler<'addGroupMember'> = async ({ caller, params: { groupId }, body: input, store }) => {
  const newMemberId = input.username === undefined ? caller.userId : await findUserIdByUsername(store, input.username);
  if (!newMemberId) throw noSuchTeacher();
  const [{ group, members }, profiles] = await Promise.all([
    groupStore.getGroupAndMembers(store, groupId, [caller.userId, newMemberId]),
    getUserProfiles(store, [caller.userId, newMemberId]),
  ]);
  if (!usesGroups(profiles.get(caller.userId)?.kind)) throw teachersOnly();
  if (!group) throw notFound('No such group.');
  const newMember = profiles.get(newMemberId);
  // The owner adding a pupil or a guest: the same answer as for an unknown username, so usernames of pupils do not leak.
  if (newMemberId !== caller.userId && group.ownerId === caller.userId && !usesGroups(newMember?.kind)) throw noSuchTeacher();
  const decision = decideJoin(group, caller.userId, { userId: newMemberId, kind: newMember?.kind, alreadyMember: members.has(newMemberId) });
  if (decision.outcome !== 'allowed') throw refuse(decision);
  const joinedAt = new Date().toISOString();
  const member: GroupMemberResponse = { groupId, userId: newMember!.userId, displayName: newMember!.displayName, country: newMember!.country, joinedAt };
  const outcome = await groupStore.addGroupMember(store, member);
  if (outcome === 'already-member') throw conflict(newMemberId === caller.userId ? 'You are already a member of this group.' : 'This teacher is already a member of this group.');
  if (outcome === 'full') throw conflict('This group is full.');
  if (outcome === 'gone') throw notFound('No such group.');
  countOf('CommunityActions');
  return { status: 201, body: member, headers: { location: `/groups/${groupId}/members/${member.userId}` } };
};

export const removeGroupMember: Handler<'removeGroupMember'> = async ({ caller, params: { groupId, userId }, store }) => {
  const [{ group, members }, profile] = await Promise.all([groupStore.getGroupAndMembers(store, groupId, [userId]), getUserProfile(store, caller.userId)]);
  if (!usesGroups(profile?.kind)) throw teachersOnly();
  if (!group) throw notFound('No such group.');
  const decision = decideRemoval(group, caller.userId, userId);
  if (decision.outcome !== 'allowed') throw refuse(decision);
  if (!members.has(userId) || !(await groupStore.removeGroupMember(store, groupId, userId))) throw notFound('This teacher is not a member of this group.');
  countOf('CommunityActions');
  return { status: 204 };
};

export const listGroupMembers: Handler<'listGroupMembers'> = async ({ caller, params: { groupId }, query: { limit, cursor }, store }) => {
  const startKey = decodeCursor(cursor, communityKeys.groupPartition(groupId), communityKeys.groupMemberPrefix);
  const [{ group, members }, profile] = await Promise.all([groupStore.getGroupAndMembers(store, groupId, [caller.userId]), getUserProfile(store, caller.userId)]);
  if (!usesGroups(profile?.kind)) throw teachersOnly();
  if (!group) throw notFound('No such group.');
  if (group.access === 'invitation' && !members.has(caller.userId)) throw forbidden('Only its members see who is in an invitation-only group.');
  const listed = await groupStore.listGroupMembers(store, groupId, { limit, startKey });
  return {
    status: 200,
    body: {
      items: listed.members.map(({ groupId: id, userId: memberId, displayName, country, joinedAt }) => ({ groupId: id, userId: memberId, displayName, country, joinedAt })),
      nextCursor: encodeCursor(listed.lastKey),
    },
  };
};
