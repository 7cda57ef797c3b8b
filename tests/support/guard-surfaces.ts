/**
 * What the guard tests of the pages, mailbox and materials share (issue 12):
 * texts that carry personal data and texts that are harmless school talk full
 * of numbers, and the moderation routes as a teacher and a pupil use them
 * (the queue, release as written or edited, delete; notifications read through
 * GET /me/notifications, never from the table).
 */
import { expect } from 'vitest';
import type { LocalEndpoints } from '../../infra/local/endpoints.ts';
import { apiGet, apiSend, type ApiAnswer } from './clients.ts';
import type { TestTwinspace, TwinspaceCaller } from './twinspace.ts';

/** A Spanish mobile number, as a pupil would type it (the issue: "phone numbers of every eTwinning country"). */
export const phoneText = 'My number is +34 612 345 678, send me a message!';
/** An e-mail address (always held for pupils, the issue, point 3). */
export const emailText = 'Write to me at pablo.river.fan@gmail.com after school.';
/** Harmless school talk full of numbers: measurements, times, dates, distances (the issue's own examples). */
export const harmlessText = 'We measured 12.5 °C at 10:30 on 3 May 2026; the river is 25 km long and we scored 4 of 5.';

export interface Notice {
  notificationId: string;
  topic: string;
  subjectId?: string;
  params?: Record<string, unknown>;
}

/** Everyone's notifications, newest first (one page of 100 is plenty for a fresh TwinSpace). */
export async function notificationsOf(endpoints: LocalEndpoints, who: TwinspaceCaller): Promise<Notice[]> {
  const answer = await apiGet(endpoints, '/me/notifications?limit=100', who.idToken);
  if (answer.status !== 200) throw new Error(`notifications of ${who.name}: ${answer.status}`);
  return answer.body.items as Notice[];
}

/** Notifications of a topic about one held text (params.heldId). */
export async function heldNotices(endpoints: LocalEndpoints, who: TwinspaceCaller, topic: 'pupil-text-held' | 'pupil-text-decided', heldId: string): Promise<Notice[]> {
  return (await notificationsOf(endpoints, who)).filter((notice) => notice.topic === topic && notice.params?.heldId === heldId);
}

/** The project's teachers (who review) and everyone else in it (who must not hear of a held text). */
export function teachersOf(space: TestTwinspace): TwinspaceCaller[] {
  return [space.members['teacher-admin'], space.secondFounder, space.members['member-teacher']];
}

export interface HeldField {
  field: string;
  text: string;
  findings: { kind: string; start: number; end: number }[];
}

/** The teachers' queue: the held texts waiting, oldest first. */
export async function heldQueue(endpoints: LocalEndpoints, space: TestTwinspace, teacher: TwinspaceCaller = space.members['teacher-admin']) {
  const answer = await apiGet(endpoints, `/projects/${space.projectId}/moderation`, teacher.idToken);
  if (answer.status !== 200) throw new Error(`the queue: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.held as { heldId: string; surface: string; authorId: string; kinds: string[]; target: Record<string, unknown>; fields: HeldField[] }[];
}

/** A teacher releases a held text, as written or with their texts in place of some fields. */
export function release(endpoints: LocalEndpoints, space: TestTwinspace, heldId: string, fields?: { field: string; text: string }[], teacher = space.members['teacher-admin']): Promise<ApiAnswer> {
  return apiSend(endpoints, 'POST', `/projects/${space.projectId}/moderation/${heldId}/release`, teacher.idToken, fields ? { fields } : {});
}

/** A teacher deletes a held text: nothing is published. */
export function deleteHeld(endpoints: LocalEndpoints, space: TestTwinspace, heldId: string, teacher = space.members['teacher-admin']): Promise<ApiAnswer> {
  return apiSend(endpoints, 'POST', `/projects/${space.projectId}/moderation/${heldId}/delete`, teacher.idToken, {});
}

/** The held answer (design: 202 `{held: {heldId, surface, kinds, status: 'held'}}`) naming `kind`; its id. */
export function expectHeld(answer: ApiAnswer, surface: string, kind: string): string {
  expect(answer.status, JSON.stringify(answer.body)).toBe(202);
  expect(answer.body.held).toMatchObject({ surface, status: 'held' });
  expect(answer.body.held.kinds).toContain(kind);
  return answer.body.held.heldId as string;
}

/** A teacher's 409 PERSONAL_DATA_WARNING naming `kind` on `field` (details: one per kind found). */
export function expectWarning(answer: ApiAnswer, field: string, kind: string): void {
  expect(answer.status, JSON.stringify(answer.body)).toBe(409);
  expect(answer.body.error.code).toBe('PERSONAL_DATA_WARNING');
  expect(answer.body.error.details).toContainEqual({ field, message: kind });
}

/** The pupil's 'pupil-text-decided' outcomes of one held text. */
export async function outcomesTold(endpoints: LocalEndpoints, pupil: TwinspaceCaller, heldId: string): Promise<unknown[]> {
  return (await heldNotices(endpoints, pupil, 'pupil-text-decided', heldId)).map((notice) => notice.params?.outcome);
}
