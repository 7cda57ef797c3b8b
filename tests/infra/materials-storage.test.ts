/**
 * The materials bucket (issue 10) as a reviewer would check it: private,
 * encrypted, TLS only, uploads that were never processed expire, the
 * processing function on its ObjectCreated events under incoming/, and every
 * role's S3 rights exactly as narrow as its use. One synth without bundling
 * (the asset with sharp is checked in stack.test.ts), with the README's deploy
 * context and a quota, which must reach every HTTP function.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Template } from 'aws-cdk-lib/assertions';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { CfnElement } from 'aws-cdk-lib';
import { materialLimits } from '../../functions/domain/materials.ts';
import { envNames } from '../../functions/lib/config.ts';
import { httpFunctions, storageHandlers } from '../../functions/routes.ts';
import { checkSharpBuild, sharpBuild } from '../../infra/cdk/bundling.ts';
import { repoRoot } from '../../infra/cdk/function.ts';
import { materialsAccessByFunction, quotaBytesOf, type MaterialsAccess } from '../../infra/cdk/materials-storage.ts';
import { buildTwinspace, readmeDeployContext, type Synthesized } from './synth.ts';

type Resource = { Type: string; Properties: any; Metadata?: Record<string, any>; DeletionPolicy?: string };
type Statement = { Action: string | string[]; Resource: unknown; Condition?: unknown };

const quota = '5368709120';
let synthesized: Synthesized;
let resources: Record<string, Resource>;
let bucketId: string;

beforeAll(() => {
  synthesized = buildTwinspace({
    bundle: false,
    context: { ...readmeDeployContext, materialsQuotaBytes: quota },
    // Stands in for the materials area's role until the area exists (its function is named http-materials).
    modify: (stack) => stack.materials.grantAccess(new Role(stack, 'ManageProbe', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') }), 'manage'),
  });
  synthesized.app.synth();
  resources = Template.fromStack(synthesized.stack).toJSON().Resources;
  bucketId = logicalId(synthesized.stack.materials.bucket.node.defaultChild as CfnElement);
}, 300_000);
afterAll(() => synthesized?.cleanup());

const logicalId = (element: CfnElement) => synthesized.stack.getLogicalId(element);
const bucket = () => resources[bucketId];
const functionId = (name: string) => logicalId(synthesized.stack.functions.get(name)!.node.defaultChild as CfnElement);
const roleIdOf = (name: string) => logicalId(synthesized.stack.functions.get(name)!.role!.node.defaultChild as CfnElement);

/** A policy resource as text, the bucket's ARN spelt `bucket`: e.g. `bucket/incoming/*`. */
function resourceText(resource: unknown): string {
  if (typeof resource === 'string') return resource;
  const value = resource as Record<string, any>;
  if (value['Fn::GetAtt']) return value['Fn::GetAtt'][0] === bucketId && value['Fn::GetAtt'][1] === 'Arn' ? 'bucket' : `<${value['Fn::GetAtt'].join('.')}>`;
  if (value['Fn::Join']) return (value['Fn::Join'][1] as unknown[]).map(resourceText).join(value['Fn::Join'][0]);
  if (value.Ref) return `<${value.Ref}>`;
  return JSON.stringify(value);
}

function statementsOf(roleId: string): Statement[] {
  return Object.values(resources)
    .filter((resource) => resource.Type === 'AWS::IAM::Policy' && resource.Properties.Roles.some((role: { Ref: string }) => role.Ref === roleId))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
}

/** A role's S3 actions by resource, sorted: the whole of what it may do with objects. */
function s3Rights(roleId: string): Record<string, string[]> {
  const rights: Record<string, string[]> = {};
  for (const statement of statementsOf(roleId)) {
    const actions = [statement.Action].flat().filter((action) => action.startsWith('s3:'));
    if (actions.length === 0) continue;
    for (const resource of [statement.Resource].flat()) rights[resourceText(resource)] = [...(rights[resourceText(resource)] ?? []), ...actions].sort();
  }
  return rights;
}

const expectedRights: Record<MaterialsAccess | 'processing', Record<string, string[]>> = {
  processing: { 'bucket/incoming/*': ['s3:DeleteObject', 's3:GetObject'], 'bucket/materials/*': ['s3:DeleteObject', 's3:PutObject'] },
  manage: {
    'bucket/incoming/*': ['s3:DeleteObject', 's3:GetObject', 's3:PutObject'],
    'bucket/materials/*': ['s3:DeleteObject', 's3:GetObject'],
    bucket: ['s3:ListBucket'],
  },
  read: { 'bucket/materials/*': ['s3:GetObject'] },
};

