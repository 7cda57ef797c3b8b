/**
 * The shape of .twinspace/endpoints.json (API.md, "Local endpoints"), and the
 * environment the handlers get from it when they run locally.
 */
import { envNames } from '../../functions/lib/config.ts';

export interface LocalEndpoints {
  api: string;
  chat: string;
  web: string;
  mail: string;
  dynamodb: string;
  /** The materials storage (s3rver behind its signature-checking front, infra/local/storage-local.ts), path-style. */
  storage: string;
  /** The materials bucket in it. */
  bucket: string;
  table: string;
  region: string;
  cognito: { endpoint: string; userPoolId: string; clientId: string };
}

/** Site runtime configuration, served as /config.json (locally and by CloudFront). */
export interface SiteConfig {
  api: string;
  chat: string;
  region: string;
  cognito: { endpoint: string; userPoolId: string; clientId: string };
}

export function siteConfigOf(endpoints: LocalEndpoints): SiteConfig {
  return { api: endpoints.api, chat: endpoints.chat, region: endpoints.region, cognito: endpoints.cognito };
}

/** cognito-local's token issuer is http://localhost:<port>/<poolId>. */
export function localIssuer(endpoints: LocalEndpoints): string {
  return `${endpoints.cognito.endpoint.replace('127.0.0.1', 'localhost')}/${endpoints.cognito.userPoolId}`;
}

/** The environment variables a handler reads (functions/lib/config.ts), for the local stack. */
export function handlerEnv(endpoints: LocalEndpoints): Record<string, string> {
  const issuer = localIssuer(endpoints);
  return {
    [envNames.tableName]: endpoints.table,
    [envNames.region]: endpoints.region,
    [envNames.dynamodbEndpoint]: endpoints.dynamodb,
    [envNames.cognitoEndpoint]: endpoints.cognito.endpoint,
    [envNames.userPoolId]: endpoints.cognito.userPoolId,
    [envNames.userPoolClientId]: endpoints.cognito.clientId,
    [envNames.jwtIssuer]: issuer,
    [envNames.jwksUri]: `${issuer}/.well-known/jwks.json`,
    [envNames.chatCallbackUrl]: endpoints.chat.replace(/^ws/, 'http'),
    // As the CDK app's default (context chatRetentionDays); CHAT_RETENTION_DAYS in the shell changes it locally.
    [envNames.chatRetentionDays]: process.env[envNames.chatRetentionDays] || '90',
    // As the CDK app's default (context mailRetentionSchoolYears, 2); MAIL_RETENTION_SCHOOL_YEARS in the shell changes it locally.
    [envNames.mailRetentionSchoolYears]: process.env[envNames.mailRetentionSchoolYears] || '2',
    [envNames.sesEndpoint]: endpoints.mail,
    [envNames.mailFrom]: 'no-reply@twinspace.local',
    [envNames.s3Endpoint]: endpoints.storage,
    [envNames.materialsBucket]: endpoints.bucket,
    // As the CDK app's default (2 GB, functions/domain/materials.ts) unless MATERIALS_QUOTA_BYTES is set in the shell.
    ...(process.env[envNames.materialsQuotaBytes] ? { [envNames.materialsQuotaBytes]: process.env[envNames.materialsQuotaBytes]! } : {}),
    // Local emulators accept any credentials; the SDK only needs some.
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    POWERTOOLS_SERVICE_NAME: 'twinspace',
    // WARN unless the shell (or the stack keeping a handler log, at INFO) says otherwise: the logger reads it once, at its first load.
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL || 'WARN',
    POWERTOOLS_METRICS_DISABLED: 'true',
    POWERTOOLS_TRACE_ENABLED: 'false',
  };
}
