/**
 * Erasure and export of a person (issue 11; data/README.md "The author index", E1–E4). Everything a person wrote, or
 * that names them, is found with one paged Query of the author index (GSI2PK = AUTHOR#<sub>), never a Scan; what each
 * item becomes is decided by functions/domain/erasure.ts, and applied here one item at a time, each in one
 * TransactWriteItems (transact.ts) with the counters it changes. Everything is idempotent: an item already handled has
 * left the index (a rewrite is conditional on still being in it), a delete of a missing item is no error, so calling
 * the erasure again after a fault finishes it.
 *
 * The account's own items are read from their own keys: the USER#<sub> partition (profile, inverse memberships,
 * founder and invitation items, notifications, desktop mail, counters), each membership PROJECT#<id>/MEMBER#<sub>,
 * the mute ROOM#<id>/MUTE#<sub>, the project mailbox partition PROJECT#<id>#MAILBOX#<sub>, the live connections
 * LIVE#<sub>, the username item and the school's TEACHER#<sub>. The profile goes last: while it stands, the erasure
 * can be resumed (it records who began it).
 */
import { BatchWriteCommand, GetCommand, UpdateCommand, type BatchWriteCommandInput, type BatchWriteCommandOutput } from '@aws-sdk/lib-dynamodb';
import { diaryReplyFate, fateOf, rewriteFor, type DeleteEffect, type ErasedKind, type ErasureMode, type ItemFate } from '../domain/erasure.ts';
import { authorIndex, diaryKeys, feedKeys, forumKeys, keys, mailboxKeys, prefixes, withoutKeys, type ItemKey } from './keys.ts';
import { queryAll, queryPage } from './query.ts';
import type { TableStore } from './store.ts';
import { transact, type GuardedItem } from './transact.ts';
import { writtenIfHolds } from './conditional-write.ts';

type Item = Record<string, unknown>;

export interface Erased {
  userId: string;
  kind: ErasedKind;
}

/** E1: one page of everything indexed under a person, oldest first. */
export async function authoredPage(store: TableStore, userId: string, page: { limit: number; startKey?: Record<string, unknown> }) {
  return queryPage(
    store,
    { IndexName: authorIndex.indexName, KeyConditionExpression: 'GSI2PK = :author', ExpressionAttributeValues: { ':author': authorIndex.partition(userId) } },
    page,
  );
}

/** E1, every page (the export). */
export async function allAuthored(store: TableStore, userId: string): Promise<Item[]> {
  return queryAll(store, {
    IndexName: authorIndex.indexName,
    KeyConditionExpression: 'GSI2PK = :author',
    ExpressionAttributeValues: { ':author': authorIndex.partition(userId) },
  });
}

const keyOf = (item: Item): ItemKey => ({ PK: item.PK as string, SK: item.SK as string });

/** BatchWriteItem deletes, 25 a request, unprocessed ones sent again. */
async function deleteKeys(store: TableStore, itemKeys: ItemKey[]): Promise<void> {
  for (let start = 0; start < itemKeys.length; start += 25) {
    let requests: BatchWriteCommandInput['RequestItems'] = {
      [store.tableName]: itemKeys.slice(start, start + 25).map((Key) => ({ DeleteRequest: { Key: { PK: Key.PK, SK: Key.SK } } })),
    };
    for (let attempt = 0; requests && Object.keys(requests).length > 0; attempt++) {
      if (attempt > 5) throw new Error('DynamoDB left items of an erasure undeleted after retries');
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
      const result: BatchWriteCommandOutput = await store.db.send(new BatchWriteCommand({ RequestItems: requests }));
      requests = result.UnprocessedItems;
    }
  }
}

/** Every key of a partition [under a sort key prefix]. */
const keysUnder = async (store: TableStore, pk: string, skPrefix?: string): Promise<ItemKey[]> =>
  (await queryAll(store, {
    KeyConditionExpression: skPrefix ? 'PK = :pk AND begins_with(SK, :prefix)' : 'PK = :pk',
    ExpressionAttributeValues: skPrefix ? { ':pk': pk, ':prefix': skPrefix } : { ':pk': pk },
    ProjectionExpression: 'PK, SK',
  })) as ItemKey[];

/** A counter of an item that must still be there (guard 'parent': when it is gone, the delete goes alone). */
const uncount = (store: TableStore, Key: ItemKey, counter: string, by = 1): GuardedItem<'parent'> => ({
  guard: 'parent',
  Update: {
    TableName: store.tableName,
    Key,
    UpdateExpression: 'ADD #counter :minus',
    ConditionExpression: 'attribute_exists(PK)',
    ExpressionAttributeNames: { '#counter': counter },
    ExpressionAttributeValues: { ':minus': -by },
  },
});

