/**
 * The TwinSpaces' materials (issue 10): a private bucket the browser uploads
 * into with presigned POSTs (incoming/), the processing functions its
 * ObjectCreated events invoke (functions/routes.ts storageHandlers), and the
 * S3 rights of the HTTP areas, each as narrow as its use. Nothing is readable
 * by its key alone: every read is a presigned GET signed by a role below, after
 * the API checked the table.
 */
import { Duration, RemovalPolicy, Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import { PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, EventType, HttpMethods, ObjectOwnership, type IBucket } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Construct, type IConstruct } from 'constructs';
import { materialLimits } from '../../functions/domain/materials.ts';
import { envNames } from '../../functions/lib/config.ts';
import { storageHandlers } from '../../functions/routes.ts';
import { TwinspaceFunction } from './function.ts';
import type { TwinspaceTable } from './storage.ts';

/** What an HTTP area does with the materials: manage them (the Materials tab) or show them (documents' images). */
export type MaterialsAccess = 'manage' | 'read';

/**
 * The HTTP area functions that reach the bucket, by name (functions/routes.ts
 * areaFunction): the materials area uploads, reads, lists and deletes; the
 * four surfaces of rich text sign the GET URLs of the images their documents
 * show; the privacy area deletes an erased person's materials. The others
 * never touch the bucket.
 */
export const materialsAccessByFunction: Readonly<Record<string, MaterialsAccess>> = {
  'http-materials': 'manage',
  'http-pages': 'read',
  'http-forum': 'read',
  'http-diary': 'read',
  'http-home': 'read',
  // Erasure (issue 11) deletes an erased pupil's albums and folders in delete mode, objects included.
  'http-privacy': 'manage',
};

export function materialsAccessOf(functionName: string): MaterialsAccess | undefined {
  return materialsAccessByFunction[functionName];
}

/** Where objects live (functions/domain/materials.ts objectKeys): browser uploads, and what processing accepted. */
export const materialsPrefixes = { incoming: 'incoming/', materials: 'materials/' } as const;

export interface MaterialsStorageProps {
  table: TwinspaceTable;
  /** The settings every handler reads (functions/lib/config.ts). */
  environment: Record<string, string>;
  /** The site's origin: the only one a browser may upload from. */
  siteOrigin: string;
  /** Bytes a project's materials may hold (context `materialsQuotaBytes`). */
  quotaBytes: number;
}

export class TwinspaceMaterialsStorage extends Construct {
  readonly bucket: Bucket;
  readonly functions: Map<string, TwinspaceFunction> = new Map();
  /** MATERIALS_BUCKET and MATERIALS_QUOTA_BYTES, for every HTTP function. */
  readonly environment: Record<string, string>;