describe('the materials bucket', () => {
  it('blocks all public access, encrypts with S3-managed keys, owns every object (no ACLs) and is retained', () => {
    expect(bucket().Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket().Properties.BucketEncryption.ServerSideEncryptionConfiguration).toEqual([{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }]);
    expect(bucket().Properties.OwnershipControls.Rules).toEqual([{ ObjectOwnership: 'BucketOwnerEnforced' }]);
    expect(bucket().Properties.VersioningConfiguration).toBeUndefined();
    expect(bucket().DeletionPolicy).toBe('Retain');
  });

  it('refuses every request without TLS (and below TLS 1.2), and its policy allows no one to read', () => {
    const [policy] = Object.values(resources).filter((r) => r.Type === 'AWS::S3::BucketPolicy' && r.Properties.Bucket.Ref === bucketId);
    const statements = policy.Properties.PolicyDocument.Statement as (Statement & { Effect: string; Principal: unknown })[];
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } } }));
    expect(statements.filter((statement) => statement.Effect === 'Allow')).toEqual([]);
  });

  it('aborts incomplete multipart uploads after a day and expires what is left in incoming/ after a day', () => {
    const rules = bucket().Properties.LifecycleConfiguration.Rules;
    expect(rules).toContainEqual(expect.objectContaining({ Status: 'Enabled', AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }));
    expect(rules).toContainEqual(expect.objectContaining({ Status: 'Enabled', Prefix: 'incoming/', ExpirationInDays: 1 }));
    // Nothing processed ever expires.
    expect(rules.filter((rule: { ExpirationInDays?: number; Prefix?: string }) => rule.ExpirationInDays && rule.Prefix !== 'incoming/')).toEqual([]);
  });

  it('lets only the site\'s origin POST uploads and GET/HEAD objects from a browser', () => {
    const [rule, ...others] = bucket().Properties.CorsConfiguration.CorsRules;
    expect(others).toEqual([]);
    expect(rule.AllowedMethods.sort()).toEqual(['GET', 'HEAD', 'POST']);
    expect(rule.AllowedOrigins).toEqual([{ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [expect.stringMatching(/^SiteDistribution/), 'DomainName'] }]] }]);
  });

  it('keeps no server access logs: their format holds every requester\'s IP address (issue 11, "Logs")', () => {
    expect(bucket().Properties.LoggingConfiguration).toBeUndefined();
  });
});

describe('the processing of uploads', () => {
  it.each(storageHandlers.map((handler) => [handler.name, handler] as const))('%s is invoked on every object created under its prefix', (name, handler) => {
    const [notifications] = Object.values(resources).filter((r) => r.Type === 'Custom::S3BucketNotifications');
    expect(notifications.Properties.BucketName).toEqual({ Ref: bucketId });
    expect(notifications.Properties.NotificationConfiguration.LambdaFunctionConfigurations).toContainEqual({
      Events: ['s3:ObjectCreated:*'],
      Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: handler.prefix }] } },
      LambdaFunctionArn: { 'Fn::GetAtt': [functionId(name), 'Arn'] },
    });
    // S3 may invoke it, from this bucket of this account only.
    const permissions = Object.values(resources).filter((r) => r.Type === 'AWS::Lambda::Permission' && r.Properties.Principal === 's3.amazonaws.com');
    expect(permissions).toContainEqual(
      expect.objectContaining({
        Properties: expect.objectContaining({
          FunctionName: { 'Fn::GetAtt': [functionId(name), 'Arn'] },
          SourceArn: { 'Fn::GetAtt': [bucketId, 'Arn'] },
          SourceAccount: { Ref: 'AWS::AccountId' },
        }),
      }),
    );
  });

  it.each(storageHandlers.map((handler) => [handler.name] as const))('%s runs on x86_64 (sharp\'s linux-x64 build), the others on arm64', (name) => {
    expect(resources[functionId(name)].Properties.Architectures).toEqual(['x86_64']);
    expect(sharpBuild.functions.has(name)).toBe(true);
    for (const other of [...synthesized.stack.functions.keys()].filter((each) => !sharpBuild.functions.has(each))) {
      expect(resources[functionId(other)].Properties.Architectures, other).toEqual(['arm64']);
    }
  });

  it.each(storageHandlers.map((handler) => [handler.name] as const))('%s reads and deletes uploads, writes and deletes processed objects, and nothing else in S3', (name) => {
    expect(s3Rights(roleIdOf(name))).toEqual(expectedRights.processing);
    expect(resources[functionId(name)].Properties.Environment.Variables[envNames.materialsBucket]).toEqual({ Ref: bucketId });
  });
});

