/**
 * Every item's key, in one place. Access patterns first, each with the one
 * key condition that serves it (no Scan anywhere; DESIGN.md, "The table"):
 *
 * | # | access pattern                                   | operation | key condition                                                       |
 * |---|--------------------------------------------------|-----------|---------------------------------------------------------------------|
 * | 1 | GET /me: my profile and my projects (+ my type)  | Query     | PK = USER#<sub> AND SK BETWEEN 'PROFILE' AND 'PROJECT#\uffff'       |
 * | 2 | a user's profile                                 | GetItem   | PK = USER#<sub>, SK = PROFILE                                        |
 * | 3 | a project                                        | GetItem   | PK = PROJECT#<id>, SK = META                                         |
 * | 4 | am I a member, and as what type                  | GetItem   | PK = PROJECT#<id>, SK = MEMBER#<sub>                                 |
 * | 5 | project + my membership + my profile (auth)      | BatchGet  | keys 3, 4 and 2 in one round trip                                    |
 * | 6 | a project's members, paged                       | Query     | PK = PROJECT#<id> AND begins_with(SK, 'MEMBER#')                     |
 * | 7 | chat history, newest first, paged                | Query     | PK = ROOM#<id> AND begins_with(SK, 'MSG#'), ScanIndexForward=false   |
 * | 8 | one chat message (moderation)                    | GetItem   | PK = ROOM#<id>, SK = MSG#<ulid>                                      |
 * | 9 | a room's live connections (one broadcast)        | Query     | PK = ROOM#<id> AND begins_with(SK, 'CONN#')                          |
 * |10 | all evaluators, by country (daily digest)        | Query GSI1| GSI1PK = EVALUATORS (GSI1SK = <country>#<sub>; sparse: evaluators' profiles only) |
 * |11 | a country's waiting label applications, oldest first | Query GSI1 | GSI1PK = LABELS-WAITING#<country> (GSI1SK = <submittedAt>#<labelId>) |
 * |12 | a country's settings (label target days)         | GetItem   | PK = COUNTRY#<cc>, SK = SETTINGS                                     |
 * |13 | was today's digest sent to this evaluator        | PutItem if attribute_not_exists | PK = USER#<sub>, SK = DIGEST#<yyyy-mm-dd> (TTL) |
 * |14 | my in-app notifications, newest first            | Query     | PK = USER#<sub> AND begins_with(SK, 'NOTIFICATION#'), ScanIndexForward=false |
 * |N1 | mark one of my notifications read                | UpdateItem| PK = USER#<sub>, SK = NOTIFICATION#<ulid>, attribute_exists(PK)     |
 * |N2 | my unread notifications (count, mark all read)   | Query     | 14 + FilterExpression attribute_not_exists(readAt); Select COUNT     |
 * |M3 | a project's teachers (page submitted)            | Query     | 6 + FilterExpression type IN (teacher-admin, member-teacher)         |
 * |15 | who is this username (add a partner or member)   | GetItem   | PK = USERNAME#<lower-case username>, SK = USER                        |
 * |M1 | a project's teacher administrators (last-admin rule) | Query | PK = PROJECT#<id> AND begins_with(SK, 'MEMBER#'), FilterExpression type = teacher-admin |
 * |M2 | the types a user holds anywhere (Cognito group sync) | (in 1) | PK = USER#<sub>, SK = PROJECT#<id> items: their `type`        |
 * |P1 | a project's approval by one country              | GetItem   | PK = PROJECT#<id>, SK = APPROVAL#<country>                           |
 * |P2 | projects awaiting my country's approval, oldest first | Query GSI1 | GSI1PK = APPROVALS-PENDING#<country> (GSI1SK = <submittedAt>#<projectId>; sparse: keys removed once decided) |
 * |P3 | GET /me: projects I founded, invitations to me   | (in 1)    | PK = USER#<sub>, SK = PROFILE#FOUNDED#<id> / PROFILE#INVITATION#<id> (between PROFILE and PROJECT#: inside 1's range) |
 * |D1 | a school                                         | GetItem   | PK = SCHOOL#<id>, SK = META (BatchGet with the caller's profile, 2)  |
 * |D2 | a school and its teachers (who may edit it)      | Query     | PK = SCHOOL#<id> (META + TEACHER#<sub> items)                        |
 * |D3 | partner search, by country                       | Query GSI1| GSI1PK = PARTNERS [AND begins_with(GSI1SK, '<country>#')]; subject, language, age: FilterExpression (sparse: open teachers' profiles only) |
 * |D4 | my desktop mail, newest first, paged             | Query     | PK = USER#<sub> AND begins_with(SK, 'MAILIN#' or 'MAILOUT#'), ScanIndexForward=false |
 * |D5 | my unread count                                  | Query     | PK = USER#<sub> AND begins_with(SK, 'MAILUNREAD#'), COUNT, not expired (with the profile's GetItem) |
 * |D6 | one mail, as its sender or recipient             | BatchGet  | USER#<sub> MAILIN#<id> and MAILOUT#<id> (+ profile)                  |
 * |R1 | a teacher's sign-up (pending or decided)          | GetItem   | PK = USER#<sub>, SK = REGISTRATION ('R' sorts after 'PROJECT#\uffff': outside 1's range) |
 * |R2 | teachers awaiting my country's validation, oldest first | Query GSI1 | GSI1PK = TEACHERS-PENDING#<country> (GSI1SK = <registeredAt>#<sub>; sparse: keys removed once validated) |
 * |R5 | the ticket of a sign-up in progress (PreSignUp)  | GetItem   | PK = SIGNUP#<lower-case e-mail>, SK = TICKET (TTL; the PreSignUp trigger may read this prefix only) |
 * |R3 | account e-mails waiting to be sent, oldest first | Query     | PK = OUTBOX#ACCOUNT-MAIL (SK = MAIL#<ulid>; written with the NSS's decision, deleted when sent) |
 * |R4 | an account e-mail SES accepted (30 days)      | GetItem   | PK = OUTBOX#ACCOUNT-MAIL-SENT, SK = MAIL#<mailId> (TTL) |
 * |L1 | attempts of one source in this window (sign-up limit) | UpdateItem ADD, conditional < limit | PK = RATE#<scope>#<hash of source>, SK = WINDOW#<epoch start> (TTL) |
 * |T1 | a project's materials (albums, folders, videos) of an area | Query | PK = PROJECT#<id> AND begins_with(SK, 'MATERIAL#'), FilterExpression area = :area, ScanIndexForward=false |
 * |T2 | one material                                     | GetItem   | PK = PROJECT#<id>, SK = MATERIAL#<materialId>                        |
 * |T3 | an album's images / a folder's files             | Query     | PK = PROJECT#<id> AND begins_with(SK, 'MATERIALFILE#<materialId>#')  |
 * |T4 | one uploaded file (status after upload; processing) | GetItem | PK = PROJECT#<id>, SK = MATERIALFILE#<materialId>#<fileId> (the object key names all three ids) |
 * |T5 | the images a document shows (saving a page, post, entry) | BatchGet | T4 + T2 of each image (at most 100 per document) |
 * |T6 | a project's bytes used (quota)                   | UpdateItem ADD, conditional usedBytes <= quota - size | PK = PROJECT#<id>, SK = MATERIALS-USAGE |
 *
 * Writes that go together: a profile (2) and its username item (15) are
 * created in one TransactWriteItems, so a username is never taken twice. A membership (4) and its inverse item under the
 * user (USER#<sub>, PROJECT#<id>, read by 1) are written in one
 * TransactWriteItems. Chat connections and digest marks carry `expiresAt`
 * (TTL, epoch seconds). IDs are ULIDs, so SK order is time order.
 *
 * Member management: adding a member writes the membership (4), its inverse
 * item and, for a teacher, the project META's `partners` (list_append) in one
 * TransactWriteItems; a type change or removal writes the membership
 * (conditional on its current type) and the inverse item together, with
 * ConditionChecks that the project is approved and the witness teacher
 * administrator still is one.
 *
 * Desktop writes: a school and its creator joining it (TEACHER# item + the
 * profile's schoolId/school) in one TransactWriteItems; renaming a school
 * rewrites its teachers' profile `school` in the same transaction. A mail is
 * one TransactWriteItems: the recipient's inbox copy, the sender's sent copy
 * and the recipient's unread mark (MAILUNREAD#), all three with the same
 * `expiresAt` TTL (the mail retention); reading it sets readAt and deletes
 * the mark in one conditional transaction (once).
 * A profile save is conditional on its `version` and sets or removes the
 * profile's PARTNERS GSI1 keys (D3) in the same write.
 *
 * Why 1 is one Query: under USER#<sub> the sort keys sort as DIGEST# <
 * GROUPSYNC < MAILIN# < MAILOUT# < MAILUNREAD# < NOTIFICATION# < PROFILE < PROJECT#, so the profile and the project items are
 * one contiguous range. Keep new USER# prefixes outside 'PROFILE'..'PROJECT#'.
 */