  constructor(scope: Construct, id: string, props: MaterialsStorageProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      // No ACLs at all: an object is reachable only through a presigned URL of a role below.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      // Deleting a material deletes its objects; no old versions to keep paying for.
      versioned: false,
      lifecycleRules: [
        // An upload the browser abandoned halfway.
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        // Processing moves or deletes every upload within minutes; what is left a day later was never processed.
        { id: 'expire-unprocessed-uploads', prefix: materialsPrefixes.incoming, expiration: Duration.days(1) },
      ],
      cors: [
        {
          // The browser POSTs the upload form (with a progress bar, so a preflight) and may fetch what the API signed.
          allowedOrigins: [props.siteOrigin],
          allowedMethods: [HttpMethods.POST, HttpMethods.GET, HttpMethods.HEAD],
          allowedHeaders: ['*'],
          maxAge: Duration.hours(1).toSeconds(),
        },
      ],
      // Schools' photos and files: never dropped with the stack.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        "Server access logs keep every requester's IP address, pupils' included (issue 11: none kept beyond the rate limit's need); every read and upload is a presigned URL that a function issued after the table's check, and those functions log it.",
    });
    this.environment = {
      [envNames.materialsBucket]: this.bucket.bucketName,
      [envNames.materialsQuotaBytes]: String(props.quotaBytes),
    };

    for (const storageHandler of storageHandlers) {
      const fn = new TwinspaceFunction(this, {
        handler: storageHandler,
        environment: { ...props.environment, [envNames.materialsBucket]: this.bucket.bucketName },
        // sharp re-encodes images of up to 10 MB and makes two thumbnails; files of up to 50 MB are read whole.
        memorySize: 2_048,
        timeout: Duration.minutes(1),
      });
      // Its own role (TwinspaceFunction makes one): the only code that turns an upload into a material.
      this.grant(fn, [
        { actions: ['s3:GetObject', 's3:DeleteObject'], prefix: materialsPrefixes.incoming },
        { actions: ['s3:PutObject', 's3:DeleteObject'], prefix: materialsPrefixes.materials },
      ]);
      props.table.grantReadWrite(fn);
      this.bucket.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(fn), { prefix: storageHandler.prefix });
      this.functions.set(storageHandler.name, fn);
    }
    acknowledgeNotificationsHandler(Stack.of(this));
  }

  /**
   * The S3 rights of an HTTP area's role (route-roles.ts), by its access:
   * 'manage' presigns uploads into incoming/ (the POST is checked against
   * PutObject of the signer), reads and deletes both prefixes, and lists
   * materials/ to delete a material's objects; 'read' signs GETs of processed
   * objects only.
   */
  grantAccess(grantee: IGrantable, access: MaterialsAccess): void {
    if (access === 'read') {
      this.grant(grantee, [{ actions: ['s3:GetObject'], prefix: materialsPrefixes.materials }]);
      return;
    }
    this.grant(grantee, [
      { actions: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'], prefix: materialsPrefixes.incoming },
      { actions: ['s3:GetObject', 's3:DeleteObject'], prefix: materialsPrefixes.materials },
    ]);
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [this.bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': [`${materialsPrefixes.materials}*`] } },
      }),
    );
  }

  /** Object actions under prefixes of this bucket, never the whole bucket; each prefix's wildcard acknowledged for cdk-nag. */
  private grant(grantee: IGrantable, grants: readonly { actions: string[]; prefix: string }[]): void {
    const bucketId = Stack.of(this).getLogicalId(this.bucket.node.defaultChild as CfnElement);
    const principal = ('role' in grantee && grantee.role ? grantee.role : grantee.grantPrincipal) as unknown as IConstruct;
    for (const { actions, prefix } of grants) {
      grantee.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ actions, resources: [this.bucket.arnForObjects(`${prefix}*`)] }));
      Validations.of(principal).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${prefix}*]`,
        reason: `Objects are named by project, material and file under ${prefix} (functions/domain/materials.ts objectKeys); the grant covers that prefix of the materials bucket only.`,
      });
    }
  }
}

/**
 * S3 event notifications are set by a singleton Lambda that CDK owns (at the
 * stack's root, id BucketNotificationsHandler...): a bucket's notification
 * configuration cannot be a CloudFormation property without a dependency cycle
 * (bucket → function permission → bucket). It runs only during deployments.
 */
function acknowledgeNotificationsHandler(stack: Stack): void {
  const handler = stack.node.children.find((child) => child.node.id.startsWith('BucketNotificationsHandler'));
  if (!handler) throw new Error('BucketNotificationsHandler not found: CDK changed its construct id.');
  const acks: Record<string, string> = {
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]':
      "CDK's bucket-notifications handler role, made by CDK; it runs only while CloudFormation deploys.",
    'AwsSolutions-IAM5[Resource::*]':
      "CDK's bucket-notifications handler: s3:PutBucketNotification, granted by CDK on every bucket of the stack; it runs only while CloudFormation deploys.",
  };
  for (const [id, reason] of Object.entries(acks)) Validations.of(handler).acknowledge({ id, reason });
}

/** The `materialsQuotaBytes` context as a whole number of bytes (> 0), or the default (2 GB). */
export function quotaBytesOf(value: unknown): number {
  if (value === undefined || value === null || value === '') return materialLimits.defaultQuotaBytes;
  const bytes = typeof value === 'number' ? value : /^\d+$/.test(String(value).trim()) ? Number(String(value).trim()) : Number.NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 1) {
    throw new Error(
      `The context materialsQuotaBytes must be a whole number of bytes greater than 0, e.g. -c materialsQuotaBytes=5368709120 for 5 GB (got ${String(value)})`,
    );
  }
  return bytes;
}
