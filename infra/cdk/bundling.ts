/**
 * How every function is bundled, stated once. The CDK app (function.ts) turns
 * these into NodejsFunction bundling options; `npm run bench` hands the same
 * values to esbuild directly, so the sizes and cold starts it reports are
 * those of what gets deployed.
 */
import { fileURLToPath } from 'node:url';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';

/** Pinned: a new Node major is a decision, never a side effect of upgrading CDK. */
export const lambdaRuntime = Runtime.NODEJS_24_X;
export const lambdaArchitecture = Architecture.ARM_64;

/**
 * esbuild's ESM output keeps CommonJS dependencies' `require()` calls behind a
 * shim that throws "Dynamic require of … is not supported" unless a real
 * `require` exists. This banner provides one. The odd alias keeps it from
 * clashing with a bundled module's own `createRequire` import.
 */
export const esmRequireBanner =
  "import { createRequire as __twinspaceCreateRequire } from 'node:module';const require = __twinspaceCreateRequire(import.meta.url);";

export const bundlingSettings = {
  format: 'esm',
  /** esbuild target, matching lambdaRuntime. */
  target: 'node24',
  platform: 'node',
  minify: true,
  sourceMap: true,
  /** Stack traces need names and lines, not the sources: keeps the .map small. */
  sourcesContent: false,
  /** Prefer packages' ESM builds, so tree-shaking works on them. */
  mainFields: ['module', 'main'],
  banner: esmRequireBanner,
  /**
   * Lambda has its credentials in the environment: swap the SDK's default
   * credential chain for the environment provider (functions/lib/lambda-credentials.ts).
   * Keeps every bundle under the 400 KB budget with the SDK bundled.
   */
  alias: {
    '@aws-sdk/credential-provider-node': fileURLToPath(new URL('../../functions/lib/lambda-credentials.ts', import.meta.url)),
  } as Record<string, string>,
  /** Nothing external: the AWS SDK v3 is bundled at the version we pinned (see the README's cold-init figures). */
  externalModules: [] as string[],
} as const;

/**
 * Data files a function reads at run time beside its bundle (paths from the
 * repository root, copied flat into the asset): the error-message catalogs,
 * read only when an answer is in that language (functions/lib/localize.ts).
 */
export const assetFiles = ['functions/lib/messages.es.json'] as const;

/** Minified bundle budget per function (DESIGN.md, Budgets). */
export const bundleBudgetBytes = 400 * 1024;
