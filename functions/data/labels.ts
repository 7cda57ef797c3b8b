/**
 * Quality Label applications (keys.ts patterns 11, 12 and L1–L6). An
 * application is one item (LABEL#<labelId>, META) carrying the GSI1 keys of
 * its country's waiting list while it waits (the evaluators' digest and
 * GET /evaluations read them), plus a copy under its project for the
 * project's list. Applying writes, in one TransactWriteItems: both items, the
 * applicant's open-application lock for the project, the applicant's counter
 * for the school year (conditional < 4), and either the mark of their one
 * first application for the project or, for a review, the once-per-project
 * review mark and a check that the reviewed result was not granted. An evaluation writes both
 * items (removing the GSI1 keys), releases the lock and leaves the applicant
 * an in-app notification, in one transaction.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { defaultTargetDays, type WaitingApplication } from '../domain/digest.ts';
import { defaultPassMark, type LabelApplication, type LabelEvaluation, type LabelStatus } from '../domain/labels.ts';
import { batchGet } from './projects.ts';
import { gsi1, keys, labelKeys, withAuthor, withoutKeys } from './keys.ts';
import { queryAll, queryPage } from './query.ts';
import { notificationPut, type Notification } from './notifications.ts';
import type { TableStore } from './store.ts';
import { automaticEntry } from './feed.ts';
import { transact, type GuardedItem } from './transact.ts';
import { toUserProfile, type UserProfile } from './users.ts';

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

/** The country's pass mark (DOMAIN.md: 15 unless configured per country). */
export function passMarkOf(settings: Record<string, unknown> | undefined): number {
  const configured = settings?.labelPassMark;
  return typeof configured === 'number' && Number.isInteger(configured) && configured >= 0 ? configured : defaultPassMark;
}

// The application's shape is the domain's (functions/domain/labels.ts): the site shows the same thing.
export type { LabelApplication, LabelEvaluation } from '../domain/labels.ts';

export function toLabelApplication(item: Record<string, unknown>): LabelApplication {
  const { entity: _entity, ...application } = withoutKeys(item);
  return application as unknown as LabelApplication;
}

/** Why an application was refused by its transaction's conditions. */
export type ApplicationRefusal = 'already-open' | 'already-applied' | 'yearly-limit' | 'already-reviewed' | 'not-reviewable';

/** What submitting an application met: submitted, or the refusal its transaction's guards name. */
export type ApplicationOutcome = 'submitted' | ApplicationRefusal;

/** The guards of an application's transaction, each the condition of one of its items. */
type ApplicationGuard = 'exists' | 'open' | 'yearly' | 'applied' | 'reviewed' | 'reviewable';

/** The refusals in the order they are reported: an open application explains a failed review check too. */
const refusalByGuard: [ApplicationGuard, ApplicationRefusal][] = [
  ['open', 'already-open'],
  ['applied', 'already-applied'],
  ['reviewed', 'already-reviewed'],
  ['reviewable', 'not-reviewable'],
  ['yearly', 'yearly-limit'],
];

/**
 * Submits an application: everything in one TransactWriteItems, so the yearly
 * counter, the open-application lock and the application never disagree.
 * Answers 'submitted' or the refusal of the condition that failed.
 */
