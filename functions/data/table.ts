/**
 * The one table's physical design, stated once: the CDK app (infra/cdk) and
 * the local runtime (infra/local) both create the table from this.
 * Which item lives under which key, and why, is in ./keys.ts.
 */
export const tableDesign = {
  partitionKey: 'PK',
  sortKey: 'SK',
  /**
   * GSI1: one generic index, overloaded by entity (see keys.ts). GSI2: the author index, sparse: every item a person
   * wrote or that names them carries `GSI2PK = AUTHOR#<sub>` (keys.ts `authorIndex`), so erasure and export are one
   * Query (E1, data/README.md). Both project all attributes.
   */
  globalIndexes: [
    { indexName: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
    { indexName: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
  ],
  /** Epoch seconds; DynamoDB deletes expired items (chat connections, digests' dedup marks). */
  ttlAttribute: 'expiresAt',
  /** The table's stream: each new or changed item's new image (read by the stream handlers of functions/routes.ts). */
  streamViewType: 'NEW_IMAGE',
} as const;

export const defaultTableName = 'Twinspace';
