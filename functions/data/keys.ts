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
 * |15 | who is this username (add a partner or member)   | GetItem   | PK = USERNAME#<lower-case username>, SK = USER                        |
 *
 * Writes that go together: a profile (2) and its username item (15) are
 * created in one TransactWriteItems, so a username is never taken twice. A membership (4) and its inverse item under the
 * user (USER#<sub>, PROJECT#<id>, read by 1) are written in one
 * TransactWriteItems. Chat connections and digest marks carry `expiresAt`
 * (TTL, epoch seconds). IDs are ULIDs, so SK order is time order.
 *
 * Why 1 is one Query: under USER#<sub> the sort keys sort as DIGEST# <
 * NOTIFICATION# < PROFILE < PROJECT#, so the profile and the project items are
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
} as const;

const userPk = (userId: string) => `USER#${userId}`;
const projectPk = (projectId: string) => `PROJECT#${projectId}`;
const roomPk = (projectId: string) => `ROOM#${projectId}`;

export const keys = {
  userPartition: userPk,
  projectPartition: projectPk,
  roomPartition: roomPk,

  userProfile: (userId: string): ItemKey => ({ PK: userPk(userId), SK: 'PROFILE' }),
  /** The inverse of a membership, under the user: GET /me reads these with the profile. */
  userProject: (userId: string, projectId: string): ItemKey => ({ PK: userPk(userId), SK: `${prefixes.userProject}${projectId}` }),
  /** Range of pattern 1. */
  meRange: { from: 'PROFILE', to: `${prefixes.userProject}\uffff` },
  project: (projectId: string): ItemKey => ({ PK: projectPk(projectId), SK: 'META' }),
  membership: (projectId: string, userId: string): ItemKey => ({ PK: projectPk(projectId), SK: `${prefixes.member}${userId}` }),
  chatMessage: (projectId: string, messageId: string): ItemKey => ({ PK: roomPk(projectId), SK: `${prefixes.chatMessage}${messageId}` }),
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
  /** Usernames are case-insensitive at sign-in (the user pool's signInCaseSensitive: false). */
  username: (username: string): ItemKey => ({ PK: `USERNAME#${username.toLowerCase()}`, SK: 'USER' }),
};

/** GSI1 keys (one overloaded index). */
export const gsi1 = {
  indexName: 'GSI1',
  evaluatorsPartition: 'EVALUATORS',
  evaluator: (country: string, userId: string) => ({ GSI1PK: 'EVALUATORS', GSI1SK: `${country}#${userId}` }),
  labelsWaitingPartition: (country: string) => `LABELS-WAITING#${country}`,
  labelWaiting: (country: string, submittedAt: string, labelId: string) => ({
    GSI1PK: `LABELS-WAITING#${country}`,
    GSI1SK: `${submittedAt}#${labelId}`,
  }),
};

/** Strip the key attributes before handing an item to the domain or the wire. */
export function withoutKeys<T extends Record<string, unknown>>(item: T): Omit<T, 'PK' | 'SK' | 'GSI1PK' | 'GSI1SK'> {
  const { PK: _pk, SK: _sk, GSI1PK: _g1pk, GSI1SK: _g1sk, ...rest } = item;
  return rest;
}
