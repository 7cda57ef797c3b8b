/**
 * A table store whose answers are scripted, for the one thing DynamoDB Local
 * never does: cancel a transaction with TransactionConflict. Each send takes
 * the next answer — an error to throw, or success — and is kept for the test.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { TableStore } from '../../functions/data/store.ts';

/** The SDK's own exception, with one cancellation reason per item. */
export const cancelledWith = (codes: string[]) =>
  new TransactionCanceledException({ message: 'Transaction cancelled', $metadata: {}, CancellationReasons: codes.map((Code) => ({ Code })) });

export function scriptedStore(answers: (Error | 'ok')[]) {
  const sent: unknown[] = [];
  const store = {
    tableName: 'twinspace',
    db: {
      send: async (command: { input: unknown }) => {
        sent.push(command.input);
        const answer = answers.shift() ?? 'ok';
        if (answer !== 'ok') throw answer;
        return {};
      },
    },
  } as unknown as TableStore;
  return { store, sent };
}