/** A type alias, not an interface, so it fits the SDK's Record<string, unknown> keys. */
export type ItemKey = { PK: string; SK: string };

export const prefixes = {
  member: 'MEMBER#',
  userProject: 'PROJECT#',
  chatMessage: 'MSG#',
  chatConnection: 'CONN#',
  notification: 'NOTIFICATION#',
  approval: 'APPROVAL#',
  userFounded: 'PROFILE#FOUNDED#',
  userInvitation: 'PROFILE#INVITATION#',
  /** Desktop mail under its owner: sorts before PROFILE (outside GET /me's range). */
  mailInbox: 'MAILIN#',
  mailSent: 'MAILOUT#',
  /** Unread marks: 'MAILUNREAD#' begins with neither 'MAILIN#' nor 'MAILOUT#', so no folder lists one. */
  mailUnread: 'MAILUNREAD#',
  schoolTeacher: 'TEACHER#',
  /** 'MATERIAL#' never matches 'MATERIALFILE#' (the character after MATERIAL differs), so T1 lists no files. */
  material: 'MATERIAL#',
  materialFile: 'MATERIALFILE#',
} as const;

/** The partition prefix of sign-up tickets (R5): the only items the PreSignUp trigger may read (infra/cdk/identity-triggers.ts). */
export const signUpTicketPrefix = 'SIGNUP#';
const userPk = (userId: string) => `USER#${userId}`;
const projectPk = (projectId: string) => `PROJECT#${projectId}`;
const roomPk = (projectId: string) => `ROOM#${projectId}`;
/** One person's live WebSocket connections (issue 9: one per signed-in tab). */
const livePk = (userId: string) => `LIVE#${userId}`;

