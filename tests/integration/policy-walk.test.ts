/**
 * The permission table of DOMAIN.md, walked through the real HTTP and chat
 * APIs: every action that has a route today × every caller (the five
 * TwinSpace types in the demo project, a teacher who is not a member, an NSS
 * officer, an evaluator, and nobody signed in) → allowed or denied, exactly as
 * functions/domain/policy.ts says. Each probe is harmless: it asks for
 * something the gate must judge before anything else (an empty member, a
 * reopen of an open project, deleting a message that does not exist), so an
 * allowed caller gets past the gate to a 400/409/NOT_FOUND and a denied one
 * stops at 401/403.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { actions, may, type Action } from '../../functions/domain/policy.ts';
import type { TwinspaceType } from '../../functions/domain/twinspace-types.ts';
import { createUserProfile } from '../../functions/data/users.ts';
import { ChatSocket, chatHandshakeStatus, demoProjectId, demoToken, subOf, tableStoreOf } from '../support/clients.ts';
import { newSignedInUser } from '../support/cognito-users.ts';

const endpoints = inject('endpoints');

type Outcome = 'allowed' | 'denied';
/** Who calls: a bearer token, or none for the signed-out caller. */
type Caller = { name: string; type?: TwinspaceType; idToken?: string };

/** A ULID that names no message. */
const noSuchMessage = '01J00000000000000000000000';

async function call(method: string, path: string, caller: Caller, body?: unknown): Promise<number> {
  const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
  if (caller.idToken) headers.authorization = `Bearer ${caller.idToken}`;
  const response = await fetch(`${endpoints.api}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  await response.arrayBuffer();
  return response.status;
}

/** Past the gate: any answer but 401/403 (the probes are built to fail after it, with 400/409). */
const gate = (status: number): Outcome => (status === 401 || status === 403 ? 'denied' : 'allowed');

let projectId: string;

/** One probe per action that has a route; each answers what the gate decided for this caller. */
const probes: Partial<Record<Action, (caller: Caller) => Promise<Outcome>>> = {
  chat: async (caller) => {
    const history = gate(await call('GET', `/projects/${projectId}/chat/messages?limit=1`, caller));
    const query = new URLSearchParams({ token: caller.idToken ?? '', projectId }).toString();
    const live = (await chatHandshakeStatus(endpoints, query)) === 101 ? 'allowed' : 'denied';
    // History and live chat are one permission: they must never disagree.
    expect(live, `${caller.name}: live chat and history disagree`).toBe(history);
    return live;
  },
  moderate: async (caller) => {
    if (!caller.idToken) return 'denied';
    let socket: ChatSocket;
    try {
      socket = await ChatSocket.open(endpoints, caller.idToken, projectId);
    } catch {
      return 'denied';
    }
    try {
      socket.send({ action: 'deleteMessage', messageId: noSuchMessage });
      const answer = await socket.frame((frame) => frame.type === 'error');
      expect(['NOT_FOUND', 'FORBIDDEN']).toContain(answer.code);
      return answer.code === 'FORBIDDEN' ? 'denied' : 'allowed';
    } finally {
      socket.close();
    }
  },
  'manage-members': async (caller) => {
    const status = await call('POST', `/projects/${projectId}/members`, caller, {});
    if (gate(status) === 'allowed') expect(status, `${caller.name}: an empty member is bad input`).toBe(400);
    return gate(status);
  },
  'manage-project': async (caller) => {
    const status = await call('POST', `/projects/${projectId}/reopen`, caller);
    if (gate(status) === 'allowed') expect(status, `${caller.name}: reopening an open project is a state conflict`).toBe(409);
    return gate(status);
  },
};

/**
 * Actions whose routes arrive with later issues (pages, forum, agenda,
 * mailbox, diary, labels). A route for one of them must bring its probe here,
 * and the test below fails if an action is in neither list or in both.
 */
const routedLater: readonly Action[] = [
  'read-public-area',
  'read-pupils-area',
  'read-teachers-area',
  'edit-public-or-teachers-pages',
  'edit-pupils-pages',
  'publish-page',
  'forum-open-discussion',
  'forum-open-thread',
  'forum-reply',
  'edit-agenda',
  'write-mailbox',
  'diary-private',
  'apply-for-label',
];

const members: Caller[] = [];
const outsiders: Caller[] = [];

beforeAll(async () => {
  projectId = await demoProjectId(endpoints);
  const demo: [string, TwinspaceType][] = [
    ['ana@demo.twinspace', 'teacher-admin'],
    ['eva@demo.twinspace', 'member-teacher'],
    ['pupil.marta', 'pupil-admin'],
    ['pupil.jules', 'pupil-member'],
    ['guest@demo.twinspace', 'visitor'],
  ];
  for (const [username, type] of demo) members.push({ name: `${username} (${type})`, type, idToken: await demoToken(endpoints, username) });

  // A validated teacher of another project's world: signed in, a profile, no membership here.
  const stranger = await newSignedInUser(endpoints);
  await createUserProfile(tableStoreOf(endpoints), {
    userId: subOf(stranger.idToken),
    username: stranger.username,
    kind: 'teacher',
    country: 'ES',
    displayName: 'Teacher Elsewhere',
    email: `${stranger.username}@example.org`,
    version: 1,
    createdAt: new Date().toISOString(),
  });
  outsiders.push(
    { name: 'a teacher who is not a member', idToken: stranger.idToken },
    { name: 'nss.es (NSS of a partner country)', idToken: await demoToken(endpoints, 'nss.es@demo.twinspace') },
    { name: 'eval.es (evaluator)', idToken: await demoToken(endpoints, 'eval.es@demo.twinspace') },
    { name: 'nobody signed in' },
  );
});


describe('the permission table, through the real APIs', () => {
  it('has a probe for every action that has a route, and names every other one', () => {
    const probed = Object.keys(probes) as Action[];
    expect(probed.filter((action) => routedLater.includes(action))).toEqual([]);
    expect([...probed, ...routedLater].sort()).toEqual([...actions].sort());
  });

  const probed = Object.keys(probes) as Action[];

  it.each(probed)('%s: each TwinSpace type is allowed or denied as the table says', async (action) => {
    for (const member of members) {
      const expected: Outcome = may(member.type!, action) === 'deny' ? 'denied' : 'allowed';
      expect(await probes[action]!(member), `${action} for ${member.name}`).toBe(expected);
    }
  });

  it.each(probed)('%s: everyone outside the project is denied', async (action) => {
    for (const outsider of outsiders) {
      expect(await probes[action]!(outsider), `${action} for ${outsider.name}`).toBe('denied');
    }
  });
});
