/**
 * Erasure's pure rules (functions/domain/erasure.ts), without a database. Expectations from issue 11 §4 ("A teacher
 * administrator of the pupil's project, or the NSS of the pupil's country, erases a pupil … every item they wrote is
 * either deleted or attributed to 'Former pupil', as chosen … Erasing a teacher works the same way, for the NSS") and
 * DOMAIN.md's kinds, never from the code.
 */
import { describe, expect, it } from 'vitest';
import { authorOf, diaryReplyFate, fateOf, formerId, formerName, judgeErasure, judgeNssLookup, type ErasureCaller } from '../../functions/domain/erasure.ts';
import { twinspaceTypes } from '../../functions/domain/twinspace-types.ts';

const pupil = { userId: 'pupil-1', kind: 'pupil' as const, country: 'ES' };
const teacher = { userId: 'teacher-1', kind: 'teacher' as const, country: 'FR' };
const caller = (over: Partial<ErasureCaller>): ErasureCaller => ({ userId: 'caller', kind: 'teacher', country: 'ES', typesInTargetProjects: [], ...over });

describe('who may erase whom', () => {
  it("lets a teacher administrator of one of the pupil's projects erase the pupil, and no other type", () => {
    for (const type of twinspaceTypes) {
      const verdict = judgeErasure(caller({ typesInTargetProjects: [type] }), pupil);
      expect(verdict.allowed, type).toBe(type === 'teacher-admin');
    }
    expect(judgeErasure(caller({ typesInTargetProjects: ['member-teacher', 'teacher-admin'] }), pupil).allowed).toBe(true);
  });

  it('refuses a teacher who shares no project with the pupil (403)', () => {
    expect(judgeErasure(caller({ typesInTargetProjects: [] }), pupil)).toMatchObject({ allowed: false, status: 403 });
  });

  it("lets the NSS of the pupil's or the teacher's country erase them, not an NSS of another country", () => {
    expect(judgeErasure(caller({ kind: 'nss', country: 'ES' }), pupil)).toMatchObject({ allowed: true, as: 'nss', kind: 'pupil' });
    expect(judgeErasure(caller({ kind: 'nss', country: 'FR' }), teacher)).toMatchObject({ allowed: true, as: 'nss', kind: 'teacher' });
    expect(judgeErasure(caller({ kind: 'nss', country: 'FR' }), pupil)).toMatchObject({ allowed: false, status: 403 });
    expect(judgeErasure(caller({ kind: 'nss', country: 'ES' }), teacher)).toMatchObject({ allowed: false, status: 403 });
  });

  it("refuses (409) to erase a project's last teacher administrator: DOMAIN.md keeps one", () => {
    const verdict = judgeErasure(caller({ kind: 'nss', country: 'FR' }), { ...teacher, lastTeacherAdminOf: ['Rivers'] });
    expect(verdict).toMatchObject({ allowed: false, status: 409 });
    expect(!verdict.allowed && verdict.reason).toContain('Rivers');
  });

  it('never lets a teacher administrator erase a teacher, nor an evaluator erase anyone', () => {
    expect(judgeErasure(caller({ typesInTargetProjects: ['teacher-admin'] }), teacher).allowed).toBe(false);
    expect(judgeErasure(caller({ kind: 'evaluator', country: 'ES' }), pupil).allowed).toBe(false);
  });

  it('erases only pupils and teachers (400 for a guest, an NSS officer), and nobody erases themselves here', () => {
    expect(judgeErasure(caller({ kind: 'nss' }), { userId: 'g', kind: 'guest', country: 'ES' })).toMatchObject({ allowed: false, status: 400 });
    expect(judgeErasure(caller({ kind: 'nss', userId: 'pupil-1' }), pupil)).toMatchObject({ allowed: false, status: 403 });
  });

  it('lets the teacher who began an erasure finish it, although the membership that allowed it may be gone', () => {
    expect(judgeErasure(caller({ began: true }), pupil).allowed).toBe(true);
    expect(judgeErasure(caller({ began: true }), teacher).allowed).toBe(false);
  });
});

