/**
 * The TwinSpace mailbox's routes: messages between the members of one
 * project. Every member reads their own inbox or sent box, as the public area
 * ('read-public-area'); writing is 'write-mailbox': teachers to any member,
 * pupils to the project's teachers only (the handler checks the recipient),
 * visitors never.
 */
import { area, route } from '../../lib/route.ts';
import { heldResponse } from '../moderation/schemas.ts';
import { projectPathParams } from '../schemas.ts';
import { mailboxMessageResponse, mailboxPage, mailboxQuery, mailboxSendBody } from './schemas.ts';

export const mailboxRoutes = area('mailbox', {
  listMailboxMessages: route({
    name: 'list-mailbox',
    method: 'GET',
    path: '/projects/{projectId}/mailbox',
    auth: 'jwt',
    action: 'read-public-area',
    summary: 'My TwinSpace mailbox in this project, ?box=inbox|sent, newest first (every member; pupils read other pupils by first name)',
    params: projectPathParams,
    query: mailboxQuery,
    responses: { 200: mailboxPage },
  }),
  sendMailboxMessage: route({
    name: 'send-mailbox-message',
    method: 'POST',
    path: '/projects/{projectId}/mailbox',
    auth: 'jwt',
    action: 'write-mailbox',
    summary:
      "Write to one member {toUserId, subject, body}: teachers to any member, pupils only to the project's teachers (a pupil or visitor recipient: 403), visitors never. Not a member: 400. Approved project only; a recipient who left or changed type meanwhile: 409. Answers 201. A pupil's subject or text with personal data or abuse is held for a teacher: 202 {held}, nothing sent. A teacher's to a pupil: 409 PERSONAL_DATA_WARNING unless acknowledgePersonalData",
    params: projectPathParams,
    body: mailboxSendBody,
    responses: { 201: mailboxMessageResponse, 202: heldResponse },
    errors: ['PERSONAL_DATA_WARNING'],
  }),
});
