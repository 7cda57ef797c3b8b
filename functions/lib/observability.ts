/**
 * Powertools for every handler (HTTP, chat, scheduled), one instance each per
 * container: the logger with the Lambda context and the API Gateway request
 * id as correlation id, the tracer (which also wraps the SDK clients in
 * clients.ts), and metrics: a cold-start metric plus each area's business
 * metric (`countOf`). Locally the runtime turns tracing and metrics off
 * (infra/local/endpoints.ts); on AWS they come from the Powertools layer.
 */
import middy, { type MiddlewareObj } from '@middy/core';
import type { Context } from 'aws-lambda';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import { logger } from './logger.ts';

const serviceName = process.env.POWERTOOLS_SERVICE_NAME ?? 'twinspace';

export const tracer = new Tracer({ serviceName });
export const metrics = new Metrics({ serviceName, namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'Twinspace' });

/** The business metrics, one name each, so a dashboard finds them in one place. */
export type BusinessMetric =
  | 'ProjectsProposed'
  | 'ProjectsDecided'
  | 'MembersChanged'
  | 'TeachersRegistered'
  | 'CommunityActions'
  | 'DesktopMailSent'
  | 'PagesWritten'
  | 'ForumPostsWritten'
  | 'AgendaEventsWritten'
  | 'MailboxMessagesSent'
  | 'DiaryEntriesWritten'
  | 'DoubtsAnswered'
  | 'EuropeanLabelsProposed'
  | 'LabelApplications'
  | 'LabelsEvaluated'
  | 'ChatMessagesSent'
  | 'DigestsSent'
  | 'AccountMailsSent'
  | 'AccountMailsFailed'
  | 'AccountMailsHeld'
  | 'HomeWrites'
  | 'MaterialsWritten'
  | 'PeopleErased';

/** Counts one business event (flushed with the invocation's metrics). */
export function countOf(name: BusinessMetric, count = 1): void {
  metrics.addMetric(name, MetricUnit.Count, count);
}

/** The correlation id of an API Gateway event (HTTP and WebSocket): its request id. */
function correlationId(): MiddlewareObj<{ requestContext?: { requestId?: string } }> {
  return {
    before: (request) => {
      const requestId = request.event?.requestContext?.requestId;
      if (requestId) logger.setCorrelationId(requestId);
    },
  };
}

/**
 * One line per HTTP answer: the route and the status (ids only — never the
 * path's query or a body, which may hold what people typed), with the
 * correlation id and Lambda context the logger already carries.
 */
export function answerLog(): MiddlewareObj<{ routeKey?: string }, { statusCode?: number } | undefined> {
  const write = (request: { event?: { routeKey?: string }; response?: { statusCode?: number } | null }) => {
    logger.info('Answered', { routeKey: request.event?.routeKey, status: request.response?.statusCode });
  };
  return { after: write, onError: write };
}

/** The middlewares every handler runs in, outermost first. */
export function observed(): MiddlewareObj<any, any>[] {
  return [
    captureLambdaHandler(tracer, { captureResponse: false }),
    injectLambdaContext(logger, { resetKeys: true }),
    correlationId(),
    // Off locally (POWERTOOLS_METRICS_DISABLED): nothing to flush, and no warning per request that nothing was.
    ...(process.env.POWERTOOLS_METRICS_DISABLED === 'true' ? [] : [logMetrics(metrics, { captureColdStartMetric: true })]),
  ];
}

export { logger };

/** A chat or scheduled handler in the same Powertools middlewares as the HTTP areas (router.ts). */
export function observedHandler<Event, Result>(handle: (event: Event, context: Context) => Promise<Result>) {
  return middy<Event, Result>().use(observed()).handler(handle);
}
