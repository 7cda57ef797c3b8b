/**
 * One Lambda function of the route table, with the defaults every Twinspace
 * function shares: pinned runtime, ARM, the bundling of ./bundling.ts, a log
 * group with a retention, X-Ray tracing and the Powertools settings.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LoggingFormat, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { HandlerRef } from '../../functions/routes.ts';
import { assetFiles, bundlingSettings, lambdaArchitecture, lambdaRuntime } from './bundling.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the handler module of a route-table entry lives. */
export function entryOf(handler: HandlerRef): string {
  return path.join(repoRoot, 'functions', `${handler.module}.ts`);
}

export const serviceName = 'twinspace';

export interface TwinspaceFunctionProps {
  handler: HandlerRef;
  /** Settings of functions/lib/config.ts, by env var name. */
  environment: Record<string, string>;
  timeout?: Duration;
  memorySize?: number;
  /**
   * A role shared by functions with the same permissions (the HTTP routes:
   * one role per permission profile, see http-api.ts), which then also grants
   * writing to their log groups. Without one, the function gets a role of its
   * own that may write to its own log group only.
   */
  sharedRole?: { role: Role; logGroupPrefix: string };
}

export class TwinspaceFunction extends NodejsFunction {
  constructor(scope: Construct, props: TwinspaceFunctionProps) {
    const { handler } = props;
    const logGroup = new LogGroup(scope, `${handler.name}-logs`, {
      logGroupName: props.sharedRole ? `${props.sharedRole.logGroupPrefix}${handler.name}` : undefined,
      retention: RetentionDays.ONE_MONTH,
      // Logs are diagnostics, not records: they go with the stack.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Our own role instead of AWSLambdaBasicExecutionRole: logs go to this
    // function's log group only (or, with a shared role, to its group's log groups), not to any log group of the account.
    const role =
      props.sharedRole?.role ??
      new Role(scope, `${handler.name}-role`, {
        assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      });
    if (!props.sharedRole) logGroup.grantWrite(role);
    super(scope, handler.name, {
      role,
      entry: entryOf(handler),
      handler: handler.export,
      projectRoot: repoRoot,
      depsLockFilePath: path.join(repoRoot, 'package-lock.json'),
      runtime: lambdaRuntime,
      architecture: lambdaArchitecture,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      loggingFormat: LoggingFormat.JSON,
      logGroup,
      bundling: {
        format: OutputFormat.ESM,
        target: bundlingSettings.target,
        minify: bundlingSettings.minify,
        sourceMap: bundlingSettings.sourceMap,
        sourcesContent: bundlingSettings.sourcesContent,
        mainFields: [...bundlingSettings.mainFields],
        banner: bundlingSettings.banner,
        esbuildArgs: Object.fromEntries(Object.entries(bundlingSettings.alias).map(([pkg, path]) => [`--alias:${pkg}`, path])),
        externalModules: [...bundlingSettings.externalModules],
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir, outputDir) => assetFiles.map((file) => `cp "${path.join(inputDir, file)}" "${outputDir}"`),
        },
      },
      environment: {
        ...props.environment,
        // The runtime does not read source maps unless told to.
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: serviceName,
        POWERTOOLS_METRICS_NAMESPACE: 'Twinspace',
        POWERTOOLS_LOG_LEVEL: 'INFO',
      },
    });
    if (!props.sharedRole) acknowledgeTracing(role);
  }
}

/** X-Ray's two actions cannot be scoped to a resource. */
export function acknowledgeTracing(role: Role): void {
  Validations.of(role).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason: 'Active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords have no resource-level permissions.',
  });
}
