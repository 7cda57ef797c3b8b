/**
 * GET /openapi.json (public): the API's exact contract, generated from the
 * zod schemas, listing every route of the route table with its auth. A route
 * of the table without a description here still appears (generic responses),
 * so the document can never silently miss one.
 */
import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import * as z from 'zod';
import { httpRoutes, type HttpRoute } from '../routes.ts';
import { errorCodesOf, isTextResponse } from '../lib/route.ts';
import { errorStatus } from '../lib/errors.ts';
import { httpHandler, json } from '../lib/http.ts';
import {
  mailPage,
  mailPathParams,
  mailQuery,
  mailResponse,
  mailSendBody,
  notificationsPage,
  partnerQuery,
  partnersPage,
  profileResponse,
  profileUpdateBody,
  schoolCreateBody,
  schoolPathParams,
  schoolResponse,
  schoolUpdateBody,
} from './desktop-schemas.ts';
import {
  addMemberBody,
  addMemberResponse,
  changeMemberTypeBody,
  changeMemberTypeResponse,
  memberPathParams,
  passwordResetResponse,
} from './member-schemas.ts';
import {
  acceptanceBody,
  approvalBody,
  createProjectBody,
  declinedResponse,
  editProjectBody,
  meWithProjectsResponse,
  nssProjectsPage,
  nssProjectsQuery,
  projectDetailResponse,
} from './project-schemas.ts';
import {
  encounterCreateBody,
  encounterPathParams,
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
  encounterRegistrationResponse,
  registrationPathParams,
  resourceCreateBody,
  resourceResponse,
  resourcesPage,
  resourcesQuery,
} from './community-schemas.ts';
import { chatMessagesPage, errorBody, membersPage, pageQuery, projectPathParams } from './schemas.ts';
import {
  pendingTeachersPage,
  pendingTeachersQuery,
  registrationBody,
  registrationResponse,
  teacherPathParams,
  validationBody,
  validationResponse,
} from './registration-schemas.ts';

import type { Description } from './openapi-description.ts';
import { labelsDescriptions } from './labels-openapi.ts';
import { pagesDescriptions } from './pages-openapi.ts';
import { forumDescriptions } from './forum-openapi.ts';
import { diaryDescriptions } from './diary-openapi.ts';
import { mailboxDescriptions } from './mailbox-openapi.ts';

