/**
 * Quality Label applications, as far as the evaluators' digest needs them
 * (keys.ts patterns 11 and 12). The application workflow itself arrives with
 * its own issue; it must write waiting applications with these GSI1 keys, and
 * remove GSI1PK/GSI1SK once an application is evaluated.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { defaultTargetDays, type WaitingApplication } from '../domain/digest.ts';
import { gsi1, keys } from './keys.ts';
import { queryAll } from './query.ts';
import type { TableStore } from './store.ts';

export interface WaitingLabelApplication extends WaitingApplication {
  country: string;
}

export async function putWaitingLabelApplication(store: TableStore, application: WaitingLabelApplication): Promise<void> {
  await store.db.send(
    new PutCommand({
      TableName: store.tableName,
      Item: {
        ...keys.labelApplication(application.labelId),
        ...gsi1.labelWaiting(application.country, application.submittedAt, application.labelId),
        entity: 'labelApplication',
        status: 'waiting',
        ...application,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
}

/** A country's waiting applications, oldest first. */
export async function listWaitingLabelApplications(store: TableStore, country: string): Promise<WaitingLabelApplication[]> {
  const waiting = await queryAll(store, {
    IndexName: gsi1.indexName,
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': gsi1.labelsWaitingPartition(country) },
  });
  return waiting.map(
    (item): WaitingLabelApplication => ({
      labelId: item.labelId,
      projectId: item.projectId,
      projectTitle: item.projectTitle,
      applicantName: item.applicantName,
      submittedAt: item.submittedAt,
      country: item.country,
    }),
  );
}

/** The country's target waiting time for label evaluations (DOMAIN.md: 30 days unless configured). */
export async function getLabelTargetDays(store: TableStore, country: string): Promise<number> {
  const result = await store.db.send(new GetCommand({ TableName: store.tableName, Key: keys.countrySettings(country) }));
  const configured = result.Item?.labelTargetDays;
  return typeof configured === 'number' && configured > 0 ? configured : defaultTargetDays;
}