export const keys = {
  userPartition: userPk,
  projectPartition: projectPk,
  roomPartition: roomPk,
  livePartition: livePk,

  userProfile: (userId: string): ItemKey => ({ PK: userPk(userId), SK: 'PROFILE' }),
  /** The inverse of a membership, under the user: GET /me reads these with the profile. */
  userProject: (userId: string, projectId: string): ItemKey => ({ PK: userPk(userId), SK: `${prefixes.userProject}${projectId}` }),
  /** The user's group-sync marker (data/README.md GS1, GS2): sorts before MAILBOX, outside GET /me's range. */
  groupSync: (userId: string): ItemKey => ({ PK: userPk(userId), SK: 'GROUPSYNC' }),
  /** Range of pattern 1. */
  meRange: { from: 'PROFILE', to: `${prefixes.userProject}\uffff` },
  project: (projectId: string): ItemKey => ({ PK: projectPk(projectId), SK: 'META' }),
  membership: (projectId: string, userId: string): ItemKey => ({ PK: projectPk(projectId), SK: `${prefixes.member}${userId}` }),
  chatMessage: (projectId: string, messageId: string): ItemKey => ({ PK: roomPk(projectId), SK: `${prefixes.chatMessage}${messageId}` }),
  /** A live connection under its person: rooms joined, rate-limit bucket (a person's tabs: Query LIVE#<sub>). */
  liveConnection: (userId: string, connectionId: string): ItemKey => ({ PK: livePk(userId), SK: `${prefixes.chatConnection}${connectionId}` }),
  /** A room's chat settings (the pupils' chat open or closed); absent = open. */
  roomSettings: (projectId: string): ItemKey => ({ PK: roomPk(projectId), SK: 'SETTINGS' }),
  /** A member muted in a room until a time (TTL then). */
  roomMute: (projectId: string, userId: string): ItemKey => ({ PK: roomPk(projectId), SK: `MUTE#${userId}` }),
  /** One member's report of one message (one per member and message). */
  messageReport: (projectId: string, messageId: string, reporterId: string): ItemKey => ({ PK: roomPk(projectId), SK: `REPORT#${messageId}#${reporterId}` }),
  chatConnection: (projectId: string, connectionId: string): ItemKey => ({
    PK: roomPk(projectId),
    SK: `${prefixes.chatConnection}${connectionId}`,
  }),
  countrySettings: (country: string): ItemKey => ({ PK: `COUNTRY#${country}`, SK: 'SETTINGS' }),
  digestMark: (userId: string, day: string): ItemKey => ({ PK: userPk(userId), SK: `DIGEST#${day}` }),
  notification: (userId: string, notificationId: string): ItemKey => ({
    PK: userPk(userId),
    SK: `${prefixes.notification}${notificationId}`,
  }),
  labelApplication: (labelId: string): ItemKey => ({ PK: `LABEL#${labelId}`, SK: 'META' }),
  schoolPartition: (schoolId: string) => `SCHOOL#${schoolId}`,
  school: (schoolId: string): ItemKey => ({ PK: `SCHOOL#${schoolId}`, SK: 'META' }),
  /** A teacher of the school: written with the profile's schoolId, read to decide who edits the school. */
  schoolTeacher: (schoolId: string, userId: string): ItemKey => ({ PK: `SCHOOL#${schoolId}`, SK: `${prefixes.schoolTeacher}${userId}` }),
  mailInbox: (userId: string, mailId: string): ItemKey => ({ PK: userPk(userId), SK: `${prefixes.mailInbox}${mailId}` }),
  mailSent: (userId: string, mailId: string): ItemKey => ({ PK: userPk(userId), SK: `${prefixes.mailSent}${mailId}` }),
  /** An inbox mail not yet read (D5: the unread count counts these); 'MAILUNREAD#' sorts before 'NOTIFICATION#', outside GET /me's range. */
  mailUnread: (userId: string, mailId: string): ItemKey => ({ PK: userPk(userId), SK: `${prefixes.mailUnread}${mailId}` }),
  /** A material of a TwinSpace (T2): an album, a folder or a video link. */
  material: (projectId: string, materialId: string): ItemKey => ({ PK: projectPk(projectId), SK: `${prefixes.material}${materialId}` }),
  /** An uploaded image or file of an album or folder (T4); T3 lists them with begins_with materialFilesPrefix. */
  materialFile: (projectId: string, materialId: string, fileId: string): ItemKey => ({
    PK: projectPk(projectId),
    SK: `${prefixes.materialFile}${materialId}#${fileId}`,
  }),
  materialFilesPrefix: (materialId: string) => `${prefixes.materialFile}${materialId}#`,
  /** The project's bytes of materials, reserved at upload and settled by processing (T6). */
  materialsUsage: (projectId: string): ItemKey => ({ PK: projectPk(projectId), SK: 'MATERIALS-USAGE' }),
  /** One founder country's decision on a project (P1). */
  approval: (projectId: string, country: string): ItemKey => ({ PK: projectPk(projectId), SK: `${prefixes.approval}${country}` }),
  /**
   * I founded this project (P3). 'PROFILE#…' sorts between PROFILE and PROJECT#, so GET /me's one Query
   * reads it, and it never passes for a membership's inverse item (those are exactly PROJECT#<id>).
   */
  userFounded: (userId: string, projectId: string): ItemKey => ({ PK: userPk(userId), SK: `${prefixes.userFounded}${projectId}` }),
  /** I am invited as this project's partner (P3), while it is proposed. */
  userInvitation: (userId: string, projectId: string): ItemKey => ({ PK: userPk(userId), SK: `${prefixes.userInvitation}${projectId}` }),
  /** Usernames are case-insensitive at sign-in (the user pool's signInCaseSensitive: false). */
  username: (username: string): ItemKey => ({ PK: `USERNAME#${username.toLowerCase()}`, SK: 'USER' }),
  /**
   * R5: the ticket of a sign-up in progress (POST /registrations writes it before Cognito SignUp, with TTL; the
   * PreSignUp trigger reads it; the registration's transaction deletes it). One per address.
   */
  signUpTicket: (email: string): ItemKey => ({ PK: `${signUpTicketPrefix}${email.toLowerCase()}`, SK: 'TICKET' }),
  /** A teacher's self sign-up (R1), written with the profile and the username item in one transaction. */
  registration: (userId: string): ItemKey => ({ PK: userPk(userId), SK: 'REGISTRATION' }),
  /** Attempts of one source in one window (L1); the source is its keyed hash (domain/rate-limits.ts sourceKey), never an address. */
  rateWindow: (scope: string, sourceKey: string, windowStartsAt: number): ItemKey => ({ PK: `RATE#${scope}#${sourceKey}`, SK: `WINDOW#${windowStartsAt}` }),
  /** The account e-mail outbox (R3): one partition, read oldest first by the send-account-mail job. */
  accountMailPartition: 'OUTBOX#ACCOUNT-MAIL',
  accountMail: (mailId: string): ItemKey => ({ PK: 'OUTBOX#ACCOUNT-MAIL', SK: `MAIL#${mailId}` }),
  /** An account e-mail SES accepted (R4): written as it leaves the outbox, kept 30 days (ids only, no address). */
  accountMailSent: (mailId: string): ItemKey => ({ PK: 'OUTBOX#ACCOUNT-MAIL-SENT', SK: `MAIL#${mailId}` }),
};

