/**
 * Every setting a handler reads, from the environment. The CDK app sets them
 * on each function; the local runtime sets them from .twinspace/endpoints.json
 * before it loads the handlers (see infra/local/handler-env.ts). The *_ENDPOINT
 * settings exist only locally: on AWS the SDK finds the service itself.
 */
export const envNames = {
  tableName: 'TABLE_NAME',
  region: 'AWS_REGION',
  dynamodbEndpoint: 'DYNAMODB_ENDPOINT',
  cognitoEndpoint: 'COGNITO_ENDPOINT',
  userPoolId: 'USER_POOL_ID',
  userPoolClientId: 'USER_POOL_CLIENT_ID',
  /** Local only: cognito-local's issuer and JWKS (aws-jwt-verify's JwtVerifier). On AWS, CognitoJwtVerifier derives them. */
  jwtIssuer: 'JWT_ISSUER',
  jwksUri: 'JWKS_URI',
  /** The @connections management API base URL, e.g. https://abc.execute-api.eu-west-1.amazonaws.com/prod */
  chatCallbackUrl: 'CHAT_CALLBACK_URL',
  /** Days a chat message is kept before its TTL removes it (default 90; CDK context `chatRetentionDays`). */
  chatRetentionDays: 'CHAT_RETENTION_DAYS',
  sesEndpoint: 'SES_ENDPOINT',
  mailFrom: 'MAIL_FROM',
  /** The private bucket of the TwinSpaces' materials (issue 10): uploads land in incoming/, processed objects in materials/. */
  materialsBucket: 'MATERIALS_BUCKET',
  /** Local only: the storage endpoint (s3rver behind infra/local/storage-local.ts). On AWS the SDK finds S3 itself. */
  s3Endpoint: 'S3_ENDPOINT',
  /** Bytes a project's materials may hold (default 2 GB; CDK context `materialsQuotaBytes`). */
  materialsQuotaBytes: 'MATERIALS_QUOTA_BYTES',
  /** The Secrets Manager secret (ARN) that keys the rate limit's hash of a source address; read once per cold start (lib/rate-limit-secret.ts). */
  rateLimitSecretArn: 'RATE_LIMIT_SECRET_ARN',
  /** Local only: that secret's value itself, from .twinspace/secrets.json (infra/local/secrets.ts). */
  rateLimitSecret: 'RATE_LIMIT_SECRET',
  /** School years a project mailbox message or a desktop mail is kept after the one it was sent in (default 2; CDK context `mailRetentionSchoolYears`). */
  mailRetentionSchoolYears: 'MAIL_RETENTION_SCHOOL_YEARS',
} as const;

export type Setting = keyof typeof envNames;

/** A required setting; a missing one is a deployment fault, said plainly. */
export function setting(key: Setting): string {
  const value = process.env[envNames[key]];
  if (!value) throw new Error(`Missing environment variable ${envNames[key]} (${key})`);
  return value;
}

/** An optional setting (the local-only endpoints). */
export function optionalSetting(key: Setting): string | undefined {
  return process.env[envNames[key]] || undefined;
}
