/** GET /projects/{projectId}/members: the roster, as each member may see it. */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { apiGet, demoProjectId, demoToken } from '../support/clients.ts';
import { newSignedInUser } from '../support/cognito-users.ts';

const endpoints = inject('endpoints');

describe('the members of the demo project', () => {
  let projectId: string;
  beforeAll(async () => {
    projectId = await demoProjectId(endpoints);
  });

  it('shows a teacher every member with their type, and the adults’ e-mail addresses', async () => {
    const members = await apiGet(endpoints, `/projects/${projectId}/members`, await demoToken(endpoints, 'eva@demo.twinspace'));
    expect(members.status).toBe(200);
    const byName = Object.fromEntries(members.body.items.map((member: { displayName: string }) => [member.displayName, member]));
    expect(Object.keys(byName).sort()).toEqual(['Ana García', 'Eva Rossi', 'Gloria Sanz', 'Jules Martin', 'Luc Moreau', 'Marta Ruiz']);
    expect(byName['Ana García']).toMatchObject({ type: 'teacher-admin', email: 'ana@demo.twinspace' });
    expect(byName['Luc Moreau'].type).toBe('teacher-admin');
    expect(byName['Eva Rossi'].type).toBe('member-teacher');
    expect(byName['Marta Ruiz']).toMatchObject({ type: 'pupil-admin', kind: 'pupil' });
    expect(byName['Marta Ruiz']).not.toHaveProperty('email');
    expect(byName['Gloria Sanz'].type).toBe('visitor');
    expect(members.body.nextCursor).toBeNull();
  });

  it('shows a pupil other pupils by first name and no e-mail address at all', async () => {
    const members = await apiGet(endpoints, `/projects/${projectId}/members`, await demoToken(endpoints, 'pupil.marta'));
    expect(members.status).toBe(200);
    const names = members.body.items.map((member: { displayName: string }) => member.displayName);
    expect(names).toContain('Jules');
    expect(names).not.toContain('Jules Martin');
    expect(JSON.stringify(members.body)).not.toMatch(/@|email/);
  });

  it('shows a visitor only the teachers', async () => {
    const members = await apiGet(endpoints, `/projects/${projectId}/members`, await demoToken(endpoints, 'guest@demo.twinspace'));
    expect(members.status).toBe(200);
    expect(members.body.items.map((member: { type: string }) => member.type).sort()).toEqual(['member-teacher', 'teacher-admin', 'teacher-admin']);
    expect(JSON.stringify(members.body)).not.toContain('@');
  });

  it('pages with limit and cursor, every member exactly once', async () => {
    const token = await demoToken(endpoints, 'ana@demo.twinspace');
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `limit=4&cursor=${cursor}` : 'limit=4';
      const page = await apiGet(endpoints, `/projects/${projectId}/members?${query}`, token);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(4);
      seen.push(...page.body.items.map((member: { userId: string }) => member.userId));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBeGreaterThan(1);
    expect(new Set(seen).size).toBe(6);
    expect(seen).toHaveLength(6);
  });

  it('answers 400 to a bad limit or a tampered cursor', async () => {
    const token = await demoToken(endpoints, 'ana@demo.twinspace');
    const badLimit = await apiGet(endpoints, `/projects/${projectId}/members?limit=101`, token);
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.error.details[0].field).toBe('query.limit');
    const first = await apiGet(endpoints, `/projects/${projectId}/members?limit=2`, token);
    const key = JSON.parse(Buffer.from(first.body.nextCursor, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...key, PK: 'USER#someone-else' })).toString('base64url');
    const tampered = await apiGet(endpoints, `/projects/${projectId}/members?cursor=${forged}`, token);
    expect(tampered.status).toBe(400);
    expect(tampered.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'query.cursor' }] });
  });

  it('refuses someone who is not a member', async () => {
    const stranger = await newSignedInUser(endpoints);
    expect((await apiGet(endpoints, `/projects/${projectId}/members`, stranger.idToken)).status).toBe(403);
  });
});
