/**
 * A start-up problem a user can fix: `npm start` prints its one-sentence
 * message (what is wrong and the fix) and exits 1, without a stack trace.
 */
export class StartupProblem extends Error {
  override readonly name = 'StartupProblem';
}
