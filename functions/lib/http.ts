/**
 * Middlewares of the HTTP stack (composed in functions/http/router.ts), each
 * doing one thing: answer errors in the API.md shape, parse a JSON body when
 * there is one; and the event and result types of API Gateway HTTP API
 * payload 2.0 with the JWT authorizer.
 */
import type { MiddlewareObj } from '@middy/core';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { ZodError } from 'zod';
import { HttpError, isTransientFault, problemsOf, type ErrorBody } from './errors.ts';
import { logger } from './logger.ts';

export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type HttpResult = APIGatewayProxyStructuredResultV2;
export type HttpHandler = (event: HttpEvent, context: Context) => Promise<HttpResult>;

const jsonHeaders = { 'content-type': 'application/json; charset=utf-8' };

/** A JSON response. */
export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResult {
  return { statusCode, headers: { ...jsonHeaders, ...headers }, body: JSON.stringify(body) };
}

/** Turns whatever was thrown into the API.md error shape; only the unexpected is a 500. */
export function errorResponder(): MiddlewareObj<HttpEvent, HttpResult> {
  return {
    onError: (request) => {
      const thrown = request.error;
      if (thrown instanceof HttpError) {
        const headers: Record<string, string> = thrown.retryAfter === undefined ? {} : { 'retry-after': String(thrown.retryAfter) };
        request.response = json(thrown.statusCode, thrown.body, headers);
        return;
      }
      if (thrown instanceof ZodError) {
        request.response = json(400, {
          error: { code: 'VALIDATION_FAILED', message: 'The request is not valid.', details: problemsOf(thrown) },
        } satisfies ErrorBody);
        return;
      }
      // middy's own http errors (malformed JSON is 422, a wrong content type 415) are bad input: 400.
      const status = (thrown as { statusCode?: number } | undefined)?.statusCode;
      if (typeof status === 'number' && status >= 400 && status < 500) {
        request.response = json(400, {
          error: { code: 'VALIDATION_FAILED', message: 'The request body must be valid JSON.', details: [{ field: 'body', message: thrown?.message ?? 'invalid' }] },
        } satisfies ErrorBody);
        return;
      }
      if (isTransientFault(thrown)) {
        logger.warn('A service we depend on is unavailable', { error: thrown as Error, routeKey: request.event?.routeKey });
        request.response = json(
          503,
          { error: { code: 'UNAVAILABLE', message: 'Twinspace is briefly unavailable. Try again in a moment.', details: [] } } satisfies ErrorBody,
          { 'retry-after': '2' },
        );
        return;
      }
      logger.error('Unexpected error', { error: thrown as Error, routeKey: request.event?.routeKey });
      request.response = json(500, { error: { code: 'INTERNAL', message: 'Something went wrong on our side.', details: [] } } satisfies ErrorBody);
    },
  };
}

/** Parses a JSON body only when there is one: GETs carry none, and that is not an error. */
export function jsonBodyWhenPresent(): MiddlewareObj<HttpEvent, HttpResult> {
  const parser = httpJsonBodyParser();
  return {
    before: async (request) => {
      const body = request.event.body;
      if (body === undefined || body === null || body === '') return;
      // Any body we accept is JSON; parse it whatever content type the client claimed.
      const contentType = request.event.headers['content-type'];
      if (!contentType || !/json/i.test(contentType)) request.event.headers['content-type'] = 'application/json';
      await parser.before?.(request as never);
    },
  };
}
