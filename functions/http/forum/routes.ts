/**
 * The forum's routes: discussions (in the pupils' or the teachers' forum, their
 * area) → threads → replies, and moderation. Every route passes the TwinSpace
 * gate; the routes of one discussion or thread read it in the gate's own
 * BatchGetItem (handler.ts), so a discussion or thread of another project is
 * 404, and its area is checked once it is known.
 */
import { readActionOf } from '../../domain/areas.ts';
import type { ForumArea } from '../../domain/forum.ts';
import { area, route } from '../../lib/route.ts';
import { pageQuery } from '../../lib/cursor.ts';
import { heldResponse } from '../moderation/schemas.ts';
import { projectPathParams } from '../schemas.ts';
import {
  discussionCreateBody,
  discussionPathParams,
  discussionResponse,
  discussionsPage,
  discussionsQuery,
  replyCreateBody,
  replyPathParams,
  repliesPage,
  replyResponse,
  threadCreateBody,
  threadPathParams,
  threadResponse,
  threadsPage,
} from './schemas.ts';

/**
 * Every reader of any forum reads the pupils' area, so the routes of one
 * discussion or thread are gated by that (visitors: 403); the item's own area
 * is checked by the handler once the gate has read it.
 */
const forumReader = readActionOf.pupils;

export const forumRoutes = area('forum', {
  listDiscussions: route({
    name: 'list-forum-discussions',
    method: 'GET',
    path: '/projects/{projectId}/forum/discussions',
    auth: 'jwt',
    summary:
      "The discussions of one forum, newest first: area=pupils (teachers and pupils) or area=teachers (the project's teachers). Visitors: 403",
    action: ({ query }) => readActionOf[query.area as ForumArea],
    params: projectPathParams,
    query: discussionsQuery,
    responses: { 200: discussionsPage },
  }),
  createDiscussion: route({
    name: 'create-forum-discussion',
    method: 'POST',
    path: '/projects/{projectId}/forum/discussions',
    auth: 'jwt',
    summary:
      "Open a discussion {area, title (1..200), body (a rich-text document or plain text, 1..10,000 characters)} in the pupils' or the teachers' forum (the project's teachers). Answers 201; a closed project: 409; personal data in the pupils' forum: 409 PERSONAL_DATA_WARNING unless acknowledgePersonalData: true",
    action: 'forum-open-discussion',
    params: projectPathParams,
    body: discussionCreateBody,
    responses: { 201: discussionResponse },
    errors: ['PERSONAL_DATA_WARNING'],
  }),
  listThreads: route({
    name: 'list-forum-threads',
    method: 'GET',
    path: '/projects/{projectId}/forum/discussions/{discussionId}/threads',
    auth: 'jwt',
    summary: "A discussion's threads, newest first (whoever reads the discussion's area); a discussion of another project: 404",
    action: forumReader,
    params: discussionPathParams,
    query: pageQuery,
    responses: { 200: threadsPage },
  }),
  createThread: route({
    name: 'create-forum-thread',
    method: 'POST',
    path: '/projects/{projectId}/forum/discussions/{discussionId}/threads',
    auth: 'jwt',
    summary:
      "Open a thread {title, body} in a discussion (teachers; a pupil administrator in the pupils' forum). It inherits the discussion's area. Answers 201; a pupil's text with personal data or abuse is held for a teacher: 202 {held}, nothing written; a teacher's in the pupils' forum: 409 PERSONAL_DATA_WARNING unless acknowledgePersonalData: true",
    action: 'forum-open-thread',
    params: discussionPathParams,
    body: threadCreateBody,
    responses: { 201: threadResponse, 202: heldResponse },
    errors: ['PERSONAL_DATA_WARNING'],
  }),
  listReplies: route({
    name: 'list-forum-replies',
    method: 'GET',
    path: '/projects/{projectId}/forum/threads/{threadId}/replies',
    auth: 'jwt',
    summary: "A thread's replies, oldest first, as a conversation reads (whoever reads the thread's area)",
    action: forumReader,
    params: threadPathParams,
    query: pageQuery,
    responses: { 200: repliesPage },
  }),
  createReply: route({
    name: 'create-forum-reply',
    method: 'POST',
    path: '/projects/{projectId}/forum/threads/{threadId}/replies',
    auth: 'jwt',
    summary:
      "Reply {body} in a thread (teachers and pupils who read its area; pupils are named by first name). Answers 201; a pupil's text with personal data or abuse is held for a teacher: 202 {held}, nothing written; a teacher's in the pupils' forum: 409 PERSONAL_DATA_WARNING unless acknowledgePersonalData: true",
    action: 'forum-reply',
    params: threadPathParams,
    body: replyCreateBody,
    responses: { 201: replyResponse, 202: heldResponse },
    errors: ['PERSONAL_DATA_WARNING'],
  }),
  deleteThread: route({
    name: 'delete-forum-thread',
    method: 'DELETE',
    path: '/projects/{projectId}/forum/threads/{threadId}',
    auth: 'jwt',
    summary: 'Moderation (teacher administrators): delete a thread and its replies. Answers 204; a closed project: 409',
    action: 'moderate',
    params: threadPathParams,
    responses: { 204: null },
  }),
  deleteReply: route({
    name: 'delete-forum-reply',
    method: 'DELETE',
    path: '/projects/{projectId}/forum/threads/{threadId}/replies/{replyId}',
    auth: 'jwt',
    summary: 'Moderation (teacher administrators): delete one reply. Answers 204; a closed project: 409',
    action: 'moderate',
    params: replyPathParams,
    responses: { 204: null },
  }),
});
