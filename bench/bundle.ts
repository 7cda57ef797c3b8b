/**
 * Bundles one function exactly as the CDK app does (infra/cdk/bundling.ts),
 * optionally leaving the AWS SDK external as CDK's default would.
 */
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { build } from 'esbuild';
import type { HandlerRef } from '../functions/routes.ts';
import { assetFiles, bundlingSettings } from '../infra/cdk/bundling.ts';
import { entryOf, repoRoot } from '../infra/cdk/function.ts';

export type SdkPlacement = 'bundled' | 'external';

/** CDK's default for Node 18+ runtimes: the runtime's own SDK copy. */
const runtimeSdk = ['@aws-sdk/*'];

/** Under node_modules so an external @aws-sdk/* import resolves, as it would on Lambda. */
export const benchDir = path.join(repoRoot, 'node_modules', '.cache', 'twinspace-bench');

export interface Bundle {
  handler: HandlerRef;
  sdk: SdkPlacement;
  file: string;
  bytes: number;
}

export async function bundleFunction(handler: HandlerRef, sdk: SdkPlacement): Promise<Bundle> {
  const outdir = path.join(benchDir, sdk, handler.name);
  mkdirSync(outdir, { recursive: true });
  const file = path.join(outdir, 'index.mjs');
  await build({
    entryPoints: [entryOf(handler)],
    outfile: file,
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
    external: sdk === 'bundled' ? [...bundlingSettings.externalModules] : runtimeSdk,
    logLevel: 'error',
  });
  // As the CDK app's afterBundling hook does: the data files the code reads beside it.
  for (const asset of assetFiles) copyFileSync(path.join(repoRoot, asset), path.join(outdir, path.basename(asset)));
  return { handler, sdk, file, bytes: statSync(file).size };
}
