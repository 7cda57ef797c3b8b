/**
 * Conditions a TwinSpace write carries in its own transaction, so a decision
 * made on an earlier read cannot outlive a change in between: the project was
 * closed, or the writer's (or recipient's) type was changed. Stated once for
 * every area that writes (members, pages, agenda, mailbox, diary). Each names
 * its guard for transact.ts.
 */
import type { TwinspaceType } from '../domain/twinspace-types.ts';
import { keys } from './keys.ts';
import type { TableStore } from './store.ts';

/** The condition on the project item itself, for writes to it that combine it with their own (memberships.ts). */
export const approvedProjectCondition = {
  ConditionExpression: '#state = :approved',
  ExpressionAttributeNames: { '#state': 'state' },
  ExpressionAttributeValues: { ':approved': 'approved' },
};

/** Holds only while the project is approved: a closed TwinSpace is read-only (guard 'closed'). */
export function projectStillApproved(store: TableStore, projectId: string) {
  return { guard: 'closed' as const, ConditionCheck: { TableName: store.tableName, Key: keys.project(projectId), ...approvedProjectCondition } };
}

/** Holds only while this member still has the type the permission was decided on (guard 'typeChanged'). */
export function memberStillOfType(store: TableStore, projectId: string, userId: string, type: TwinspaceType) {
  return {
    guard: 'typeChanged' as const,
    ConditionCheck: {
      TableName: store.tableName,
      Key: keys.membership(projectId, userId),
      ConditionExpression: '#type = :type',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: { ':type': type },
    },
  };
}
