/**
 * Issue 11, "Privacy: Retention, Logs", in the synthesized stack: the rate
 * limit's key is a generated Secrets Manager secret that only the functions
 * with a per-address limit know of and may read (GetSecretValue on that one
 * secret, nothing more); the APIs' access logs carry no address; the table
 * has its TTL; mail retention is a validated setting every function gets.
 * Synthesized without bundling: nothing here reads code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Template } from 'aws-cdk-lib/assertions';
import { tableDesign } from '../../functions/data/table.ts';
import { envNames } from '../../functions/lib/config.ts';
import { allHandlers, httpRoutes, identityTriggers } from '../../functions/routes.ts';
import { httpFields, webSocketFields } from '../../infra/cdk/access-log.ts';
import { buildTwinspace, readmeDeployContext, type Synthesized } from './synth.ts';

type Resource = { Type: string; Properties: any; Metadata?: Record<string, any> };

let synthesized: Synthesized;
let resources: Record<string, Resource>;

beforeAll(() => {
  synthesized = buildTwinspace({ bundle: false, context: readmeDeployContext });
  resources = Template.fromStack(synthesized.stack).toJSON().Resources;
}, 120_000);
afterAll(() => synthesized?.cleanup());

const ofType = (type: string) => Object.entries(resources).filter(([, resource]) => resource.Type === type);
const logicalIdOf = (name: string) => synthesized.stack.getLogicalId(synthesized.stack.functions.get(name)!.node.defaultChild as import('aws-cdk-lib').CfnElement);
const variablesOf = (name: string) => resources[logicalIdOf(name)].Properties.Environment.Variables;
/** Every statement of the policies attached to a role (by its logical id). */
const statementsOf = (roleId: string) =>
  ofType('AWS::IAM::Policy')
    .filter(([, policy]) => policy.Properties.Roles.some((role: { Ref: string }) => role.Ref === roleId))
    .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);
const actionsOf = (statement: { Action: string | string[] }) => [statement.Action].flat();

/** The area functions whose routes declare a per-address limit (today: the public sign-up's). */
const limitedAreas = new Set(httpRoutes.filter((route) => route.rateLimit).map((route) => route.function.name));

describe("the rate limit's key", () => {
  it('is one Secrets Manager secret that CloudFormation generates (no value in the template)', () => {
    const secrets = ofType('AWS::SecretsManager::Secret');
    expect(secrets).toHaveLength(1);
    const [, secret] = secrets[0];
    expect(secret.Properties.GenerateSecretString).toMatchObject({ PasswordLength: 64, ExcludePunctuation: true });
    expect(secret.Properties.SecretString).toBeUndefined();
  });

  it('is known (its ARN) to the functions with a per-address limit, and only to them', () => {
    expect([...limitedAreas]).toEqual(['http-sign-up']);
    const [secretId] = ofType('AWS::SecretsManager::Secret')[0];
    for (const handler of allHandlers) {
      const arn = variablesOf(handler.name)[envNames.rateLimitSecretArn];
      if (limitedAreas.has(handler.name)) expect(arn, handler.name).toEqual({ Ref: secretId });
      else expect(arn, handler.name).toBeUndefined();
      // The local-only value never reaches a deployed function.
      expect(variablesOf(handler.name)[envNames.rateLimitSecret], handler.name).toBeUndefined();
    }
  });

  it('is readable with secretsmanager:GetSecretValue on that one secret, by the roles of those functions only', () => {
    const [secretId] = ofType('AWS::SecretsManager::Secret')[0];
    const secretStatements = ofType('AWS::IAM::Policy').flatMap(([, policy]) =>
      (policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[])
        .filter((statement) => actionsOf(statement).some((action) => action.startsWith('secretsmanager:')))
        .map((statement) => ({ roles: policy.Properties.Roles.map((role: { Ref: string }) => role.Ref), statement })),
    );
    const limitedRoles = [...limitedAreas].map((name) => resources[logicalIdOf(name)].Properties.Role['Fn::GetAtt'][0]);
    expect(secretStatements).toHaveLength(1);
    expect(secretStatements[0].roles.sort()).toEqual([...new Set(limitedRoles)].sort());
    expect(secretStatements[0].statement).toMatchObject({ Action: 'secretsmanager:GetSecretValue', Effect: 'Allow', Resource: { Ref: secretId } });
    // No function without a limit shares that role.
    for (const handler of allHandlers) {
      const role = resources[logicalIdOf(handler.name)].Properties.Role['Fn::GetAtt']?.[0];
      if (!limitedAreas.has(handler.name)) expect(limitedRoles, handler.name).not.toContain(role);
      if (!limitedAreas.has(handler.name) && role) {
        expect(statementsOf(role).flatMap(actionsOf).filter((action) => action.startsWith('secretsmanager:')), handler.name).toEqual([]);
      }
    }
  });
});

