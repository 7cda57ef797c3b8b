/**
 * The HTTP API: one function per area (functions/routes.ts), with one
 * integration and one invoke permission each, and one route per declared
 * route — so a new route in an existing area costs one resource. 'jwt' routes
 * sit behind API Gateway's JWT authorizer for the Cognito ID token (audience
 * = the site's client id); 'public' routes have none.
 */
import { Duration, Validations } from 'aws-cdk-lib';
import { CfnStage, CorsHttpMethod, HttpApi, HttpMethod, HttpNoneAuthorizer, HttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { httpRoutes, type HttpRoute } from '../../functions/routes.ts';
import { accessLogSettings } from './access-log.ts';
import { TwinspaceFunction } from './function.ts';
import type { TwinspaceChatApi } from './chat-api.ts';
import type { TwinspaceMaterialsStorage } from './materials-storage.ts';
import { envNames } from '../../functions/lib/config.ts';
import { closesChatSockets, limitsSourceAddresses, profileOf, RouteRoles } from './route-roles.ts';
import type { TwinspaceTable } from './storage.ts';

export interface HttpApiProps {
  table: TwinspaceTable;
  userPool: UserPool;
  client: UserPoolClient;
  /** Settings every HTTP handler gets (functions/lib/config.ts). */
  environment: Record<string, string>;
  /** The site's origin, the only one the browser may call from. */
  siteOrigin: string;
  /** The chat API: member management closes the sockets of members who lose the chat. */
  chat: TwinspaceChatApi;
  /** The materials bucket: the areas it names get their S3 rights through their role (route-roles.ts). */
  materials: TwinspaceMaterialsStorage;
  /** The secret keying the per-address limit's hash: its ARN goes to the areas that limit (RATE_LIMIT_SECRET_ARN). */
  rateLimitKey: ISecret;
}

export class TwinspaceHttpApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly functions: Map<string, TwinspaceFunction> = new Map();
  private readonly integrations = new Map<string, HttpLambdaIntegration>();
  private readonly jwtAuthorizer: HttpUserPoolAuthorizer;

  constructor(scope: Construct, id: string, props: HttpApiProps) {
    super(scope, id);
    this.api = new HttpApi(this, 'Api', {
      apiName: 'twinspace-http',
      // The default stage is made below, to give it access logs.
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [props.siteOrigin],
        allowMethods: [CorsHttpMethod.ANY],
        allowHeaders: ['authorization', 'content-type'],
        maxAge: Duration.hours(1),
      },
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      // A school's class is tens of users; this caps a runaway client, not real use.
      throttle: { rateLimit: 100, burstLimit: 200 },
      accessLogSettings: accessLogSettings(this, 'AccessLogs', 'http'),
    });
    this.jwtAuthorizer = new HttpUserPoolAuthorizer('CognitoIdToken', props.userPool, {
      userPoolClients: [props.client],
    });
    const roles = new RouteRoles(this, 'RouteRoles', {
      table: props.table,
      userPool: props.userPool,
      chat: props.chat,
      materials: props.materials,
      rateLimitKey: props.rateLimitKey,
    });
    const routesByFunction = new Map<string, HttpRoute[]>();
    for (const route of httpRoutes) routesByFunction.set(route.function.name, [...(routesByFunction.get(route.function.name) ?? []), route]);
    for (const routes of routesByFunction.values()) {
      const handler = routes[0].function;
      // Rights by profile (route-roles.ts: reads only, writes, or writes and Cognito admin calls), the widest of the area's routes.
      const environment = {
        ...props.environment,
        ...(closesChatSockets(profileOf(routes)) ? props.chat.callbackEnvironment : {}),
        // Only the areas with a per-address limit know where its secret is (and only their role may read it).
        ...(limitsSourceAddresses(routes) ? { [envNames.rateLimitSecretArn]: props.rateLimitKey.secretArn } : {}),
      };
      const fn = new TwinspaceFunction(this, { handler, environment, sharedRole: roles.roleFor(routes) });
      // One integration and one permission for the whole area: API Gateway may invoke it from any of its routes.
      this.integrations.set(handler.name, new HttpLambdaIntegration(`${handler.name}-integration`, fn, { scopePermissionToRoute: false }));
      this.functions.set(handler.name, fn);
      for (const route of routes) this.addRoute(route);
    }
  }

  /** One API route for a declared route of an area whose function this API already has. */
  addRoute(route: HttpRoute): void {
    const integration = this.integrations.get(route.function.name);
    if (!integration) throw new Error(`${route.name}: no function ${route.function.name} in this API`);
    const [apiRoute] = this.api.addRoutes({
      path: route.path,
      methods: [HttpMethod[route.method]],
      integration,
      authorizer: authorizerFor(route, this.jwtAuthorizer),
    });
    if (route.auth === 'public') {
      Validations.of(apiRoute).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: `${route.method} ${route.path} is public by design (its declaration: auth 'public').`,
      });
    }
    if (route.throttle) {
      // Route settings name a route by its key; the stage must wait for the route to exist.
      const stage = this.stage.node.defaultChild as CfnStage;
      stage.routeSettings = {
        ...(stage.routeSettings as Record<string, unknown> | undefined),
        // RouteSettings is untyped (a JSON map by route key): CloudFormation's own casing.
        [`${route.method} ${route.path}`]: { ThrottlingRateLimit: route.throttle.rateLimit, ThrottlingBurstLimit: route.throttle.burstLimit },
      };
      stage.node.addDependency(apiRoute);
    }
  }

  get url(): string {
    return this.stage.url;
  }
}

function authorizerFor(route: HttpRoute, jwtAuthorizer: HttpUserPoolAuthorizer) {
  return route.auth === 'jwt' ? jwtAuthorizer : new HttpNoneAuthorizer();
}
