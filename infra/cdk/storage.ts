/**
 * The one table, built from functions/data/table.ts so the cloud and the
 * local runtime cannot disagree on keys, index or TTL attribute.
 */
import { RemovalPolicy, Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { tableDesign } from '../../functions/data/table.ts';

/**
 * The actions the code calls, listed instead of CDK's grantReadData /
 * grantReadWriteData, which add Scan (DESIGN.md: every read is a GetItem,
 * BatchGetItem or Query on a key, so no role may Scan) and DescribeTable
 * (never called). A transaction needs the rights of each of its items.
 */
const readActions = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];
const writeActions = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:ConditionCheckItem'];

export class TwinspaceTable extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.table = new Table(this, 'Table', {
      partitionKey: { name: tableDesign.partitionKey, type: AttributeType.STRING },
      sortKey: { name: tableDesign.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: tableDesign.ttlAttribute,
      // New items' images for the stream handlers (functions/routes.ts streamHandlers: live notifications, e-mail).
      stream: StreamViewType[tableDesign.streamViewType],
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      // The table holds every school's work: never dropped with the stack.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of tableDesign.globalIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }
  }

  /** Read rights, to a function or a role shared by functions: GetItem, BatchGetItem, Query (on the table and its index). */
  grantRead(grantee: IGrantable): void {
    this.table.grant(grantee, ...readActions);
    this.acknowledgeIndexWildcard(grantee);
  }

  /** Read and write rights: the above, plus single-item and batch writes and the condition checks of transactions. */
  grantReadWrite(grantee: IGrantable): void {
    this.table.grant(grantee, ...readActions, ...writeActions);
    this.acknowledgeIndexWildcard(grantee);
  }

  private acknowledgeIndexWildcard(grantee: IGrantable): void {
    const logicalId = Stack.of(this).getLogicalId(this.table.node.defaultChild as CfnElement);
    const principal = grantee.grantPrincipal as unknown as Construct;
    Validations.of('role' in grantee && grantee.role ? (grantee.role as Construct) : principal).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>/index/*]`,
      reason: 'The grant covers the indexes of this one table (GSI1 queries); no other table or resource.',
    });
  }
}
