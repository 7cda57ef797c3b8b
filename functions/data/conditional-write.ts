/**
 * One conditional write (Put, Update or Delete) whose condition failing is an
 * answer, not a fault: true when written, false when the condition did not
 * hold; anything else is thrown. Transactions have transact.ts instead.
 */
export async function writtenIfHolds(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (error) {
    if ((error as { name?: string } | undefined)?.name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}
