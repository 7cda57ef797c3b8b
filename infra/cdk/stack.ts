/**
 * The whole platform in one stack, composed of one construct per concern.
 * Environment-agnostic: nothing is looked up at synth, so `cdk synth` runs
 * offline; the region comes from the deploy credentials (or `-c region=`).
 */
import { Aws, CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { materialLimits } from '../../functions/domain/materials.ts';
import { envNames } from '../../functions/lib/config.ts';
import type { SiteConfig } from '../local/endpoints.ts';
import { TwinspaceAuth } from './auth.ts';
import { TwinspaceChatApi } from './chat-api.ts';
import type { TwinspaceFunction } from './function.ts';
import { TwinspaceHttpApi } from './http-api.ts';
import { TwinspaceIdentityTriggers } from './identity-triggers.ts';
import { TwinspaceMaterialsStorage } from './materials-storage.ts';
import { TwinspaceSchedule } from './schedule.ts';
import { TwinspaceSiteHosting } from './site.ts';
import { TwinspaceTable } from './storage.ts';
import { TwinspaceStreams } from './streams.ts';

export interface TwinspaceStackProps extends StackProps {
  /** Folder of the built site (see site-dist.ts). */
  siteDir: string;
  /** Sender of the platform's e-mail; its domain must be a verified SES identity. */
  mailFrom: string;
  /** Days a chat message is kept before the table's TTL removes it (CHAT_RETENTION_DAYS of the chat functions). */
  chatRetentionDays?: number;
  /** Bytes a project's materials may hold (MATERIALS_QUOTA_BYTES of the HTTP functions); default 2 GB. */
  materialsQuotaBytes?: number;
}

export class TwinspaceStack extends Stack {
  readonly storage: TwinspaceTable;
  readonly auth: TwinspaceAuth;
  readonly httpApi: TwinspaceHttpApi;
  readonly chatApi: TwinspaceChatApi;
  readonly schedule: TwinspaceSchedule;
  readonly streams: TwinspaceStreams;
  readonly site: TwinspaceSiteHosting;
  readonly materials: TwinspaceMaterialsStorage;
  readonly identityTriggers: TwinspaceIdentityTriggers;

  constructor(scope: Construct, id: string, props: TwinspaceStackProps) {
    super(scope, id, props);
    this.storage = new TwinspaceTable(this, 'Storage');
    this.auth = new TwinspaceAuth(this, 'Auth');
    // PreSignUp (only sign-ups through POST /registrations) and PreTokenGeneration, with their own narrow roles.
    this.identityTriggers = new TwinspaceIdentityTriggers(this, 'IdentityTriggers', { userPool: this.auth.userPool, table: this.storage });
    this.site = new TwinspaceSiteHosting(this, 'Site');

    // The settings of functions/lib/config.ts that every handler reads.
    const environment = {
      [envNames.tableName]: this.storage.table.tableName,
      [envNames.userPoolId]: this.auth.userPool.userPoolId,
      [envNames.userPoolClientId]: this.auth.client.userPoolClientId,
      [envNames.mailFrom]: props.mailFrom,
    };
    const table = this.storage;
    this.chatApi = new TwinspaceChatApi(this, 'ChatApi', { table, environment, retentionDays: props.chatRetentionDays ?? 90 });
    this.materials = new TwinspaceMaterialsStorage(this, 'Materials', {
      table,
      environment,
      siteOrigin: this.site.origin,
      accessLogBucket: this.site.logBucket,
      quotaBytes: props.materialsQuotaBytes ?? materialLimits.defaultQuotaBytes,
    });
    this.httpApi = new TwinspaceHttpApi(this, 'HttpApi', {
      table,
      userPool: this.auth.userPool,
      client: this.auth.client,
      // Every area may issue material URLs or read the quota (its rights on the bucket come with its role).
      environment: { ...environment, ...this.materials.environment },
      siteOrigin: this.site.origin,
      chat: this.chatApi,
      materials: this.materials,
    });
    this.schedule = new TwinspaceSchedule(this, 'Schedule', { table, environment, mailFrom: props.mailFrom });
    this.streams = new TwinspaceStreams(this, 'Streams', { table, environment, chat: this.chatApi });

    const siteConfig: SiteConfig = {
      api: this.httpApi.url.replace(/\/$/, ''),
      chat: this.chatApi.stage.url,
      region: Aws.REGION,
      cognito: {
        endpoint: `https://cognito-idp.${Aws.REGION}.amazonaws.com`,
        userPoolId: this.auth.userPool.userPoolId,
        clientId: this.auth.client.userPoolClientId,
      },
    };
    this.site.deploy(props.siteDir, siteConfig);

    new CfnOutput(this, 'SiteUrl', { value: this.site.origin });
    new CfnOutput(this, 'ApiUrl', { value: siteConfig.api });
    new CfnOutput(this, 'ChatUrl', { value: siteConfig.chat });
    new CfnOutput(this, 'UserPoolId', { value: siteConfig.cognito.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: siteConfig.cognito.clientId });
    new CfnOutput(this, 'MaterialsBucketName', { value: this.materials.bucket.bucketName });

  }

  /** Every function of the route table, by its stable name. */
  get functions(): Map<string, TwinspaceFunction> {
    return new Map([...this.httpApi.functions, ...this.chatApi.functions, ...this.schedule.functions, ...this.streams.functions, ...this.materials.functions, ...this.identityTriggers.functions]);
  }
}