describe('the access logs', () => {
  it('carry no source address and no user agent, on either API', () => {
    const stages = ofType('AWS::ApiGatewayV2::Stage').filter(([, stage]) => stage.Properties.AccessLogSettings);
    expect(stages).toHaveLength(2);
    for (const [, stage] of stages) {
      const format = stage.Properties.AccessLogSettings.Format as string;
      expect(format).not.toMatch(/sourceIp|identity\.|userAgent|caller|user\b/);
      expect(Object.keys(JSON.parse(format))).toEqual(expect.arrayContaining(['requestId', 'routeKey', 'status']));
    }
    for (const fields of [httpFields, webSocketFields]) expect(JSON.stringify(fields)).not.toContain('$context.identity');
  });
});

describe('the TTL that expires rate-limit counters and mail', () => {
  it('is on, on the attribute the repositories write', () => {
    const [[, table]] = ofType('AWS::DynamoDB::Table');
    expect(table.Properties.TimeToLiveSpecification).toEqual({ AttributeName: tableDesign.ttlAttribute, Enabled: true });
    expect(tableDesign.ttlAttribute).toBe('expiresAt');
  });
});

describe('the mail retention setting', () => {
  it('is 2 school years by default, for every function (but the user pool\'s triggers, which get no settings and write no mail)', () => {
    const triggers = new Set<string>(Object.values(identityTriggers).map((trigger) => trigger.name));
    for (const handler of allHandlers.filter((handler) => !triggers.has(handler.name))) expect(variablesOf(handler.name)[envNames.mailRetentionSchoolYears], handler.name).toBe('2');
  });

  it('follows -c mailRetentionSchoolYears', () => {
    const three = buildTwinspace({ bundle: false, context: { ...readmeDeployContext, mailRetentionSchoolYears: '3' } });
    try {
      const fn = three.stack.functions.get('http-desktop')!;
      const variables = Template.fromStack(three.stack).toJSON().Resources[three.stack.getLogicalId(fn.node.defaultChild as import('aws-cdk-lib').CfnElement)].Properties.Environment.Variables;
      expect(variables[envNames.mailRetentionSchoolYears]).toBe('3');
    } finally {
      three.cleanup();
    }
  });

  it('fails synth on anything but a positive whole number, with a sentence saying what to give', () => {
    // Every refused form is in tests/unit/mail-retention.test.ts; here, that synth uses that check.
    expect(() => buildTwinspace({ bundle: false, context: { ...readmeDeployContext, mailRetentionSchoolYears: '1.5' } })).toThrow(
      /mailRetentionSchoolYears must be a positive whole number of school years, such as 2 \(got "1\.5"\)/,
    );
  });
});

describe('no log of the stack keeps a requester\'s IP address', () => {
  it('no bucket writes S3 server access logs (their fixed format holds the requester\'s address)', () => {
    const buckets = ofType('AWS::S3::Bucket');
    expect(buckets.length).toBeGreaterThan(0);
    for (const [id, bucket] of buckets) expect(bucket.Properties?.LoggingConfiguration, id).toBeUndefined();
  });

  it('the site\'s distribution writes no standard logs (their c-ip field is every viewer\'s address)', () => {
    const distributions = ofType('AWS::CloudFront::Distribution');
    expect(distributions).toHaveLength(1);
    for (const [id, distribution] of distributions) expect(distribution.Properties.DistributionConfig.Logging, id).toBeUndefined();
  });
});
