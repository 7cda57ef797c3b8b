/**
 * One access-log format and log group for both APIs: a JSON line per request
 * (API Gateway $context variables), kept a month. No field names the caller:
 * not the source address ($context.identity.sourceIp), not even a prefix of
 * it, and no user agent. The per-address rate limit is the one place that
 * needs an address, and it keeps only a keyed hash of it, for an hour
 * (functions/lib/rate-limit.ts); a log line keeps the request id, which
 * finds the function's own lines (its correlation id) when something fails.
 * A truncated prefix (/24) was considered and left out: a school's network is
 * often one address, so a prefix would still point at one school, and no
 * operation here reads it.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import type { IAccessLogSettings } from 'aws-cdk-lib/aws-apigatewayv2';
import { LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** Exported for the infra tests: every field of a line. */
export const httpFields = {
  requestId: '$context.requestId',
  time: '$context.requestTime',
  routeKey: '$context.routeKey',
  status: '$context.status',
  responseLength: '$context.responseLength',
  integrationLatency: '$context.integrationLatency',
  error: '$context.error.message',
  authorizerError: '$context.authorizer.error',
};

export const webSocketFields = {
  requestId: '$context.requestId',
  time: '$context.requestTime',
  routeKey: '$context.routeKey',
  eventType: '$context.eventType',
  connectionId: '$context.connectionId',
  status: '$context.status',
  error: '$context.error.message',
  authorizerError: '$context.authorizer.error',
};

export function accessLogSettings(scope: Construct, id: string, kind: 'http' | 'websocket'): IAccessLogSettings {
  const logGroup = new LogGroup(scope, id, {
    retention: RetentionDays.ONE_MONTH,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  const fields = kind === 'http' ? httpFields : webSocketFields;
  return {
    destination: new LogGroupLogDestination(logGroup),
    format: AccessLogFormat.custom(JSON.stringify(fields)),
  };
}