/** The counters a delete changes, and the partitions (or ranges) that go with it. */
async function effectsOf(store: TableStore, item: Item, effects: DeleteEffect[]): Promise<{ counters: GuardedItem<'parent'>[]; under: [string, string?][] }> {
  const projectId = item.projectId as string;
  const counters: GuardedItem<'parent'>[] = [];
  const under: [string, string?][] = [];
  for (const effect of effects) {
    switch (effect) {
      case 'uncount-thread-reply':
      {
        // Both copies of the thread count replies; the listing's key needs the discussion, which the header says.
        const header = forumKeys.thread(projectId, item.threadId as string);
        const { Item: thread } = await store.db.send(new GetCommand({ TableName: store.tableName, Key: header }));
        if (!thread) break;
        counters.push(uncount(store, header, 'replyCount'));
        counters.push(uncount(store, forumKeys.threadListing(projectId, thread.discussionId as string, item.threadId as string), 'replyCount'));
        break;
      }
      case 'uncount-discussion-thread':
        counters.push(uncount(store, forumKeys.discussion(projectId, item.area as 'pupils' | 'teachers', item.discussionId as string), 'threadCount'));
        break;
      case 'delete-thread-replies':
        under.push([forumKeys.threadPartition(projectId, item.threadId as string)]);
        break;
      case 'delete-discussion-listings':
        under.push([forumKeys.discussionPartition(projectId, item.discussionId as string)]);
        break;
      case 'uncount-post-comment':
        counters.push(uncount(store, feedKeys.entry(projectId, item.postId as string), 'commentCount'));
        break;
      case 'uncount-post-like':
        counters.push(uncount(store, feedKeys.entry(...projectAndPostOfLike(item)), 'likeCount'));
        break;
      case 'delete-post-children':
        under.push([feedKeys.postPartition(projectId, item.entryId as string)]);
        break;
      case 'unpin':
        counters.push(uncount(store, feedKeys.pins(projectId), 'pinned'));
        break;
      case 'delete-material-files':
        under.push([keys.projectPartition(projectId), keys.materialFilesPrefix(item.materialId as string)]);
        break;
      case 'uncount-unread-mail':
        // The unread count counts marks (data/mail.ts): the mail's mark goes with it; none left is fine.
        counters.push({ Delete: { TableName: store.tableName, Key: keys.mailUnread(item.ownerId as string, (item.SK as string).slice(prefixes.mailInbox.length)) } });
        break;
    }
  }
  return { counters, under };
}

/** A like carries only its liker: its post is in its key, FEEDPOST#<projectId>#<postId> / LIKE#<sub>. */
const projectAndPostOfLike = (item: Item): [string, string] => {
  const [, projectId = '', postId = ''] = (item.PK as string).split('#');
  return [projectId, postId];
};

