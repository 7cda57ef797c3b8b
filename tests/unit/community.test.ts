/** The community's rules without a database: seats and the waiting list, who joins which group, the library's inputs and cursors. */
import { describe, expect, it } from 'vitest';
import { cancel, decideRegistration, register, waitingPosition, type EncounterRoster } from '../../functions/domain/encounters.ts';
import { decideJoin, decideRemoval, type GroupFacts } from '../../functions/domain/groups.ts';
import { isSafeLink, mayCurateResources, mayReadResources, maxSearchWords, resourceSearchWords, searchPlan, searchWords } from '../../functions/domain/resources.ts';
import { mayReadJoinLink } from '../../functions/domain/encounters.ts';
import { decodeIndexCursor, type IndexCursorScope } from '../../functions/data/index-cursor.ts';
import { encodeCursor } from '../../functions/lib/cursor.ts';
import { encounterCreateBody, groupCreateBody, resourceCreateBody, resourcesQuery } from '../../functions/http/community/schemas.ts';

const now = new Date('2027-01-10T09:00:00Z');
const roster = (seats: number): EncounterRoster => ({
  startsAt: '2027-02-01T16:00:00.000Z',
  seats,
  seatsTaken: 0,
  waitingCount: 0,
  waitingIssued: 0,
  seated: [],
  waiting: [],
});

function registerAll(start: EncounterRoster, people: string[]): EncounterRoster {
  return people.reduce((current, person) => register(current, person, now).roster, start);
}

describe('seats and the waiting list', () => {
  it('gives seats until the encounter is full, then places people on the waiting list in the order they came', () => {
    const full = registerAll(roster(2), ['ana', 'luc', 'eva', 'rui']);
    expect(full.seated).toEqual(['ana', 'luc']);
    expect(full.seatsTaken).toBe(2);
    expect(full.waiting.map((entry) => entry.userId)).toEqual(['eva', 'rui']);
    expect(waitingPosition(full, 'eva')).toBe(1);
    expect(waitingPosition(full, 'rui')).toBe(2);
    expect(waitingPosition(full, 'ana')).toBeUndefined();
  });

  it('answers a seat while one is left and a numbered ticket after that', () => {
    const one = registerAll(roster(1), ['ana']);
    expect(register(roster(1), 'ana', now).decision).toEqual({ outcome: 'seat' });
    expect(register(one, 'luc', now).decision).toEqual({ outcome: 'waiting', ticket: 1 });
  });

  it('never registers anyone twice, seated or waiting', () => {
    const full = registerAll(roster(1), ['ana', 'luc']);
    expect(register(full, 'ana', now).decision).toMatchObject({ outcome: 'conflict', reason: 'You already have a seat at this encounter.' });
    expect(register(full, 'luc', now).decision).toMatchObject({ outcome: 'conflict', reason: 'You are already on the waiting list of this encounter.' });
    expect(register(full, 'luc', now).roster).toEqual(full);
  });

  it('hands a cancelled seat to the first person waiting, and the rest move up', () => {
    const full = registerAll(roster(1), ['ana', 'luc', 'eva']);
    const { roster: after, decision } = cancel(full, 'ana', now);
    expect(decision).toEqual({ outcome: 'hand-seat-over', to: 'luc' });
    expect(after.seated).toEqual(['luc']);
    expect(after.seatsTaken).toBe(1);
    expect(waitingPosition(after, 'eva')).toBe(1);
    expect(after.waitingCount).toBe(1);
  });

  it('frees the seat when nobody waits, so the next registration gets it', () => {
    const { roster: after, decision } = cancel(registerAll(roster(1), ['ana']), 'ana', now);
    expect(decision).toEqual({ outcome: 'free-seat' });
    expect(after.seatsTaken).toBe(0);
    expect(register(after, 'luc', now).decision).toEqual({ outcome: 'seat' });
  });

  it('lets someone leave the waiting list without moving a seat, and those behind move up', () => {
    const full = registerAll(roster(1), ['ana', 'luc', 'eva']);
    const { roster: after, decision } = cancel(full, 'luc', now);
    expect(decision).toEqual({ outcome: 'leave-waiting-list', ticket: 1 });
    expect(after.seated).toEqual(['ana']);
    expect(waitingPosition(after, 'eva')).toBe(1);
    // A new arrival still queues behind eva: tickets keep counting up.
    expect(register(after, 'rui', now).decision).toEqual({ outcome: 'waiting', ticket: 3 });
  });

  it('closes registration and cancellation once the encounter has started', () => {
    const started = { ...registerAll(roster(3), ['ana']), startsAt: '2027-01-10T08:59:00.000Z' };
    expect(decideRegistration(started, undefined, now)).toMatchObject({ outcome: 'conflict' });
    expect(cancel(started, 'ana', now).decision).toMatchObject({ outcome: 'conflict' });
  });

  it('says "not registered" for someone with neither a seat nor a place', () => {
    expect(cancel(roster(1), 'ana', now).decision).toEqual({ outcome: 'not-registered' });
  });
});

