/**
 * A pupil's held text (issue 12) through the real API, for the surfaces'
 * guard tests: a teacher's decision through the moderation routes
 * (POST /projects/{id}/moderation/{heldId}/release | delete), and the
 * notifications that say so (`pupil-text-held` to the project's teachers,
 * `pupil-text-decided` to the pupil), read from /me/notifications.
 */
import { expect } from 'vitest';
import type { LocalEndpoints } from '../../infra/local/endpoints.ts';
import { apiGet, apiSend, type ApiAnswer } from './clients.ts';
import type { TwinspaceCaller } from './twinspace.ts';

export type HeldOutcome = 'released' | 'edited' | 'deleted';

interface Notice {
  topic: string;
  params?: Record<string, unknown>;
}

/** Every notification of this person, following the cursor. */
export async function notificationsOf(endpoints: LocalEndpoints, who: TwinspaceCaller): Promise<Notice[]> {
  const items: Notice[] = [];
  let cursor: string | null = null;
  do {
    const page: ApiAnswer = await apiGet(endpoints, `/me/notifications?limit=100${cursor ? `&cursor=${cursor}` : ''}`, who.idToken);
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}

const about = (heldId: string, topic: string) => (notice: Notice) => notice.topic === topic && notice.params?.heldId === heldId;

/** Each of `teachers` got one `pupil-text-held` for this held text; none of `others` did. */
export async function expectTeachersNotified(endpoints: LocalEndpoints, heldId: string, teachers: TwinspaceCaller[], others: TwinspaceCaller[]): Promise<void> {
  for (const teacher of teachers) {
    expect((await notificationsOf(endpoints, teacher)).filter(about(heldId, 'pupil-text-held')), `${teacher.name} is told a text waits`).toHaveLength(1);
  }
  for (const other of others) {
    expect((await notificationsOf(endpoints, other)).filter(about(heldId, 'pupil-text-held')), `${other.name} is not told`).toEqual([]);
  }
}

/** The pupil got one `pupil-text-decided` for this held text, with this outcome. */
export async function expectPupilTold(endpoints: LocalEndpoints, pupil: TwinspaceCaller, heldId: string, outcome: HeldOutcome): Promise<void> {
  const told = (await notificationsOf(endpoints, pupil)).filter(about(heldId, 'pupil-text-decided'));
  expect(told, `${pupil.name} is told the outcome`).toHaveLength(1);
  expect(told[0].params?.outcome).toBe(outcome);
}

/** A teacher's decision: release as written, release with the teacher's text in some fields (edited), or delete. */
export function decide(
  endpoints: LocalEndpoints,
  projectId: string,
  heldId: string,
  teacher: TwinspaceCaller,
  decision: { release: true; fields?: { field: string; text: string }[] } | { delete: true },
): Promise<ApiAnswer> {
  const path = `/projects/${projectId}/moderation/${heldId}`;
  if ('delete' in decision) return apiSend(endpoints, 'POST', `${path}/delete`, teacher.idToken, {});
  return apiSend(endpoints, 'POST', `${path}/release`, teacher.idToken, decision.fields ? { fields: decision.fields } : {});
}

/** A 202's held text: what the pupil is told, and its id for the teacher's decision. */
export function expectHeld(answer: ApiAnswer, surface: string, kinds: string[]): string {
  expect(answer.status, JSON.stringify(answer.body)).toBe(202);
  expect(answer.body.held).toMatchObject({ surface, status: 'held' });
  expect(answer.body.held.kinds).toEqual(expect.arrayContaining(kinds));
  return answer.body.held.heldId as string;
}

/** A teacher's 409: the kinds the warning names, nothing written. */
export function expectWarned(answer: ApiAnswer, kinds: string[]): void {
  expect(answer.status, JSON.stringify(answer.body)).toBe(409);
  expect(answer.body.error.code).toBe('PERSONAL_DATA_WARNING');
  expect(answer.body.error.details.map((detail: { message: string }) => detail.message)).toEqual(expect.arrayContaining(kinds));
}