const erased = { userId: 'pupil-1', kind: 'pupil' as const };

const chatMessage = { PK: 'ROOM#p', SK: 'MSG#1', GSI2PK: 'AUTHOR#pupil-1', GSI2SK: 'x', entity: 'chatMessage', authorId: 'pupil-1', authorName: 'Lucía', text: 'hola', sentAt: 't' };
const reply = { PK: 'THREAD#p#t', SK: 'REPLY#1', GSI2PK: 'AUTHOR#pupil-1', GSI2SK: 'x', entity: 'reply', projectId: 'p', threadId: 't', authorId: 'pupil-1', authorName: 'Lucía', authorType: 'pupil-admin' };
const post = { PK: 'PROJECT#p', SK: 'FEED#1', GSI2PK: 'AUTHOR#pupil-1', entity: 'feedEntry', kind: 'post', entryId: '1', author: { userId: 'pupil-1', name: 'Lucía', type: 'pupil-admin' }, pinnedAt: 'x' };
// A teacher's mail to the pupil, the teacher's sent copy: it names the pupil but is the teacher's words.
const sentToPupil = {
  PK: 'PROJECT#p#MAILBOX#teacher-1',
  SK: 'OUT#1',
  GSI2PK: 'AUTHOR#pupil-1',
  entity: 'mailboxMessage',
  from: { userId: 'teacher-1', displayName: 'Ana' },
  to: { userId: 'pupil-1', displayName: 'Lucía', type: 'pupil-member' },
  subject: 'Your photos',
  body: 'Well done',
};

describe('the NSS finding the person to erase by username', () => {
  it('answers the NSS an account of its own country', () => {
    expect(judgeNssLookup({ kind: 'nss', country: 'ES' }, pupil)).toEqual({ found: pupil });
  });

  it("answers another country's account exactly as no account (404), so nothing is told about it", () => {
    const elsewhere = judgeNssLookup({ kind: 'nss', country: 'FR' }, pupil);
    expect(elsewhere).toMatchObject({ status: 404 });
    expect(elsewhere).toEqual(judgeNssLookup({ kind: 'nss', country: 'FR' }, undefined));
    expect(judgeNssLookup({ kind: 'nss' }, { country: undefined })).toMatchObject({ status: 404 });
  });

  it('refuses every other kind of account (403), whatever the target', () => {
    for (const kind of ['teacher', 'pupil', 'guest', 'evaluator'] as const) {
      expect(judgeNssLookup({ kind, country: 'ES' }, pupil), kind).toMatchObject({ status: 403 });
      expect(judgeNssLookup({ kind, country: 'ES' }, undefined), kind).toMatchObject({ status: 403 });
    }
    expect(judgeNssLookup(undefined, pupil)).toMatchObject({ status: 403 });
  });
});