describe('who joins which group', () => {
  const open: GroupFacts = { access: 'open', ownerId: 'ana', memberCount: 1 };
  const invitation: GroupFacts = { access: 'invitation', ownerId: 'luc', memberCount: 1 };
  const teacher = (userId: string, alreadyMember = false) => ({ userId, kind: 'teacher' as const, alreadyMember });

  it('lets a teacher join an open group themselves, once', () => {
    expect(decideJoin(open, 'eva', teacher('eva'))).toEqual({ outcome: 'allowed' });
    expect(decideJoin(open, 'eva', teacher('eva', true))).toMatchObject({ outcome: 'conflict' });
  });

  it('keeps an invitation-only group closed to self-joining: only its owner adds teachers', () => {
    expect(decideJoin(invitation, 'eva', teacher('eva'))).toMatchObject({ outcome: 'forbidden', reason: 'This group is by invitation only: its owner adds its members.' });
    expect(decideJoin(invitation, 'luc', teacher('eva'))).toEqual({ outcome: 'allowed' });
    expect(decideJoin(invitation, 'ana', teacher('eva'))).toMatchObject({ outcome: 'forbidden' });
  });

  it('never lets a member add someone else, and never adds a pupil or guest', () => {
    expect(decideJoin(open, 'eva', teacher('rui'))).toMatchObject({ outcome: 'forbidden' });
    expect(decideJoin(open, 'ana', { userId: 'marta', kind: 'pupil', alreadyMember: false })).toMatchObject({ outcome: 'forbidden' });
    expect(decideJoin(open, 'gloria', { userId: 'gloria', kind: 'guest', alreadyMember: false })).toMatchObject({ outcome: 'forbidden' });
  });

  it('refuses a join when the group is full', () => {
    expect(decideJoin({ ...open, maxMembers: 2, memberCount: 2 }, 'eva', teacher('eva'))).toEqual({ outcome: 'conflict', reason: 'This group is full.' });
    expect(decideJoin({ ...open, maxMembers: 2, memberCount: 1 }, 'eva', teacher('eva'))).toEqual({ outcome: 'allowed' });
  });

  it('lets members leave and the owner remove anyone, but the owner never leaves', () => {
    expect(decideRemoval(open, 'eva', 'eva')).toEqual({ outcome: 'allowed' });
    expect(decideRemoval(open, 'ana', 'eva')).toEqual({ outcome: 'allowed' });
    expect(decideRemoval(open, 'eva', 'rui')).toMatchObject({ outcome: 'forbidden' });
    expect(decideRemoval(open, 'ana', 'ana')).toMatchObject({ outcome: 'conflict' });
  });
});