/** GSI1 keys (one overloaded index). */
export const gsi1 = {
  indexName: 'GSI1',
  evaluatorsPartition: 'EVALUATORS',
  evaluator: (country: string, userId: string) => ({ GSI1PK: 'EVALUATORS', GSI1SK: `${country}#${userId}` }),
  /** Sparse: only the profiles of teachers open to partnership carry it (a teacher's GSI1 is otherwise unused). */
  partnersPartition: 'PARTNERS',
  partner: (country: string, userId: string) => ({ GSI1PK: 'PARTNERS', GSI1SK: `${country}#${userId}` }),
  labelsWaitingPartition: (country: string) => `LABELS-WAITING#${country}`,
  labelWaiting: (country: string, submittedAt: string, labelId: string) => ({
    GSI1PK: `LABELS-WAITING#${country}`,
    GSI1SK: `${submittedAt}#${labelId}`,
  }),
  /** Set when a National Quality Label is granted, never removed: the yearly European proposal reads a school year's grants (Q8). */
  nationalLabelsGrantedPartition: (schoolYear: string) => `NQL-GRANTED#${schoolYear}`,
  nationalLabelGranted: (schoolYear: string, projectId: string, labelId: string) => ({
    GSI1PK: `NQL-GRANTED#${schoolYear}`,
    GSI1SK: `${projectId}#${labelId}`,
  }),
  approvalsPendingPartition: (country: string) => `APPROVALS-PENDING#${country}`,
  /** Only while the country's decision is pending (P2): the index stays sparse. */
  approvalPending: (country: string, submittedAt: string, projectId: string) => ({
    GSI1PK: `APPROVALS-PENDING#${country}`,
    GSI1SK: `${submittedAt}#${projectId}`,
  }),
  teachersPendingPartition: (country: string) => `TEACHERS-PENDING#${country}`,
  /** Only while the teacher waits for their NSS (R2): removed on validation, deleted with a rejection. */
  teacherPending: (country: string, registeredAt: string, userId: string) => ({
    GSI1PK: `TEACHERS-PENDING#${country}`,
    GSI1SK: `${registeredAt}#${userId}`,
  }),
};

/** Strip the key attributes (the table's and both indexes') before handing an item to the domain or the wire. */
export function withoutKeys<T extends Record<string, unknown>>(item: T): Omit<T, 'PK' | 'SK' | 'GSI1PK' | 'GSI1SK' | 'GSI2PK' | 'GSI2SK'> {
  const { PK: _pk, SK: _sk, GSI1PK: _g1pk, GSI1SK: _g1sk, GSI2PK: _g2pk, GSI2SK: _g2sk, ...rest } = item;
  return rest;
}

/**
 * The author index (GSI2, sparse; data/README.md "The author index"). Every item a person writes, or that names them
 * (the recipient's name on a sent mail, a member-joined entry of the home), carries
 *
 *   GSI2PK = AUTHOR#<sub>, GSI2SK = <writtenAt>#<PK>#<SK>
 *
 * so "everything a user wrote" is one Query (E1: `GSI2PK = AUTHOR#<sub>`, oldest first, paged), never a Scan: the
 * erasure of a person (data/erasure.ts) and their export (GET /me/export) read it. The PK and SK in the sort key keep
 * it unique and say where the item lives without reading it. Every write path adds the keys through `withAuthor`, so
 * they are built one way; erasure removes them from what it keeps (the item then names nobody).
 */
export const authorIndex = {
  indexName: 'GSI2',
  partition: (userId: string) => `AUTHOR#${userId}`,
  of: (userId: string, writtenAt: string, key: ItemKey) => ({ GSI2PK: `AUTHOR#${userId}`, GSI2SK: `${writtenAt}#${key.PK}#${key.SK}` }),
};

/** An item's key with its author index keys: spread into the stored item (`{ ...withAuthor(key, sub, at), ...fields }`). */
export const withAuthor = (key: ItemKey, userId: string, writtenAt: string): ItemKey & { GSI2PK: string; GSI2SK: string } => ({
  ...key,
  ...authorIndex.of(userId, writtenAt, key),
});

/**
 * Community: groups, encounters and the resource library (desktop). Access patterns:
 *
 * | # | access pattern                                   | operation | key condition                                                       |
 * |---|--------------------------------------------------|-----------|---------------------------------------------------------------------|
 * |C1 | all groups, by name, paged                       | Query GSI1| GSI1PK = GROUPS (GSI1SK = <lower-case name>#<groupId>)               |
 * |C2 | a group, and am I a member                       | BatchGet  | GROUP#<id> META and MEMBER#<sub> (one per listed group for C1's page) |
 * |C3 | a group's members, paged                         | Query     | PK = GROUP#<id> AND begins_with(SK, 'MEMBER#')                       |
 * |C4 | upcoming encounters, soonest first, paged        | Query GSI1| GSI1PK = ENCOUNTERS AND GSI1SK >= <now ISO> (GSI1SK = <startsAt>#<id>) |
 * |C5 | an encounter and my registration                 | BatchGet (consistent) | ENCOUNTER#<id> META and REG#<sub>                        |
 * |C6 | the first on an encounter's waiting list         | Query (consistent, Limit 1) | PK = ENCOUNTER#<id> AND begins_with(SK, 'WAIT#')   |
 * |C7 | my place on the waiting list                     | Query COUNT | PK = ENCOUNTER#<id> AND SK BETWEEN 'WAIT#' AND 'WAIT#<my ticket>#<sub>' |
 * |C8 | resources, newest first, by language             | Query GSI1| GSI1PK = RESOURCES [AND begins_with(GSI1SK, '<language>#')] (GSI1SK = <language>#<createdAt>#<id>) |
 * |C9 | resources with a tag [and a language]            | Query GSI1| GSI1PK = RESOURCES-TAG#<tag> [AND begins_with(GSI1SK, '<language>#')]: one TAG# item per tag of a resource, a copy of its fields |
 * |C10| resources found by a word [and a language]      | Query GSI1| GSI1PK = RESOURCES-WORD#<the search's longest normalised word> [AND begins_with(GSI1SK, '<language>#')], FilterExpression contains(words, <each other word>) [AND contains(tags, <tag>)]: one WORD# item per distinct word of title, tags and description, a copy of its fields |
 *
 * Writes: creating a group puts META (memberCount 1) and the owner's MEMBER# item in one transaction; joining and
 * leaving put/delete the MEMBER# item and ADD ±1 to memberCount in one transaction (a full group is a failed
 * condition). Every registration change of an encounter is one TransactWriteItems that updates META on condition
 * its counters (seatsTaken, waitingCount) are still as read: two registrations or cancellations at once never
 * over-book, the loser re-reads and decides again. A resource's META, its TAG# and its WORD# items are put in one transaction.
 */
const groupPk = (groupId: string) => `GROUP#${groupId}`;
const encounterPk = (encounterId: string) => `ENCOUNTER#${encounterId}`;

