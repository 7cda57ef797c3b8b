/**
 * The synthesized Twinspace stack, as a reviewer would check it: every
 * function on nodejs24.x and bundled from its module, the table's design, the
 * seven groups, both APIs with their authorizers, the schedule and the site.
 * One synth with real esbuild bundling for the whole file.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { tableDesign } from '../../functions/data/table.ts';
import { cognitoGroups } from '../../functions/domain/twinspace-types.ts';
import { envNames } from '../../functions/lib/config.ts';
import { allHandlers, chatHandlers, httpFunctions, identityTriggers, httpRoutes, scheduledJobs, storageHandlers, streamHandlers } from '../../functions/routes.ts';
import { materialLimits } from '../../functions/domain/materials.ts';
import { buildTwinspace, readmeDeployContext, type Synthesized } from './synth.ts';
import { assetFiles, bundleBudgetBytes, bundleBudgetOf, guardModule, powertoolsVersion, sharpBuild } from '../../infra/cdk/bundling.ts';
import { repoRoot } from '../../infra/cdk/function.ts';
import { chatBroadcastMemoryMb } from '../../infra/cdk/chat-api.ts';
import { guardLayerUses } from '../../infra/cdk/guard-layer.ts';
import { guardCodeMarkers, loadEveryScript, runWithGuardLayer } from './guard-layer-probe.ts';

type Resource = { Type: string; Properties: any; Metadata?: Record<string, any>; DeletionPolicy?: string; UpdateReplacePolicy?: string };

let synthesized: Synthesized;
let template: Template;
let resources: Record<string, Resource>;

beforeAll(() => {
  synthesized = buildTwinspace({ bundle: true });
  template = Template.fromStack(synthesized.stack);
  resources = template.toJSON().Resources;
}, 300_000);
afterAll(() => synthesized?.cleanup());

function ofType(type: string): [string, Resource][] {
  return Object.entries(resources).filter(([, resource]) => resource.Type === type);
}

/** The Lambda function CDK made for a route-table entry (construct id = handler name). */
function functionOf(name: string): [string, Resource] {
  const logicalId = synthesized.stack.getLogicalId(
    synthesized.stack.functions.get(name)!.node.defaultChild as import('aws-cdk-lib').CfnElement,
  );
  return [logicalId, resources[logicalId]];
}

