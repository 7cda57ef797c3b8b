/**
 * Lambda's event filtering, as far as the route table uses it
 * (functions/routes.ts EventFilterPattern): nested field names ending in the
 * list of values the field may have. A record passes when every field of the
 * pattern is present and holds one of its values; it passes a list of
 * patterns when it matches any of them (as an event source mapping's filters).
 * Anything else in a pattern (the prefix, numeric or exists operators) is
 * refused here rather than silently treated as a match.
 */
import type { EventFilterPattern } from '../../functions/routes.ts';

function fieldMatches(pattern: EventFilterPattern[string], value: unknown): boolean {
  if (Array.isArray(pattern)) {
    for (const allowed of pattern) {
      if (typeof allowed === 'object' && allowed !== null) throw new Error(`Filter operator not supported locally: ${JSON.stringify(allowed)}`);
    }
    const candidates = Array.isArray(value) ? value : [value];
    return candidates.some((candidate) => (pattern as readonly unknown[]).includes(candidate));
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) && matchesPattern(pattern as EventFilterPattern, value as Record<string, unknown>);
}

export function matchesPattern(pattern: EventFilterPattern, record: Record<string, unknown>): boolean {
  return Object.entries(pattern).every(([field, expected]) => field in record && fieldMatches(expected, record[field]));
}

/** Whether a record passes an event source mapping's filters (no filters: every record). */
export function passesFilters(filters: readonly EventFilterPattern[], record: Record<string, unknown>): boolean {
  return filters.length === 0 || filters.some((pattern) => matchesPattern(pattern, record));
}
