/**
 * The project and its lifecycle (DOMAIN.md, "Projects"): read, propose with
 * a partner, the partner's answer, edit (versioned), resubmit, close, reopen,
 * and the NSS's list of projects awaiting its country. (The NSS's decision is
 * the approvals area: it administers Cognito groups.) Who may take which step
 * is the lifecycle table of functions/domain/project-lifecycle.ts, by the
 * caller's role in the project (founder, invited partner, the NSS of a
 * founder country, teacher administrator), not by a TwinSpace policy action:
 * so no route declares `action`, and the table's refusals (403 never yours,
 * 409 not in this state) and the unknown project (404) are declared errors.
 */
import * as z from 'zod';
import { area, route } from '../../lib/route.ts';
import { projectPathParams } from '../schemas.ts';
import { acceptanceBody, createProjectBody, declinedResponse, editProjectBody, nssProjectsPage, nssProjectsQuery, projectDetailResponse, twinspaceSettingsBody } from './schemas.ts';

/** A lifecycle step on one project: unknown project 404, not the caller's step 403, not in this state (or changed meanwhile) 409. */
const lifecycleStep = ['FORBIDDEN', 'NOT_FOUND', 'CONFLICT'] as const;

export const projectsRoutes = area('projects', {
  getProject: route({
    name: 'get-project',
    method: 'GET',
    path: '/projects/{projectId}',
    auth: 'jwt',
    summary:
      'A project: its state, founders, partners, invited partner, approvals per country, version, and the lifecycle steps I may take (members, founders, the invited partner; NSS and evaluators of a founder or partner country)',
    params: projectPathParams,
    responses: { 200: projectDetailResponse },
    errors: ['FORBIDDEN', 'NOT_FOUND'],
  }),
  createProject: route({
    name: 'create-project',
    method: 'POST',
    path: '/projects',
    auth: 'jwt',
    summary: 'Propose a project with one partner teacher of another country (validated teachers). Answers 201 with the project, proposed',
    body: createProjectBody,
    responses: { 201: projectDetailResponse },
    errors: ['FORBIDDEN'],
  }),
  answerPartnership: route({
    name: 'answer-partnership',
    method: 'POST',
    path: '/projects/{projectId}/acceptance',
    auth: 'jwt',
    summary: 'The invited partner accepts (second founder → pending-approval) or declines (the project is deleted: {projectId, state: "deleted"})',
    params: projectPathParams,
    body: acceptanceBody,
    responses: { 200: z.union([projectDetailResponse, declinedResponse]) },
    errors: lifecycleStep,
  }),
  editProject: route({
    name: 'edit-project',
    method: 'PUT',
    path: '/projects/{projectId}',
    auth: 'jwt',
    summary: 'Edit the details (founders; proposed or rejected; with the version read: a stale one gets 409)',
    params: projectPathParams,
    body: editProjectBody,
    responses: { 200: projectDetailResponse },
    errors: lifecycleStep,
  }),
  editTwinspaceSettings: route({
    name: 'edit-twinspace-settings',
    method: 'PUT',
    path: '/projects/{projectId}/twinspace',
    auth: 'jwt',
    action: 'manage-project',
    summary:
      "The TwinSpace's own name and description (teacher administrators; approved project; with the version read: a stale one gets 409). The project keeps its title",
    params: projectPathParams,
    body: twinspaceSettingsBody,
    responses: { 200: projectDetailResponse },
  }),
  resubmitProject: route({
    name: 'resubmit-project',
    method: 'POST',
    path: '/projects/{projectId}/resubmission',
    auth: 'jwt',
    summary: "Founders resubmit a rejected project: pending-approval, every founder country's approval pending again",
    params: projectPathParams,
    responses: { 200: projectDetailResponse },
    errors: lifecycleStep,
  }),
  closeProject: route({
    name: 'close-project',
    method: 'POST',
    path: '/projects/{projectId}/close',
    auth: 'jwt',
    summary: 'A teacher administrator closes an approved project: read-only for everyone, nothing deleted',
    params: projectPathParams,
    responses: { 200: projectDetailResponse },
    errors: lifecycleStep,
  }),
  reopenProject: route({
    name: 'reopen-project',
    method: 'POST',
    path: '/projects/{projectId}/reopen',
    auth: 'jwt',
    summary: 'A teacher administrator reopens a closed project (→ approved)',
    params: projectPathParams,
    responses: { 200: projectDetailResponse },
    errors: lifecycleStep,
  }),
  listNssProjects: route({
    name: 'list-nss-projects',
    method: 'GET',
    path: '/nss/projects',
    auth: 'jwt',
    summary: "Projects awaiting my country's approval, oldest first (NSS officers)",
    query: nssProjectsQuery,
    responses: { 200: nssProjectsPage },
    errors: ['FORBIDDEN'],
  }),
});