/** Keyed by the route's stable `name` in functions/routes.ts. */
const descriptions: Record<string, Description> = {
  ...pagesDescriptions,
  ...forumDescriptions,
  ...diaryDescriptions,
  ...mailboxDescriptions,
  ...labelsDescriptions,
  'get-me': {
    summary:
      'My account and profile; every project I founded or am a member of, with its state and my type (null before approval); invitations waiting for my answer',
    ok: meWithProjectsResponse,
    errors: [401, 404],
  },
  'get-project': {
    summary:
      'A project: its state, founders, partners, invited partner, approvals per country, version, and the lifecycle steps I may take (members, founders, the invited partner; NSS and evaluators of a founder or partner country)',
    request: { params: projectPathParams },
    ok: projectDetailResponse,
    errors: [400, 401, 403, 404],
  },
  'list-members': {
    summary: 'The members with their type, as the caller may see them',
    request: { params: projectPathParams, query: pageQuery },
    ok: membersPage,
    errors: [400, 401, 403, 404],
  },
  'add-member': {
    summary:
      'Add a member (teacher-admin, approved project): an existing teacher or guest {username, type}, or a new pupil {pupil: {displayName}, type} → their username and a one-time password, shown only here. Answers 201; a teacher becomes a partner',
    request: { params: projectPathParams, body: { content: { 'application/json': { schema: addMemberBody } } } },
    ok: addMemberResponse,
    errors: [400, 401, 403, 404, 409, 503],
  },
  'change-member-type': {
    summary: "Change a member's type within their kind; syncs their Cognito groups (the same request again re-syncs after a 503)",
    request: { params: memberPathParams, body: { content: { 'application/json': { schema: changeMemberTypeBody } } } },
    ok: changeMemberTypeResponse,
    errors: [400, 401, 403, 404, 409, 503],
  },
  'remove-member': {
    summary: 'Remove a member (founders and the last teacher administrator are protected). Answers 204 with no body',
    request: { params: memberPathParams },
    ok: z.null(),
    errors: [400, 401, 403, 404, 409, 503],
  },
  'reset-pupil-password': {
    summary: "A new one-time password for a pupil of the project; their next sign-in sets their own",
    request: { params: memberPathParams },
    ok: passwordResetResponse,
    errors: [400, 401, 403, 404, 409, 503],
  },
  'list-chat-messages': {
    summary: 'The chat history, newest first',
    request: { params: projectPathParams, query: pageQuery },
    ok: chatMessagesPage,
    errors: [400, 401, 403, 404],
  },
  'update-my-profile': {
    summary: 'Edit my profile (versioned: a stale version gets 409). Partner fields and about: teachers only; pupils change nothing',
    request: { body: { content: { 'application/json': { schema: profileUpdateBody } } } },
    ok: profileResponse,
    errors: [400, 401, 403, 404, 409],
  },
  'list-my-notifications': {
    summary: 'My in-app notifications, newest first',
    request: { query: pageQuery },
    ok: notificationsPage,
    errors: [400, 401],
  },
  'create-school': {
    summary: 'Register a school (teachers); a creator with no school joins it. Answers 201',
    request: { body: { content: { 'application/json': { schema: schoolCreateBody } } } },
    ok: schoolResponse,
    errors: [400, 401, 403, 409],
  },
  'get-school': {
    summary: 'A school profile (teachers, NSS officers, evaluators)',
    request: { params: schoolPathParams },
    ok: schoolResponse,
    errors: [400, 401, 403, 404],
  },
  'update-school': {
    summary: "Edit a school profile (its own teachers; versioned: a stale version gets 409)",
    request: { params: schoolPathParams, body: { content: { 'application/json': { schema: schoolUpdateBody } } } },
    ok: schoolResponse,
    errors: [400, 401, 403, 404, 409],
  },
  'search-partners': {
    summary: 'Partner search (teachers only): teachers open to partnership, by country, subject, pupils\' age and language',
    request: { query: partnerQuery },
    ok: partnersPage,
    errors: [400, 401, 403],
  },
  'list-mail': {
    summary: 'My desktop mail (teachers only), inbox or sent, newest first, with my unread count',
    request: { query: mailQuery },
    ok: mailPage,
    errors: [400, 401, 403],
  },
  'send-mail': {
    summary: 'Send a desktop mail to a teacher (teachers only; toUsername or toUserId). Answers 201',
    request: { body: { content: { 'application/json': { schema: mailSendBody } } } },
    ok: mailResponse,
    errors: [400, 401, 403],
  },
  'read-mail': {
    summary: 'One desktop mail, for its sender or recipient; opening an unread inbox mail marks it read',
    request: { params: mailPathParams },
    ok: mailResponse,
    errors: [400, 401, 403, 404],
  },
  'create-project': {
    summary: 'Propose a project with one partner teacher of another country (validated teachers). Answers 201 with the project, proposed',
    request: { body: { content: { 'application/json': { schema: createProjectBody } } } },
    ok: projectDetailResponse,
    errors: [400, 401, 403],
  },
  'edit-project': {
    summary: 'Edit the details (founders; proposed or rejected; with the version read: a stale one gets 409)',
    request: { params: projectPathParams, body: { content: { 'application/json': { schema: editProjectBody } } } },
    ok: projectDetailResponse,
    errors: [400, 401, 403, 404, 409],
  },
  'answer-partnership': {
    summary: 'The invited partner accepts (second founder → pending-approval) or declines (the project is deleted: {projectId, state: "deleted"})',
    request: { params: projectPathParams, body: { content: { 'application/json': { schema: acceptanceBody } } } },
    ok: z.union([projectDetailResponse, declinedResponse]),
    errors: [400, 401, 403, 404, 409],
  },
  'resubmit-project': {
    summary: "Founders resubmit a rejected project: pending-approval, every founder country's approval pending again",
    request: { params: projectPathParams },
    ok: projectDetailResponse,
    errors: [400, 401, 403, 404, 409],
  },
  'close-project': {
    summary: 'A teacher administrator closes an approved project: read-only for everyone, nothing deleted',
    request: { params: projectPathParams },
    ok: projectDetailResponse,
    errors: [400, 401, 403, 404, 409],
  },
  'reopen-project': {
    summary: 'A teacher administrator reopens a closed project (→ approved)',
    request: { params: projectPathParams },
    ok: projectDetailResponse,
    errors: [400, 401, 403, 404, 409],
  },
  'list-nss-projects': {
    summary: "Projects awaiting my country's approval, oldest first (NSS officers)",
    request: { query: nssProjectsQuery },
    ok: nssProjectsPage,
    errors: [400, 401, 403],
  },
  'decide-approval': {
    summary:
      "My country's decision, once (NSS of a founder's country; pending-approval). A rejection needs a reason. The last approval opens the TwinSpace with both founders as teacher administrators",
    request: { params: projectPathParams, body: { content: { 'application/json': { schema: approvalBody } } } },
    ok: projectDetailResponse,
    errors: [400, 401, 403, 404, 409, 503],
  },
  'register-teacher': {
    summary:
      'A teacher signs up (public). Answers 201; the account cannot sign in (UserNotConfirmedException) until the NSS of its country validates it. A taken e-mail: 409',
    request: { body: { content: { 'application/json': { schema: registrationBody } } } },
    ok: registrationResponse,
    errors: [400, 409, 503],
  },
  'list-pending-teachers': {
    summary: "Teachers of my country waiting for validation, oldest first (NSS officers)",
    request: { query: pendingTeachersQuery },
    ok: pendingTeachersPage,
    errors: [400, 401, 403],
  },
  'decide-teacher-validation': {
    summary:
      "The NSS of the teacher's country validates them (they can sign in; their school is created) or rejects them with a reason (the account is deleted); once, while pending. The teacher gets an e-mail (sent by the send-account-mail job within a minute)",
    request: { params: teacherPathParams, body: { content: { 'application/json': { schema: validationBody } } } },
    ok: validationResponse,
    errors: [400, 401, 403, 404, 409, 503],
  },
  // Community on the desktop (functions/http/groups.ts, encounters.ts, resources.ts)
  'list-groups': {
    summary: 'Themed groups, open and invitation-only, by name, with whether I am a member and whether I own it (teachers only)',
    request: { query: groupsQuery },
    ok: groupsPage,
    errors: [400, 401, 403],
  },
  'create-group': {
    summary: 'Create a themed group {name, theme, access: open|invitation, maxMembers?} (teachers); I own it and am its first member. Answers 201',
    request: { body: { content: { 'application/json': { schema: groupCreateBody } } } },
    ok: groupResponse,
    errors: [400, 401, 403],
  },
  'list-group-members': {
    summary: "A group's members (teachers; an invitation-only group: its members only)",
    request: { params: groupPathParams, query: groupsQuery },
    ok: groupMembersPage,
    errors: [400, 401, 403, 404],
  },
  'add-group-member': {
    summary:
      'Join an open group myself (empty body), or, as its owner, add a teacher {username} (the only way into an invitation-only group). Answers 201; already a member or a full group: 409',
    request: { params: groupPathParams, body: { content: { 'application/json': { schema: groupMemberAddBody } } } },
    ok: groupMemberResponse,
    errors: [400, 401, 403, 404, 409],
  },
  'remove-group-member': {
    summary: 'Leave a group (myself) or, as its owner, remove a member; the owner cannot leave (409). Answers 204',
    request: { params: groupMemberPathParams },
    ok: z.null(),
    errors: [400, 401, 403, 404, 409],
  },
  'list-encounters': {
    summary: 'Upcoming online pedagogical encounters, soonest first, with seats left, the waiting list length and my registration (teachers; the NSS reads them too)',
    request: { query: encountersQuery },
    ok: encountersPage,
    errors: [400, 401, 403],
  },
  'create-encounter': {
    summary: 'Organise an encounter {title, startsAt (future), seats, language, description} (NSS only). Answers 201',
    request: { body: { content: { 'application/json': { schema: encounterCreateBody } } } },
    ok: encounterResponse,
    errors: [400, 401, 403],
  },
  'register-for-encounter': {
    summary:
      'Register me (teachers): a seat if one is left, else the end of the waiting list with my place. Answers 201; already registered or already started: 409',
    request: { params: encounterPathParams },
    ok: encounterRegistrationResponse,
    errors: [400, 401, 403, 404, 409, 503],
  },
  'cancel-encounter-registration': {
    summary: 'Cancel my registration; a freed seat goes to the first on the waiting list in the same transaction. Answers 204',
    request: { params: registrationPathParams },
    ok: z.null(),
    errors: [400, 401, 403, 404, 409, 503],
  },
  'list-resources': {
    summary: 'The resource library, newest first, by tag and/or language (teachers and the NSS)',
    request: { query: resourcesQuery },
    ok: resourcesPage,
    errors: [400, 401, 403],
  },
  'create-resource': {
    summary: 'Add a resource {title, url (https), description, tags[1..10], language} (NSS only). Answers 201',
    request: { body: { content: { 'application/json': { schema: resourceCreateBody } } } },
    ok: resourceResponse,
    errors: [400, 401, 403],
  },
  'get-openapi': { summary: 'This document (OpenAPI 3.1)', ok: z.record(z.string(), z.unknown()), errors: [] },
};

