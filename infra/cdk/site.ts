/**
 * The site: the Astro build in a private bucket behind CloudFront (Origin
 * Access Control), plus a generated /config.json that tells the pages where
 * the APIs and Cognito are (the SiteConfig shape of infra/local/endpoints.ts).
 */
import { Duration, RemovalPolicy, Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import {
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import type { SiteConfig } from '../local/endpoints.ts';
import { regionInFinding } from './nag-findings.ts';

/**
 * Astro writes /en/desktop/index.html; S3 behind OAC does not map folders to
 * their index.html, so the viewer request does.
 */
const indexRewrite = `function handler(event) {
  var request = event.request;
  if (request.uri.endsWith('/')) request.uri += 'index.html';
  else if (!request.uri.split('/').pop().includes('.')) request.uri += '/index.html';
  return request;
}`;

export class TwinspaceSiteHosting extends Construct {
  readonly bucket: Bucket;
  readonly logBucket: Bucket;
  readonly distribution: Distribution;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.logBucket = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      // CloudFront standard logs are delivered with ACLs.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.bucket = new Bucket(this, 'Content', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 'site-bucket/',
      // Rebuilt from web/ at every deploy, but a bucket is never dropped with objects in it.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const rewrite = new CloudFrontFunction(this, 'IndexRewrite', {
      code: FunctionCode.fromInline(indexRewrite),
      runtime: FunctionRuntime.JS_2_0,
    });
    this.distribution = new Distribution(this, 'Distribution', {
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: ResponseHeadersPolicy.SECURITY_HEADERS,
        functionAssociations: [{ function: rewrite, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      // An address the site does not have: S3 answers 403 (OAC, no list right) or 404; the viewer gets the not-found page with 404.
      errorResponses: [403, 404].map((httpStatus) => ({ httpStatus, responseHttpStatus: 404, responsePagePath: '/en/not-found/index.html', ttl: Duration.minutes(1) })),
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'cloudfront/',
    });
    const distributionAcks = {
      'AwsSolutions-CFR1': 'Partner schools are all over Europe and beyond; no country is to be excluded.',
      'AwsSolutions-CFR2':
        'The distribution serves public static files only (no forms posting to it); a web ACL would cost more than the idle platform. The APIs have their own throttling.',
      'AwsSolutions-CFR4':
        'No custom domain yet: the default *.cloudfront.net certificate fixes the viewer TLS policy. Set minimumProtocolVersion with the custom domain.',
    };
    for (const [id, reason] of Object.entries(distributionAcks)) {
      Validations.of(this.distribution).acknowledge({ id, reason });
    }
  }

  get origin(): string {
    return `https://${this.distribution.distributionDomainName}`;
  }

  /** Uploads the built site and its config.json, and invalidates the cache. */
  deploy(siteDir: string, config: SiteConfig): BucketDeployment {
    const deployment = new BucketDeployment(this, 'Deployment', {
      sources: [Source.asset(siteDir), Source.jsonData('config.json', config)],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
    });
    acknowledgeDeploymentProvider(Stack.of(this), this.bucket);
    return deployment;
  }
}

/**
 * BucketDeployment runs in a singleton Lambda that CDK owns (at the stack's
 * root, id Custom::CDKBucketDeployment...): its runtime, role and policies are
 * CDK's and run only during deployments.
 */
function acknowledgeDeploymentProvider(stack: Stack, siteBucket: Bucket): void {
  const siteBucketId = stack.getLogicalId(siteBucket.node.defaultChild as CfnElement);
  const provider = stack.node.children.find((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
  if (!provider) throw new Error('BucketDeployment provider not found: CDK changed its construct id.');
  const acks: Record<string, string> = {
    'AwsSolutions-L1': "CDK's BucketDeployment provider: its runtime is chosen by the CDK version, and it runs only during deployments.",
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]':
      "CDK's BucketDeployment provider role, made by CDK.",
  };
  for (const wildcard of [
    'Action::s3:GetObject*',
    'Action::s3:GetBucket*',
    'Action::s3:List*',
    'Action::s3:DeleteObject*',
    'Action::s3:Abort*',
    'Resource::*',
    `Resource::<${siteBucketId}.Arn>/*`,
    `Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${regionInFinding(stack)}/*`,
  ]) {
    acks[`AwsSolutions-IAM5[${wildcard}]`] =
      "CDK's BucketDeployment provider: copies the site from CDK's asset bucket into the site bucket (every object of it) and invalidates CloudFront (which has no resource-level permission).";
  }
  for (const [id, reason] of Object.entries(acks)) Validations.of(provider).acknowledge({ id, reason });
}