/** A rewrite: only the changed attributes, on condition the item is still indexed under the person (else done already). */
function rewriteItem(store: TableStore, item: Item, fate: Extract<ItemFate, { do: 'rewrite' }>): GuardedItem<'done'> {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':author': item.GSI2PK };
  const sets = Object.entries(fate.set).map(([field, value], index) => {
    names[`#s${index}`] = field;
    values[`:s${index}`] = value;
    return `#s${index} = :s${index}`;
  });
  const removes = fate.remove.map((field, index) => {
    names[`#r${index}`] = field;
    return `#r${index}`;
  });
  return {
    guard: 'done',
    Update: {
      TableName: store.tableName,
      Key: keyOf(item),
      UpdateExpression: [sets.length ? `SET ${sets.join(', ')}` : '', removes.length ? `REMOVE ${removes.join(', ')}` : ''].filter(Boolean).join(' '),
      ConditionExpression: 'GSI2PK = :author',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/** A reply inside a diary entry: removed or renamed in place (on condition it is still at the index read), then its pointer goes. */
async function eraseDiaryReply(store: TableStore, ref: Item, fate: Extract<ItemFate, { do: 'diary-reply' }>, erased: Erased, mode: ErasureMode): Promise<void> {
  const key = diaryKeys.entry(fate.projectId, fate.entryId);
  for (let attempt = 0; attempt < 5; attempt++) {
    const { Item: entry } = await store.db.send(new GetCommand({ TableName: store.tableName, Key: key, ConsistentRead: true }));
    const replies = (entry?.replies as Item[] | undefined) ?? [];
    const index = replies.findIndex((reply) => reply.replyId === fate.replyId);
    if (index < 0) break;
    const replyFate = diaryReplyFate(replies[index]!, erased, mode);
    const outcome = await transact<'moved'>(store, [
      {
        guard: 'moved',
        Update: {
          TableName: store.tableName,
          Key: key,
          UpdateExpression: replyFate.do === 'remove' ? `REMOVE replies[${index}]` : `SET replies[${index}] = :reply`,
          ConditionExpression: `replies[${index}].replyId = :replyId`,
          ExpressionAttributeValues: { ':replyId': fate.replyId, ...(replyFate.do === 'replace' ? { ':reply': replyFate.reply } : {}) },
        },
      },
      { Delete: { TableName: store.tableName, Key: keyOf(ref) } },
    ]);
    if (outcome.written) return;
  }
  await deleteKeys(store, [keyOf(ref)]);
}

/** Applies one item's fate. */
/** What the table cannot do itself: a deleted album's or folder's objects in the bucket (the caller has the rights). */
export interface ErasureHooks {
  materialDeleted?: (material: { projectId: string; materialId: string }) => Promise<void>;
  fileDeleted?: (file: Item) => Promise<void>;
}

async function eraseItem(store: TableStore, item: Item, erased: Erased, mode: ErasureMode, hooks: ErasureHooks): Promise<'deleted' | 'kept'> {
  const fate = fateOf(item, erased, mode);
  if (fate.do === 'diary-reply') {
    await eraseDiaryReply(store, item, fate, erased, mode);
    return mode === 'delete' ? 'deleted' : 'kept';
  }
  if (fate.do === 'rewrite') {
    // 'done': the item left the index since it was read (handled by an earlier run): nothing to do.
    await transact(store, [rewriteItem(store, item, fate)]);
    return 'kept';
  }
  const { counters, under } = await effectsOf(store, item, fate.effects);
  // Counted only when it is still there: a second run (or a moderator meanwhile) must not count it off twice.
  const outcome = await transact<'parent'>(store, [
    { guard: 'parent', Delete: { TableName: store.tableName, Key: keyOf(item), ConditionExpression: 'attribute_exists(PK)' } },
    ...counters,
  ]);
  // A counter's item is gone (its post or thread deleted): the delete alone, nothing left to count.
  if (!outcome.written) await deleteKeys(store, [keyOf(item)]);
  for (const [pk, prefix] of under) await deleteKeys(store, await keysUnder(store, pk, prefix));
  if (item.entity === 'material') await hooks.materialDeleted?.({ projectId: item.projectId as string, materialId: item.materialId as string });
  if (item.entity === 'material-file') await hooks.fileDeleted?.(item);
  return 'deleted';
}

export interface ErasureCount {
  deleted: number;
  kept: number;
}

/**
 * Everything the author index holds under the person, page after page (E1), each item as domain/erasure.ts decides.
 * Items of a page are handled ten at a time.
 */
export async function eraseAuthored(store: TableStore, erased: Erased, mode: ErasureMode, hooks: ErasureHooks = {}, pageSize = 50): Promise<ErasureCount> {
  const count: ErasureCount = { deleted: 0, kept: 0 };
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await authoredPage(store, erased.userId, { limit: pageSize, startKey });
    for (let start = 0; start < page.items.length; start += 10) {
      const outcomes = await Promise.all(page.items.slice(start, start + 10).map((item) => eraseItem(store, item, erased, mode, hooks)));
      for (const outcome of outcomes) count[outcome] += 1;
    }
    startKey = page.lastKey;
  } while (startKey);
  return count;
}

/** The person's own partition (pattern 1's items and every other USER#<sub> item), the profile first among them. */
export async function accountItems(store: TableStore, userId: string): Promise<Item[]> {
  return queryAll(store, { KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.userPartition(userId) } });
}

/** The projects the person belongs to, founded or was invited to (from their own partition). */
export function projectIdsOf(items: Item[]): { memberOf: string[]; named: string[] } {
  const memberOf: string[] = [];
  const named: string[] = [];
  for (const item of items) {
    const sk = item.SK as string;
    if (sk.startsWith(prefixes.userProject)) memberOf.push(sk.slice(prefixes.userProject.length));
    else if (sk.startsWith(prefixes.userFounded)) named.push(sk.slice(prefixes.userFounded.length));
    else if (sk.startsWith(prefixes.userInvitation)) named.push(sk.slice(prefixes.userInvitation.length));
  }
  return { memberOf, named: [...new Set([...memberOf, ...named])] };
}

/** Records on the profile who began the erasure (so they may resume it) and in which mode. */
export async function markErasureBegun(store: TableStore, userId: string, by: string, mode: ErasureMode, at: string): Promise<void> {
  await store.db.send(
    new UpdateCommand({
      TableName: store.tableName,
      Key: keys.userProfile(userId),
      UpdateExpression: 'SET erasure = if_not_exists(erasure, :erasure) ADD erasureBy :by',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeValues: { ':erasure': { mode, startedAt: at }, ':by': new Set([by]) },
    }),
  );
}

