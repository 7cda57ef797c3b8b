/**
 * The chat: a WebSocket API whose $connect is guarded by a Lambda REQUEST
 * authorizer (token from the query string), plus $disconnect and $default.
 * Frames are routed by `action`, and every one lands on $default, which
 * validates it (events/chat-frames.ts).
 */
import { RemovalPolicy, Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import { CfnAccount } from 'aws-cdk-lib/aws-apigateway';
import { WebSocketApi, WebSocketStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketLambdaAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { WebSocketLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { ManagedPolicy, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { envNames } from '../../functions/lib/config.ts';
import { chatHandlers } from '../../functions/routes.ts';
import { accessLogSettings } from './access-log.ts';
import { TwinspaceFunction } from './function.ts';
import type { TwinspaceTable } from './storage.ts';
import { regionInFinding } from './nag-findings.ts';

export interface ChatApiProps {
  table: TwinspaceTable;
  environment: Record<string, string>;
  /** Days a chat message is kept (the messages' TTL), given to the chat functions as CHAT_RETENTION_DAYS. */
  retentionDays: number;
}

export const chatStageName = 'prod';

/**
 * Memory of the chat functions that broadcast. A post through the SDK's
 * @connections client costs about 1 ms of one vCPU (`npm run bench`), and
 * Lambda gives one vCPU at 1,769 MB: a room of 1,000 needs an estimated
 * 3–4 s of the 10 s timeout at 512 MB, 1.5–2 s at 1,024 MB (README, "Fan-out").
 */
export const chatBroadcastMemoryMb = 1_024;

export class TwinspaceChatApi extends Construct {
  readonly api: WebSocketApi;
  readonly stage: WebSocketStage;
  readonly functions: Map<string, TwinspaceFunction> = new Map();
  /** Role that lets API Gateway write WebSocket access logs (an account-wide setting). */
  readonly cloudWatchRole: Role;
  private readonly retentionDays: number;

  constructor(scope: Construct, id: string, props: ChatApiProps) {
    super(scope, id);
    this.retentionDays = props.retentionDays;
    this.api = new WebSocketApi(this, 'Api', {
      apiName: 'twinspace-chat',
      routeSelectionExpression: '$request.body.action',
    });
    // WebSocket access logs need the account's API Gateway CloudWatch role
    // (HTTP APIs do not); CDK's RestApi sets it the same way.
    this.cloudWatchRole = new Role(this, 'ApiGatewayCloudWatchRole', {
      assumedBy: new ServicePrincipal('apigateway.amazonaws.com'),
      managedPolicies: [ManagedPolicy.fromAwsManagedPolicyName('service-role/AmazonAPIGatewayPushToCloudWatchLogs')],
    });
    // Other APIs in the account may rely on the setting: keep the role.
    this.cloudWatchRole.applyRemovalPolicy(RemovalPolicy.RETAIN);
    Validations.of(this.cloudWatchRole).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
      reason: "AWS's own service-role policy made for exactly this role; API Gateway names the log streams itself.",
    });
    const account = new CfnAccount(this, 'ApiGatewayAccount', { cloudWatchRoleArn: this.cloudWatchRole.roleArn });

    this.stage = new WebSocketStage(this, 'Stage', {
      webSocketApi: this.api,
      stageName: chatStageName,
      autoDeploy: true,
      // A school's class is tens of users; this caps a runaway client, not real use.
      throttle: { rateLimit: 100, burstLimit: 200 },
      accessLogSettings: accessLogSettings(this, 'AccessLogs', 'websocket'),
    });
    this.stage.node.addDependency(account);
    // The management API's URL is built from the API id and the literal stage
    // name, not from the stage resource: functions can carry it without a cycle.
    const environment = { ...props.environment, ...this.callbackEnvironment };
    const make = (handler: (typeof chatHandlers)[keyof typeof chatHandlers], memorySize?: number) => {
      const fn = new TwinspaceFunction(this, { handler, environment, memorySize });
      this.functions.set(handler.name, fn);
      return fn;
    };

    const authorize = make(chatHandlers.authorize);
    const connect = make(chatHandlers.connect);
    // The two that broadcast to a room (messages; presence on leave) get the CPU for a room of 1,000.
    const disconnect = make(chatHandlers.disconnect, chatBroadcastMemoryMb);
    const defaultRoute = make(chatHandlers.default, chatBroadcastMemoryMb);
    // The authorizer checks membership; connect/disconnect keep the room's
    // connection items; default stores messages and reads the room.
    props.table.grantRead(authorize);
    props.table.grantReadWrite(connect);
    props.table.grantReadWrite(disconnect);
    props.table.grantReadWrite(defaultRoute);

    const authorizer = new WebSocketLambdaAuthorizer('ChatAuthorizer', authorize, {
      identitySource: ['route.request.querystring.token'],
    });
    this.api.addRoute('$connect', {
      integration: new WebSocketLambdaIntegration('ConnectIntegration', connect),
      authorizer,
    });
    const disconnectRoute = this.api.addRoute('$disconnect', {
      integration: new WebSocketLambdaIntegration('DisconnectIntegration', disconnect),
    });
    const frameRoute = this.api.addRoute('$default', {
      integration: new WebSocketLambdaIntegration('DefaultIntegration', defaultRoute),
    });
    for (const route of [disconnectRoute, frameRoute]) {
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'API Gateway runs WebSocket authorizers on $connect only; every later frame travels on a connection that $connect already authorized.',
      });
    }

    // $default pushes frames to the room's connections, $disconnect the presence to the rooms it left
    // (member management takes members out of rooms: http-api.ts).
    this.grantConnections(defaultRoute.role as Role);
    this.grantConnections(disconnect.role as Role);
  }

  /** The @connections management API of this API's stage (post to, and close, connections). */
  grantConnections(role: Role): void {
    this.stage.grantManagementApiAccess(role);
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:execute-api:${regionInFinding(this)}:<AWS::AccountId>:<${Stack.of(this).getLogicalId(this.api.node.defaultChild as CfnElement)}>/${chatStageName}/*/@connections/*]`,
      reason: 'Connection ids are created at run time; the grant is limited to this API and stage.',
    });
  }

  /** What a function needs in its environment to reach the @connections API (and to say how long messages are kept). */
  get callbackEnvironment(): Record<string, string> {
    return { [envNames.chatCallbackUrl]: this.stage.callbackUrl, [envNames.chatRetentionDays]: String(this.retentionDays) };
  }
}
