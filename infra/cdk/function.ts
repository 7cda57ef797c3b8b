/**
 * One Lambda function of the route table, with the defaults every Twinspace
 * function shares: pinned runtime, ARM (x86_64 for the functions that ship
 * sharp's linux-x64 build, see bundling.ts), the code of the one bundling pass
 * (bundling.ts), the Powertools layer, a log group with a retention, X-Ray
 * tracing and the Powertools settings; the pupil guard's layer
 * (guard-layer.ts) when its bundle imports the guard (or its libraries).
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Code, Function as LambdaFunction, LayerVersion, LoggingFormat, Tracing, type ILayerVersion } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { allHandlers, type HandlerRef } from '../../functions/routes.ts';
import { bundleAllWithImports, guardLayerImports, guardLibraryImports, lambdaArchitecture, lambdaRuntime, packagesOf, powertoolsVersion, sharpBuild, standInBundle, type BundledFunctions } from './bundling.ts';
import { guardLayer } from './guard-layer.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the handler module of a route-table entry lives. */
export function entryOf(handler: HandlerRef): string {
  return path.join(repoRoot, 'functions', `${handler.module}.ts`);
}

export const serviceName = 'twinspace';

/** The namespace of the business metrics (Powertools): one per stack, so two stages in one account never add up. */
export function metricsNamespaceOf(scope: Construct): string {
  return `Twinspace/${Stack.of(scope).stackName}`;
}

/** Every function's bundle folder and imports, made by one esbuild pass the first time a stack asks (none when the stack bundles nothing). */
const bundlesByStack = new WeakMap<Stack, BundledFunctions>();

function bundledFunctionsOf(scope: Construct): BundledFunctions {
  const stack = Stack.of(scope);
  let bundles = bundlesByStack.get(stack);
  if (!bundles) {
    if (stack.bundlingRequired) {
      bundles = bundleAllWithImports(allHandlers.map((each) => ({ name: each.name, entry: entryOf(each), packages: packagesOf(each.name) })));
    } else {
      const standIn = standInBundle();
      bundles = { folders: new Map(allHandlers.map((each) => [each.name, standIn])), externalImports: new Map() };
    }
    bundlesByStack.set(stack, bundles);
  }
  return bundles;
}

function bundleFolderOf(scope: Construct, handler: HandlerRef): string {
  const folder = bundledFunctionsOf(scope).folders.get(handler.name);
  if (!folder) throw new Error(`${handler.name} is not in the route table (functions/routes.ts): nothing bundles it`);
  return folder;
}

/** The guard's layer if this function's bundle imports the guard or its libraries (the layer serves what every bundle imports of them). */
function guardLayersOf(scope: Construct, handler: HandlerRef): ILayerVersion[] {
  const { externalImports } = bundledFunctionsOf(scope);
  if (guardLayerImports(externalImports.get(handler.name) ?? []).length === 0) return [];
  const everyImport = [...new Set([...externalImports.values()].flatMap((imports) => guardLibraryImports(imports)))].sort();
  return [guardLayer(scope, everyImport)];
}

/**
 * Powertools' own layer, found through the public SSM parameter AWS keeps for
 * each version (resolved at deploy time, so synth stays offline): the same
 * version as the one installed here.
 */
function powertoolsLayer(scope: Construct): ILayerVersion {
  const stack = Stack.of(scope);
  const id = 'PowertoolsLayer';
  const existing = stack.node.tryFindChild(id) as ILayerVersion | undefined;
  if (existing) return existing;
  const arn = StringParameter.valueForStringParameter(stack, `/aws/service/powertools/typescript/generic/all/${powertoolsVersion()}`);
  return LayerVersion.fromLayerVersionArn(stack, id, arn);
}

export interface TwinspaceFunctionProps {
  handler: HandlerRef;
  /** Settings of functions/lib/config.ts, by env var name. */
  environment: Record<string, string>;
  timeout?: Duration;
  memorySize?: number;
  /**
   * A role shared by functions with the same permissions (the HTTP areas:
   * one role per permission profile, see route-roles.ts), which then also
   * grants writing to their log groups. Without one, the function gets a role
   * of its own that may write to its own log group only.
   */
  sharedRole?: { role: Role; logGroupPrefix: string };
}

export class TwinspaceFunction extends LambdaFunction {
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
      code: Code.fromAsset(bundleFolderOf(scope, handler)),
      handler: `index.${handler.export}`,
      runtime: lambdaRuntime,
      // The architecture of the native build a function ships, if any: it is decided with the bundle, never apart from it.
      architecture: sharpBuild.functions.has(handler.name) ? sharpBuild.architecture : lambdaArchitecture,
      layers: [powertoolsLayer(scope), ...guardLayersOf(scope, handler)],
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      loggingFormat: LoggingFormat.JSON,
      logGroup,
      environment: {
        ...props.environment,
        // The runtime does not read source maps unless told to.
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: serviceName,
        POWERTOOLS_METRICS_NAMESPACE: metricsNamespaceOf(scope),
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