export const communityKeys = {
  groupPartition: groupPk,
  groupMemberPrefix: 'MEMBER#',
  group: (groupId: string): ItemKey => ({ PK: groupPk(groupId), SK: 'META' }),
  groupMember: (groupId: string, userId: string): ItemKey => ({ PK: groupPk(groupId), SK: `MEMBER#${userId}` }),
  encounterPartition: encounterPk,
  encounter: (encounterId: string): ItemKey => ({ PK: encounterPk(encounterId), SK: 'META' }),
  registration: (encounterId: string, userId: string): ItemKey => ({ PK: encounterPk(encounterId), SK: `REG#${userId}` }),
  waitingPrefix: 'WAIT#',
  /** Tickets are zero-padded so the sort key order is arrival order. */
  waitingTicket: (encounterId: string, ticket: number, userId: string): ItemKey => ({
    PK: encounterPk(encounterId),
    SK: `WAIT#${String(ticket).padStart(8, '0')}#${userId}`,
  }),
  resource: (resourceId: string): ItemKey => ({ PK: `RESOURCE#${resourceId}`, SK: 'META' }),
  resourceTag: (resourceId: string, tag: string): ItemKey => ({ PK: `RESOURCE#${resourceId}`, SK: `TAG#${tag}` }),
  resourceWord: (resourceId: string, word: string): ItemKey => ({ PK: `RESOURCE#${resourceId}`, SK: `WORD#${word}` }),
};

export const communityIndex = {
  groupsPartition: 'GROUPS',
  group: (name: string, groupId: string) => ({ GSI1PK: 'GROUPS', GSI1SK: `${name.toLowerCase()}#${groupId}` }),
  encountersPartition: 'ENCOUNTERS',
  encounter: (startsAt: string, encounterId: string) => ({ GSI1PK: 'ENCOUNTERS', GSI1SK: `${startsAt}#${encounterId}` }),
  resourcesPartition: 'RESOURCES',
  resource: (language: string, createdAt: string, resourceId: string) => ({ GSI1PK: 'RESOURCES', GSI1SK: `${language}#${createdAt}#${resourceId}` }),
  resourcesTagPartition: (tag: string) => `RESOURCES-TAG#${tag}`,
  resourceTag: (tag: string, language: string, createdAt: string, resourceId: string) => ({
    GSI1PK: `RESOURCES-TAG#${tag}`,
    GSI1SK: `${language}#${createdAt}#${resourceId}`,
  }),
  resourcesWordPartition: (word: string) => `RESOURCES-WORD#${word}`,
  resourceWord: (word: string, language: string, createdAt: string, resourceId: string) => ({
    GSI1PK: `RESOURCES-WORD#${word}`,
    GSI1SK: `${language}#${createdAt}#${resourceId}`,
  }),
};

/**
 * The forum (functions/data/forum.ts). Discussions live under their project, by area; a thread's and a reply's
 * partition key carries the project id, so an id from another project is simply not found through this project's path.
 *
 * | # | access pattern                                   | operation | key condition                                                       |
 * |---|--------------------------------------------------|-----------|---------------------------------------------------------------------|
 * |F1 | an area's discussions, newest first, paged       | Query     | PK = PROJECT#<id> AND begins_with(SK, 'FORUM#<area>#'), ScanIndexForward=false |
 * |F2 | one discussion of this project (area unknown)    | in 5's BatchGet | PROJECT#<id> FORUM#pupils#<d> and FORUM#teachers#<d>                 |
 * |F3 | a discussion's threads, newest first, paged      | Query     | PK = DISCUSSION#<projectId>#<d> AND begins_with(SK, 'THREAD#'), ScanIndexForward=false |
 * |F4 | one thread of this project (its header)          | in 5's BatchGet | PK = THREAD#<projectId>#<t>, SK = META                               |
 * |F5 | a thread's replies, oldest first, paged          | Query     | PK = THREAD#<projectId>#<t> AND begins_with(SK, 'REPLY#')            |
 *
 * Writes: a thread is two items (its listing under the discussion, F3, and its header, F4) put in one transaction
 * with the discussion's threadCount/lastActivityAt; a reply is put in one transaction with both thread items'
 * replyCount/lastActivityAt and the discussion's lastActivityAt.
 */
const discussionPk = (projectId: string, discussionId: string) => `DISCUSSION#${projectId}#${discussionId}`;
const threadPk = (projectId: string, threadId: string) => `THREAD#${projectId}#${threadId}`;

export const forumKeys = {
  discussionPrefix: (area: string) => `FORUM#${area}#`,
  discussion: (projectId: string, area: string, discussionId: string): ItemKey => ({ PK: projectPk(projectId), SK: `FORUM#${area}#${discussionId}` }),
  discussionPartition: discussionPk,
  threadPrefix: 'THREAD#',
  threadListing: (projectId: string, discussionId: string, threadId: string): ItemKey => ({ PK: discussionPk(projectId, discussionId), SK: `THREAD#${threadId}` }),
  threadPartition: threadPk,
  thread: (projectId: string, threadId: string): ItemKey => ({ PK: threadPk(projectId, threadId), SK: 'META' }),
  replyPrefix: 'REPLY#',
  reply: (projectId: string, threadId: string, replyId: string): ItemKey => ({ PK: threadPk(projectId, threadId), SK: `REPLY#${replyId}` }),
};

/**
 * TwinSpace pages (functions/data/pages.ts). A page lives under its project; GSI1 lists an area's pages by status,
 * so every list is one key condition (no filter):
 *
 * | # | access pattern                                   | operation | key condition                                                       |
 * |---|--------------------------------------------------|-----------|---------------------------------------------------------------------|
 * |G1 | one page                                         | GetItem   | PK = PROJECT#<id>, SK = PAGE#<pageId>                                |
 * |G2 | an area's published pages, newest published first| Query GSI1| GSI1PK = PAGES#<projectId>#<area>#published (GSI1SK = <publishedAt>#<pageId>), ScanIndexForward=false |
 * |G3 | an area's drafts (all authors), newest first per author | Query GSI1 | GSI1PK = PAGES#<projectId>#<area>#draft (GSI1SK = <authorId>#<pageId>), ScanIndexForward=false |
 * |G4 | my drafts in an area, newest first               | Query GSI1| GSI1PK = PAGES#<projectId>#<area>#draft AND begins_with(GSI1SK, '<authorId>#') |
 * |G5 | the public page of a project (no sign-in)        | GetItem + 3 Queries, all at once | pattern 3, G2 with area = public, DY6 and Q7    |
 *
 * Every page write is one TransactWriteItems: the page (conditional on the version read, or new) with ConditionChecks
 * that the project is still approved and the writer's membership still has the type the decision was made on.
 */
