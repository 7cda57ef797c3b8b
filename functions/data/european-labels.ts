/**
 * European Quality Label proposals (keys.ts Q8, Q9; the rule is
 * domain/european-label.ts): the school year's granted NQLs read from their
 * sparse index, and one proposal item per project and school year, written
 * once (a second run of the yearly job changes nothing).
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { EuropeanProposal, GrantedNationalLabel } from '../domain/european-label.ts';
import { gsi1, keys, labelKeys } from './keys.ts';
import { queryAll } from './query.ts';
import type { TableStore } from './store.ts';
import { writtenIfHolds } from './conditional-write.ts';

/** Every NQL granted for `schoolYear` (Q8), with just what the proposal weighs. */
export async function listGrantedNationalLabels(store: TableStore, schoolYear: string): Promise<GrantedNationalLabel[]> {
  const items = await queryAll(store, {
    IndexName: gsi1.indexName,
    KeyConditionExpression: 'GSI1PK = :pk',
    ProjectionExpression: 'projectId, country, evaluation.#total',
    ExpressionAttributeNames: { '#total': 'total' },
    ExpressionAttributeValues: { ':pk': gsi1.nationalLabelsGrantedPartition(schoolYear) },
  });
  return items.map((item) => ({
    projectId: item.projectId as string,
    country: item.country as string,
    total: (item.evaluation as { total: number }).total,
  }));
}

/** A proposal as the project keeps it (Q9). */
export interface EuropeanLabel {
  schoolYear: string;
  averageScore: number;
  countries: string[];
  proposedBy: string[];
  proposedAt: string;
}

/** Writes the proposal unless the project already has one for that year: true when written now. */
export async function recordEuropeanProposal(store: TableStore, schoolYear: string, proposal: EuropeanProposal, proposedAt: string): Promise<boolean> {
  const label: EuropeanLabel = { schoolYear, averageScore: proposal.averageScore, countries: proposal.countries, proposedBy: proposal.proposedBy, proposedAt };
  return writtenIfHolds(
    store.db.send(
      new PutCommand({
        TableName: store.tableName,
        Item: { ...labelKeys.european(proposal.projectId, schoolYear), entity: 'europeanLabel', projectId: proposal.projectId, ...label },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    ),
  );
}

/** A project's European proposals, newest school year first (Q9). */
export async function listEuropeanLabels(store: TableStore, projectId: string): Promise<EuropeanLabel[]> {
  const items = await queryAll(store, {
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :eql)',
    ExpressionAttributeValues: { ':pk': keys.projectPartition(projectId), ':eql': labelKeys.europeanPrefix },
    ScanIndexForward: false,
  });
  return items.map((item) => ({
    schoolYear: item.schoolYear as string,
    averageScore: item.averageScore as number,
    countries: item.countries as string[],
    proposedBy: item.proposedBy as string[],
    proposedAt: item.proposedAt as string,
  }));
}
