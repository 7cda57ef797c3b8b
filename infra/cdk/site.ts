/**
 * The site: the Astro build in a private bucket behind CloudFront (Origin
 * Access Control), plus a generated /config.json that tells the pages where
 * the APIs and Cognito are (the SiteConfig shape of infra/local/endpoints.ts).
 *
 * Every answer carries the security headers of infra/site-headers.ts (the
 * same the local site server sends), through two response headers policies
 * that differ only in Cache-Control: `/_astro/*` (hashed bundles) immutable
 * for a year, everything else (HTML, config.json) no-cache. The objects'
 * S3 metadata says the same, so CloudFront's own cache follows it too
 * (a response headers policy changes what the viewer gets, not the edge's TTL).
 */
import { Duration, Lazy, RemovalPolicy, Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import {
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import type { SiteConfig } from '../local/endpoints.ts';
import {
  cacheControl,
  contentSecurityPolicy,
  immutableAssetsPattern,
  permissionsPolicy,
  referrerPolicy,
  strictTransportSecurity,
  type SiteOrigins,
} from '../site-headers.ts';
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

/** `_astro/*`: the CloudFront path pattern and the S3 sync filter of the hashed bundles (no leading slash). */
export const assetsPathPattern = immutableAssetsPattern.replace(/^\//, '');


/**
 * What the cloud CSP lets the pages connect to: Cognito and the chat by their
 * exact origins; the HTTP API and the materials bucket by their region's
 * API Gateway and S3 hosts (`https://*.execute-api.<region>.amazonaws.com`,
 * `https://*.s3.<region>.amazonaws.com`, the virtual-hosted form the SDK
 * signs presigned URLs with). Both of those allow the site's origin in their
 * CORS rules, so naming their generated ids in the distribution's headers
 * policy would be a dependency cycle (distribution → policy → API or bucket →
 * distribution). A custom domain for the API and a named materials bucket
 * would let them be exact too (README, "Security headers and caching").
 */
export function cloudSiteOrigins(config: SiteConfig, region: string): SiteOrigins {
  return {
    api: `https://*.execute-api.${region}.amazonaws.com`,
    chat: config.chat,
    cognito: config.cognito.endpoint,
    storage: `https://*.s3.${region}.amazonaws.com`,
  };
}

export class TwinspaceSiteHosting extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** The headers of the pages, config.json and anything outside /_astro/ (Cache-Control: no-cache). */
  readonly pageHeaders: ResponseHeadersPolicy;
  /** The headers of /_astro/* (Cache-Control: immutable for a year). */
  readonly assetHeaders: ResponseHeadersPolicy;
  /** What the pages may connect to; given by deploy(), read when the template is made. */
  private connections?: SiteOrigins;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Content', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      // Rebuilt from web/ at every deploy, but a bucket is never dropped with objects in it.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: "Server access logs keep every requester's IP address (issue 11: none kept beyond the rate limit's need); only CloudFront reads this bucket, through its origin access control.",
    });
    const rewrite = new CloudFrontFunction(this, 'IndexRewrite', {
      code: FunctionCode.fromInline(indexRewrite),
      runtime: FunctionRuntime.JS_2_0,
    });
    // The APIs, chat and storage exist only after the site (they need its origin for CORS): the CSP is filled in at synth.
    const csp = Lazy.string({
      produce: () => {
        if (!this.connections) throw new Error('TwinspaceSiteHosting: deploy() was never called, so the CSP has no API, chat, Cognito or storage origins.');
        return contentSecurityPolicy(this.connections);
      },
    });
    const headersPolicy = (id: string, cache: string, comment: string) =>
      new ResponseHeadersPolicy(this, id, {
        comment,
        securityHeadersBehavior: {
          contentSecurityPolicy: { contentSecurityPolicy: csp, override: true },
          strictTransportSecurity: {
            accessControlMaxAge: Duration.seconds(strictTransportSecurity.maxAgeSeconds),
            includeSubdomains: strictTransportSecurity.includeSubdomains,
            override: true,
          },
          referrerPolicy: { referrerPolicy: referrerPolicy as HeadersReferrerPolicy, override: true },
          contentTypeOptions: { override: true },
          frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        },
        customHeadersBehavior: {
          customHeaders: [
            { header: 'Permissions-Policy', value: permissionsPolicy, override: true },
            { header: 'Cache-Control', value: cache, override: true },
          ],
        },
      });
    this.pageHeaders = headersPolicy('PageHeaders', cacheControl.revalidate, 'Twinspace pages and config.json: security headers, no-cache');
    this.assetHeaders = headersPolicy('AssetHeaders', cacheControl.immutable, 'Twinspace hashed bundles: security headers, immutable for a year');
    const origin = S3BucketOrigin.withOriginAccessControl(this.bucket);
    this.distribution = new Distribution(this, 'Distribution', {
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.pageHeaders,
        functionAssociations: [{ function: rewrite, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        // Files only: no folder to rewrite to its index.html.
        [assetsPathPattern]: {
          origin,
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: CachePolicy.CACHING_OPTIMIZED,
          responseHeadersPolicy: this.assetHeaders,
        },
      },
      // An address the site does not have: S3 answers 403 (OAC, no list right) or 404; the viewer gets the not-found page with 404.
      errorResponses: [403, 404].map((httpStatus) => ({ httpStatus, responseHttpStatus: 404, responsePagePath: '/en/not-found/index.html', ttl: Duration.minutes(1) })),
      // No standard logs: their fixed format keeps every viewer's IP address (pupils'), which nothing here needs
      // (issue 11, "Logs"); CloudFront's metrics still count requests and errors.
      enableLogging: false,
    });
    const distributionAcks = {
      'AwsSolutions-CFR3':
        "Standard logs would keep every viewer's IP address, pupils' included, for as long as the logs are kept; the distribution serves public static files, and CloudFront's metrics count requests and errors.",
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

  /**
   * Uploads the built site and its config.json, and invalidates the cache;
   * the pages may connect to config's API, chat and Cognito and to the
   * materials storage (cloudSiteOrigins), and nowhere else.
   *
   * Two syncs of the one asset, for their Cache-Control metadata: first the
   * hashed bundles (immutable; never pruned, so a page still open from the
   * last deploy can still load its lazy chunks), then the rest (no-cache,
   * pruned except /_astro/, which its sync leaves alone).
   */
  deploy(siteDir: string, config: SiteConfig): BucketDeployment {
    this.connections = cloudSiteOrigins(config, Stack.of(this).region);
    const site = Source.asset(siteDir);
    const assets = new BucketDeployment(this, 'AssetsDeployment', {
      sources: [site],
      destinationBucket: this.bucket,
      exclude: ['*'],
      include: [assetsPathPattern],
      prune: false,
      cacheControl: [CacheControl.fromString(cacheControl.immutable)],
      memoryLimit: 512,
    });
    const deployment = new BucketDeployment(this, 'Deployment', {
      sources: [site, Source.jsonData('config.json', config)],
      destinationBucket: this.bucket,
      exclude: [assetsPathPattern],
      cacheControl: [CacheControl.fromString(cacheControl.revalidate)],
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
    });
    // New pages only once the bundles they name are there.
    deployment.node.addDependency(assets);
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
