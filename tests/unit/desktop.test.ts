/** The desktop's rules (functions/domain/desktop.ts) and input shapes, without a database. */
import { describe, expect, it } from 'vitest';
import { decideProfileEdit, isListedPartner, mayEditSchool, mayReadSchool, partnerFilterExpression, usesDesktop } from '../../functions/domain/desktop.ts';
import { decodePartnerCursor } from '../../functions/data/partners.ts';
import { encodeCursor } from '../../functions/lib/cursor.ts';
import { mailSendBody, partnerQuery, profileUpdateBody, schoolUpdateBody } from '../../functions/http/desktop/schemas.ts';

describe('who edits which profile field', () => {
  it('lets a teacher change the partner profile', () => {
    expect(decideProfileEdit('teacher', { openToPartnership: true, subjects: ['science'], displayName: 'Ana' })).toEqual({ outcome: 'allowed' });
  });

  it('lets a pupil change nothing, not even the display name', () => {
    expect(decideProfileEdit('pupil', { displayName: 'Marta R.' })).toMatchObject({ outcome: 'forbidden' });
  });

  it("gives guests, NSS officers and evaluators their display name only, naming each teacher's field they send", () => {
    expect(decideProfileEdit('guest', { displayName: 'Gloria' })).toEqual({ outcome: 'allowed' });
    expect(decideProfileEdit('nss', { openToPartnership: true, ages: { min: 10, max: 12 } })).toEqual({
      outcome: 'invalid',
      problems: [
        { field: 'body.openToPartnership', message: 'Only teachers have a partner profile.' },
        { field: 'body.ages', message: 'Only teachers have a partner profile.' },
      ],
    });
  });
});

describe('schools, partner search and mail: who', () => {
  it('lets only a teacher of the school edit it', () => {
    expect(mayEditSchool({ kind: 'teacher', schoolId: 'S1' }, 'S1')).toBe(true);
    expect(mayEditSchool({ kind: 'teacher', schoolId: 'S2' }, 'S1')).toBe(false);
    expect(mayEditSchool({ kind: 'teacher' }, 'S1')).toBe(false);
    expect(mayEditSchool({ kind: 'pupil', schoolId: 'S1' }, 'S1')).toBe(false);
    expect(mayEditSchool(undefined, 'S1')).toBe(false);
  });

  it('shows schools to teachers, NSS officers and evaluators, never to pupils or guests', () => {
    expect(['teacher', 'nss', 'evaluator', 'pupil', 'guest'].map((kind) => mayReadSchool(kind as never))).toEqual([true, true, true, false, false]);
  });

  it('gives partner search and mail to teachers only', () => {
    expect(['teacher', 'nss', 'evaluator', 'pupil', 'guest'].map((kind) => usesDesktop(kind as never))).toEqual([true, false, false, false, false]);
    expect(usesDesktop(undefined)).toBe(false);
  });

  it('lists only teachers who said they are open to partnership', () => {
    expect(isListedPartner({ kind: 'teacher', openToPartnership: true })).toBe(true);
    expect(isListedPartner({ kind: 'teacher', openToPartnership: false })).toBe(false);
    expect(isListedPartner({ kind: 'teacher' })).toBe(false);
    expect(isListedPartner({ kind: 'pupil', openToPartnership: true })).toBe(false);
    expect(isListedPartner({ kind: 'guest', openToPartnership: true })).toBe(false);
  });
});

describe('the partner filter', () => {
  it('always leaves the caller out and keeps only open profiles', () => {
    const filter = partnerFilterExpression({}, 'me');
    expect(filter.expression).toBe('#userId <> :caller AND #open = :open');
    expect(filter.values).toEqual({ ':caller': 'me', ':open': true });
  });

  it('matches a subject and a language inside the lists and an age inside the range', () => {
    const filter = partnerFilterExpression({ subject: 'science', language: 'fr', age: 13 }, 'me');
    expect(filter.expression).toContain('contains(#subjects, :subject)');
    expect(filter.expression).toContain('contains(#languages, :language)');
    expect(filter.expression).toContain('#ages.#min <= :age AND #ages.#max >= :age');
    expect(filter.values).toMatchObject({ ':subject': 'science', ':language': 'fr', ':age': 13 });
    expect(filter.names).toMatchObject({ '#subjects': 'subjects', '#languages': 'languages', '#ages': 'ages', '#min': 'min', '#max': 'max' });
  });

  it('normalises the query: country upper case, language and subject lower case, age a number', () => {
    expect(partnerQuery.parse({ country: 'fr', language: 'EN', subject: '  Science ', age: '13' })).toMatchObject({
      country: 'FR',
      language: 'en',
      subject: 'science',
      age: 13,
      limit: 50,
    });
  });

  it('names each bad query field', () => {
    const result = partnerQuery.safeParse({ country: 'France', age: 'ten', language: 'english' });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['age', 'country', 'language']);
  });
});

describe('partner-search cursors', () => {
  const key = { PK: 'USER#abc', SK: 'PROFILE', GSI1PK: 'PARTNERS', GSI1SK: 'FR#abc' };

  it('round-trip within the country searched', () => {
    expect(decodePartnerCursor(encodeCursor(key)!, 'FR')).toEqual(key);
    expect(decodePartnerCursor(encodeCursor(key)!, undefined)).toEqual(key);
  });

  it('refuse another country, another index, a key that names someone else, or garbage', () => {
    const refused = (cursor: string, country?: string) => expect(() => decodePartnerCursor(cursor, country)).toThrowError(expect.objectContaining({ statusCode: 400 }));
    refused(encodeCursor(key)!, 'ES');
    refused(encodeCursor({ ...key, GSI1PK: 'EVALUATORS' })!);
    refused(encodeCursor({ ...key, PK: 'USER#someone-else' })!);
    refused(encodeCursor({ PK: 'USER#abc', SK: 'PROFILE' })!);
    refused('not a cursor!');
  });
});

describe('request bodies', () => {
  it('requires the version read, and cleans subjects and languages', () => {
    expect(profileUpdateBody.safeParse({ displayName: 'Ana' }).error?.issues[0].path).toEqual(['version']);
    expect(profileUpdateBody.parse({ version: 3, subjects: ['Science', 'science ', 'Art'], languages: ['EN', 'en'] })).toEqual({
      version: 3,
      subjects: ['science', 'art'],
      languages: ['en'],
    });
  });

  it('refuses an age range upside down and unknown fields', () => {
    expect(profileUpdateBody.safeParse({ version: 1, ages: { min: 15, max: 12 } }).error?.issues[0].path).toEqual(['ages', 'max']);
    expect(schoolUpdateBody.safeParse({ version: 1, country: 'FR' }).success).toBe(false);
  });

  it('takes a mail recipient as a username or a user id, exactly one', () => {
    expect(mailSendBody.safeParse({ toUsername: 'luc@demo.twinspace', subject: 'Hi', body: 'Hello' }).success).toBe(true);
    expect(mailSendBody.safeParse({ toUserId: 'abc', subject: 'Hi', body: 'Hello' }).success).toBe(true);
    expect(mailSendBody.safeParse({ subject: 'Hi', body: 'Hello' }).error?.issues[0].path).toEqual(['toUsername']);
    expect(mailSendBody.safeParse({ toUsername: 'a', toUserId: 'b', subject: 'Hi', body: 'Hello' }).success).toBe(false);
  });
});
