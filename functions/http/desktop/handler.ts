/**
 * The desktop area's function (routes.ts). GET /me: my account, profile,
 * projects and invitations. PUT /me/profile: versioned (two tabs: the second
 * save gets 409, nothing is overwritten); who changes which field is decided
 * in functions/domain/desktop.ts. GET /me/notifications, newest first.
 * Schools: teachers register them (a creator with no school joins it);
 * teachers, NSS officers and evaluators read them; only their own teachers
 * edit them, versioned. Partner search and desktop mail (DOMAIN.md,
 * "Desktop"): teachers only; NSS officers, evaluators, pupils and guests get
 * 403. Opening an unread inbox mail marks it read (once).
 */
import { ulid } from 'ulid';
import { getDesktop } from '../../data/projects.ts';
import { keys, prefixes } from '../../data/keys.ts';
import { getMailCopies, getProfileAndUnread, listMailFolder, mailFolderPrefix, markMailRead, sendDesktopMail, type DesktopMail, type StoredMail } from '../../data/mail.ts';
import {
  countUnreadNotifications,
  listNotificationPage,
  markAllNotificationsRead,
  markNotificationRead,
  notificationView,
  type Notification,
} from '../../data/notifications.ts';
import { decodePartnerCursor, searchPartnerProfiles } from '../../data/partners.ts';
import { createSchool, getSchoolAndTeachers, getSchoolWithReader, updateSchool, type School } from '../../data/schools.ts';
import { findUserIdByUsername, getProfileAndProjects, getUserProfile, getUserProfiles, saveProfileChanges, type UserProfile } from '../../data/users.ts';
import { decideProfileEdit, isListedPartner, mayEditSchool, mayReadSchool, usesDesktop } from '../../domain/desktop.ts';
import { notificationMailOf } from '../../domain/notifications.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { conflict, forbidden, notFound, validationFailed } from '../../lib/errors.ts';
import { countOf } from '../../lib/observability.ts';
import { exportOf } from '../../data/erasure.ts';
import { areaHandler } from '../area.ts';
import { meWithProjectsResponse } from '../projects/schemas.ts';
import { desktopRoutes } from './routes.ts';
import type { MailResponse, NotificationsPage, ProfileResponse, SchoolResponse } from './schemas.ts';

/** The profile as the desktop shows it: whatever fields the response schema names (zod drops the rest). */
const myProfile = meWithProjectsResponse.shape.profile;

const noProfile = () => notFound('This account has no profile yet.');
const teachersOnly = () => forbidden('Desktop mail is for teachers only.');
const noSuchSchool = () => notFound('No such school.');

/** The profile with its e-mail preference as it applies ("daily" when never chosen; none for a pupil). */
function withMailPreference<P extends UserProfile>(profile: P): P {
  const { notificationMail: _stored, ...rest } = profile;
  const notificationMail = notificationMailOf(profile);
  return (notificationMail ? { ...rest, notificationMail } : rest) as P;
}

function profileView(profile: UserProfile): ProfileResponse {
  const { createdAt: _createdAt, ...view } = withMailPreference(profile);
  return view;
}


function staleProfile(sent: number, current: number | undefined) {
  return conflict(
    `Your profile was changed elsewhere since you opened it (you sent version ${sent}${current ? `, it is now version ${current}` : ''}). Reload it and make your change again; nothing was saved.`,
  );
}

function schoolView(school: School): SchoolResponse {
  const { createdBy: _createdBy, ...view } = school;
  return view;
}

const staleSchool = (sent: number) =>
  conflict(`This school was changed since you read it (you sent version ${sent}). Reload it and make your change again; nothing was saved.`);

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

