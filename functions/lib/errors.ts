/**
 * The API's errors (API.md, "Conventions"): a status, a stable code and the
 * body {"error": {"code", "message", "details"}}. Handlers throw HttpError;
 * the error responder (http.ts) turns it into the response.
 */
import type { ZodError, z } from 'zod';

export const errorStatus = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  /** A staff account (NSS officer, evaluator) whose token does not show a second factor (lib/claims.ts). */
  MFA_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  /**
   * A teacher's text where pupils read it holds personal data (issue 12): nothing was written; the details name each
   * field and kind found. Sent again with `acknowledgePersonalData: true`, it is written.
   */
  PERSONAL_DATA_WARNING: 409,
  TOO_LARGE: 413,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** One problem with one field of the request, e.g. {field: 'query.limit', message: '...'} */
export interface FieldProblem {
  field: string;
  message: string;
}

export interface ErrorBody {
  error: { code: ErrorCode | 'INTERNAL'; message: string; details: FieldProblem[] };
}

export class HttpError extends Error {
  readonly code: ErrorCode;
  readonly statusCode: number;
  readonly details: FieldProblem[];
  /** Seconds, sent as Retry-After (503, 429). */
  readonly retryAfter?: number;

  constructor(code: ErrorCode, message: string, details: FieldProblem[] = [], retryAfter?: number) {
    super(message);
    this.name = 'HttpError';
    this.code = code;
    this.statusCode = errorStatus[code];
    this.details = details;
    this.retryAfter = retryAfter;
  }

  get body(): ErrorBody {
    return { error: { code: this.code, message: this.message, details: this.details } };
  }
}

export const validationFailed = (message: string, details: FieldProblem[] = []) =>
  new HttpError('VALIDATION_FAILED', message, details);
export const unauthenticated = (message = 'Sign in first.') => new HttpError('UNAUTHENTICATED', message);
export const forbidden = (message = 'You may not do this.') => new HttpError('FORBIDDEN', message);
/** The one sentence of MFA_REQUIRED (translated in messages.es.json). */
export const mfaRequiredMessage =
  'NSS officers and evaluators must use a second sign-in step. Set up an authenticator app on your Security page, then sign in again.';
export const mfaRequired = () => new HttpError('MFA_REQUIRED', mfaRequiredMessage);
export const notFound = (message = 'Not found.') => new HttpError('NOT_FOUND', message);
export const conflict = (message: string) => new HttpError('CONFLICT', message);
/** The one sentence of PERSONAL_DATA_WARNING (translated in messages.es.json). */
export const personalDataWarningMessage =
  'Pupils would read personal data in this text. Check it, then send it again confirming that you mean to share it.';
export const personalDataWarning = (details: FieldProblem[]) => new HttpError('PERSONAL_DATA_WARNING', personalDataWarningMessage, details);

type Issue = ZodError['issues'][number];

/** An issue at the top of a union's branch saying the input is not of that branch's type at all. */
const isWrongType = (issue: Issue) => issue.code === 'invalid_type' && issue.path.length === 0;

/**
 * A union's failure said where it happened. A rich-text body is a string OR
 * a document, and zod reports a bad document as one "Invalid input" on the
 * whole body; the branch that took the input (the only one whose issues are
 * not "not my type") knows which node is wrong, so its issues are reported,
 * under the union's path. A union of values (heading levels 2, 3, 4) says
 * which values it accepts.
 */
function explained(issue: Issue): Issue[] {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
  const taken = issue.errors.filter((branch) => !branch.every(isWrongType));
  if (taken.length === 1) return taken[0].flatMap((inner) => explained({ ...inner, path: [...issue.path, ...inner.path] } as Issue));
  const values = issue.errors.every((branch) => branch.length === 1 && branch[0].code === 'invalid_value' && branch[0].path.length === 0)
    ? issue.errors.flatMap((branch) => (branch[0].code === 'invalid_value' ? branch[0].values : []))
    : undefined;
  return values ? [{ ...issue, message: `Invalid option: expected one of ${values.map((value) => JSON.stringify(value)).join('|')}` }] : [issue];
}

/** A zod failure as field problems; `where` prefixes each path (e.g. 'query', 'body'). */
export function problemsOf(zodError: ZodError, where?: string): FieldProblem[] {
  return zodError.issues.flatMap(explained).map((issue) => {
    const path = issue.path.map(String).join('.');
    const field = [where, path].filter(Boolean).join('.') || '(root)';
    return { field, message: issue.message };
  });
}

/** Parse with a zod schema, answering 400 VALIDATION_FAILED that names each field. */
export function parseOr400<S extends z.ZodType>(schema: S, input: unknown, where: string): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationFailed(`The ${where} is not valid.`, problemsOf(result.error, where));
  return result.data;
}

/** Node's network failures: the service behind us could not be reached. */
const unreachable = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN']);

/**
 * A fault of a service we depend on that a retry may cure: the SDK marks
 * throttling and transient errors `$retryable`, a 5xx from the service, or
 * no answer at all. The caller gets 503 with Retry-After, not a 500: their
 * request was fine and nothing was half-written (writes are transactional).
 */
export function isTransientFault(thrown: unknown): boolean {
  if (typeof thrown !== 'object' || thrown === null) return false;
  const fault = thrown as { $retryable?: unknown; $metadata?: { httpStatusCode?: number }; code?: string; name?: string; transient?: boolean };
  // Our own transient faults (data/transact.ts: WriteContention) say so.
  if (fault.$retryable || fault.transient === true) return true;
  if ((fault.$metadata?.httpStatusCode ?? 0) >= 500) return true;
  return unreachable.has(fault.code ?? '') || fault.name === 'TimeoutError';
}
