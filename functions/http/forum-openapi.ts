/** The forum's routes in GET /openapi.json (functions/http/forum.ts). */
import * as z from 'zod';
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
} from './forum-schemas.ts';
import type { Description } from './openapi-description.ts';
import { pageQuery, projectPathParams } from './schemas.ts';

const jsonBody = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

export const forumDescriptions: Record<string, Description> = {
  'list-forum-discussions': {
    summary:
      "The discussions of one forum, newest first: area=pupils (teachers and pupils) or area=teachers (the project's teachers). Visitors: 403",
    request: { params: projectPathParams, query: discussionsQuery },
    ok: discussionsPage,
    errors: [400, 401, 403, 404, 409],
  },
  'create-forum-discussion': {
    summary:
      "Open a discussion {area, title (1..200), body (1..10,000)} in the pupils' or the teachers' forum (the project's teachers). Answers 201; a closed project: 409",
    request: { params: projectPathParams, body: jsonBody(discussionCreateBody) },
    ok: discussionResponse,
    errors: [400, 401, 403, 404, 409],
  },
  'list-forum-threads': {
    summary: "A discussion's threads, newest first (whoever reads the discussion's area)",
    request: { params: discussionPathParams, query: pageQuery },
    ok: threadsPage,
    errors: [400, 401, 403, 404, 409],
  },
  'create-forum-thread': {
    summary:
      "Open a thread {title, body} in a discussion (teachers; a pupil administrator in the pupils' forum). It inherits the discussion's area. Answers 201",
    request: { params: discussionPathParams, body: jsonBody(threadCreateBody) },
    ok: threadResponse,
    errors: [400, 401, 403, 404, 409],
  },
  'list-forum-replies': {
    summary: "A thread's replies, oldest first, as a conversation reads (whoever reads the thread's area)",
    request: { params: threadPathParams, query: pageQuery },
    ok: repliesPage,
    errors: [400, 401, 403, 404, 409],
  },
  'create-forum-reply': {
    summary: "Reply {body} in a thread (teachers and pupils who read its area; pupils are named by first name). Answers 201",
    request: { params: threadPathParams, body: jsonBody(replyCreateBody) },
    ok: replyResponse,
    errors: [400, 401, 403, 404, 409],
  },
  'delete-forum-thread': {
    summary: 'Moderation (teacher administrators): delete a thread and its replies. Answers 204; a closed project: 409',
    request: { params: threadPathParams },
    ok: z.null(),
    errors: [400, 401, 403, 404, 409],
  },
  'delete-forum-reply': {
    summary: 'Moderation (teacher administrators): delete one reply. Answers 204; a closed project: 409',
    request: { params: replyPathParams },
    ok: z.null(),
    errors: [400, 401, 403, 404, 409],
  },
};