export async function submitLabelApplication(
  store: TableStore,
  application: LabelApplication,
  limits: { perSchoolYear: number },
): Promise<ApplicationOutcome> {
  const { labelId, projectId, applicantId } = application;
  const stored = { entity: 'labelApplication', ...application };
  const items: GuardedItem<ApplicationGuard>[] = [
    {
      guard: 'exists',
      Put: {
        TableName: store.tableName,
        Item: { ...withAuthor(keys.labelApplication(labelId), applicantId, application.submittedAt), ...gsi1.labelWaiting(application.country, application.submittedAt, labelId), ...stored },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    {
      guard: 'exists',
      Put: {
        TableName: store.tableName,
        Item: { ...withAuthor(labelKeys.projectLabel(projectId, labelId), applicantId, application.submittedAt), ...stored, entity: 'projectLabel' },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    {
      guard: 'open',
      Put: {
        TableName: store.tableName,
        Item: { ...labelKeys.openLock(projectId, applicantId), entity: 'labelOpenLock', labelId, applicantId },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    {
      guard: 'yearly',
      Update: {
        TableName: store.tableName,
        Key: labelKeys.yearlyCount(applicantId, application.schoolYear),
        UpdateExpression: 'SET entity = :entity, schoolYear = :year ADD applications :one',
        ConditionExpression: 'attribute_not_exists(applications) OR applications < :max',
        ExpressionAttributeValues: { ':entity': 'labelYearlyCount', ':year': application.schoolYear, ':one': 1, ':max': limits.perSchoolYear },
      },
    },
  ];
  if (!application.reviewOf) {
    items.push({
      guard: 'applied',
      Put: {
        TableName: store.tableName,
        Item: { ...labelKeys.appliedMark(projectId, applicantId), entity: 'labelAppliedMark', labelId },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    });
  } else {
    items.push(
      {
        guard: 'reviewed',
        Put: {
          TableName: store.tableName,
          Item: { ...labelKeys.reviewMark(projectId, applicantId), entity: 'labelReviewMark', labelId, reviewedLabelId: application.reviewOf.labelId },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      {
        guard: 'reviewable',
        ConditionCheck: {
          TableName: store.tableName,
          Key: keys.labelApplication(application.reviewOf.labelId),
          ConditionExpression: '#status = :notGranted AND applicantId = :me AND projectId = :project',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':notGranted': 'not-granted', ':me': applicantId, ':project': projectId },
        },
      },
    );
  }
  const outcome = await transact(store, items);
  if (outcome.written) return 'submitted';
  const refusal = refusalByGuard.find(([guard]) => outcome.failed.includes(guard));
  // Only 'exists' is left: a new ULID that is already taken, not a rule the applicant broke.
  if (!refusal) throw new Error(`Label application ${labelId} already exists.`);
  return refusal[1];
}

/** One page of a project's applications, newest first (L2). */
export async function listProjectLabelApplications(
  store: TableStore,
  projectId: string,
  page: { limit: number; startKey?: Record<string, unknown> },
): Promise<{ applications: LabelApplication[]; lastKey?: Record<string, unknown> }> {
  const { items, lastKey } = await queryPage(
    store,
    {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :label)',
      ExpressionAttributeValues: { ':pk': keys.projectPartition(projectId), ':label': labelKeys.projectLabelPrefix },
      ScanIndexForward: false,
    },
    page,
  );
  return { applications: items.map(toLabelApplication), lastKey };
}

/**
 * One page of a country's waiting applications, oldest first (11), without
 * those of the evaluator's own school (they may never score them).
 */
export async function pageWaitingLabelApplications(
  store: TableStore,
  country: string,
  page: { limit: number; startKey?: Record<string, unknown>; excludeSchoolId?: string },
): Promise<{ applications: LabelApplication[]; lastKey?: Record<string, unknown> }> {
  const { items, lastKey } = await queryPage(
    store,
    {
      IndexName: gsi1.indexName,
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: {
        ':pk': gsi1.labelsWaitingPartition(country),
        ...(page.excludeSchoolId ? { ':school': page.excludeSchoolId } : {}),
      },
      ...(page.excludeSchoolId ? { FilterExpression: 'attribute_not_exists(applicantSchoolId) OR applicantSchoolId <> :school' } : {}),
    },
    page,
  );
  return { applications: items.map(toLabelApplication), lastKey };
}

/** The application and the evaluator's profile, in one BatchGetItem (Q1 and pattern 2). */
export async function getApplicationAndEvaluator(
  store: TableStore,
  labelId: string,
  evaluatorId: string,
): Promise<{ application?: LabelApplication; evaluator?: UserProfile }> {
  const found = await batchGet(store, [keys.labelApplication(labelId), keys.userProfile(evaluatorId)]);
  const applicationItem = found.find((item) => item.SK === 'META');
  const profileItem = found.find((item) => item.SK === 'PROFILE');
  return {
    application: applicationItem ? toLabelApplication(applicationItem) : undefined,
    evaluator: profileItem ? toUserProfile(profileItem) : undefined,
  };
}

/** The country's pass mark (pattern 12). */
export async function getLabelPassMark(store: TableStore, country: string): Promise<number> {
  const result = await store.db.send(new GetCommand({ TableName: store.tableName, Key: keys.countrySettings(country) }));
  return passMarkOf(result.Item);
}

/** What recording a verdict met: recorded, or someone else evaluated the application first. */
export type EvaluationOutcome = 'recorded' | 'already-evaluated';

/**
 * Records the verdict, once: the application (leaving the waiting list) and
 * its project copy, and the applicant's open-application lock is released.
 * 'already-evaluated' when someone else evaluated it first.
 */
export async function recordLabelEvaluation(
  store: TableStore,
  application: LabelApplication,
  evaluation: LabelEvaluation,
  applicantNotice: Notification,
): Promise<EvaluationOutcome> {
  const status: LabelStatus = evaluation.granted ? 'granted' : 'not-granted';
  const set = {
    UpdateExpression: 'SET #status = :status, evaluation = :evaluation',
    ExpressionAttributeNames: { '#status': 'status' },
  };
  // Out of the waiting index; a granted label moves into its school year's grants (Q8), for the European proposal.
  const granted = gsi1.nationalLabelGranted(application.schoolYear, application.projectId, application.labelId);
  const outcome = await transact(store, [
    {
      guard: 'evaluated',
      Update: {
        TableName: store.tableName,
        Key: keys.labelApplication(application.labelId),
        UpdateExpression: evaluation.granted ? `${set.UpdateExpression}, GSI1PK = :grantedPk, GSI1SK = :grantedSk` : `${set.UpdateExpression} REMOVE GSI1PK, GSI1SK`,
        ConditionExpression: '#status = :waiting',
        ExpressionAttributeNames: set.ExpressionAttributeNames,
        ExpressionAttributeValues: {
          ':status': status,
          ':evaluation': evaluation,
          ':waiting': 'waiting',
          ...(evaluation.granted ? { ':grantedPk': granted.GSI1PK, ':grantedSk': granted.GSI1SK } : {}),
        },
      },
    },
    {
      Update: {
        TableName: store.tableName,
        Key: labelKeys.projectLabel(application.projectId, application.labelId),
        ...set,
        ExpressionAttributeValues: { ':status': status, ':evaluation': evaluation },
      },
    },
    {
      guard: 'lockOfAnother',
      Delete: {
        TableName: store.tableName,
        Key: labelKeys.openLock(application.projectId, application.applicantId),
        ConditionExpression: 'attribute_not_exists(PK) OR labelId = :label',
        ExpressionAttributeValues: { ':label': application.labelId },
      },
    },
    notificationPut(store, applicantNotice),
    // A label granted is a public-area fact on the project's home (data/feed.ts): the country, no name.
    ...(evaluation.granted
      ? [automaticEntry(store, application.projectId, 'public', { kind: 'label-granted', label: { labelId: application.labelId, country: application.country } })]
      : []),
  ]);
  if (outcome.written) return 'recorded';
  if (outcome.failed.includes('evaluated')) return 'already-evaluated';
  // The lock names another application while this one waits: the lock and the application disagree, which the writes never let happen.
  throw new Error(`The open-application lock of label ${application.labelId} names another application.`);
}

// ---------------------------------------------------------------------------
// The public project page (Q7).

/** A granted National Quality Label as the public page shows it: the applicant's country, never a name. */
export interface GrantedProjectLabel {
  labelId: string;
  country: string;
  schoolYear: string;
  /** When the evaluator granted it. */
  grantedAt: string;
}

/**
 * Every GRANTED application of a project (Q7): Q2's range with
 * FilterExpression status = granted, projected to the fields the public page
 * shows (no applicant, no evaluator, no scores). A project's applications are
 * few (each teacher applies once and may ask for one review), so this is one
 * Query page in practice; queryAll only guards the 1 MB page limit.
 */
export async function listGrantedProjectLabels(store: TableStore, projectId: string): Promise<GrantedProjectLabel[]> {
  const items = await queryAll(store, {
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :label)',
    FilterExpression: '#status = :granted',
    ProjectionExpression: 'labelId, country, schoolYear, submittedAt, evaluation.evaluatedAt',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':pk': keys.projectPartition(projectId), ':label': labelKeys.projectLabelPrefix, ':granted': 'granted' },
  });
  return items.map((item) => ({
    labelId: item.labelId as string,
    country: item.country as string,
    schoolYear: item.schoolYear as string,
    grantedAt: ((item.evaluation as { evaluatedAt?: string } | undefined)?.evaluatedAt ?? item.submittedAt) as string,
  }));
}
