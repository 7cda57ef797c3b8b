/**
 * Desktop mail between teachers (DOMAIN.md, "Desktop": teachers only; NSS
 * officers, evaluators, pupils and guests get 403). GET /mail?folder=inbox|sent
 * newest first with the unread count; POST /mail to a teacher; GET
 * /mail/{mailId} for its sender or recipient, which marks an inbox mail read
 * (once).
 */
import { ulid } from 'ulid';
import { callerOf } from '../lib/claims.ts';
import { tableStore } from '../lib/clients.ts';
import { decodeCursor, encodeCursor } from '../lib/cursor.ts';
import { forbidden, notFound, parseOr400, validationFailed } from '../lib/errors.ts';
import { httpHandler, json } from '../lib/http.ts';
import { keys } from '../data/keys.ts';
import { getMailCopies, getProfileAndUnread, listMailFolder, mailFolderPrefix, markMailRead, sendDesktopMail, type DesktopMail, type StoredMail } from '../data/mail.ts';
import { findUserIdByUsername, getUserProfiles, type UserProfile } from '../data/users.ts';
import { usesDesktop } from '../domain/desktop.ts';
import { mailPathParams, mailQuery, mailSendBody, type MailPage, type MailResponse } from './desktop-schemas.ts';

const teachersOnly = () => forbidden('Desktop mail is for teachers only.');

function summaryOf(mail: StoredMail): Omit<MailResponse, 'body'> {
  return {
    mailId: mail.mailId,
    folder: mail.folder,
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    sentAt: mail.sentAt,
    read: mail.folder === 'sent' || mail.readAt !== undefined,
  };
}

const partyOf = (profile: UserProfile) => ({ userId: profile.userId, displayName: profile.displayName, country: profile.country });

export const listMail = httpHandler(async (event) => {
  const caller = callerOf(event);
  const query = parseOr400(mailQuery, event.queryStringParameters ?? {}, 'query');
  const startKey = decodeCursor(query.cursor, keys.userPartition(caller.userId), mailFolderPrefix(query.folder));
  const store = tableStore();
  const { profile, unread } = await getProfileAndUnread(store, caller.userId);
  if (!usesDesktop(profile?.kind)) throw teachersOnly();
  const { mails, lastKey } = await listMailFolder(store, caller.userId, query.folder, { limit: query.limit, startKey });
  const body: MailPage = { items: mails.map(summaryOf), nextCursor: encodeCursor(lastKey), unread };
  return json(200, body);
});

export const sendMail = httpHandler(async (event) => {
  const caller = callerOf(event);
  const input = parseOr400(mailSendBody, event.body ?? {}, 'body');
  const store = tableStore();
  const recipientField = input.toUsername !== undefined ? 'body.toUsername' : 'body.toUserId';
  const recipientId = input.toUserId ?? (await findUserIdByUsername(store, input.toUsername!));
  // The sender and the recipient in one BatchGet.
  const profiles = await getUserProfiles(store, recipientId ? [caller.userId, recipientId] : [caller.userId]);
  const sender = profiles.get(caller.userId);
  const recipient = recipientId ? profiles.get(recipientId) : undefined;
  if (!usesDesktop(sender?.kind)) throw teachersOnly();
  // One answer for "nobody" and "not a teacher", so the form never tells whether a pupil's username exists.
  if (!recipient || !usesDesktop(recipient.kind)) {
    throw validationFailed('The recipient is not valid.', [{ field: recipientField, message: 'No teacher has this username.' }]);
  }
  if (recipient.userId === caller.userId) {
    throw validationFailed('The recipient is not valid.', [{ field: recipientField, message: 'You cannot write to yourself.' }]);
  }
  const mail: DesktopMail = {
    mailId: ulid(),
    from: partyOf(sender!),
    to: partyOf(recipient),
    subject: input.subject,
    body: input.body,
    sentAt: new Date().toISOString(),
  };
  await sendDesktopMail(store, mail);
  const sent: MailResponse = { ...summaryOf({ ...mail, folder: 'sent' }), body: mail.body };
  return json(201, sent, { location: `/mail/${mail.mailId}` });
});

export const readMail = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { mailId } = parseOr400(mailPathParams, event.pathParameters ?? {}, 'path');
  const store = tableStore();
  const { profile, inbox, sent } = await getMailCopies(store, caller.userId, mailId);
  if (!usesDesktop(profile?.kind)) throw teachersOnly();
  // Only the sender and the recipient hold a copy: to anyone else the mail does not exist.
  const mail = inbox ?? sent;
  if (!mail) throw notFound('No such mail in your mailbox.');
  if (inbox && inbox.readAt === undefined) {
    const readAt = new Date().toISOString();
    await markMailRead(store, caller.userId, mailId, readAt);
    inbox.readAt = readAt;
  }
  const body: MailResponse = { ...summaryOf(mail), body: mail.body };
  return json(200, body);
});
