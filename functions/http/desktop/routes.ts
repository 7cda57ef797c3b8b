/**
 * The desktop's routes: my account and profile (versioned), my
 * notifications, school profiles (their own teachers edit them, versioned),
 * partner search and desktop mail between teachers. None is inside a
 * project, so no route declares a policy action: who may do what is decided
 * from the caller's profile (functions/domain/desktop.ts).
 */
import { pageQuery } from '../../lib/cursor.ts';
import { area, route } from '../../lib/route.ts';
import { meWithProjectsResponse } from '../projects/schemas.ts';
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
} from './schemas.ts';

export const desktopRoutes = area('desktop', {
  getMe: route({
    name: 'get-me',
    method: 'GET',
    path: '/me',
    auth: 'jwt',
    summary:
      'My account and profile; every project I founded or am a member of, with its state and my type (null before approval); invitations waiting for my answer',
    responses: { 200: meWithProjectsResponse },
    errors: ['NOT_FOUND'],
  }),
  updateMyProfile: route({
    name: 'update-my-profile',
    method: 'PUT',
    path: '/me/profile',
    auth: 'jwt',
    summary: 'Edit my profile (versioned: a stale version gets 409). Partner fields and about: teachers only; pupils change nothing',
    body: profileUpdateBody,
    responses: { 200: profileResponse },
    errors: ['FORBIDDEN', 'NOT_FOUND', 'CONFLICT'],
  }),
  listMyNotifications: route({
    name: 'list-my-notifications',
    method: 'GET',
    path: '/me/notifications',
    auth: 'jwt',
    summary: 'My in-app notifications, newest first',
    query: pageQuery,
    responses: { 200: notificationsPage },
  }),
  createSchool: route({
    name: 'create-school',
    method: 'POST',
    path: '/schools',
    auth: 'jwt',
    summary: 'Register a school (teachers); a creator with no school joins it. Answers 201',
    body: schoolCreateBody,
    responses: { 201: schoolResponse },
    errors: ['FORBIDDEN', 'CONFLICT'],
  }),
  getSchool: route({
    name: 'get-school',
    method: 'GET',
    path: '/schools/{schoolId}',
    auth: 'jwt',
    summary: 'A school profile (teachers, NSS officers, evaluators)',
    params: schoolPathParams,
    responses: { 200: schoolResponse },
    errors: ['FORBIDDEN', 'NOT_FOUND'],
  }),
  updateSchool: route({
    name: 'update-school',
    method: 'PUT',
    path: '/schools/{schoolId}',
    auth: 'jwt',
    summary: 'Edit a school profile (its own teachers; versioned: a stale version gets 409)',
    params: schoolPathParams,
    body: schoolUpdateBody,
    responses: { 200: schoolResponse },
    errors: ['FORBIDDEN', 'NOT_FOUND', 'CONFLICT'],
  }),
  searchPartners: route({
    name: 'search-partners',
    method: 'GET',
    path: '/partners',
    auth: 'jwt',
    summary: "Partner search (teachers only): teachers open to partnership, by country, subject, pupils' age and language",
    query: partnerQuery,
    responses: { 200: partnersPage },
    errors: ['FORBIDDEN'],
  }),
  listMail: route({
    name: 'list-mail',
    method: 'GET',
    path: '/mail',
    auth: 'jwt',
    summary: 'My desktop mail (teachers only), inbox or sent, newest first, with my unread count',
    query: mailQuery,
    responses: { 200: mailPage },
    errors: ['FORBIDDEN'],
  }),
  sendMail: route({
    name: 'send-mail',
    method: 'POST',
    path: '/mail',
    auth: 'jwt',
    summary: 'Send a desktop mail to a teacher (teachers only; toUsername or toUserId). Answers 201',
    body: mailSendBody,
    responses: { 201: mailResponse },
    errors: ['FORBIDDEN'],
  }),
  readMail: route({
    name: 'read-mail',
    method: 'GET',
    path: '/mail/{mailId}',
    auth: 'jwt',
    summary: 'One desktop mail, for its sender or recipient; opening an unread inbox mail marks it read',
    params: mailPathParams,
    responses: { 200: mailResponse },
    errors: ['FORBIDDEN', 'NOT_FOUND'],
  }),
});