describe('the HTTP areas\' rights on the bucket', () => {
  /** The brief's list, literally: the materials area manages; the four surfaces of rich text show images. */
  const accessByArea: Record<string, MaterialsAccess> = { 'http-materials': 'manage', 'http-pages': 'read', 'http-forum': 'read', 'http-diary': 'read', 'http-home': 'read', 'http-privacy': 'manage' };

  it('names exactly these areas', () => {
    expect(materialsAccessByFunction).toEqual(accessByArea);
  });

  it('gives each area that reaches the bucket exactly its rights (manage: the Materials tab; read: the documents\' images), through its role', () => {
    const present = httpFunctions.filter((handler) => accessByArea[handler.name]);
    // pages, forum, diary, home today; the materials area joins when it exists.
    expect(present.map((handler) => handler.name)).toEqual(expect.arrayContaining(['http-pages', 'http-forum', 'http-diary', 'http-home']));
    for (const handler of present) {
      expect(s3Rights(roleIdOf(handler.name)), handler.name).toEqual(expectedRights[accessByArea[handler.name]]);
    }
  });

  it('manage: lists only under materials/ (to delete a material\'s objects)', () => {
    const probe = logicalId(synthesized.stack.node.findChild('ManageProbe').node.defaultChild as CfnElement);
    expect(s3Rights(probe)).toEqual(expectedRights.manage);
    const [list] = statementsOf(probe).filter((statement) => statement.Action === 's3:ListBucket');
    expect(list.Condition).toEqual({ StringLike: { 's3:prefix': ['materials/*'] } });
  });

  it('keeps S3 away from every other area', () => {
    for (const handler of httpFunctions.filter((each) => !accessByArea[each.name])) {
      expect(s3Rights(roleIdOf(handler.name)), handler.name).toEqual({});
    }
  });

  it('grants no function s3:* (or any action wildcard), no S3 action on a wildcard resource, and no Scan', () => {
    for (const name of synthesized.stack.functions.keys()) {
      for (const statement of statementsOf(roleIdOf(name))) {
        const actions = [statement.Action].flat();
        expect(actions.filter((action) => action.startsWith('s3:') && action.includes('*')), name).toEqual([]);
        expect(actions, name).not.toContain('dynamodb:Scan');
        if (actions.some((action) => action.startsWith('s3:'))) {
          for (const resource of [statement.Resource].flat()) expect(resourceText(resource), name).toMatch(/^bucket(\/(incoming|materials)\/\*)?$/);
        }
      }
    }
  });

  it('gives every HTTP function the bucket and the quota of the context materialsQuotaBytes', () => {
    for (const handler of httpFunctions) {
      const variables = resources[functionId(handler.name)].Properties.Environment.Variables;
      expect(variables[envNames.materialsQuotaBytes], handler.name).toBe(quota);
      expect(variables[envNames.materialsBucket], handler.name).toEqual({ Ref: bucketId });
    }
  });
});

describe('the context materialsQuotaBytes', () => {
  it('is 2 GB unless set, and a whole number of bytes when set', () => {
    expect(quotaBytesOf(undefined)).toBe(materialLimits.defaultQuotaBytes);
    expect(quotaBytesOf('')).toBe(materialLimits.defaultQuotaBytes);
    expect(quotaBytesOf('5368709120')).toBe(5_368_709_120);
    expect(quotaBytesOf(1024)).toBe(1024);
  });

  it.each(['0', '-1', '2GB', '1.5', '1e9', 'abc', 0, 2.5, '99999999999999999999'])('refuses %j, saying what it must be', (value) => {
    expect(() => quotaBytesOf(value)).toThrow(/materialsQuotaBytes must be a whole number of bytes greater than 0, e\.g\. -c materialsQuotaBytes=5368709120/);
  });
});

describe('sharp\'s linux-x64 build', () => {
  it('is installed here (npm ci on Linux x64 installs it)', () => {
    expect(() => checkSharpBuild()).not.toThrow();
  });

  it('stops synth with the fix when it is missing or not the one sharp expects', () => {
    const modules = mkdtempSync(path.join(tmpdir(), 'twinspace-no-sharp-build-'));
    try {
      cpSync(path.join(repoRoot, 'node_modules', 'sharp', 'package.json'), path.join(modules, 'sharp', 'package.json'));
      expect(() => checkSharpBuild(modules)).toThrow(/@img\/sharp-linux-x64 is not installed.*npm install --os=linux --cpu=x64 --libc=glibc sharp/);
      mkdirSync(path.join(modules, '@img', 'sharp-linux-x64'), { recursive: true });
      writeFileSync(path.join(modules, '@img', 'sharp-linux-x64', 'package.json'), JSON.stringify({ name: '@img/sharp-linux-x64', version: '0.0.1' }));
      expect(() => checkSharpBuild(modules)).toThrow(/@img\/sharp-linux-x64 0\.0\.1 is installed, sharp expects .*npm install --os=linux --cpu=x64 --libc=glibc sharp/);
    } finally {
      rmSync(modules, { recursive: true, force: true });
    }
  });
});
