/**
 * The zod shape of every name, title and plain text a route takes: trimmed,
 * at most `max` characters counted as people count them (code points), and
 * held to the one rule of domain/visible-text.ts (something visible; no
 * control characters; no direction overrides in a line). Areas keep their own
 * sentences for an empty or too long text; the rule's sentences are the same
 * everywhere, and each problem names its field in the 400's details.
 */
import * as z from 'zod';
import { textProblem, textProblemMessages } from '../domain/visible-text.ts';

export interface VisibleTextOptions {
  /** Most characters (code points) after trimming. */
  max: number;
  /** Text of many lines (a description, a reply, a mail's body): line breaks and tabs allowed. Default: one line (a name, a title). */
  multiline?: boolean;
  /** Whether '' (or only spaces) is a valid answer, e.g. an optional description. Default: refused. */
  allowEmpty?: boolean;
  /** The area's own sentences. */
  messages?: { empty?: string; tooLong?: string };
}

const codePoints = (text: string) => [...text].length;

export function visibleText(options: VisibleTextOptions) {
  const { max, multiline = false, allowEmpty = false } = options;
  const empty = options.messages?.empty ?? 'Cannot be empty.';
  const tooLong = options.messages?.tooLong ?? `At most ${max} characters.`;
  return z
    .string()
    .trim()
    .superRefine((text, context) => {
      if (text.length === 0) {
        if (!allowEmpty) context.addIssue({ code: 'custom', message: empty });
        return;
      }
      if (codePoints(text) > max) context.addIssue({ code: 'custom', message: tooLong });
      const problem = textProblem(text, { multiline });
      if (problem) context.addIssue({ code: 'custom', message: textProblemMessages[problem](multiline) });
    })
    // For the OpenAPI document (JSON Schema counts a string's length in code points too, as the check above does).
    .meta({ maxLength: max });
}
