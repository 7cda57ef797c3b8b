/**
 * The moderation area (issue 12): the teachers' queue of pupils' held texts, a pupil's own "Waiting for a teacher",
 * the decisions (release as written, release edited, delete) and the project's pupil guard settings. A release
 * performs the pupil's write through its surface's publisher (functions/moderation/publishers.ts); the chat's
 * publisher broadcasts the released message to the room, so the deciding routes carry the 'chat-connections' grant.
 */
import { area, route } from '../../lib/route.ts';
import {
  decisionResponse,
  heldPathParams,
  mineQuery,
  mineResponse,
  moderationPathParams,
  moderationQuery,
  moderationResponse,
  pupilGuardSettings,
  releaseBody,
} from './schemas.ts';

export const moderationRoutes = area('moderation', {
  getModeration: route({
    name: 'get-moderation',
    method: 'GET',
    path: '/projects/{projectId}/moderation',
    auth: 'jwt',
    action: 'review-held-texts',
    summary:
      "The moderation queue (the project's teachers): pupils' held texts waiting, oldest first, with the texts and what the guard found; the decisions, newest first (paged by cursor); the guard's settings",
    params: moderationPathParams,
    query: moderationQuery,
    responses: { 200: moderationResponse },
  }),
  listMyHeldTexts: route({
    name: 'list-my-held-texts',
    method: 'GET',
    path: '/projects/{projectId}/moderation/mine',
    auth: 'jwt',
    action: 'read-own-held-texts',
    summary: "My own held texts and what a teacher decided, newest first (?surface= one surface, e.g. chat-message); a teacher's texts are never held",
    params: moderationPathParams,
    query: mineQuery,
    responses: { 200: mineResponse },
  }),
  releaseHeldText: route({
    name: 'release-held-text',
    method: 'POST',
    path: '/projects/{projectId}/moderation/{heldId}/release',
    auth: 'jwt',
    action: 'review-held-texts',
    summary:
      "Release a held text {fields?: [{field, text}]}: without fields as the pupil wrote it (released), with them the teacher's texts replace those fields (edited). The pupil's write is performed as the pupil and the pupil is told. 409 when it was decided already, or what it was written for is gone, changed or the project closed (details: reason); nothing changes then",
    params: heldPathParams,
    body: releaseBody,
    responses: { 200: decisionResponse },
    grants: ['chat-connections'],
  }),
  deleteHeldText: route({
    name: 'delete-held-text',
    method: 'POST',
    path: '/projects/{projectId}/moderation/{heldId}/delete',
    auth: 'jwt',
    action: 'review-held-texts',
    summary: "Delete a held text: nothing is published, the pupil's words are dropped, the decision is kept and the pupil told. 409 when it was decided already",
    params: heldPathParams,
    responses: { 200: decisionResponse },
    grants: ['chat-connections'],
  }),
  setPupilGuard: route({
    name: 'set-pupil-guard',
    method: 'PUT',
    path: '/projects/{projectId}/moderation/settings',
    auth: 'jwt',
    action: 'set-pupil-guard',
    summary:
      "The pupil guard's settings (teacher administrators): {allowAccountLinks, allowHandles} lets older pupils share links or @handles of social accounts; e-mail addresses, phone numbers and street addresses are always held",
    params: moderationPathParams,
    body: pupilGuardSettings,
    responses: { 200: pupilGuardSettings },
  }),
});