export const pageKeys = {
  prefix: 'PAGE#',
  page: (projectId: string, pageId: string): ItemKey => ({ PK: projectPk(projectId), SK: `PAGE#${pageId}` }),
};

export const pageIndex = {
  partition: (projectId: string, area: string, status: 'draft' | 'published') => `PAGES#${projectId}#${area}#${status}`,
  published: (projectId: string, area: string, publishedAt: string, pageId: string) => ({
    GSI1PK: `PAGES#${projectId}#${area}#published`,
    GSI1SK: `${publishedAt}#${pageId}`,
  }),
  draft: (projectId: string, area: string, authorId: string, pageId: string) => ({
    GSI1PK: `PAGES#${projectId}#${area}#draft`,
    GSI1SK: `${authorId}#${pageId}`,
  }),
};

/**
 * The agenda and the TwinSpace mailbox (functions/data/agenda.ts, mailbox.ts).
 *
 * | # | access pattern                                   | operation | key condition                                                       |
 * |---|--------------------------------------------------|-----------|---------------------------------------------------------------------|
 * |A1 | one agenda event (edit, delete)                  | GetItem / conditional write | PK = PROJECT#<id>, SK = AGENDA#<eventId>               |
 * |A2 | a project's agenda by start time [from a time], paged | Query GSI1 | GSI1PK = AGENDA#<projectId> [AND GSI1SK >= <from ISO>] (GSI1SK = <startsAt>#<eventId>) |
 * |A3 | the whole agenda (iCalendar feed)                | Query GSI1 (every page) | GSI1PK = AGENDA#<projectId>                              |
 * |X1 | my TwinSpace mailbox in a project, inbox or sent, newest first, paged | Query | PK = PROJECT#<id>#MAILBOX#<sub> AND begins_with(SK, 'IN#' or 'OUT#'), ScanIndexForward=false |
 * |X2 | is the recipient a member, and as what type      | GetItem   | pattern 4 (PROJECT#<id>, MEMBER#<sub>)                               |
 *
 * Writes: an agenda event's put, update (conditional on its version) or delete is one TransactWriteItems with a
 * ConditionCheck that the project is still approved. A mailbox message is one TransactWriteItems: the recipient's
 * inbox copy, the sender's sent copy, and ConditionChecks that the project is approved and the recipient is still a
 * member of the type the decision was made on. The mailbox partitions are per project and member, outside USER#
 * (GET /me's range is untouched).
 */
const mailboxPk = (projectId: string, userId: string) => `PROJECT#${projectId}#MAILBOX#${userId}`;

export const agendaKeys = {
  prefix: 'AGENDA#',
  event: (projectId: string, eventId: string): ItemKey => ({ PK: projectPk(projectId), SK: `AGENDA#${eventId}` }),
};

export const agendaIndex = {
  partition: (projectId: string) => `AGENDA#${projectId}`,
  event: (projectId: string, startsAt: string, eventId: string) => ({ GSI1PK: `AGENDA#${projectId}`, GSI1SK: `${startsAt}#${eventId}` }),
};

export const mailboxKeys = {
  partition: mailboxPk,
  inboxPrefix: 'IN#',
  sentPrefix: 'OUT#',
  inbox: (projectId: string, userId: string, messageId: string): ItemKey => ({ PK: mailboxPk(projectId, userId), SK: `IN#${messageId}` }),
  sent: (projectId: string, userId: string, messageId: string): ItemKey => ({ PK: mailboxPk(projectId, userId), SK: `OUT#${messageId}` }),
};

/**
 * The Project Diary (functions/data/diary.ts). An entry lives under its project in time order, its replies inside it;
 * restricted and public entries also carry the project's 'open' GSI1 keys; an unanswered doubt has one inbox item
 * per partner country (sparse GSI1), deleted in the transaction of the NSS's answer.
 *
 * | # | access pattern                                   | operation | key condition                                                       |
 * |---|--------------------------------------------------|-----------|---------------------------------------------------------------------|
 * |DY1| the diary as its teachers or a partner NSS read it, newest first, paged | Query | PK = PROJECT#<id> AND begins_with(SK, 'DIARY#'), ScanIndexForward=false (teachers: FilterExpression drops other authors' hidden entries) |
 * |DY2| the diary as any other teacher reads it (restricted + public), newest first | Query GSI1 | GSI1PK = DIARY-OPEN#<projectId> (GSI1SK = <entryId>), ScanIndexForward=false |
 * |DY3| one entry (to reply to it)                       | GetItem   | PK = PROJECT#<id>, SK = DIARY#<entryId>                              |
 * |DY4| my country's unanswered doubts, oldest first     | Query GSI1| GSI1PK = DIARY-UNANSWERED#<country> (GSI1SK = <createdAt>#<entryId>; PK = DOUBT#<entryId>, SK = UNANSWERED#<country>) |
 * |DY5| the whole diary (export), oldest first           | Query (all pages) | DY1 or DY2, ScanIndexForward=true                             |
 * |DY6| a project's PUBLIC entries (the public page, no sign-in), newest first, paged | Query GSI1 | DY2's GSI1PK = DIARY-OPEN#<projectId>, FilterExpression visibility = public (Limit 3 × page size; a page may be short) |
 */
export const diaryKeys = {
  entryPrefix: 'DIARY#',
  entry: (projectId: string, entryId: string): ItemKey => ({ PK: projectPk(projectId), SK: `DIARY#${entryId}` }),
  doubtPrefix: 'DOUBT#',
  unansweredSk: (country: string) => `UNANSWERED#${country}`,
  unansweredDoubt: (entryId: string, country: string): ItemKey => ({ PK: `DOUBT#${entryId}`, SK: `UNANSWERED#${country}` }),
  /**
   * A reply lives inside its entry (a list), so the author index cannot point at it: this small item, put with the
   * reply, carries its author's index keys and says where the reply is (projectId, entryId, replyId). No list reads it.
   */
  replyRef: (projectId: string, entryId: string, replyId: string): ItemKey => ({ PK: `DIARY-REPLY#${projectId}#${entryId}`, SK: `REPLY#${replyId}` }),
};

