import { describe, expect, it } from 'vitest';
import { callerFromClaims, parseGroups } from '../../functions/lib/claims.ts';
import { decodeCursor, encodeCursor, pageQuery } from '../../functions/lib/cursor.ts';
import { HttpError } from '../../functions/lib/errors.ts';

describe('caller from the JWT claims', () => {
  it('reads the groups as HTTP API flattens them', () => {
    expect(parseGroups('[teacher-admin visitor]')).toEqual(['teacher-admin', 'visitor']);
    expect(parseGroups('[]')).toEqual([]);
  });

  it('reads an array, a bare name and a JSON-style list too, dropping unknown names', () => {
    expect(parseGroups(['nss', 'evaluator'])).toEqual(['nss', 'evaluator']);
    expect(parseGroups('evaluator')).toEqual(['evaluator']);
    expect(parseGroups('["pupil-admin","admins"]')).toEqual(['pupil-admin']);
    expect(parseGroups(undefined)).toEqual([]);
  });

  it('takes the user id from sub and the username from cognito:username', () => {
    expect(callerFromClaims({ sub: 'abc', 'cognito:username': 'pupil.marta', 'cognito:groups': '[pupil-admin]' })).toEqual({
      userId: 'abc',
      username: 'pupil.marta',
      groups: ['pupil-admin'],
    });
  });

  it('answers 401 when the claims carry no user', () => {
    expect(() => callerFromClaims(undefined)).toThrowError(HttpError);
    expect(() => callerFromClaims({ 'cognito:username': 'x' })).toThrowError(
      expect.objectContaining({ statusCode: 401, code: 'UNAUTHENTICATED' }),
    );
  });
});

describe('pagination cursors', () => {
  const lastKey = { PK: 'ROOM#01JF8Z3Q4W5X6Y7Z8A9B0C1D2E', SK: 'MSG#01JF9000000000000000000000' };

  it('round-trip for the partition they came from', () => {
    const cursor = encodeCursor(lastKey)!;
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, lastKey.PK, 'MSG#')).toEqual(lastKey);
    expect(encodeCursor(undefined)).toBeNull();
  });

  const expect400 = (run: () => unknown) => {
    try {
      run();
      expect.unreachable('a tampered cursor was accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(HttpError);
      expect((error as HttpError).statusCode).toBe(400);
      expect((error as HttpError).body.error.details[0].field).toBe('query.cursor');
    }
  };

  it('refuse a cursor pointing at another partition or another kind of item', () => {
    const cursor = encodeCursor(lastKey)!;
    expect400(() => decodeCursor(cursor, 'ROOM#01JF8Z3Q4W5X6Y7Z8A9B0C1D2F', 'MSG#'));
    expect400(() => decodeCursor(cursor, lastKey.PK, 'CONN#'));
  });

  it('refuse garbage, non-JSON and extra attributes', () => {
    expect400(() => decodeCursor('not a cursor!', lastKey.PK, 'MSG#'));
    expect400(() => decodeCursor(Buffer.from('{oops').toString('base64url'), lastKey.PK, 'MSG#'));
    expect400(() => decodeCursor(encodeCursor({ ...lastKey, GSI1PK: 'EVALUATORS' })!, lastKey.PK, 'MSG#'));
  });

  it('take limit 1..100, 50 by default', () => {
    expect(pageQuery.parse({})).toEqual({ limit: 50 });
    expect(pageQuery.parse({ limit: '100' }).limit).toBe(100);
    for (const limit of ['0', '101', 'ten', '2.5', '']) expect(pageQuery.safeParse({ limit }).success).toBe(false);
  });
});
