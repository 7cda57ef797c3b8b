/**
 * What every repository needs: a document client and the table's name. Passed
 * in rather than imported so the handlers (clients.ts), the seed and the tests
 * share the same repository functions with their own clients.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface TableStore {
  db: DynamoDBDocumentClient;
  tableName: string;
}
