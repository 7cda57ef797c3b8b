/**
 * School profiles (keys.ts patterns D1, D2). A teacher belongs to one school:
 * the profile's schoolId and a TEACHER#<sub> item under the school are
 * written together, so "who edits this school" is read under the school.
 */
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { keys, prefixes, withoutKeys } from './keys.ts';
import { queryAll } from './query.ts';
import type { TableStore } from './store.ts';
import { transact, type GuardedItem } from './transact.ts';
import { toUserProfile, type UserProfile } from './users.ts';

export interface School {
  schoolId: string;
  name: string;
  country: string;
  city: string;
  about?: string;
  createdBy: string;
  createdAt: string;
  version: number;
}

export interface SchoolEdit {
  name?: string;
  city?: string;
  about?: string;
}

function toSchool(item: Record<string, unknown>): School {
  const { entity: _entity, ...school } = withoutKeys(item);
  return school as unknown as School;
}

/**
 * What creating a school met: created; the joining teacher's profile no
 * longer takes a school (guard 'joined': they joined one meanwhile, or it is
 * not a teacher's); or the school id is taken (guard 'exists').
 */
export type SchoolCreateOutcome = 'created' | 'joined' | 'exists';

/**
 * Creates a school; when `joiningTeacher` is given (a teacher with no school
 * yet) they join it in the same transaction: their TEACHER# item under the
 * school and their profile's schoolId and school name.
 */
export async function createSchool(store: TableStore, school: School, joiningTeacher?: string): Promise<SchoolCreateOutcome> {
  const join: GuardedItem<'joined'>[] = joiningTeacher
    ? [
        {
          Put: {
            TableName: store.tableName,
            Item: { ...keys.schoolTeacher(school.schoolId, joiningTeacher), entity: 'schoolTeacher', schoolId: school.schoolId, userId: joiningTeacher },
          },
        },
        {
          guard: 'joined',
          Update: {
            TableName: store.tableName,
            Key: keys.userProfile(joiningTeacher),
            UpdateExpression: 'SET schoolId = :schoolId, school = :name',
            ConditionExpression: 'attribute_exists(PK) AND kind = :teacher AND attribute_not_exists(schoolId)',
            ExpressionAttributeValues: { ':schoolId': school.schoolId, ':name': school.name, ':teacher': 'teacher' },
          },
        },
      ]
    : [];
  const outcome = await transact(store, [
    {
      guard: 'exists',
      Put: {
        TableName: store.tableName,
        Item: { ...keys.school(school.schoolId), entity: 'school', ...school },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    ...join,
  ]);
  if (outcome.written) return 'created';
  return outcome.failed.includes('joined') ? 'joined' : 'exists';
}

/** The school and the reader's profile in one round trip (D1 + pattern 2). */
export async function getSchoolWithReader(
  store: TableStore,
  schoolId: string,
  readerId: string,
): Promise<{ school?: School; reader?: UserProfile }> {
  const result = await store.db.send(
    new BatchGetCommand({ RequestItems: { [store.tableName]: { Keys: [keys.school(schoolId), keys.userProfile(readerId)] } } }),
  );
  const found: { school?: School; reader?: UserProfile } = {};
  for (const item of result.Responses?.[store.tableName] ?? []) {
    if (item.SK === 'META') found.school = toSchool(item);
    else if (item.SK === 'PROFILE') found.reader = toUserProfile(item);
  }
  return found;
}

/** The school and the ids of its teachers, in one Query (D2). */
export async function getSchoolAndTeachers(store: TableStore, schoolId: string): Promise<{ school?: School; teacherIds: string[] }> {
  let school: School | undefined;
  const teacherIds: string[] = [];
  const items = await queryAll(store, { KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.schoolPartition(schoolId) } });
  for (const item of items) {
    if (item.SK === 'META') school = toSchool(item);
    else if (typeof item.SK === 'string' && item.SK.startsWith(prefixes.schoolTeacher)) teacherIds.push(String(item.userId));
  }
  return { school, teacherIds };
}

/**
 * What a school save met: saved (the school as stored now); a stale version
 * (guard 'stale'); or one of its teachers' profiles no longer names this
 * school (guard 'teachersChanged': the teachers read are not the teachers now).
 */
export type SchoolSaveOutcome = { outcome: 'saved'; school: School } | { outcome: 'stale' } | { outcome: 'teachersChanged' };

/**
 * Saves a school edit, conditional on `version` (a stale one changes
 * nothing). A new name is copied to its teachers' profiles in the same
 * transaction (partner search and projects show it from there).
 */
export async function updateSchool(
  store: TableStore,
  current: School,
  edit: SchoolEdit,
  expectedVersion: number,
  teacherIds: string[],
): Promise<SchoolSaveOutcome> {
  const changes = Object.fromEntries(Object.entries(edit).filter(([, value]) => value !== undefined)) as SchoolEdit;
  const saved: School = { ...current, ...changes, version: expectedVersion + 1 };
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = { ':expected': expectedVersion, ':next': saved.version };
  const sets = ['#version = :next'];
  for (const [field, value] of Object.entries(changes)) {
    names[`#${field}`] = field;
    values[`:${field}`] = value;
    sets.push(`#${field} = :${field}`);
  }
  const renamed = changes.name !== undefined && changes.name !== current.name;
  // A transaction holds 100 items: the school and up to 99 of its teachers' profiles.
  const profileUpdates = (renamed ? teacherIds.slice(0, 99) : []).map(
    (userId): GuardedItem<'teachersChanged'> => ({
      guard: 'teachersChanged',
      Update: {
        TableName: store.tableName,
        Key: keys.userProfile(userId),
        UpdateExpression: 'SET school = :name',
        ConditionExpression: 'schoolId = :schoolId',
        ExpressionAttributeValues: { ':name': saved.name, ':schoolId': current.schoolId },
      },
    }),
  );
  const outcome = await transact(store, [
    {
      guard: 'stale',
      Update: {
        TableName: store.tableName,
        Key: keys.school(current.schoolId),
        UpdateExpression: `SET ${sets.join(', ')}`,
        ConditionExpression: '#version = :expected',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
    ...profileUpdates,
  ]);
  if (outcome.written) return { outcome: 'saved', school: saved };
  return outcome.failed.includes('stale') ? { outcome: 'stale' } : { outcome: 'teachersChanged' };
}
