/**
 * How every function is bundled, stated once, and the one esbuild pass that
 * bundles them all (bundleAll): the CDK app (function.ts) and `npm run bench`
 * call the same code, so the sizes and cold starts the bench reports are those
 * of what gets deployed. One pass instead of one esbuild run per function is
 * what keeps `cdk synth` within its budget.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
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
  /**
   * The AWS SDK v3 is bundled at the version we pinned (see the README's
   * cold-init figures). Powertools (logger, metrics, tracer with the X-Ray SDK)
   * comes from its own Lambda layer (function.ts), as Powertools recommends:
   * bundled, the tracer alone would add about 125 KB to every function.
   */
  externalModules: ['@aws-lambda-powertools/*'] as string[],
} as const;

/**
 * Data files a function reads at run time beside its bundle (paths from the
 * repository root, copied flat into the asset): the error-message catalogs,
 * read only when an answer is in that language (functions/lib/localize.ts).
 */
export const assetFiles = ['functions/lib/messages.es.json'] as const;

/** Minified bundle budget per function (DESIGN.md, Budgets). */
export const bundleBudgetBytes = 400 * 1024;

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The installed Powertools version: the layer deployed must be the one the code was written against. */
export function powertoolsVersion(): string {
  const manifest = path.join(repoRoot, 'node_modules', '@aws-lambda-powertools', 'logger', 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

export interface BundleEntry {
  /** Folder name of the bundle: the function's stable name. */
  name: string;
  /** Entry module, absolute path. */
  entry: string;
}

/**
 * Bundles every entry in ONE esbuild call into `<outdir>/<name>/index.mjs`
 * (plus its source map and the asset files), and returns the folder of each.
 * Shared code is compiled once, not once per function.
 */
export function bundleAll(entries: readonly BundleEntry[], outdir = mkdtempSync(path.join(tmpdir(), 'twinspace-bundles-')), external: readonly string[] = bundlingSettings.externalModules): Map<string, string> {
  buildSync({
    entryPoints: Object.fromEntries(entries.map(({ name, entry }) => [`${name}/index`, entry])),
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    format: bundlingSettings.format,
    platform: bundlingSettings.platform,
    target: bundlingSettings.target,
    minify: bundlingSettings.minify,
    sourcemap: bundlingSettings.sourceMap,
    sourcesContent: bundlingSettings.sourcesContent,
    mainFields: [...bundlingSettings.mainFields],
    banner: { js: bundlingSettings.banner },
    alias: bundlingSettings.alias,
    external: [...external],
    logLevel: 'error',
  });
  const folders = new Map<string, string>();
  for (const { name } of entries) {
    const folder = path.join(outdir, name);
    mkdirSync(folder, { recursive: true });
    for (const asset of assetFiles) copyFileSync(path.join(repoRoot, asset), path.join(folder, path.basename(asset)));
    folders.set(name, folder);
  }
  return folders;
}

/** A stand-in bundle for a synth that bundles nothing (`aws:cdk:bundling-stacks` empty: checks that read no code). */
export function standInBundle(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'twinspace-stand-in-'));
  writeFileSync(path.join(folder, 'index.mjs'), 'export const handler = async () => { throw new Error("not bundled"); };\n');
  return folder;
}