const errorText: Record<number, string> = {
  400: 'VALIDATION_FAILED: the details name each field',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT: a stale version, or a state that does not allow the action',
  413: 'TOO_LARGE',
  429: 'RATE_LIMITED: try again later (Retry-After)',
  503: 'UNAVAILABLE: try again shortly (Retry-After)',
};

/** A declared route (functions/lib/route.ts) as an OpenAPI operation: every success status and every error code it can answer. */
function declaredPath(route: HttpRoute, bearerName: string): RouteConfig {
  const responses: RouteConfig['responses'] = {};
  for (const [status, spec] of Object.entries(route.responses)) {
    if (spec === null) responses[status] = { description: 'No body' };
    else if (isTextResponse(spec)) responses[status] = { description: spec.contentType, content: { [spec.contentType]: { schema: spec.schema } } };
    else responses[status] = { description: 'OK', content: { 'application/json': { schema: spec as z.ZodType } } };
  }
  for (const code of errorCodesOf(route)) {
    responses[errorStatus[code]] = { description: `${code}${errorText[errorStatus[code]] ? ` — ${errorText[errorStatus[code]]}` : ''}`, content: { 'application/json': { schema: errorBody } } };
  }
  const body = route.body ? { body: { content: { 'application/json': { schema: route.body } } } } : {};
  const action = typeof route.action === 'string' ? { 'x-policy-action': route.action } : route.action ? { 'x-policy-action': 'by the request (see summary)' } : {};
  return {
    method: route.method.toLowerCase() as RouteConfig['method'],
    path: route.path,
    operationId: route.name,
    summary: route.summary,
    security: route.auth === 'jwt' ? [{ [bearerName]: [] }] : [],
    request: { params: route.params as never, query: route.query as never, ...body },
    responses,
    ...action,
  };
}

