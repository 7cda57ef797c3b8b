/** GET /openapi.json descriptions of the TwinSpace mailbox's routes (functions/http/mailbox.ts). */
import { mailboxMessageResponse, mailboxPage, mailboxQuery, mailboxSendBody } from './mailbox-schemas.ts';
import type { Description } from './openapi-description.ts';
import { projectPathParams } from './schemas.ts';

export const mailboxDescriptions: Record<string, Description> = {
  'list-mailbox': {
    summary: 'My TwinSpace mailbox in this project, ?box=inbox|sent, newest first (every member; pupils read other pupils by first name)',
    request: { params: projectPathParams, query: mailboxQuery },
    ok: mailboxPage,
    errors: [400, 401, 403, 404, 409],
  },
  'send-mailbox-message': {
    summary:
      "Write to one member {toUserId, subject, body}: teachers to any member, pupils only to the project's teachers (a pupil or visitor recipient: 403), visitors never. Not a member: 400. Approved project only. Answers 201",
    request: { params: projectPathParams, body: { content: { 'application/json': { schema: mailboxSendBody } } } },
    ok: mailboxMessageResponse,
    errors: [400, 401, 403, 404, 409],
  },
};
