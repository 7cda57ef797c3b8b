/**
 * The HTTP API: one route and one function per entry of httpRoutes. 'jwt'
 * routes sit behind API Gateway's JWT authorizer for the Cognito ID token
 * (audience = the site's client id); 'public' routes have none.
 */
import { Duration, Validations } from 'aws-cdk-lib';
import { CfnStage, CorsHttpMethod, HttpApi, HttpMethod, HttpNoneAuthorizer, HttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { httpRoutes, type HttpRoute } from '../../functions/routes.ts';
import { accessLogSettings } from './access-log.ts';
import { TwinspaceFunction } from './function.ts';
import { RouteRoles } from './route-roles.ts';
import type { TwinspaceTable } from './storage.ts';

export interface HttpApiProps {
  table: TwinspaceTable;
  userPool: UserPool;
  client: UserPoolClient;
  /** Settings every HTTP handler gets (functions/lib/config.ts). */
  environment: Record<string, string>;
  /** The site's origin, the only one the browser may call from. */
  siteOrigin: string;
}

export class TwinspaceHttpApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly functions: Map<string, TwinspaceFunction> = new Map();

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
    const jwtAuthorizer = new HttpUserPoolAuthorizer('CognitoIdToken', props.userPool, {
      userPoolClients: [props.client],
    });
    const roles = new RouteRoles(this, 'RouteRoles', { table: props.table, userPool: props.userPool });
    for (const route of httpRoutes) {
      // Rights by profile (routes.ts: GET reads, the rest writes, 'identity-admin' adds Cognito admin calls).
      const fn = new TwinspaceFunction(this, { handler: route, environment: props.environment, sharedRole: roles.roleFor(route) });
      const [apiRoute] = this.api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${route.name}-integration`, fn),
        authorizer: authorizerFor(route, jwtAuthorizer),
      });
      if (route.auth === 'public') {
        Validations.of(apiRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${route.method} ${route.path} is public by design (routes.ts: auth 'public').`,
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
      this.functions.set(route.name, fn);
    }
  }

  get url(): string {
    return this.stage.url;
  }
}

function authorizerFor(route: HttpRoute, jwtAuthorizer: HttpUserPoolAuthorizer) {
  return route.auth === 'jwt' ? jwtAuthorizer : new HttpNoneAuthorizer();
}
