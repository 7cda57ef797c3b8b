/**
 * Projects (keys.ts patterns 3, 5, P1–P3). The project item carries its
 * founders, partners and each founder country's approval, so GET
 * /projects/{id} is one round trip with the auth check. Every lifecycle step
 * is one TransactWriteItems (transact.ts), conditional on the state (and
 * version) it was decided on, so a concurrent step cancels it instead of
 * being overwritten: the write answers 'stale' and the handler says 409.
 */
import { BatchGetCommand, GetCommand, PutCommand, UpdateCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { PupilGuardSettings } from '../domain/moderation.ts';
import type { ApprovalState, ProjectState } from '../domain/project-lifecycle.ts';
import { gsi1, keys, prefixes, withoutKeys, type ItemKey } from './keys.ts';
import type { Membership } from './memberships.ts';
import { membershipPuts, toMembership } from './memberships.ts';
import { queryAll, queryPage } from './query.ts';
import { notificationPut, type Notification } from './notifications.ts';
import type { TableStore } from './store.ts';
import { transact, type GuardedItem, type TransactOutcome } from './transact.ts';
import { toUserProfile, type UserProfile } from './users.ts';

export interface Partner {
  userId: string;
  displayName: string;
  country: string;
  school?: string;
}

/** A founder's (or the invited partner's) sign-in name and e-mail: for their membership and Cognito groups. Never sent out. */
export interface TeacherAccount {
  username: string;
  email?: string;
}

export interface ApprovalDecision {
  state: ApprovalState;
  reason?: string;
  decidedAt?: string;
}

export interface Project {
  projectId: string;
  title: string;
  description: string;
  state: ProjectState;
  subjects: string[];
  ages: { min: number; max: number };
  languages: string[];
  /** userIds of the founders: the creator, then the partner once they accept. */
  founders: string[];
  /** Every partner teacher (founders included), with their school and country. */
  partners: Partner[];
  createdAt: string;
  version: number;
  /** The teacher invited as second founder; kept after they answer. (The seeded demo project has none.) */
  invitedPartner?: Partner;
  /** By userId: the founders' and the invited partner's accounts. */
  accounts?: Record<string, TeacherAccount>;
  /** By country: each founder country's decision, from acceptance on. */
  approvals?: Record<string, ApprovalDecision>;
  /** When it last went to the NSS (acceptance or resubmission): the NSS list's order. */
  submittedAt?: string;
  /** The TwinSpace's own name and description, set by its administrators (the project keeps its title). */
  twinspace?: TwinspaceSettings;
  /** What the pupil guard lets older pupils share (issue 12; teacher administrators set it); absent: nothing more. */
  pupilGuard?: PupilGuardSettings;
}

export interface TwinspaceSettings {
  name: string;
  description: string;
}

export type ProjectDetails = Pick<Project, 'title' | 'description' | 'subjects' | 'ages' | 'languages'>;

export function toProject(item: Record<string, unknown>): Project {
  const { entity: _entity, ...project } = withoutKeys(item);
  return project as unknown as Project;
}

export async function createProject(store: TableStore, project: Project): Promise<void> {
  await store.db.send(
    new PutCommand({
      TableName: store.tableName,
      Item: { ...keys.project(project.projectId), entity: 'project', ...project },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
}

/** BatchGetItem of any number of keys (100 per request, in parallel), asking again for unprocessed keys. */
export async function batchGet(
  store: TableStore,
  wantedKeys: Record<string, unknown>[],
  projection?: { expression: string; names: Record<string, string> },
): Promise<Record<string, unknown>[]> {
  const chunks: Record<string, unknown>[][] = [];
  for (let start = 0; start < wantedKeys.length; start += 100) chunks.push(wantedKeys.slice(start, start + 100));
  const found = await Promise.all(
    chunks.map(async (chunk) => {
      const items: Record<string, unknown>[] = [];
      let wanted = chunk;
      // BatchGet may leave keys unprocessed under throttling; ask again for those only.
      for (let attempt = 0; wanted.length > 0; attempt++) {
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
        const result: BatchGetCommandOutput = await store.db.send(
          new BatchGetCommand({
            RequestItems: {
              [store.tableName]: {
                Keys: wanted,
                ...(projection ? { ProjectionExpression: projection.expression, ExpressionAttributeNames: projection.names } : {}),
              },
            },
          }),
        );
        items.push(...(result.Responses?.[store.tableName] ?? []));
        wanted = (result.UnprocessedKeys?.[store.tableName]?.Keys as Record<string, unknown>[] | undefined) ?? [];
        if (attempt > 5 && wanted.length > 0) throw new Error('DynamoDB left keys unprocessed after retries');
      }
      return items;
    }),
  );
  return found.flat();
}

export interface ProjectAccess {
  project?: Project;
  membership?: Membership;
  profile?: UserProfile;
  /** The items of `alongWith` that exist, as stored. */
  alongside: Record<string, unknown>[];
}

/**
 * The project, the caller's membership and the caller's profile in one
 * BatchGetItem (keys.ts pattern 5): every project route's auth check. A route
 * that needs one more item by key (the forum's thread) names it in
 * `alongWith`, so the check and the lookup stay one round trip.
 */
export async function getProjectAccess(store: TableStore, projectId: string, userId: string, alongWith: ItemKey[] = []): Promise<ProjectAccess> {
  const projectKey = keys.project(projectId);
  const membershipKey = keys.membership(projectId, userId);
  const profileKey = keys.userProfile(userId);
  const found = await batchGet(store, [projectKey, membershipKey, profileKey, ...alongWith]);
  const access: ProjectAccess = { alongside: [] };
  const is = (item: Record<string, unknown>, key: ItemKey) => item.PK === key.PK && item.SK === key.SK;
  for (const item of found) {
    if (is(item, projectKey)) access.project = toProject(item);
    else if (is(item, profileKey)) access.profile = toUserProfile(item);
    else if (is(item, membershipKey)) access.membership = toMembership(item);
    else access.alongside.push(item);
  }
  return access;
}

/** A project by its id (pattern 3), for the public routes, which have no caller to check. */
export async function getProject(store: TableStore, projectId: string): Promise<Project | undefined> {
  const result = await store.db.send(new GetCommand({ TableName: store.tableName, Key: keys.project(projectId) }));
  return result.Item ? toProject(result.Item) : undefined;
}

/** The caller's profile and the user id behind a username, in one BatchGetItem (creating a project). */
export async function getProfileAndUsername(
  store: TableStore,
  userId: string,
  username: string,
): Promise<{ profile?: UserProfile; namedUserId?: string }> {
  const found = await batchGet(store, [keys.userProfile(userId), keys.username(username)]);
  const profileItem = found.find((item) => item.SK === 'PROFILE');
  const usernameItem = found.find((item) => item.SK === 'USER');
  return {
    profile: profileItem ? toUserProfile(profileItem) : undefined,
    namedUserId: typeof usernameItem?.userId === 'string' ? usernameItem.userId : undefined,
  };
}

// ---------------------------------------------------------------------------
// The lifecycle's writes.

/** A lifecycle step's write: done, or 'stale': the project (or an item the step decided on) changed since it was read. */
export type LifecycleWrite = 'written' | 'stale';

/** A write that answers the project as stored afterwards. */
export type ProjectSave = { outcome: 'written'; project: Project } | { outcome: 'stale' };

/**
 * Guards of the lifecycle's transactions: 'stale' the project item is no
 * longer in the state and version read (or an approval was decided
 * meanwhile); 'exists' an item the step creates is already there.
 */
type LifecycleGuard = 'stale' | 'exists';

const put = (store: TableStore, Item: Record<string, unknown>) => ({ Put: { TableName: store.tableName, Item } });
const del = (store: TableStore, Key: ItemKey) => ({ Delete: { TableName: store.tableName, Key } });

/** Any failed guard of a lifecycle step means the same to its caller: someone else changed the project first. */
const staleUnlessWritten = (outcome: TransactOutcome<LifecycleGuard>): LifecycleWrite => (outcome.written ? 'written' : 'stale');

/** A single-item conditional write whose condition failed (the item changed since it was read). */
const conditionFailed = (error: unknown) => (error as { name?: string } | undefined)?.name === 'ConditionalCheckFailedException';

/** The project as it was read: the transaction holds only if nobody changed it since. */
const unchangedSince = (project: Project) => ({
  ConditionExpression: '#state = :readState AND #version = :readVersion',
  names: { '#state': 'state', '#version': 'version' },
  values: { ':readState': project.state, ':readVersion': project.version },
});

/** A lifecycle step's write of the project item (`SET <set>`), inside its transaction: only if unchanged since `before` was read (guard 'stale'). */
function guardedProjectUpdate(store: TableStore, before: Project, set: string, values: Record<string, unknown>): GuardedItem<LifecycleGuard> {
  const guard = unchangedSince(before);
  return {
    guard: 'stale',
    Update: {
      TableName: store.tableName,
      Key: keys.project(before.projectId),
      UpdateExpression: `SET ${set}`,
      ConditionExpression: guard.ConditionExpression,
      ExpressionAttributeNames: guard.names,
      ExpressionAttributeValues: { ...guard.values, ...values },
    },
  };
}

function founderItem(store: TableStore, userId: string, projectId: string) {
  return put(store, { ...keys.userFounded(userId, projectId), entity: 'userFounded', projectId });
}

/** One country's approval item; pending ones carry the GSI1 keys of the NSS's list (P2). */
function pendingApprovalItem(store: TableStore, project: Project, country: string, submittedAt: string) {
  return put(store, {
    ...keys.approval(project.projectId, country),
    ...gsi1.approvalPending(country, submittedAt, project.projectId),
    entity: 'approval',
    projectId: project.projectId,
    country,
    state: 'pending',
    submittedAt,
    // What the NSS's list shows, so the list is one Query.
    title: project.title,
    description: project.description,
    founders: project.partners.filter((partner) => project.founders.includes(partner.userId)),
  });
}

/** A new project, its creator's founder item and the partner's invitation, in one TransactWriteItems ('exists': the id is taken). */
export async function proposeProject(
  store: TableStore,
  project: Project,
  invitedBy: { displayName: string; country: string },
  notices: readonly Notification[] = [],
): Promise<'written' | 'exists'> {
  const partner = project.invitedPartner!;
  const outcome = await transact<LifecycleGuard>(store, [
    {
      guard: 'exists',
      Put: { TableName: store.tableName, Item: { ...keys.project(project.projectId), entity: 'project', ...project }, ConditionExpression: 'attribute_not_exists(PK)' },
    },
    founderItem(store, project.founders[0], project.projectId),
    put(store, { ...keys.userInvitation(partner.userId, project.projectId), entity: 'userInvitation', projectId: project.projectId, invitedBy }),
    ...notices.map((notice) => notificationPut(store, notice)),
  ]);
  return outcome.written ? 'written' : 'exists';
}

/**
 * The partner accepts: second founder and partner, every founder country's
 * approval pending (items P1 with their GSI1 keys), the invitation replaced
 * by a founder item.
 */
export async function acceptPartnership(store: TableStore, before: Project, after: Project, notices: readonly Notification[] = []): Promise<LifecycleWrite> {
  const partnerId = before.invitedPartner!.userId;
  const outcome = await transact<LifecycleGuard>(store, [
    guardedProjectUpdate(
      store,
      before,
      '#state = :state, founders = :founders, partners = :partners, approvals = :approvals, submittedAt = :submittedAt, #version = :version',
      {
        ':state': after.state,
        ':founders': after.founders,
        ':partners': after.partners,
        ':approvals': after.approvals,
        ':submittedAt': after.submittedAt,
        ':version': after.version,
      },
    ),
    del(store, keys.userInvitation(partnerId, before.projectId)),
    founderItem(store, partnerId, before.projectId),
    ...Object.keys(after.approvals ?? {}).map((country) => pendingApprovalItem(store, after, country, after.submittedAt!)),
    ...notices.map((notice) => notificationPut(store, notice)),
  ]);
  return staleUnlessWritten(outcome);
}

/** The partner declines: the project and every item of it go, in one TransactWriteItems. */
export async function deleteProposedProject(store: TableStore, project: Project, notices: readonly Notification[] = []): Promise<LifecycleWrite> {
  const guard = unchangedSince(project);
  const outcome = await transact<LifecycleGuard>(store, [
    {
      guard: 'stale',
      Delete: {
        TableName: store.tableName,
        Key: keys.project(project.projectId),
        ConditionExpression: guard.ConditionExpression,
        ExpressionAttributeNames: guard.names,
        ExpressionAttributeValues: guard.values,
      },
    },
    ...project.founders.map((userId) => del(store, keys.userFounded(userId, project.projectId))),
    ...(project.invitedPartner ? [del(store, keys.userInvitation(project.invitedPartner.userId, project.projectId))] : []),
    ...Object.keys(project.approvals ?? {}).map((country) => del(store, keys.approval(project.projectId, country))),
    ...notices.map((notice) => notificationPut(store, notice)),
  ]);
  return staleUnlessWritten(outcome);
}

/** Edits the project's details, conditional on the version the caller read and a state that allows editing ('stale' otherwise). */
export async function saveProjectDetails(
  store: TableStore,
  projectId: string,
  details: Partial<ProjectDetails>,
  expected: { version: number; states: readonly ProjectState[] },
): Promise<ProjectSave> {
  const names: Record<string, string> = { '#version': 'version', '#state': 'state' };
  const values: Record<string, unknown> = { ':expected': expected.version, ':next': expected.version + 1 };
  const sets = ['#version = :next'];
  for (const [field, value] of Object.entries(details)) {
    if (value === undefined) continue;
    names[`#${field}`] = field;
    values[`:${field}`] = value;
    sets.push(`#${field} = :${field}`);
  }
  const states = expected.states.map((_, index) => `:state${index}`);
  expected.states.forEach((state, index) => (values[`:state${index}`] = state));
  try {
    const result = await store.db.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: keys.project(projectId),
        UpdateExpression: `SET ${sets.join(', ')}`,
        ConditionExpression: `#version = :expected AND #state IN (${states.join(', ')})`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      }),
    );
    return { outcome: 'written', project: toProject(result.Attributes!) };
  } catch (error) {
    if (conditionFailed(error)) return { outcome: 'stale' };
    throw error;
  }
}

/**
 * The TwinSpace's name and description, on condition of the version read
 * and of an approved project (a closed TwinSpace is read-only): 'stale'
 * otherwise. Shares the project item's version: an edit of the project in
 * between is a change the administrator should see first.
 */
export async function saveTwinspaceSettings(store: TableStore, projectId: string, settings: TwinspaceSettings, readVersion: number): Promise<ProjectSave> {
  try {
    const result = await store.db.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: keys.project(projectId),
        UpdateExpression: 'SET #twinspace = :settings, #version = :next',
        ConditionExpression: '#version = :read AND #state = :approved',
        ExpressionAttributeNames: { '#twinspace': 'twinspace', '#version': 'version', '#state': 'state' },
        ExpressionAttributeValues: { ':settings': settings, ':read': readVersion, ':next': readVersion + 1, ':approved': 'approved' },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return { outcome: 'written', project: toProject(result.Attributes!) };
  } catch (error) {
    if (conditionFailed(error)) return { outcome: 'stale' };
    throw error;
  }
}

/** Back to the NSS: pending-approval, every founder country's approval pending again (with its GSI1 keys). */
export async function resubmitProject(store: TableStore, before: Project, after: Project): Promise<LifecycleWrite> {
  const outcome = await transact<LifecycleGuard>(store, [
    guardedProjectUpdate(store, before, '#state = :state, approvals = :approvals, submittedAt = :submittedAt, #version = :version', {
      ':state': after.state,
      ':approvals': after.approvals,
      ':submittedAt': after.submittedAt,
      ':version': after.version,
    }),
    ...Object.keys(after.approvals ?? {}).map((country) => pendingApprovalItem(store, after, country, after.submittedAt!)),
  ]);
  return staleUnlessWritten(outcome);
}

/**
 * One country's decision: the project item (state, approvals, version), that
 * country's approval item (decided: out of the NSS list), and, when the
 * project leaves pending-approval, every other country's approval item out
 * of the list too. `newMembers` (the last approval: both founders as teacher
 * administrators) are written in the same TransactWriteItems. Any failed
 * guard (the project changed, the approval was decided, a member exists
 * already) is 'stale': the decision was taken on a read that no longer holds.
 */
export async function recordDecision(
  store: TableStore,
  before: Project,
  after: Project,
  country: string,
  newMembers: Membership[],
  notices: readonly Notification[] = [],
): Promise<LifecycleWrite> {
  const decision = after.approvals![country];
  const leavesTheList = after.state !== 'pending-approval';
  const otherCountries = Object.keys(after.approvals ?? {}).filter((other) => other !== country);
  const outcome = await transact<LifecycleGuard>(store, [
    guardedProjectUpdate(store, before, '#state = :state, approvals = :approvals, #version = :version', {
      ':state': after.state,
      ':approvals': after.approvals,
      ':version': after.version,
    }),
    {
      guard: 'stale',
      Update: {
        TableName: store.tableName,
        Key: keys.approval(before.projectId, country),
        UpdateExpression: `SET #state = :decided, decidedAt = :decidedAt${decision.reason ? ', reason = :reason' : ''} REMOVE GSI1PK, GSI1SK`,
        ConditionExpression: '#state = :pending',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: {
          ':decided': decision.state,
          ':decidedAt': decision.decidedAt,
          ':pending': 'pending',
          ...(decision.reason ? { ':reason': decision.reason } : {}),
        },
      },
    },
    ...(leavesTheList ? otherCountries : []).map((other) => ({
      Update: { TableName: store.tableName, Key: keys.approval(before.projectId, other), UpdateExpression: 'REMOVE GSI1PK, GSI1SK' },
    })),
    ...newMembers.flatMap((membership) => membershipPuts(store, membership, after.title)),
    ...notices.map((notice) => notificationPut(store, notice)),
  ]);
  return staleUnlessWritten(outcome);
}

/** Close or reopen: only the state changes (members, pages, chat stay; `closed` is read-only for everyone). 'stale' if the project changed since read. */
export async function setProjectState(store: TableStore, before: Project, to: ProjectState): Promise<ProjectSave> {
  const guard = unchangedSince(before);
  try {
    const result = await store.db.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: keys.project(before.projectId),
        UpdateExpression: 'SET #state = :state, #version = :next',
        ConditionExpression: guard.ConditionExpression,
        ExpressionAttributeNames: guard.names,
        ExpressionAttributeValues: { ...guard.values, ':state': to, ':next': before.version + 1 },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return { outcome: 'written', project: toProject(result.Attributes!) };
  } catch (error) {
    if (conditionFailed(error)) return { outcome: 'stale' };
    throw error;
  }
}

// ---------------------------------------------------------------------------
// Reads for the desktop and the NSS.

export interface PendingApproval {
  projectId: string;
  title: string;
  description: string;
  country: string;
  submittedAt: string;
  founders: Partner[];
}

/** One page of the projects awaiting `country`'s approval, oldest first (P2, sparse GSI1). */
export async function listPendingApprovals(
  store: TableStore,
  country: string,
  page: { limit: number; startKey?: Record<string, unknown> },
): Promise<{ approvals: PendingApproval[]; lastKey?: Record<string, unknown> }> {
  const result = await queryPage(
    store,
    {
      IndexName: gsi1.indexName,
      KeyConditionExpression: 'GSI1PK = :pending',
      ExpressionAttributeValues: { ':pending': gsi1.approvalsPendingPartition(country) },
      ScanIndexForward: true,
    },
    page,
  );
  const approvals = result.items.map((item) => ({
    projectId: item.projectId as string,
    title: item.title as string,
    description: (item.description as string | undefined) ?? '',
    country: item.country as string,
    submittedAt: item.submittedAt as string,
    founders: (item.founders as Partner[]) ?? [],
  }));
  return { approvals, lastKey: result.lastKey };
}

export interface DesktopProject {
  projectId: string;
  title: string;
  state: ProjectState;
  /** My type where I am a member, else null (a founder before approval). */
  type: Membership['type'] | null;
  founder: boolean;
}

export interface Invitation {
  projectId: string;
  title: string;
  /** The project's description, read with its title in the same BatchGetItem (so always the current one). */
  description: string;
  invitedBy: { displayName: string; country: string };
}

/**
 * GET /me in two round trips: one Query of USER#<sub> (pattern 1: the profile,
 * my memberships' inverse items, my founder and invitation items), then one
 * BatchGetItem of those projects' state and title, and the description an
 * invited partner reads before accepting (always current: closing a project
 * or editing its title touches one item, never every member's).
 */
export async function getDesktop(
  store: TableStore,
  userId: string,
): Promise<{ profile?: UserProfile; projects: DesktopProject[]; invitations: Invitation[] }> {
  let profile: UserProfile | undefined;
  const types = new Map<string, Membership['type']>();
  const founded = new Set<string>();
  const invitedBy = new Map<string, Invitation['invitedBy']>();
  const items = await queryAll(store, {
    KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': keys.userPartition(userId), ':from': keys.meRange.from, ':to': keys.meRange.to },
  });
  for (const item of items) {
    const sortKey = item.SK as string;
    if (sortKey === 'PROFILE') profile = toUserProfile(item);
    else if (sortKey.startsWith(prefixes.userFounded)) founded.add(item.projectId as string);
    else if (sortKey.startsWith(prefixes.userInvitation)) invitedBy.set(item.projectId as string, item.invitedBy as Invitation['invitedBy']);
    else if (item.entity === 'userProject') types.set(item.projectId as string, item.type as Membership['type']);
  }

  const projectIds = [...new Set([...types.keys(), ...founded, ...invitedBy.keys()])];
  const summaries = await batchGet(
    store,
    projectIds.map((projectId) => keys.project(projectId)),
    { expression: 'projectId, title, description, #state, createdAt, founders', names: { '#state': 'state' } },
  );
  // Oldest first: the order the teacher started them in.
  summaries.sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)) || String(a.projectId).localeCompare(String(b.projectId)));
  const projects: DesktopProject[] = [];
  const invitations: Invitation[] = [];
  for (const summary of summaries) {
    const projectId = summary.projectId as string;
    const invitation = invitedBy.get(projectId);
    if (invitation && summary.state === 'proposed') invitations.push({ projectId, title: summary.title as string, description: (summary.description as string | undefined) ?? '', invitedBy: invitation });
    if (types.has(projectId) || founded.has(projectId)) {
      projects.push({
        projectId,
        title: summary.title as string,
        state: summary.state as ProjectState,
        type: types.get(projectId) ?? null,
        // From the project item: the seeded demo project's founders have no founder items.
        founder: ((summary.founders as string[] | undefined) ?? []).includes(userId),
      });
    }
  }
  return { profile, projects, invitations };
}