describe('what each item becomes', () => {
  it('keep mode: the item stays, named "Former pupil" with the marker id, and leaves the author index', () => {
    const fate = fateOf(chatMessage, erased, 'keep');
    expect(fate).toEqual({ do: 'rewrite', set: { authorId: formerId.pupil, authorName: formerName.pupil }, remove: ['GSI2PK', 'GSI2SK'] });
    const postFate = fateOf(post, erased, 'keep');
    expect(postFate).toMatchObject({ do: 'rewrite', set: { author: { userId: 'former-pupil', name: 'Former pupil', type: 'pupil-admin' } } });
  });

  it('delete mode: what they wrote goes, with the counters it changed and what hangs under it', () => {
    expect(fateOf(chatMessage, erased, 'delete')).toEqual({ do: 'delete', effects: [] });
    expect(fateOf(reply, erased, 'delete')).toEqual({ do: 'delete', effects: ['uncount-thread-reply'] });
    expect(fateOf(post, erased, 'delete')).toEqual({ do: 'delete', effects: ['delete-post-children', 'unpin'] });
    expect(fateOf({ ...reply, entity: 'thread', SK: 'META' }, erased, 'delete')).toMatchObject({ effects: ['uncount-discussion-thread', 'delete-thread-replies'] });
  });

  it('delete mode keeps what someone else wrote to them, their name replaced', () => {
    const fate = fateOf(sentToPupil, erased, 'delete');
    expect(fate).toEqual({ do: 'rewrite', set: { to: { userId: 'former-pupil', displayName: 'Former pupil', type: 'pupil-member' } }, remove: ['GSI2PK'] });
  });

  it('a page draft listed under the author id is listed under the marker id', () => {
    const draft = { PK: 'PROJECT#p', SK: 'PAGE#1', GSI1SK: 'pupil-1#1', GSI2PK: 'AUTHOR#pupil-1', entity: 'page', authorId: 'pupil-1', authorName: 'Lucía' };
    expect(fateOf(draft, erased, 'keep')).toMatchObject({ set: { GSI1SK: 'former-pupil#1', authorId: 'former-pupil', authorName: 'Former pupil' } });
  });

  it('an e-mail address or username beside the name goes too', () => {
    const mail = { ...sentToPupil, to: { userId: 'pupil-1', displayName: 'Lucía', email: 'l@example.org', username: 'lucia1' } };
    expect(fateOf(mail, erased, 'keep')).toMatchObject({ set: { to: { userId: 'former-pupil', displayName: 'Former pupil' } } });
    expect(JSON.stringify(fateOf(mail, erased, 'keep'))).not.toMatch(/l@example|lucia1|Lucía/);
  });

  it("a teacher's group membership, owned group and encounter seat stay (their counts with them), named the marker", () => {
    const teacherErased = { userId: 'teacher-1', kind: 'teacher' as const };
    const member = { PK: 'GROUP#g', SK: 'MEMBER#teacher-1', GSI2PK: 'AUTHOR#teacher-1', entity: 'groupMember', userId: 'teacher-1', displayName: 'Luc', country: 'FR' };
    expect(fateOf(member, teacherErased, 'delete')).toEqual({ do: 'rewrite', set: { userId: 'former-teacher', displayName: 'Former teacher' }, remove: ['GSI2PK'] });
    const group = { PK: 'GROUP#g', SK: 'META', GSI2PK: 'AUTHOR#teacher-1', entity: 'group', ownerId: 'teacher-1', ownerName: 'Luc', memberCount: 3 };
    expect(fateOf(group, teacherErased, 'delete')).toMatchObject({ do: 'rewrite', set: { ownerId: 'former-teacher', ownerName: 'Former teacher' } });
  });

  it('an unknown entity is never deleted by guess, only renamed', () => {
    expect(fateOf({ PK: 'X', SK: 'Y', entity: 'something', authorId: 'pupil-1', authorName: 'Lucía' }, erased, 'delete')).toMatchObject({ do: 'rewrite' });
  });

  it("a diary reply is removed from its entry in delete mode, renamed in keep mode, and someone else's reply only renamed", () => {
    const own = { replyId: 'r', author: { userId: 'pupil-1', displayName: 'Lucía', country: 'ES', role: 'teacher' }, body: 'b' };
    expect(diaryReplyFate(own, erased, 'delete')).toEqual({ do: 'remove' });
    expect(diaryReplyFate(own, erased, 'keep')).toMatchObject({ do: 'replace', reply: { author: { userId: 'former-pupil', displayName: 'Former pupil' } } });
    expect(fateOf({ PK: 'DIARY-REPLY#p#e', SK: 'REPLY#r', entity: 'diaryReplyRef', projectId: 'p', entryId: 'e', replyId: 'r' }, erased, 'delete')).toEqual({
      do: 'diary-reply',
      projectId: 'p',
      entryId: 'e',
      replyId: 'r',
    });
  });

  it('knows the author of every kind of authored item', () => {
    expect(authorOf({ createdBy: { userId: 'a' } })).toBe('a');
    expect(authorOf({ from: { userId: 'b' }, to: { userId: 'c' } })).toBe('b');
    expect(authorOf({ applicantId: 'd' })).toBe('d');
    expect(authorOf({ member: { userId: 'e' } })).toBe('e');
    expect(authorOf({ entity: 'feedLike', userId: 'f' })).toBe('f');
  });
});
