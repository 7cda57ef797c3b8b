/**
 * The community of the desktop (DOMAIN.md, "Desktop"): themed groups
 * (teachers), online pedagogical encounters with seats and a waiting list
 * (teachers register, the NSS organises), and the resource library (the
 * NSS curates, teachers and the NSS read). Who may do what is decided by
 * the caller's account kind (functions/domain/groups.ts, encounters.ts,
 * resources.ts), not by a TwinSpace: no route here has a policy action.
 */
import { area, route } from '../../lib/route.ts';
import {
  encounterCreateBody,
  encounterPathParams,
  encounterRegistrationResponse,
  encounterResponse,
  encountersPage,
  encountersQuery,
  groupCreateBody,
  groupMemberAddBody,
  groupMemberPathParams,
  groupMemberResponse,
  groupMembersPage,
  groupPathParams,
  groupResponse,
  groupsPage,
  groupsQuery,
  registrationPathParams,
  resourceCreateBody,
  resourceResponse,
  resourcesPage,
  resourcesQuery,
} from './schemas.ts';

export const communityRoutes = area('community', {
  // Themed groups (groups.ts)
  listGroups: route({
    name: 'list-groups',
    method: 'GET',
    path: '/groups',
    auth: 'jwt',
    summary: 'Themed groups, open and invitation-only, by name, with whether I am a member and whether I own it (teachers only)',
    query: groupsQuery,
    responses: { 200: groupsPage },
    errors: ['FORBIDDEN'],
  }),
  createGroup: route({
    name: 'create-group',
    method: 'POST',
    path: '/groups',
    auth: 'jwt',
    summary: 'Create a themed group {name, theme, access: open|invitation, maxMembers?} (teachers); I own it and am its first member. Answers 201',
    body: groupCreateBody,
    responses: { 201: groupResponse },
    errors: ['FORBIDDEN'],
  }),
  listGroupMembers: route({
    name: 'list-group-members',
    method: 'GET',
    path: '/groups/{groupId}/members',
    auth: 'jwt',
    summary: "A group's members (teachers; an invitation-only group: its members only)",
    params: groupPathParams,
    query: groupsQuery,
    responses: { 200: groupMembersPage },
    errors: ['FORBIDDEN', 'NOT_FOUND'],
  }),
  addGroupMember: route({
    name: 'add-group-member',
    method: 'POST',
    path: '/groups/{groupId}/members',
    auth: 'jwt',
    summary:
      'Join an open group myself (empty body), or, as its owner, add a teacher {username} (the only way into an invitation-only group). Answers 201; already a member or a full group: 409',
    params: groupPathParams,
    body: groupMemberAddBody,
    responses: { 201: groupMemberResponse },
    errors: ['FORBIDDEN', 'NOT_FOUND', 'CONFLICT'],
  }),
  removeGroupMember: route({
    name: 'remove-group-member',
    method: 'DELETE',
    path: '/groups/{groupId}/members/{userId}',
    auth: 'jwt',
    summary: 'Leave a group (myself) or, as its owner, remove a member; the owner cannot leave (409). Answers 204',
    params: groupMemberPathParams,
    responses: { 204: null },
    errors: ['FORBIDDEN', 'NOT_FOUND', 'CONFLICT'],
  }),

  // Online pedagogical encounters (encounters.ts)
  listEncounters: route({
    name: 'list-encounters',
    method: 'GET',
    path: '/encounters',
    auth: 'jwt',
    summary:
      'Upcoming online pedagogical encounters, soonest first, with seats left, the waiting list length and my registration (teachers; the NSS reads them too); the join link only for a teacher with a seat and for the NSS',
    query: encountersQuery,
    responses: { 200: encountersPage },
    errors: ['FORBIDDEN'],
  }),
  createEncounter: route({
    name: 'create-encounter',
    method: 'POST',
    path: '/encounters',
    auth: 'jwt',
    summary: 'Organise an encounter {title, startsAt (future; stored in UTC), seats, language, description, joinUrl (https)} (NSS only). Answers 201',
    body: encounterCreateBody,
    responses: { 201: encounterResponse },
    errors: ['FORBIDDEN'],
  }),
  registerForEncounter: route({
    name: 'register-for-encounter',
    method: 'POST',
    path: '/encounters/{encounterId}/registrations',
    auth: 'jwt',
    summary:
      'Register me (teachers): a seat if one is left, else the end of the waiting list with my place. Answers 201; already registered or already started: 409',
    params: encounterPathParams,
    responses: { 201: encounterRegistrationResponse },
    errors: ['FORBIDDEN', 'NOT_FOUND', 'CONFLICT'],
  }),
  cancelEncounterRegistration: route({
    name: 'cancel-encounter-registration',
    method: 'DELETE',
    path: '/encounters/{encounterId}/registrations/{userId}',
    auth: 'jwt',
    summary: 'Cancel my registration; a freed seat goes to the first on the waiting list in the same transaction. Answers 204',
    params: registrationPathParams,
    responses: { 204: null },
    errors: ['FORBIDDEN', 'NOT_FOUND', 'CONFLICT'],
  }),

  // The resource library (resources.ts)
  listResources: route({
    name: 'list-resources',
    method: 'GET',
    path: '/resources',
    auth: 'jwt',
    summary:
      'The resource library, newest first, by words of the title, tags or description (q; any case, with or without accents), tag and/or language (teachers and the NSS)',
    query: resourcesQuery,
    responses: { 200: resourcesPage },
    errors: ['FORBIDDEN'],
  }),
  createResource: route({
    name: 'create-resource',
    method: 'POST',
    path: '/resources',
    auth: 'jwt',
    summary: 'Add a resource {title, url (https), description, tags[1..10], language} (NSS only). Answers 201',
    body: resourceCreateBody,
    responses: { 201: resourceResponse },
    errors: ['FORBIDDEN'],
  }),
});