export const handler = areaHandler(desktopRoutes, {
  /** Two round trips: one Query of my partition, one BatchGetItem of those projects' state and title (data/projects.ts). */
  getMe: async ({ caller, store }) => {
    const { profile, projects, invitations } = await getDesktop(store, caller.userId);
    if (!profile) throw noProfile();
    return {
      status: 200,
      body: {
        userId: caller.userId,
        username: profile.username,
        kind: profile.kind,
        country: profile.country,
        groups: caller.groups,
        profile: myProfile.parse(withMailPreference(profile)),
        projects,
        invitations,
      },
    };
  },

  exportMyData: async ({ caller, store }) => {
    const { profile, memberships, written } = await exportOf(store, caller.userId);
    if (!profile) throw noProfile();
    const exportedAt = new Date().toISOString();
    return {
      status: 200,
      body: { format: 'twinspace-export' as const, version: 1 as const, exportedAt, profile, memberships, written },
      // A file to keep, never a page to cache: the browser saves it under this name.
      headers: { 'content-disposition': `attachment; filename="twinspace-export-${exportedAt.slice(0, 10)}.json"`, 'cache-control': 'no-store' },
    };
  },

  updateMyProfile: async ({ caller, body: { version, ...changes }, store }) => {
    // One Query: the profile, and the projects whose memberships carry my display name.
    const { profile, projects } = await getProfileAndProjects(store, caller.userId);
    if (!profile) throw noProfile();
    const decision = decideProfileEdit(profile.kind, changes);
    if (decision.outcome === 'forbidden') throw forbidden(decision.reason);
    if (decision.outcome === 'invalid') throw validationFailed('The body is not valid.', decision.problems);
    if (profile.version !== version) throw staleProfile(version, profile.version);
    const saved = await saveProfileChanges(store, profile, changes, version, projects.map((project) => project.projectId));
    if (saved.outcome === 'stale') throw staleProfile(version, saved.currentVersion);
    // A project left meanwhile: the projects read are not the projects now; a reload reads them again.
    if (saved.outcome === 'membershipGone') throw staleProfile(version, undefined);
    return { status: 200, body: profileView(saved.profile) };
  },

  /** The page and the unread count: two Queries of my partition, at once. */
  listMyNotifications: async ({ caller, query, store }) => {
    const startKey = decodeCursor(query.cursor, keys.userPartition(caller.userId), prefixes.notification);
    const [{ notifications, lastKey }, unread] = await Promise.all([
      listNotificationPage(store, caller.userId, { limit: query.limit, startKey }),
      countUnreadNotifications(store, caller.userId),
    ]);
    const page: NotificationsPage = { items: notifications.map(notificationView), nextCursor: encodeCursor(lastKey), unread };
    return { status: 200, body: page };
  },

  countUnreadNotifications: async ({ caller, store }) => ({ status: 200, body: { unread: await countUnreadNotifications(store, caller.userId) } }),

  /** Only my own: the key is under my partition, so someone else's id is simply unknown (404). */
  markNotificationRead: async ({ caller, params: { notificationId }, store }) => {
    const marked = await markNotificationRead(store, caller.userId, notificationId, new Date().toISOString());
    if (marked === 'unknown') throw notFound('No such notification.');
    return { status: 204 };
  },

  markAllNotificationsRead: async ({ caller, store }) => {
    await markAllNotificationsRead(store, caller.userId, new Date().toISOString());
    return { status: 204 };
  },

  createSchool: async ({ caller, body, store }) => {
    const profile = await getUserProfile(store, caller.userId);
    if (profile?.kind !== 'teacher') throw forbidden('Only teachers register schools.');
    const school: School = { schoolId: ulid(), ...body, createdBy: caller.userId, createdAt: new Date().toISOString(), version: 1 };
    const joins = profile.schoolId === undefined;
    const outcome = await createSchool(store, school, joins ? caller.userId : undefined);
    if (outcome === 'joined') throw conflict('You joined a school meanwhile; a teacher belongs to one school.');
    if (outcome === 'exists') throw new Error('A new school id was already taken.');
    return { status: 201, body: { ...schoolView(school), joined: joins }, headers: { location: `/schools/${school.schoolId}` } };
  },

  getSchool: async ({ caller, params: { schoolId }, store }) => {
    const { school, reader } = await getSchoolWithReader(store, schoolId, caller.userId);
    if (!mayReadSchool(reader?.kind)) throw forbidden('Schools are seen by teachers, NSS officers and evaluators only.');
    if (!school) throw noSuchSchool();
    return { status: 200, body: schoolView(school) };
  },

  updateSchool: async ({ caller, params: { schoolId }, body: { version, ...edit }, store }) => {
    // One Query: the school and its teachers (a teacher's TEACHER# item is written with their profile's schoolId).
    const { school, teacherIds } = await getSchoolAndTeachers(store, schoolId);
    if (!school) throw noSuchSchool();
    const editor = teacherIds.includes(caller.userId) ? { kind: 'teacher' as const, schoolId } : undefined;
    if (!mayEditSchool(editor, schoolId)) throw forbidden("Only the school's own teachers edit its profile.");
    if (school.version !== version) {
      throw conflict(
        `This school was changed since you read it (you sent version ${version}, it is now version ${school.version}). Reload it and make your change again; nothing was saved.`,
      );
    }
    const saved = await updateSchool(store, school, edit, version, teacherIds);
    // Stale, or its teachers are not those read: either way a reload reads the school as it is now.
    if (saved.outcome !== 'saved') throw staleSchool(version);
    return { status: 200, body: schoolView(saved.school) };
  },

  /**
   * Lists teachers open to partnership (never pupils or guests, never the
   * caller), without e-mail addresses: teachers contact each other through
   * desktop mail.
   */
  searchPartners: async ({ caller, query: { limit, cursor, ...filter }, store }) => {
    const startKey = decodePartnerCursor(cursor, filter.country);
    const profile = await getUserProfile(store, caller.userId);
    if (!usesDesktop(profile?.kind)) throw forbidden('Partner search is for teachers only.');
    const { partners, lastKey } = await searchPartnerProfiles(store, filter, caller.userId, { limit, startKey });
    return {
      status: 200,
      body: {
        // The index holds open teachers only; checked again so nothing else can ever leak out.
        items: partners.filter(isListedPartner).map((partner) => ({
          userId: partner.userId,
          displayName: partner.displayName,
          country: partner.country,
          school: partner.school,
          subjects: partner.subjects ?? [],
          languages: partner.languages ?? [],
          ages: partner.ages,
          about: partner.about,
        })),
        nextCursor: encodeCursor(lastKey),
      },
    };
  },

  /** A folder, newest first, with the unread count. */
  listMail: async ({ caller, query, store }) => {
    const startKey = decodeCursor(query.cursor, keys.userPartition(caller.userId), mailFolderPrefix(query.folder));
    const { profile, unread } = await getProfileAndUnread(store, caller.userId);
    if (!usesDesktop(profile?.kind)) throw teachersOnly();
    const { mails, lastKey } = await listMailFolder(store, caller.userId, query.folder, { limit: query.limit, startKey });
    return { status: 200, body: { items: mails.map(summaryOf), nextCursor: encodeCursor(lastKey), unread } };
  },

  sendMail: async ({ caller, body: input, store }) => {
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
    const notice: Notification = {
      notificationId: ulid(),
      userId: recipient.userId,
      topic: 'desktop-mail',
      subjectId: mail.mailId,
      params: { from: mail.from.displayName, subject: mail.subject },
      about: mail.from.userId,
      title: `New mail from ${mail.from.displayName}: “${mail.subject}”`,
      body: `${mail.from.displayName} (${mail.from.country}) sent you a desktop mail: “${mail.subject}”.`,
      createdAt: mail.sentAt,
    };
    if ((await sendDesktopMail(store, mail, notice)) === 'exists') throw new Error('A new mail id was already taken.');
    countOf('DesktopMailSent');
    return { status: 201, body: { ...summaryOf({ ...mail, folder: 'sent' }), body: mail.body }, headers: { location: `/mail/${mail.mailId}` } };
  },

  /** For its sender or recipient; an unread inbox mail is marked read (once, however many tabs open it). */
  readMail: async ({ caller, params: { mailId }, store }) => {
    const { profile, inbox, sent } = await getMailCopies(store, caller.userId, mailId);
    if (!usesDesktop(profile?.kind)) throw teachersOnly();
    // Only the sender and the recipient hold a copy: to anyone else the mail does not exist.
    const mail = inbox ?? sent;
    if (!mail) throw notFound('No such mail in your mailbox.');
    if (inbox && inbox.readAt === undefined) {
      const readAt = new Date().toISOString();
      // Read either way: by this request, or by another tab a moment before.
      await markMailRead(store, caller.userId, mailId, readAt);
      inbox.readAt = readAt;
    }
    return { status: 200, body: { ...summaryOf(mail), body: mail.body } };
  },
});