describe('the resource library', () => {
  it('is read by teachers and the NSS and curated by the NSS only', () => {
    const kinds = ['teacher', 'nss', 'pupil', 'guest', 'evaluator'] as const;
    expect(kinds.map(mayReadResources)).toEqual([true, true, false, false, false]);
    expect(kinds.map(mayCurateResources)).toEqual([false, true, false, false, false]);
  });

  it('treats only https links as links', () => {
    expect(isSafeLink('https://example.org/a')).toBe(true);
    for (const unsafe of ['http://example.org', 'javascript:alert(1)', 'data:text/html,<b>x</b>', 'example.org', '']) expect(isSafeLink(unsafe), unsafe).toBe(false);
  });

  it('accepts a resource with an https link, normalising tags and language; names each bad field', () => {
    const parsed = resourceCreateBody.parse({ title: ' Kit ', url: 'https://example.org/kit', tags: ['Climate Change', 'climate-change', 'Ciencias'], language: 'ES' });
    expect(parsed).toEqual({ title: 'Kit', url: 'https://example.org/kit', description: '', tags: ['climate-change', 'ciencias'], language: 'es' });
    const bad = resourceCreateBody.safeParse({ title: '', url: 'javascript:alert(1)', tags: [], language: 'spanish' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['language', 'tags', 'title', 'url']);
    expect(resourceCreateBody.safeParse({ title: 'Kit', url: 'http://example.org', tags: ['a'], language: 'en' }).success).toBe(false);
    expect(resourcesQuery.safeParse({ tag: 'a#b' }).success).toBe(false);
  });

  it('takes groups and encounters only as described', () => {
    expect(groupCreateBody.safeParse({ name: 'G', theme: 'T', access: 'secret' }).success).toBe(false);
    expect(encounterCreateBody.safeParse({ title: 'E', startsAt: '2000-01-01T10:00:00Z', seats: 5, language: 'en' }).success).toBe(false);
    expect(encounterCreateBody.safeParse({ title: 'E', startsAt: 'next tuesday', seats: 5, language: 'en' }).success).toBe(false);
    const joinUrl = 'https://meet.example.org/e';
    expect(encounterCreateBody.parse({ title: 'E', startsAt: '2999-01-01T10:00:00+01:00', seats: 5, language: 'en', joinUrl }).startsAt).toBe('2999-01-01T09:00:00.000Z');
    expect(encounterCreateBody.safeParse({ title: 'E', startsAt: '2999-01-01T10:00:00Z', seats: 5, language: 'en' }).success).toBe(false);
    expect(encounterCreateBody.safeParse({ title: 'E', startsAt: '2999-01-01T10:00:00Z', seats: 5, language: 'en', joinUrl: 'http://meet.example.org/e' }).success).toBe(false);
  });

  it('gives the join link to the NSS and to a teacher with a seat only', () => {
    expect(mayReadJoinLink('nss', undefined)).toBe(true);
    expect(mayReadJoinLink('teacher', { status: 'seat' })).toBe(true);
    expect(mayReadJoinLink('teacher', { status: 'waiting', ticket: 1 })).toBe(false);
    expect(mayReadJoinLink('teacher', null)).toBe(false);
    expect(mayReadJoinLink('evaluator', { status: 'seat' })).toBe(false);
  });
});

describe('resource search words', () => {
  it('lower-cases, drops accents, splits tags at hyphens and skips stop words, English and Spanish', () => {
    expect(searchWords('El Río y the River: climate-change, NIÑOS 2027 a')).toEqual(['rio', 'river', 'climate', 'change', 'ninos', '2027']);
    expect(searchWords('rio')).toEqual(searchWords('RÍO'));
  });

  it('indexes title, tags, then description, at most maxSearchWords', () => {
    const words = resourceSearchWords({ title: 'Water', description: 'At a river.', tags: ['science'] });
    expect(words).toEqual(['water', 'science', 'river']);
    const long = Array.from({ length: 200 }, (_, index) => `word${index}`).join(' ');
    expect(resourceSearchWords({ title: 'T1', description: long, tags: ['x1'] })).toHaveLength(maxSearchWords);
  });

  it('queries by the longest word and filters the others; a search of stop words only has no plan', () => {
    expect(searchPlan('el río Guadalquivir')).toEqual({ key: 'guadalquivir', others: ['rio'] });
    expect(searchPlan('the a de')).toBeUndefined();
  });
});

describe('cursors of index lists', () => {
  const groupKey = { PK: 'GROUP#01J0', SK: 'META', GSI1PK: 'GROUPS', GSI1SK: 'climate#01J0' };
  const scope = { gsi1pk: 'GROUPS', pkPrefix: 'GROUP#' };

  it('round-trips a cursor the list gave out', () => {
    expect(decodeIndexCursor(encodeCursor(groupKey)!, scope)).toEqual(groupKey);
  });

  it('refuses a cursor of another list, another language, or one whose keys disagree', () => {
    const refused = (key: Record<string, string>, where: IndexCursorScope = scope) => expect(() => decodeIndexCursor(encodeCursor(key)!, where)).toThrow('The cursor is not valid.');
    refused({ ...groupKey, GSI1PK: 'RESOURCES' });
    refused({ ...groupKey, PK: 'GROUP#other' });
    refused({ ...groupKey, PK: 'USER#01J0' });
    refused({ PK: 'RESOURCE#01J1', SK: 'TAG#climate', GSI1PK: 'RESOURCES-TAG#climate', GSI1SK: 'en#2027#01J1' }, { gsi1pk: 'RESOURCES-TAG#climate', pkPrefix: 'RESOURCE#', gsi1skPrefix: 'es#', sk: 'TAG#climate' });
    expect(() => decodeIndexCursor('not a cursor!', scope)).toThrow('The cursor is not valid.');
  });
});
