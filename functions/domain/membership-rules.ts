/**
 * Managing a TwinSpace's members (DOMAIN.md, "People"): who may be given
 * which type, the protection of founders and of the last teacher
 * administrator, which Cognito groups a user should be in, and the pupil
 * accounts' generated usernames and one-time passwords. Pure: randomness is
 * passed in (crypto.randomInt by default), nothing is read or written.
 */
import { randomInt as cryptoRandomInt } from 'node:crypto';
import { passwordPolicy, type PasswordPolicy } from './password-policy.ts';
import { mayHoldType, twinspaceTypes, type AccountKind, type TwinspaceType } from './twinspace-types.ts';

/** randomInt(max) → an integer in [0, max), uniformly. */
export type RandomInt = (max: number) => number;
const secureRandomInt: RandomInt = (max) => cryptoRandomInt(max);

export interface MemberFacts {
  userId: string;
  type: TwinspaceType;
  kind: AccountKind;
}

export type MemberChange = { to: TwinspaceType } | 'remove';

export interface MemberChangeContext {
  callerId: string;
  target: MemberFacts;
  /** userIds of the project's founders (project META `founders`). */
  founders: readonly string[];
  /** userIds of every teacher administrator of the project, the target included if they are one. */
  teacherAdminIds: readonly string[];
}

export type Verdict =
  | { allowed: true }
  | { allowed: false; status: 400 | 403 | 409; reason: string; field?: string };

/**
 * Adding an existing account by username: teachers may become teacher-admin,
 * member-teacher or visitor, guests only visitor. Pupils get their account
 * made by the project (so never by username), and nss and evaluator accounts
 * are never members.
 */
export function judgeAddition(kind: AccountKind, type: TwinspaceType): Verdict {
  if (kind === 'pupil') {
    return { allowed: false, status: 400, field: 'body.username', reason: 'A pupil joins a project through an account the project creates: send {pupil: {displayName}, type}.' };
  }
  if (!mayHoldType(kind, type)) {
    return { allowed: false, status: 400, field: 'body.type', reason: `A ${kind} account cannot be a ${type} of a TwinSpace.` };
  }
  return { allowed: true };
}

/**
 * A type change or a removal. The project always keeps a teacher
 * administrator; a founder is demoted or removed by nobody but themselves.
 */
export function judgeMemberChange(context: MemberChangeContext, change: MemberChange): Verdict {
  const { callerId, target, founders } = context;
  if (change !== 'remove' && !mayHoldType(target.kind, change.to)) {
    return { allowed: false, status: 400, field: 'body.type', reason: `A ${target.kind} account cannot be a ${change.to} of a TwinSpace.` };
  }
  const isSelf = callerId === target.userId;
  const staysAdmin = change !== 'remove' && change.to === 'teacher-admin';
  if (founders.includes(target.userId) && !isSelf && !staysAdmin) {
    return {
      allowed: false,
      status: 403,
      reason: 'This member is a founder of the project: nobody else may demote or remove them.',
    };
  }
  if (target.type === 'teacher-admin' && !staysAdmin && otherTeacherAdmins(context).length === 0) {
    return {
      allowed: false,
      status: 409,
      reason: 'A project always keeps at least one teacher administrator: make someone else teacher administrator first.',
    };
  }
  return { allowed: true };
}

/** The teacher administrators other than the target. */
export function otherTeacherAdmins(context: MemberChangeContext): string[] {
  return context.teacherAdminIds.filter((userId) => userId !== context.target.userId);
}

/**
 * Whose teacher-admin membership the write must find unchanged: the caller's
 * (they are still allowed), or, when the caller changes themselves, another
 * teacher administrator's when the change takes the target's admin role away
 * (so two admins demoting each other at once cannot leave none).
 */
export function teacherAdminWitness(context: MemberChangeContext, change: MemberChange): string | undefined {
  if (context.callerId !== context.target.userId) return context.callerId;
  const losesAdmin = context.target.type === 'teacher-admin' && (change === 'remove' || change.to !== 'teacher-admin');
  return losesAdmin ? otherTeacherAdmins(context)[0] : undefined;
}

/**
 * Group sync: a user is in the group of every TwinSpace type they hold in at
 * least one project. Only the five type groups are touched; `nss` and
 * `evaluator` are left as they are.
 */
export function groupChanges(heldTypes: Iterable<TwinspaceType>, currentGroups: readonly string[]): { add: TwinspaceType[]; remove: TwinspaceType[] } {
  const held = new Set(heldTypes);
  const current = new Set(currentGroups);
  return {
    add: twinspaceTypes.filter((type) => held.has(type) && !current.has(type)),
    remove: twinspaceTypes.filter((type) => !held.has(type) && current.has(type)),
  };
}

/** `pupil.<first name, ASCII lower case>`: readable, and the same for every try. */
export function pupilUsernameStem(displayName: string): string {
  const first = displayName.trim().split(/\s+/)[0] ?? '';
  const ascii = first
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .slice(0, 20);
  return `pupil.${ascii || 'pupil'}`;
}

/** A pupil's username: the stem and four random digits; the caller retries on a collision. */
export function pupilUsername(displayName: string, randomInt: RandomInt = secureRandomInt): string {
  return `${pupilUsernameStem(displayName)}${String(randomInt(10_000)).padStart(4, '0')}`;
}

/** Character sets of one-time passwords, without look-alikes (0/O/o, 1/l/I) a child could mistype. */
export const oneTimePasswordAlphabet = {
  lower: 'abcdefghijkmnpqrstuvwxyz',
  upper: 'ABCDEFGHJKLMNPQRSTUVWXYZ',
  digits: '23456789',
  symbols: '!#%+-=?',
} as const;

/**
 * A one-time password that satisfies the password policy: one character of
 * every required class, the rest from all of them, shuffled (Fisher-Yates).
 */
export function oneTimePassword(randomInt: RandomInt = secureRandomInt, length = Math.max(12, passwordPolicy.minLength)): string {
  const { lower, upper, digits, symbols } = oneTimePasswordAlphabet;
  const pick = (from: string) => from[randomInt(from.length)];
  const characters = [pick(lower), pick(upper), pick(digits), pick(symbols)];
  const all = lower + upper + digits + symbols;
  while (characters.length < length) characters.push(pick(all));
  for (let index = characters.length - 1; index > 0; index--) {
    const other = randomInt(index + 1);
    [characters[index], characters[other]] = [characters[other], characters[index]];
  }
  return characters.join('');
}

/** The symbols Cognito counts as special characters. */
const cognitoSymbols = new Set('^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+-'.split(''));

/** Whether a password meets functions/domain/password-policy.ts. */
export function meetsPasswordPolicy(password: string, policy: PasswordPolicy = passwordPolicy): boolean {
  const characters = [...password];
  return (
    characters.length >= policy.minLength &&
    (!policy.requireLowercase || /[a-z]/.test(password)) &&
    (!policy.requireUppercase || /[A-Z]/.test(password)) &&
    (!policy.requireDigits || /[0-9]/.test(password)) &&
    (!policy.requireSymbols || characters.some((character) => cognitoSymbols.has(character)))
  );
}