export const diaryIndex = {
  indexName: 'GSI1',
  openPartition: (projectId: string) => `DIARY-OPEN#${projectId}`,
  /** Restricted and public entries only: every signed-in teacher reads these. */
  openEntry: (projectId: string, entryId: string) => ({ GSI1PK: `DIARY-OPEN#${projectId}`, GSI1SK: entryId }),
  unansweredPartition: (country: string) => `DIARY-UNANSWERED#${country}`,
  unansweredDoubt: (country: string, createdAt: string, entryId: string) => ({ GSI1PK: `DIARY-UNANSWERED#${country}`, GSI1SK: `${createdAt}#${entryId}` }),
};

/**
 * Quality Labels (functions/data/labels.ts). Access patterns:
 *
 * | # | access pattern                                   | operation | key condition                                                       |
 * |---|--------------------------------------------------|-----------|---------------------------------------------------------------------|
 * |Q1 | one application (evaluate it, check a reviewed result) | GetItem / BatchGet | PK = LABEL#<labelId>, SK = META (with GSI1 11 while waiting) |
 * |Q2 | a project's applications, newest first, paged    | Query     | PK = PROJECT#<id> AND begins_with(SK, 'LABEL#'), ScanIndexForward=false (a copy of each application) |
 * |Q3 | my open application for this project (one at a time) | Put if attribute_not_exists | PK = PROJECT#<id>, SK = LABEL-OPEN#<sub>; deleted by the evaluation |
 * |Q4 | my applications this school year (at most four)  | Update ADD, condition applications < 4 | PK = USER#<sub>, SK = LABELS#<yyyy-yyyy> ('L' sorts before 'PROFILE': outside GET /me's range) |
 * |Q5 | my one first application / my one review (after a not-granted result) of this project | Put if attribute_not_exists | PK = PROJECT#<id>, SK = LABEL-APPLIED#<sub> / LABEL-REVIEW#<sub> |
 * |Q6 | a country's waiting applications for its evaluators, oldest first, paged | Query GSI1 | pattern 11 (FilterExpression: not the evaluator's own school) |
 * |Q7 | a project's GRANTED labels (the public page's badges) | Query     | Q2's key condition, FilterExpression status = granted, projected (no names, no scores) |
 * |Q8 | a school year's granted NQLs (the yearly European proposal) | Query GSI1 | GSI1PK = NQL-GRANTED#<yyyy-yyyy> (set on Q1 when granted), projected: projectId, country, evaluation.total |
 * |Q9 | a project's European Quality Label proposals      | Query     | PK = PROJECT#<id> AND begins_with(SK, 'EQL#') (one per school year, written once by the yearly job) |
 *
 * Applying writes Q1 (+ its GSI1 keys), Q2's copy, Q3, Q4 and Q5 (a review: + a ConditionCheck that the
 * reviewed Q1 is mine, of this project, not granted) in one TransactWriteItems; evaluating updates Q1 (removing the waiting GSI1 keys, or,
 * when granted, setting Q8's) and Q2's copy and deletes Q3 in one TransactWriteItems.
 */
export const labelKeys = {
  projectLabelPrefix: 'LABEL#',
  projectLabel: (projectId: string, labelId: string): ItemKey => ({ PK: projectPk(projectId), SK: `LABEL#${labelId}` }),
  openLock: (projectId: string, userId: string): ItemKey => ({ PK: projectPk(projectId), SK: `LABEL-OPEN#${userId}` }),
  reviewMark: (projectId: string, userId: string): ItemKey => ({ PK: projectPk(projectId), SK: `LABEL-REVIEW#${userId}` }),
  appliedMark: (projectId: string, userId: string): ItemKey => ({ PK: projectPk(projectId), SK: `LABEL-APPLIED#${userId}` }),
  yearlyCount: (userId: string, schoolYear: string): ItemKey => ({ PK: userPk(userId), SK: `LABELS#${schoolYear}` }),
  europeanPrefix: 'EQL#',
  european: (projectId: string, schoolYear: string): ItemKey => ({ PK: projectPk(projectId), SK: `EQL#${schoolYear}` }),
};

/**
 * The TwinSpace home (functions/data/feed.ts). Every entry of the home — a member's post or an automatic entry
 * written in the same transaction as its event — lives under its project in time order (ULID); a pinned post also
 * carries sparse GSI1 keys; comments and likes live under their post; the teachers' board beside the feed.
 *
 * | # | access pattern                                   | operation | key condition                                                       |
 * |---|--------------------------------------------------|-----------|---------------------------------------------------------------------|
 * |H1 | the home, newest first, paged                    | Query     | PK = PROJECT#<id> AND begins_with(SK, 'FEED#'), ScanIndexForward=false (the reader's areas and "not pinned" applied to the page) |
 * |H2 | the pinned posts, most recently pinned first (page 1) | Query GSI1 | GSI1PK = FEED-PINNED#<projectId> (GSI1SK = <pinnedAt>#<postId>; sparse: pinned posts only), ScanIndexForward=false |
 * |H3 | one entry (delete, pin, comment, like)           | in the gate's BatchGet | PK = PROJECT#<id>, SK = FEED#<entryId>                  |
 * |H4 | a post's comments, oldest first, paged           | Query     | PK = FEEDPOST#<projectId>#<postId> AND begins_with(SK, 'COMMENT#')   |
 * |H5 | have I liked these posts                         | BatchGet  | PK = FEEDPOST#<projectId>#<postId>, SK = LIKE#<sub> (one per post on the page) |
 * |H6 | how many posts are pinned                        | Update ADD, condition < 10 | PK = PROJECT#<id>, SK = FEED-PINS                      |
 * |H7 | the teachers' board, newest first, paged         | Query     | PK = PROJECT#<id> AND begins_with(SK, 'BOARD#'), ScanIndexForward=false |
 * |H8 | one board note (delete)                          | in the gate's BatchGet | PK = PROJECT#<id>, SK = BOARD#<noteId>                  |
 */
const feedPostPk = (projectId: string, postId: string) => `FEEDPOST#${projectId}#${postId}`;

