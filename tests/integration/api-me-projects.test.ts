/** GET /me and GET /projects/{projectId} as the demo accounts (API.md) see them. */
import { ulid } from 'ulid';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { newTestAccount } from '../support/accounts.ts';
import { apiGet, apiSend, demoProjectId, demoToken } from '../support/clients.ts';
import { newSignedInUser } from '../support/cognito-users.ts';

const endpoints = inject('endpoints');

describe('GET /me', () => {
  it('gives ana her account and the demo project, as teacher administrator', async () => {
    const me = await apiGet(endpoints, '/me', await demoToken(endpoints, 'ana@demo.twinspace'));
    expect(me.status).toBe(200);
    expect(me.headers.get('content-type')).toMatch(/^application\/json/);
    expect(me.body).toMatchObject({
      username: 'ana@demo.twinspace',
      kind: 'teacher',
      country: 'ES',
      groups: ['teacher-admin'],
      profile: { displayName: 'Ana García', email: 'ana@demo.twinspace' },
    });
    // Other test files (sharing the stack, in any order) give ana projects of her own: look for the demo one.
    expect(me.body.projects).toContainEqual({
      projectId: expect.any(String),
      title: 'Water around Europe',
      state: 'approved',
      type: 'teacher-admin',
      founder: true,
    });
    expect(me.body.invitations).toEqual(expect.any(Array));
  });

  it('gives each member their own type in the project', async () => {
    const expected = {
      'eva@demo.twinspace': 'member-teacher',
      'pupil.marta': 'pupil-admin',
      'pupil.jules': 'pupil-member',
      'guest@demo.twinspace': 'visitor',
    };
    // Other tests make TwinSpaces of their own with Eva and the guest in them: look at the demo project.
    const demoId = await demoProjectId(endpoints);
    for (const [username, type] of Object.entries(expected)) {
      const me = await apiGet(endpoints, '/me', await demoToken(endpoints, username));
      const inDemo = me.body.projects.filter((project: { projectId: string }) => project.projectId === demoId);
      expect(inDemo.map((project: { type: string }) => project.type), username).toEqual([type]);
    }
  });

  it('shows a pupil no e-mail address and an NSS officer no projects', async () => {
    const marta = await apiGet(endpoints, '/me', await demoToken(endpoints, 'pupil.marta'));
    expect(marta.body.kind).toBe('pupil');
    expect(marta.body.profile).not.toHaveProperty('email');
    const nss = await apiGet(endpoints, '/me', await demoToken(endpoints, 'nss.es@demo.twinspace'));
    expect(nss.body).toMatchObject({ kind: 'nss', country: 'ES', groups: ['nss'], projects: [] });
  });

  it('refuses a request without a token', async () => {
    expect((await apiGet(endpoints, '/me')).status).toBe(401);
  });

  it("shows an invited partner the project's description with its title and inviter", async () => {
    const creator = await newTestAccount(endpoints, { kind: 'teacher', country: 'ES', displayName: 'Inés Ruiz' });
    const partner = await newTestAccount(endpoints, { kind: 'teacher', country: 'FR' });
    const description = 'Pupils map the rivers of their towns\nand compare them with their partners.';
    const created = await apiSend(endpoints, 'POST', '/projects', creator.idToken, {
      title: `Rivers ${ulid()}`,
      description,
      subjects: ['geography'],
      ages: { min: 10, max: 12 },
      languages: ['en'],
      partnerUsername: partner.username,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const me = await apiGet(endpoints, '/me', partner.idToken);
    expect(me.status).toBe(200);
    expect(me.body.invitations).toEqual([
      { projectId: created.body.projectId, title: created.body.title, description, invitedBy: { displayName: 'Inés Ruiz', country: 'ES' } },
    ]);
  });
});

describe('GET /projects/{projectId}', () => {
  let projectId: string;
  beforeAll(async () => {
    projectId = await demoProjectId(endpoints);
  });

  it('shows a member the project, its state, founders and partners', async () => {
    const project = await apiGet(endpoints, `/projects/${projectId}`, await demoToken(endpoints, 'pupil.jules'));
    expect(project.status).toBe(200);
    expect(project.body).toMatchObject({ projectId, title: 'Water around Europe', state: 'approved', myType: 'pupil-member' });
    expect(project.body.founders.map((founder: { displayName: string }) => founder.displayName).sort()).toEqual(['Ana García', 'Luc Moreau']);
    expect(project.body.partners.map((partner: { country: string }) => partner.country).sort()).toEqual(['ES', 'FR', 'IT']);
  });

  it('lets the NSS and the evaluators of a partner country read it', async () => {
    for (const username of ['nss.fr@demo.twinspace', 'eval.es@demo.twinspace']) {
      const project = await apiGet(endpoints, `/projects/${projectId}`, await demoToken(endpoints, username));
      expect(project.status, username).toBe(200);
      expect(project.body.myType).toBeNull();
    }
  });

  it('refuses someone who is not a member with 403', async () => {
    const stranger = await newSignedInUser(endpoints, ['teacher-admin']);
    const project = await apiGet(endpoints, `/projects/${projectId}`, stranger.idToken);
    expect(project.status).toBe(403);
    expect(project.body.error.code).toBe('FORBIDDEN');
  });

  it('answers 404 for a project that does not exist, and 400 for an id that cannot be one', async () => {
    const token = await demoToken(endpoints, 'ana@demo.twinspace');
    const unknown = await apiGet(endpoints, `/projects/${ulid()}`, token);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
    const malformed = await apiGet(endpoints, '/projects/not-an-id', token);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details[0].field).toBe('path.projectId');
  });
});

describe('GET /openapi.json', () => {
  it('is public and lists the routes', async () => {
    const document = await apiGet(endpoints, '/openapi.json');
    expect(document.status).toBe(200);
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining(['/me', '/projects/{projectId}', '/projects/{projectId}/members', '/projects/{projectId}/chat/messages']),
    );
  });
});