export function buildOpenApiDocument(routes: readonly HttpRoute[] = httpRoutes) {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'cognitoIdToken', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'A Cognito ID token (InitiateAuth USER_PASSWORD_AUTH → IdToken).',
  });
  // Schemas are given inline: naming them (registry.register) needs zod patched before the schemas exist.
  const error = errorBody;
  for (const route of routes) {
    if (!(route as { legacy?: boolean }).legacy) {
      registry.registerPath(declaredPath(route, bearer.name));
      continue;
    }
    const description = descriptions[route.name];
    const responses: RouteConfig['responses'] = {
      200: description
        ? { description: 'OK', content: { 'application/json': { schema: description.ok } } }
        : { description: 'OK (application/json)' },
    };
    for (const status of description?.errors ?? [400, 401, 403, 404]) {
      if (route.auth === 'public' && (status === 401 || status === 403)) continue;
      responses[status] = { description: errorText[status] ?? 'Error', content: { 'application/json': { schema: error } } };
    }
    registry.registerPath({
      method: route.method.toLowerCase() as RouteConfig['method'],
      path: route.path,
      operationId: route.name,
      summary: description?.summary ?? route.name,
      security: route.auth === 'jwt' ? [{ [bearer.name]: [] }] : [],
      request: description?.request,
      responses,
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Twinspace API', version: '0.1.0', description: 'School partnership projects and their TwinSpaces (see API.md).' },
  });
}

// Generated once per container: the route table and the schemas do not change at run time.
let document: ReturnType<typeof buildOpenApiDocument> | undefined;

export const getOpenApi = httpHandler(async () => {
  document ??= buildOpenApiDocument();
  return json(200, document);
});
