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
import { bundlingSettings, lambdaArchitecture, lambdaRuntime } from './bundling.ts';

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
}

export class TwinspaceFunction extends NodejsFunction {
  constructor(scope: Construct, props: TwinspaceFunctionProps) {
    const { handler } = props;
    const logGroup = new LogGroup(scope, `${handler.name}-logs`, {
      retention: RetentionDays.ONE_MONTH,
      // Logs are diagnostics, not records: they go with the stack.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Our own role instead of AWSLambdaBasicExecutionRole: logs go to this
    // function's log group only, not to any log group of the account.
    const role = new Role(scope, `${handler.name}-role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
    });
    logGroup.grantWrite(role);
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
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'Active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords have no resource-level permissions.',
    });
  }
}
