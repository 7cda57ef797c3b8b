/**
 * School profiles. POST /schools (teachers): the creator joins the school when
 * they have none yet. GET /schools/{id}: teachers, NSS officers, evaluators.
 * PUT /schools/{id}: only the school's own teachers, versioned (stale → 409,
 * nothing overwritten).
 */
import { ulid } from 'ulid';
import { callerOf } from '../lib/claims.ts';
import { tableStore } from '../lib/clients.ts';
import { conflict, forbidden, notFound, parseOr400 } from '../lib/errors.ts';
import { httpHandler, json } from '../lib/http.ts';
import { createSchool as storeSchool, getSchoolAndTeachers, getSchoolWithReader, SchoolWriteConflict, updateSchool as saveSchool, type School } from '../data/schools.ts';
import { getUserProfile } from '../data/users.ts';
import { mayEditSchool, mayReadSchool } from '../domain/desktop.ts';
import { schoolCreateBody, schoolPathParams, schoolUpdateBody, type SchoolResponse } from './desktop-schemas.ts';

function schoolView(school: School): SchoolResponse {
  const { createdBy: _createdBy, ...view } = school;
  return view;
}

export const createSchool = httpHandler(async (event) => {
  const caller = callerOf(event);
  const input = parseOr400(schoolCreateBody, event.body ?? {}, 'body');
  const store = tableStore();
  const profile = await getUserProfile(store, caller.userId);
  if (profile?.kind !== 'teacher') throw forbidden('Only teachers register schools.');
  const school: School = { schoolId: ulid(), ...input, createdBy: caller.userId, createdAt: new Date().toISOString(), version: 1 };
  const joins = profile.schoolId === undefined;
  try {
    await storeSchool(store, school, joins ? caller.userId : undefined);
  } catch (error) {
    if (error instanceof SchoolWriteConflict) throw conflict(error.message);
    throw error;
  }
  return json(201, { ...schoolView(school), joined: joins } satisfies SchoolResponse, { location: `/schools/${school.schoolId}` });
});

export const getSchool = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { schoolId } = parseOr400(schoolPathParams, event.pathParameters ?? {}, 'path');
  const { school, reader } = await getSchoolWithReader(tableStore(), schoolId, caller.userId);
  if (!mayReadSchool(reader?.kind)) throw forbidden('Schools are seen by teachers, NSS officers and evaluators only.');
  if (!school) throw notFound('No such school.');
  return json(200, schoolView(school));
});

export const updateSchool = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { schoolId } = parseOr400(schoolPathParams, event.pathParameters ?? {}, 'path');
  const { version, ...edit } = parseOr400(schoolUpdateBody, event.body ?? {}, 'body');
  const store = tableStore();
  // One Query: the school and its teachers (a teacher's TEACHER# item is written with their profile's schoolId).
  const { school, teacherIds } = await getSchoolAndTeachers(store, schoolId);
  if (!school) throw notFound('No such school.');
  const editor = teacherIds.includes(caller.userId) ? { kind: 'teacher' as const, schoolId } : undefined;
  if (!mayEditSchool(editor, schoolId)) throw forbidden("Only the school's own teachers edit its profile.");
  if (school.version !== version) {
    throw conflict(
      `This school was changed since you read it (you sent version ${version}, it is now version ${school.version}). Reload it and make your change again; nothing was saved.`,
    );
  }
  try {
    return json(200, schoolView(await saveSchool(store, school, edit, version, teacherIds)));
  } catch (error) {
    if (error instanceof SchoolWriteConflict) throw conflict(error.message);
    throw error;
  }
});
