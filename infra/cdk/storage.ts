/**
 * The one table, built from functions/data/table.ts so the cloud and the
 * local runtime cannot disagree on keys, index or TTL attribute.
 */
import { RemovalPolicy, Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { AttributeType, BillingMode, ProjectionType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { tableDesign } from '../../functions/data/table.ts';

export class TwinspaceTable extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.table = new Table(this, 'Table', {
      partitionKey: { name: tableDesign.partitionKey, type: AttributeType.STRING },
      sortKey: { name: tableDesign.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: tableDesign.ttlAttribute,
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

  /** Read rights for one function: GetItem, BatchGetItem, Query (and the index). */
  grantRead(fn: IFunction): void {
    this.table.grantReadData(fn);
    this.acknowledgeIndexWildcard(fn);
  }

  grantReadWrite(fn: IFunction): void {
    this.table.grantReadWriteData(fn);
    this.acknowledgeIndexWildcard(fn);
  }

  private acknowledgeIndexWildcard(fn: IFunction): void {
    const logicalId = Stack.of(this).getLogicalId(this.table.node.defaultChild as CfnElement);
    Validations.of(fn.role ?? fn).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>/index/*]`,
      reason: 'The grant covers the indexes of this one table (GSI1 queries); no other table or resource.',
    });
  }
}