describe('Lambda functions', () => {
  it('runs every function on nodejs24.x, except the BucketDeployment provider and the bucket-notifications handler CDK brings', () => {
    const functions = ofType('AWS::Lambda::Function');
    const ours = functions.filter(([, fn]) => fn.Properties.Runtime === 'nodejs24.x');
    const others = functions.filter(([, fn]) => fn.Properties.Runtime !== 'nodejs24.x');
    expect(ours).toHaveLength(allHandlers.length);
    expect(others.map(([, fn]) => fn.Metadata?.['aws:cdk:path']).sort()).toEqual([
      expect.stringMatching(/^Twinspace\/BucketNotificationsHandler/),
      expect.stringMatching(/^Twinspace\/Custom::CDKBucketDeployment/),
    ]);
    expect(others.every(([, fn]) => !String(fn.Properties.Runtime).startsWith('nodejs'))).toBe(true);
  });

  it.each(allHandlers.map((handler) => [handler.name, handler] as const))(
    '%s: ARM (x86_64 if it ships sharp), traced, handler = its export, bundled as ESM from its module',
    (name, handler) => {
      const [, fn] = functionOf(name);
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: [sharpBuild.functions.has(name) ? 'x86_64' : 'arm64'],
        Handler: `index.${handler.export}`,
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogFormat: 'JSON', LogGroup: expect.anything() },
      });
      const bundle = path.join(synthesized.outdir, fn.Metadata!['aws:asset:path'], 'index.mjs');
      expect(existsSync(bundle), bundle).toBe(true);
      const code = readFileSync(bundle, 'utf8');
      expect(code.startsWith("import { createRequire as __twinspaceCreateRequire } from 'node:module';")).toBe(true);
      // The minified ESM bundle still exports the handler under its own name.
      expect(code).toMatch(new RegExp(`export\\s*\\{[^}]*\\b${handler.export}\\b[^}]*\\}`));
      // The AWS SDK is bundled, not left to the runtime's copy; Powertools comes from its layer.
      expect(code).not.toMatch(/from\s*["']@aws-sdk\//);
      expect(code).toMatch(/from\s*["']@aws-lambda-powertools\/logger/);
      const [layer, ...otherLayers] = fn.Properties.Layers;
      expect(template.toJSON().Parameters[layer.Ref].Default).toBe(`/aws/service/powertools/typescript/generic/all/${powertoolsVersion()}`);
      // The pupil guard and its libraries are never inside a bundle: a function importing them gets their layer, and only then.
      expect(code).not.toContain('country_calling_codes');
      for (const marker of guardCodeMarkers) expect(code, marker).not.toContain(marker);
      expect(otherLayers, name).toEqual(guardLayerImportsOf(code).length > 0 ? [{ Ref: guardLayerId() }] : []);
      // DESIGN.md budget: at most 400 KB minified per function (the upload processing: 512 KB, see bundling.ts).
      expect(statSync(bundle).size).toBeLessThanOrEqual(bundleBudgetOf(name));
      if (!sharpBuild.functions.has(name)) expect(bundleBudgetOf(name)).toBe(bundleBudgetBytes);
      // The data files the code reads beside its bundle (the error-message catalogs) travel with it.
      for (const asset of assetFiles) {
        expect(readFileSync(path.join(path.dirname(bundle), path.basename(asset)), 'utf8')).toBe(readFileSync(path.join(repoRoot, asset), 'utf8'));
      }
    },
  );

  // The user pool's triggers cannot name the pool (pool → trigger → pool is a cycle): they read it from their event (identity-triggers.ts).
  const triggerNames: string[] = Object.values(identityTriggers).map((trigger) => trigger.name);
  it.each(allHandlers.filter((handler) => !triggerNames.includes(handler.name)).map((handler) => [handler.name] as const))('%s: gets the settings of functions/lib/config.ts', (name) => {
    const variables = functionOf(name)[1].Properties.Environment.Variables;
    for (const setting of [envNames.tableName, envNames.userPoolId, envNames.userPoolClientId, envNames.mailFrom]) {
      expect(variables[setting], setting).toBeDefined();
    }
    expect(variables.POWERTOOLS_SERVICE_NAME).toBe('twinspace');
    expect(variables.NODE_OPTIONS).toBe('--enable-source-maps');
  });

  it('gives the chat functions the retention of chat messages (context chatRetentionDays, default 90 days)', () => {
    for (const handler of Object.values(chatHandlers)) {
      expect(functionOf(handler.name)[1].Properties.Environment.Variables[envNames.chatRetentionDays], handler.name).toBe('90');
    }
  });

  it('gives the chat functions the @connections callback URL of the prod stage', () => {
    for (const handler of Object.values(chatHandlers)) {
      const url = JSON.stringify(functionOf(handler.name)[1].Properties.Environment.Variables[envNames.chatCallbackUrl]);
      expect(url, handler.name).toMatch(/execute-api/);
      expect(url, handler.name).toMatch(/\/prod"/);
    }
  });
});

/** What a bundle imports of the guard's layer (the guard, @twinspace/pupil-guard — `import(…)` when it first needs it; its libraries, libphonenumber-js and naughty-words), read from its code. */
function guardLayerImportsOf(code: string): string[] {
  return [...code.matchAll(/(?:from|import)\s*\(?\s*["']((?:@twinspace\/pupil-guard|libphonenumber-js|naughty-words)(?:\/[^"']*)?)["']/g)].map(([, specifier]) => specifier);
}

/** The guard's layer (construct PupilGuard); the site's deployment brings a layer of its own. */
function guardLayers(): [string, Resource][] {
  return ofType('AWS::Lambda::LayerVersion').filter(([, layer]) => layer.Metadata?.['aws:cdk:path'] === 'Twinspace/PupilGuard/Resource');
}

function guardLayerId(): string {
  const layers = guardLayers();
  expect(layers).toHaveLength(1);
  return layers[0][0];
}

describe("the pupil guard's layer", () => {
  const importsOf = (name: string) => guardLayerImportsOf(readFileSync(path.join(synthesized.outdir, functionOf(name)[1].Metadata!['aws:asset:path'], 'index.mjs'), 'utf8'));

  it('goes to the functions where pupils write (the HTTP areas calling guardWrite): they import the guard from it, not its libraries', () => {
    // Issue 12: the home feed, the pages and the forum hold a pupil's text with personal data.
    for (const name of ['http-home', 'http-pages', 'http-forum']) expect(importsOf(name), name).toEqual([guardModule]);
    expect(guardLayers()).toHaveLength(1);
  });

  it('serves the guard and every file it loads from the layer\'s files alone: it finds a phone number and passes a harmless text', () => {
    const specifiers = [...new Set(allHandlers.flatMap((handler) => importsOf(handler.name)))].sort();
    const [, layer] = guardLayers()[0];
    expect(layer.Properties.CompatibleRuntimes).toEqual(['nodejs24.x']);
    const content = path.join(synthesized.outdir, layer.Metadata!['aws:asset:path']);
    const script = `
      import { guardPupilText } from '${guardModule}';
      const context = { countries: ['ES', 'FR'], otherPupilSurnames: [], allowAccountLinks: false, allowHandles: false };
      const kinds = (text) => guardPupilText(text, context).map((finding) => finding.kind);
      console.log(JSON.stringify([kinds('appelle-moi au 06 12 34 56 78'), kinds('we measured 12.5 °C at 10:30')]));
    `;
    const [phone, harmless] = JSON.parse(runWithGuardLayer(content, script)) as string[][];
    expect(phone).toContain('phone');
    expect(harmless).toEqual([]);
    // The guard also loads files by createRequire, which no bundle shows: guardLayerUses reads those from its sources.
    const uses = guardLayerUses(specifiers.filter((specifier) => specifier !== guardModule));
    expect(runWithGuardLayer(content, loadEveryScript(uses)).trim()).toBe(String(uses.length));
  });
});

describe('the size of the stack', () => {
  it('holds today\'s routes, the materials storage, the operations and the identity functions in at most 360 CloudFormation resources, one function per area', () => {
    // 252 before the materials bucket, its processing function and notification (with CDK's handler) and the role of the areas that show images: 265;
    // 279 before operations (issue 11): the alarm topic, 13 alarms, the 429 metric filter, the dashboard, the budget, the backup plan
    // (plan, vault, selection, role) and the jobs on Scheduler (one shared role, a dead-letter queue, Lambda's async settings) made 306;
    // the rate-limit secret and the own role (+ policy) of the areas that read it: 3 more;
    // the site's headers and caching: two response headers policies and the second site sync (the bundles' Cache-Control), 3 more;
    // the two Cognito triggers (function, role, policies, log group, invoke permission each), the public sign-up's own area and role,
    // and the orphan sign-ups' stream handler: 22 more;
    // the privacy area (its function, log group, routes) and GET /me/export: a few more (340);
    // each identity area's role holding only its own Cognito calls (issue 11, least privilege) split the NSS's validation of
    // teachers from the approvals' group sync: one role and its policy, 342;
    // the moderation area (issue 12: its function, log group and integration, five routes at 2 each; the shared
    // write-and-chat role): 352. CloudFormation's limit is 500.
    expect(Object.keys(resources).length).toBeLessThanOrEqual(360);
    const areaFunctions = new Set(httpRoutes.map((route) => route.function.name));
    const [httpApi] = ofType('AWS::ApiGatewayV2::Api').find(([, api]) => api.Properties.ProtocolType === 'HTTP')!;
    expect(ofType('AWS::ApiGatewayV2::Integration').filter(([, i]) => i.Properties.ApiId?.Ref === httpApi)).toHaveLength(areaFunctions.size);
  });

  it('costs at most 2 resources for one more route in an existing area', () => {
    const base = buildTwinspace({ bundle: false });
    const grown = buildTwinspace({
      bundle: false,
      modify: (stack) => {
        const model = httpRoutes.find((route) => route.name === 'list-agenda')!;
        stack.httpApi.addRoute({ ...model, name: 'list-agenda-again', path: '/projects/{projectId}/agenda-again' });
      },
    });
    try {
      const count = (synth: Synthesized) => Object.keys(Template.fromStack(synth.stack).toJSON().Resources).length;
      const added = count(grown) - count(base);
      expect(added).toBeGreaterThanOrEqual(1);
      expect(added).toBeLessThanOrEqual(2);
    } finally {
      base.cleanup();
      grown.cleanup();
    }
  });
});

describe('the table', () => {
  it('has the design of functions/data/table.ts, PITR, deletion protection and is retained', () => {
    const tables = ofType('AWS::DynamoDB::Table');
    expect(tables).toHaveLength(1);
    const [, table] = tables[0];
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
    expect(table.Properties).toMatchObject({
      KeySchema: [
        { AttributeName: tableDesign.partitionKey, KeyType: 'HASH' },
        { AttributeName: tableDesign.sortKey, KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      TimeToLiveSpecification: { AttributeName: tableDesign.ttlAttribute, Enabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
      GlobalSecondaryIndexes: [
        {
          IndexName: 'GSI1',
          KeySchema: [
            { AttributeName: 'GSI1PK', KeyType: 'HASH' },
            { AttributeName: 'GSI1SK', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
        {
          // The author index (erasure and export: data/README.md E1).
          IndexName: 'GSI2',
          KeySchema: [
            { AttributeName: 'GSI2PK', KeyType: 'HASH' },
            { AttributeName: 'GSI2SK', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    });
  });
});

describe('the user pool', () => {
  it('lets teachers sign up but not confirm themselves: only their NSS validates them', () => {
    const [, pool] = ofType('AWS::Cognito::UserPool')[0];
    expect(pool.Properties.AdminCreateUserConfig?.AllowAdminCreateUserOnly ?? false).toBe(false);
    // No auto-verified attribute: Cognito sends no code a teacher could confirm with.
    expect(pool.Properties.AutoVerifiedAttributes ?? []).toEqual([]);
  });

  it('has the seven groups', () => {
    const groupNames = ofType('AWS::Cognito::UserPoolGroup').map(([, group]) => group.Properties.GroupName);
    expect(groupNames.sort()).toEqual([...cognitoGroups].sort());
    expect(groupNames).toHaveLength(7);
  });

  it('has an app client that signs in with USER_PASSWORD_AUTH and no secret', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_PASSWORD_AUTH']),
      GenerateSecret: false,
    });
  });
});

describe('the HTTP API', () => {
  const httpApiId = () => ofType('AWS::ApiGatewayV2::Api').find(([, api]) => api.Properties.ProtocolType === 'HTTP')![0];

  it('validates Cognito ID tokens with a JWT authorizer whose audience is the app client', () => {
    const authorizers = ofType('AWS::ApiGatewayV2::Authorizer').filter(([, a]) => a.Properties.AuthorizerType === 'JWT');
    expect(authorizers).toHaveLength(1);
    const [, authorizer] = authorizers[0];
    expect(authorizer.Properties.ApiId).toEqual({ Ref: httpApiId() });
    expect(authorizer.Properties.IdentitySource).toEqual(['$request.header.Authorization']);
    const [clientId] = ofType('AWS::Cognito::UserPoolClient')[0];
    expect(authorizer.Properties.JwtConfiguration.Audience).toEqual([{ Ref: clientId }]);
    expect(JSON.stringify(authorizer.Properties.JwtConfiguration.Issuer)).toContain('cognito-idp.');
  });

  it('has exactly one route per declared route, with the right authorization, integrated with its area\'s function', () => {
    const routes = ofType('AWS::ApiGatewayV2::Route').filter(([, r]) => r.Properties.ApiId?.Ref === httpApiId());
    const routeKeys = routes.map(([, r]) => r.Properties.RouteKey).sort();
    expect(routeKeys).toEqual(httpRoutes.map((r) => `${r.method} ${r.path}`).sort());
    for (const route of httpRoutes) {
      const [, resource] = routes.find(([, r]) => r.Properties.RouteKey === `${route.method} ${route.path}`)!;
      expect(resource.Properties.AuthorizationType, route.path).toBe(route.auth === 'jwt' ? 'JWT' : 'NONE');
    }
  });

  it('answers CORS preflight for the site and writes access logs', () => {
    const [, api] = ofType('AWS::ApiGatewayV2::Api').find(([, a]) => a.Properties.ProtocolType === 'HTTP')!;
    expect(api.Properties.CorsConfiguration.AllowHeaders).toEqual(expect.arrayContaining(['authorization']));
    expect(JSON.stringify(api.Properties.CorsConfiguration.AllowOrigins)).toContain('DomainName');
    const [, stage] = ofType('AWS::ApiGatewayV2::Stage').find(([, s]) => s.Properties.ApiId.Ref === httpApiId())!;
    expect(stage.Properties.StageName).toBe('$default');
    expect(stage.Properties.AccessLogSettings.DestinationArn).toBeDefined();
  });

  it('caps the public sign-up route tighter than the rest, once the route exists', () => {
    const [stageId, stage] = ofType('AWS::ApiGatewayV2::Stage').find(([, s]) => s.Properties.ApiId.Ref === httpApiId())!;
    expect(stage.Properties.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 });
    expect(stage.Properties.RouteSettings['POST /registrations']).toEqual({ ThrottlingRateLimit: 2, ThrottlingBurstLimit: 10 });
    const [routeId] = ofType('AWS::ApiGatewayV2::Route').find(([, r]) => r.Properties.RouteKey === 'POST /registrations')!;
    expect((resources[stageId] as Resource & { DependsOn?: string[] }).DependsOn).toContain(routeId);
  });
});

describe('the chat (WebSocket) API', () => {
  const chatApi = () => ofType('AWS::ApiGatewayV2::Api').find(([, api]) => api.Properties.ProtocolType === 'WEBSOCKET')!;

  it('routes frames by action and authorizes $connect with a Lambda REQUEST authorizer on the token', () => {
    const [apiId, api] = chatApi();
    expect(api.Properties.RouteSelectionExpression).toBe('$request.body.action');
    const authorizers = ofType('AWS::ApiGatewayV2::Authorizer').filter(([, a]) => a.Properties.ApiId.Ref === apiId);
    expect(authorizers).toHaveLength(1);
    const [authorizerId, authorizer] = authorizers[0];
    expect(authorizer.Properties.AuthorizerType).toBe('REQUEST');
    expect(authorizer.Properties.IdentitySource).toEqual(['route.request.querystring.token']);
    expect(JSON.stringify(authorizer.Properties.AuthorizerUri)).toContain(functionOf(chatHandlers.authorize.name)[0]);

    const routes = ofType('AWS::ApiGatewayV2::Route').filter(([, r]) => r.Properties.ApiId.Ref === apiId);
    expect(routes.map(([, r]) => r.Properties.RouteKey).sort()).toEqual(['$connect', '$default', '$disconnect']);
    const [, connect] = routes.find(([, r]) => r.Properties.RouteKey === '$connect')!;
    expect(connect.Properties).toMatchObject({ AuthorizationType: 'CUSTOM', AuthorizerId: { Ref: authorizerId } });
  });

  it('deploys a prod stage automatically; only $default, $disconnect (presence), member management, erasure, chat supervision and the notification delivery reach the connections', () => {
    const [apiId] = chatApi();
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', { ApiId: { Ref: apiId }, StageName: 'prod', AutoDeploy: true });
    const policies = ofType('AWS::IAM::Policy').filter(([, p]) => JSON.stringify(p).includes('execute-api:ManageConnections'));
    const roleIdOf = (name: string) => {
      const role = synthesized.stack.functions.get(name)!.role!;
      return synthesized.stack.getLogicalId(role.node.defaultChild as import('aws-cdk-lib').CfnElement);
    };
    const roles = policies.flatMap(([, p]) => p.Properties.Roles.map((role: { Ref: string }) => role.Ref)).sort();
    expect(roles).toEqual(
      [
        roleIdOf(chatHandlers.default.name),
        roleIdOf(chatHandlers.disconnect.name),
        roleIdOf('http-members'),
        // Erasure (issue 11) takes the erased person's sockets out of their rooms.
        roleIdOf('http-privacy'),
        roleIdOf('http-chat'),
        roleIdOf('deliver-notifications'),
      ].sort(),
    );
    // $default and $disconnect post chat frames, the members function takes removed members out of rooms, the chat
    // function posts supervision frames and the delivery posts notifications; no other function can (not $connect).
    expect(JSON.stringify(functionOf('http-members')[1].Properties.Environment.Variables[envNames.chatCallbackUrl])).toMatch(/\/prod"/);
    expect(JSON.stringify(functionOf('http-chat')[1].Properties.Environment.Variables[envNames.chatCallbackUrl])).toMatch(/\/prod"/);
    expect(functionOf('http-projects')[1].Properties.Environment.Variables[envNames.chatCallbackUrl]).toBeUndefined();
  });

  it('gives the chat functions that broadcast the memory (and so the CPU) for a room of 1,000 (README, "Fan-out")', () => {
    for (const handler of [chatHandlers.default, chatHandlers.disconnect]) {
      expect(functionOf(handler.name)[1].Properties.MemorySize).toBe(chatBroadcastMemoryMb);
    }
  });
});

describe('the schedule', () => {
  it.each(scheduledJobs.map((job) => [job.name, job] as const))('runs %s on the route table expression (EventBridge Scheduler)', (name, job) => {
    const [functionId] = functionOf(name);
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: job.schedule,
      State: 'ENABLED',
      Target: Match.objectLike({ Arn: { 'Fn::GetAtt': [functionId, 'Arn'] } }),
    });
  });

  it('lets the jobs that send e-mail (and nothing else) send it, only from the sender identity', () => {
    const policies = ofType('AWS::IAM::Policy').filter(([, p]) => JSON.stringify(p).includes('ses:SendEmail'));
    const senders = scheduledJobs.filter((job) => job.sendsMail);
    expect(senders.map((job) => job.name).sort()).toEqual(['notify-evaluators', 'send-account-mail']);
    expect(policies).toHaveLength(senders.length);
    const role = synthesized.stack.functions.get('propose-european-labels')!.role!;
    const proposerRole = synthesized.stack.getLogicalId(role.node.defaultChild as import('aws-cdk-lib').CfnElement);
    expect(JSON.stringify(policies.map(([, p]) => p.Properties.Roles))).not.toContain(proposerRole);
    for (const [, policy] of policies) expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain(`:identity/${readmeDeployContext.mailFrom.split('@')[1]}`);
  });
});

describe('the table\'s stream', () => {
  it('streams new images', () => {
    const [, table] = ofType('AWS::DynamoDB::Table')[0];
    expect(table.Properties.StreamSpecification).toEqual({ StreamViewType: tableDesign.streamViewType });
  });

  it.each(streamHandlers.map((handler) => [handler.name, handler] as const))(
    '%s: an event source mapping on the stream with the route table\'s filters, batch size, partial failures, bisection and bounded retries',
    (name, handler) => {
      const [functionId] = functionOf(name);
      const [tableId] = ofType('AWS::DynamoDB::Table')[0];
      const mappings = ofType('AWS::Lambda::EventSourceMapping').filter(([, mapping]) => mapping.Properties.FunctionName?.Ref === functionId);
      expect(mappings).toHaveLength(1);
      const [, mapping] = mappings[0];
      expect(mapping.Properties).toMatchObject({
        EventSourceArn: { 'Fn::GetAtt': [tableId, 'StreamArn'] },
        StartingPosition: 'LATEST',
        BatchSize: handler.batchSize,
        BisectBatchOnFunctionError: true,
        MaximumRetryAttempts: handler.retryAttempts,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      });
      expect(mapping.Properties.FilterCriteria.Filters.map((filter: { Pattern: string }) => JSON.parse(filter.Pattern))).toEqual(handler.filters);
    },
  );

  it('lets deliver-notifications read the stream and the table, write the table, post to connections, and send no e-mail', () => {
    const role = synthesized.stack.functions.get('deliver-notifications')!.role!;
    const roleId = synthesized.stack.getLogicalId(role.node.defaultChild as import('aws-cdk-lib').CfnElement);
    const statements = ofType('AWS::IAM::Policy')
      .filter(([, policy]) => policy.Properties.Roles.some((r: { Ref: string }) => r.Ref === roleId))
      .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement as { Action: string | string[] }[]);
    const actions = statements.flatMap((statement) => [statement.Action].flat());
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:PutItem', 'execute-api:ManageConnections']));
    expect(actions.filter((action) => action.startsWith('ses:'))).toEqual([]);
    const variables = functionOf('deliver-notifications')[1].Properties.Environment.Variables;
    expect(JSON.stringify(variables[envNames.chatCallbackUrl])).toMatch(/\/prod"/);
  });
});

describe('the site', () => {
  it('keeps the content bucket private, encrypted and HTTPS-only', () => {
    const distributionOrigins = JSON.stringify(ofType('AWS::CloudFront::Distribution')[0][1].Properties.DistributionConfig.Origins);
    const [contentId, content] = ofType('AWS::S3::Bucket').find(([id]) => distributionOrigins.includes(id))!;
    expect(content.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(content.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('AES256');
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: contentId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('serves it through CloudFront with Origin Access Control and index.html as root', () => {
    const [oacId] = ofType('AWS::CloudFront::OriginAccessControl')[0];
    const [, distribution] = ofType('AWS::CloudFront::Distribution')[0];
    expect(distribution.Properties.DistributionConfig.DefaultRootObject).toBe('index.html');
    expect(distribution.Properties.DistributionConfig.Origins[0].OriginAccessControlId).toEqual({ 'Fn::GetAtt': [oacId, 'Id'] });
  });

  it('answers an address the site does not have with its not-found page and status 404 (S3 says 403 or 404)', () => {
    const [, distribution] = ofType('AWS::CloudFront::Distribution')[0];
    const answers = distribution.Properties.DistributionConfig.CustomErrorResponses;
    expect(answers.map((answer: { ErrorCode: number }) => answer.ErrorCode).sort()).toEqual([403, 404]);
    for (const answer of answers) expect(answer).toMatchObject({ ResponseCode: 404, ResponsePagePath: '/en/not-found/index.html' });
  });

  it('deploys the built site plus a generated config.json pointing at the APIs and Cognito', () => {
    // Two syncs of the site (tests/infra/site-headers.test.ts): the hashed bundles, then the pages with config.json.
    const deployments = ofType('Custom::CDKBucketDeployment');
    expect(deployments).toHaveLength(2);
    const [, deployment] = deployments.find(([, candidate]) => !candidate.Properties.Include)!;
    expect(deployment.Properties.SourceObjectKeys).toHaveLength(2);
    // config.json is synthesized with markers where deploy-time values go.
    const configKey = deployment.Properties.SourceObjectKeys[1] as string;
    const configFile = path.join(synthesized.outdir, `asset.${configKey.replace(/\.zip$/, '')}`, 'config.json');
    const config = JSON.parse(readFileSync(configFile, 'utf8'));
    const markers = deployment.Properties.SourceMarkers[1] as Record<string, unknown>;
    const [poolId] = ofType('AWS::Cognito::UserPool')[0];
    const [clientId] = ofType('AWS::Cognito::UserPoolClient')[0];
    expect(Object.keys(config).sort()).toEqual(['api', 'chat', 'cognito', 'region']);
    expect(config.api).toMatch(/^https:\/\/<<marker:[^>]+>>\.execute-api\./);
    expect(config.chat).toMatch(/^wss:\/\/<<marker:[^>]+>>\.execute-api\..*\/prod$/);
    expect(config.cognito.endpoint).toMatch(/^https:\/\/cognito-idp\.<<marker:[^>]+>>\.amazonaws\.com$/);
    expect(markers[config.region]).toEqual({ Ref: 'AWS::Region' });
    expect(markers[config.cognito.userPoolId]).toEqual({ Ref: poolId });
    expect(markers[config.cognito.clientId]).toEqual({ Ref: clientId });
  });
});

describe('the materials processing asset (sharp on Lambda x86_64)', () => {
  const assetOf = (name: string) => path.join(synthesized.outdir, functionOf(name)[1].Metadata!['aws:asset:path']);
  const processing = storageHandlers.map((handler) => handler.name);
  const manifest = (folder: string) => JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as { version: string; optionalDependencies?: Record<string, string> };

  it.each(processing)('%s ships sharp and its linux-x64 build (binary and libvips) in node_modules/', (name) => {
    const modules = path.join(assetOf(name), 'node_modules');
    const sharp = manifest(path.join(modules, 'sharp'));
    expect(sharp.version).toBe(manifest(path.join(repoRoot, 'node_modules', 'sharp')).version);
    for (const platformPackage of ['@img/sharp-linux-x64', '@img/sharp-libvips-linux-x64']) {
      expect(manifest(path.join(modules, platformPackage)).version, platformPackage).toBe(sharp.optionalDependencies![platformPackage]);
    }
    expect(readdirSync(path.join(modules, '@img', 'sharp-linux-x64', 'lib')).some((file) => file.endsWith('.node'))).toBe(true);
    // Its runtime dependencies travel with it.
    for (const dependency of ['detect-libc', 'semver']) expect(existsSync(path.join(modules, dependency, 'package.json')), dependency).toBe(true);
  });

  it.runIf(process.platform === 'linux' && process.arch === 'x64').each(processing)('%s: sharp loads and re-encodes from the asset alone (no other node_modules)', (name) => {
    const script = [
      "import sharp from 'sharp';",
      "const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#0a0' } }).png().toBuffer();",
      'const webp = await sharp(png).resize({ width: 4 }).webp().toBuffer();',
      "console.log(JSON.stringify({ format: (await sharp(webp).metadata()).format, from: import.meta.resolve('sharp') }));",
    ].join('\n');
    const folder = assetOf(name);
    const answer = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: folder, encoding: 'utf8' }));
    expect(answer.format).toBe('webp');
    expect(answer.from.startsWith(pathToFileURL(path.join(folder, 'node_modules', 'sharp')).href)).toBe(true);
  });

  it.each(processing)('%s bundles everything else: its code imports only node builtins, sharp and Powertools (from its layer)', (name) => {
    const code = readFileSync(path.join(assetOf(name), 'index.mjs'), 'utf8');
    const imported = [...code.matchAll(/(?:from\s*|import\s*\(\s*)["']([^"']+)["']/g)].map((match) => match[1]);
    expect(imported.filter((module) => !module.startsWith('node:') && module !== 'sharp' && !module.startsWith('@aws-lambda-powertools/'))).toEqual([]);
  });

  it('no other function ships packages or imports sharp', () => {
    for (const handler of allHandlers.filter((each) => !processing.includes(each.name))) {
      const folder = assetOf(handler.name);
      expect(existsSync(path.join(folder, 'node_modules')), handler.name).toBe(false);
      expect(readFileSync(path.join(folder, 'index.mjs'), 'utf8'), handler.name).not.toMatch(/from\s*["']sharp["']/);
    }
  });

  it('gives every HTTP function the materials bucket and the default quota (2 GB)', () => {
    for (const handler of httpFunctions) {
      const variables = functionOf(handler.name)[1].Properties.Environment.Variables;
      expect(variables[envNames.materialsQuotaBytes], handler.name).toBe(String(materialLimits.defaultQuotaBytes));
      expect(variables[envNames.materialsBucket], handler.name).toEqual({ Ref: expect.stringMatching(/^MaterialsBucket/) });
    }
  });
});
