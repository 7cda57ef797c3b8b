/**
 * Answers every error in the reader's language (Accept-Language, English by
 * default): one middleware, outermost in httpHandler, so it sees the response
 * the error responder made and any error a handler returned itself.
 */
import type { MiddlewareObj, Request } from '@middy/core';
import type { HttpEvent, HttpResult } from './http.ts';
import type { ErrorBody } from './errors.ts';
import { languageOf, localizeErrorBody } from './localize.ts';

function headerOf(headers: Record<string, string | undefined> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const found = Object.keys(headers).find((key) => key.toLowerCase() === name);
  return found === undefined ? undefined : headers[found];
}

function errorBodyOf(body: string): ErrorBody | undefined {
  try {
    const parsed = JSON.parse(body) as Partial<ErrorBody>;
    return typeof parsed?.error?.message === 'string' ? (parsed as ErrorBody) : undefined;
  } catch {
    return undefined;
  }
}

function localize(request: Request<HttpEvent, HttpResult>): void {
  const response = request.response;
  if (!response || (response.statusCode ?? 200) < 400 || typeof response.body !== 'string') return;
  const errorBody = errorBodyOf(response.body);
  if (!errorBody) return;
  const language = languageOf(headerOf(request.event?.headers, 'accept-language'));
  request.response = {
    ...response,
    headers: { ...response.headers, 'content-language': language, vary: 'accept-language' },
    body: JSON.stringify(localizeErrorBody(errorBody, language)),
  };
}

export function localizeErrors(): MiddlewareObj<HttpEvent, HttpResult> {
  return { after: localize, onError: localize };
}
