/**
 * A 400's field problems by field, for an island's FormFields: the field is
 * the path after 'body.', first segment ('ages.min' → 'ages'); several
 * problems of one field are joined. Undefined when it is no such answer.
 */
import { ApiError } from './api.ts';

export function problemsByField(error: unknown): Record<string, string> | undefined {
  if (!(error instanceof ApiError) || error.status !== 400 || error.details.length === 0) return undefined;
  const problems: Record<string, string> = {};
  for (const problem of error.details) {
    const name = problem.field.replace(/^body\./, '').split('.')[0] ?? '';
    problems[name] = problems[name] ? `${problems[name]} ${problem.message}` : problem.message;
  }
  return problems;
}