export const feedKeys = {
  entryPrefix: 'FEED#',
  entry: (projectId: string, entryId: string): ItemKey => ({ PK: projectPk(projectId), SK: `FEED#${entryId}` }),
  /** 'FEED-PINS' does not begin with 'FEED#': H1 never meets it. */
  pins: (projectId: string): ItemKey => ({ PK: projectPk(projectId), SK: 'FEED-PINS' }),
  postPartition: feedPostPk,
  commentPrefix: 'COMMENT#',
  comment: (projectId: string, postId: string, commentId: string): ItemKey => ({ PK: feedPostPk(projectId, postId), SK: `COMMENT#${commentId}` }),
  like: (projectId: string, postId: string, userId: string): ItemKey => ({ PK: feedPostPk(projectId, postId), SK: `LIKE#${userId}` }),
  notePrefix: 'BOARD#',
  note: (projectId: string, noteId: string): ItemKey => ({ PK: projectPk(projectId), SK: `BOARD#${noteId}` }),
};

export const feedIndex = {
  pinnedPartition: (projectId: string) => `FEED-PINNED#${projectId}`,
  pinned: (projectId: string, pinnedAt: string, postId: string) => ({ GSI1PK: `FEED-PINNED#${projectId}`, GSI1SK: `${pinnedAt}#${postId}` }),
};

/**
 * Notifications delivered live and by e-mail (functions/streams/deliver-notifications.ts, functions/data/notification-mail.ts,
 * functions/scheduled/send-notification-digests.ts). A new notification item (pattern 14) reaches the table's stream; its
 * handler posts it to the person's live connections and, by the person's `notificationMail` preference, queues an e-mail
 * in the account-mail outbox (R3) or marks the day's digest due.
 *
 * | # | access pattern                                   | operation | key condition                                                       |
 * |---|--------------------------------------------------|-----------|---------------------------------------------------------------------|
 * |N1 | a person's live connections (every open tab)     | Query     | PK = LIVE#<sub> AND begins_with(SK, 'CONN#')                         |
 * |N2 | was this notification already queued for e-mail  | Put if attribute_not_exists | PK = USER#<sub>, SK = MAILED#<notificationId> (TTL 7 days), in one TransactWriteItems with its outbox mail (R3, SK = MAIL#<notificationId>) |
 * |N3 | who has a digest due for a day                   | Query     | PK = DIGEST-DUE#<yyyy-mm-dd> (SK = <sub>; `notificationIds` string set; `sentAt` once queued; TTL 7 days) |
 * |N4 | a person's notifications of one day              | Query     | PK = USER#<sub> AND SK BETWEEN 'NOTIFICATION#<first ULID of the day>' AND 'NOTIFICATION#<last>' |
 *
 * A digest is queued once: the outbox mail (R3, SK = MAIL#DIGEST#<day>#<sub>, put if absent) and `sentAt` on N3 (set if
 * absent) in one TransactWriteItems. 'MAILED#' sorts before 'PROFILE' and does not begin with 'MAILIN#' or 'MAILOUT#':
 * neither GET /me's range (1) nor desktop mail (D4) meets it.
 */
export const notificationMailKeys = {
  mailedMark: (userId: string, notificationId: string): ItemKey => ({ PK: userPk(userId), SK: `MAILED#${notificationId}` }),
  digestDuePartition: (day: string) => `DIGEST-DUE#${day}`,
  digestDue: (day: string, userId: string): ItemKey => ({ PK: `DIGEST-DUE#${day}`, SK: userId }),
  /** The outbox mail ids (R3's MAIL#<mailId>): an instant mail is keyed by its notification, a digest by its day and person. */
  instantMailId: (notificationId: string) => notificationId,
  digestMailId: (day: string, userId: string) => `DIGEST#${day}#${userId}`,
};

/**
 * Held texts (issue 12, functions/data/moderation.ts): a pupil's write with a finding of the pupil guard waits under
 * its project, keyed by its author so "my held texts" is one key condition. GSI1 holds two partitions per project:
 * the teachers' queue (pending ones) and the decisions (the audit); a decision moves the item from one to the other
 * and keeps it. GSI1SK is the heldId, a ULID, so index order is held order and a held text is found by its id alone
 * (HT1: the decision routes' path names the heldId, not its author).
 *
 * | # | access pattern                                   | operation | key condition                                                       |
 * |---|--------------------------------------------------|-----------|---------------------------------------------------------------------|
 * |HT1| one held text by its id (decide it)              | 2 Queries GSI1 at once | GSI1PK = HELD-PENDING#<projectId> / HELD-DECIDED#<projectId> AND GSI1SK = <heldId> |
 * |HT2| my held texts and their outcomes, newest first   | Query     | PK = PROJECT#<id> AND begins_with(SK, 'HELD#<sub>#'), ScanIndexForward=false |
 * |HT3| the teachers' queue, oldest first                | Query GSI1| GSI1PK = HELD-PENDING#<projectId> (GSI1SK = <heldId>)                 |
 * |HT4| the project's decisions (audit), newest first, paged | Query GSI1 | GSI1PK = HELD-DECIDED#<projectId> (GSI1SK = <heldId>), ScanIndexForward=false |
 * |HT5| the guard's context: the members' full names     | Query     | pattern 6, every page, ProjectionExpression userId, type, displayName |
 *
 * Writes: a held text is one TransactWriteItems with its teachers' `pupil-text-held` notifications (pattern 14); a
 * decision is one TransactWriteItems: the held text updated on condition status = held (GSI1 moved from HT3 to HT4,
 * the texts dropped, the decision kept) with the pupil's `pupil-text-decided` notification. Held items carry the
 * author index (withAuthor): erasure deletes them, the export lists them. No other PROJECT# prefix begins with 'HELD#'.
 */
export const moderationKeys = {
  prefix: 'HELD#',
  authorPrefix: (authorId: string) => `HELD#${authorId}#`,
  held: (projectId: string, authorId: string, heldId: string): ItemKey => ({ PK: projectPk(projectId), SK: `HELD#${authorId}#${heldId}` }),
};

export const moderationIndex = {
  pendingPartition: (projectId: string) => `HELD-PENDING#${projectId}`,
  pending: (projectId: string, heldId: string) => ({ GSI1PK: `HELD-PENDING#${projectId}`, GSI1SK: heldId }),
  decidedPartition: (projectId: string) => `HELD-DECIDED#${projectId}`,
  decided: (projectId: string, heldId: string) => ({ GSI1PK: `HELD-DECIDED#${projectId}`, GSI1SK: heldId }),
};