/** Whoever began the erasure of this profile item. */
export const erasureBegunBy = (profileItem: Item | undefined): Set<string> => (profileItem?.erasureBy as Set<string> | undefined) ?? new Set();

/**
 * The name in the project items that copy it (the project's founders and partners, its approvals' founders) becomes
 * the marker; a project of which they are only a member names them nowhere else.
 */
async function renameInProjects(store: TableStore, projectIds: string[], erased: Erased): Promise<void> {
  for (const projectId of projectIds) {
    const [{ Item: meta }, approvals] = await Promise.all([
      store.db.send(new GetCommand({ TableName: store.tableName, Key: keys.project(projectId) })),
      queryAll(store, {
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :approval)',
        ExpressionAttributeValues: { ':pk': keys.projectPartition(projectId), ':approval': prefixes.approval },
      }),
    ]);
    const items = meta ? [meta, ...approvals] : approvals;
    for (const item of items) {
      const { set } = rewriteFor(item, erased.userId, erased.kind);
      if (Object.keys(set).length === 0) continue;
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = {};
      const sets = Object.entries(set).map(([field, value], index) => {
        names[`#s${index}`] = field;
        values[`:s${index}`] = value;
        return `#s${index} = :s${index}`;
      });
      // Gone meanwhile (deleted by its owner or a moderator): nothing left to rename.
      await writtenIfHolds(
        store.db.send(
          new UpdateCommand({
            TableName: store.tableName,
            Key: keyOf(item),
            UpdateExpression: `SET ${sets.join(', ')}`,
            ConditionExpression: 'attribute_exists(PK)',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          }),
        ),
      );
    }
  }
}

/**
 * The account's items outside the author index: memberships (both sides), mutes, project mailboxes, live
 * connections, the school's teacher item, the username, every item of the person's partition, and the profile last.
 * `beforeProfile` runs before the profile goes (the Cognito user is deleted there: the profile keeps the erasure
 * resumable until the account is gone).
 */
export async function eraseAccount(store: TableStore, erased: Erased, own: Item[], beforeProfile: () => Promise<void>): Promise<void> {
  const { memberOf, named } = projectIdsOf(own);
  const profile = own.find((item) => item.SK === 'PROFILE');
  await renameInProjects(store, named, erased);
  for (const projectId of memberOf) {
    await deleteKeys(store, await keysUnder(store, mailboxKeys.partition(projectId, erased.userId)));
    await deleteKeys(store, [keys.roomMute(projectId, erased.userId)]);
  }
  await deleteKeys(store, await keysUnder(store, keys.livePartition(erased.userId), prefixes.chatConnection));
  await beforeProfile();
  const extra: ItemKey[] = [...memberOf.map((projectId) => keys.membership(projectId, erased.userId))];
  if (profile?.username) extra.push(keys.username(profile.username as string));
  if (profile?.schoolId) extra.push(keys.schoolTeacher(profile.schoolId as string, erased.userId));
  await deleteKeys(store, extra);
  await deleteKeys(store, own.filter((item) => item.SK !== 'PROFILE').map(keyOf));
  await deleteKeys(store, [keys.userProfile(erased.userId)]);
}

/** Plain JSON: a DynamoDB set becomes a list. */
const plain = (value: unknown): Item => JSON.parse(JSON.stringify(value, (_key, inner) => (inner instanceof Set ? [...inner] : inner))) as Item;

/** The export's view of an item: without keys and internal fields; `entity` says what it is. */
export function exportedItem(item: Item): Item {
  const { entity, ownerId: _ownerId, repliesBytes: _bytes, inboxCountries: _inbox, expiresAt: _expires, erasure: _erasure, erasureBy: _by, claimId: _claim, claimUntil: _claimUntil, ...fields } =
    withoutKeys(item);
  return plain({ ...(entity === undefined ? {} : { entity }), ...fields });
}

/** GET /me/export: the profile, my projects (memberships, founded, invited) and everything indexed under me. */
export async function exportOf(store: TableStore, userId: string): Promise<{ profile?: Item; memberships: Item[]; written: Item[] }> {
  const [own, written] = await Promise.all([accountItems(store, userId), allAuthored(store, userId)]);
  const profile = own.find((item) => item.SK === 'PROFILE');
  const memberships = own.filter((item) => [prefixes.userProject, prefixes.userFounded, prefixes.userInvitation].some((prefix) => (item.SK as string).startsWith(prefix)));
  return {
    profile: profile ? exportedItem(profile) : undefined,
    memberships: memberships.map((item) => ({ ...exportedItem(item), projectId: (item.projectId as string | undefined) ?? (item.SK as string).split('#').pop() })),
    written: written.map(exportedItem),
  };
}
