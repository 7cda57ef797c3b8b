/**
 * Bundles every function exactly as the CDK app does (infra/cdk/bundling.ts:
 * one esbuild pass for all), optionally leaving the AWS SDK external as CDK's
 * default would. Powertools stays external either way: on Lambda it comes
 * from its layer; here it resolves from node_modules, which the bundles sit
 * under. So does the pupil guard: its layer's package (`@twinspace/pupil-guard`,
 * built as guard-layer.ts builds it) goes in node_modules/ beside the bundles,
 * its libraries resolve from the repository's.
 */
import { statSync } from 'node:fs';
import * as path from 'node:path';
import type { HandlerRef } from '../functions/routes.ts';
import { bundleAll, bundlingSettings } from '../infra/cdk/bundling.ts';
import { entryOf, repoRoot } from '../infra/cdk/function.ts';
import { writeGuardModule } from '../infra/cdk/guard-layer.ts';

export type SdkPlacement = 'bundled' | 'external';

/** CDK's default for Node 18+ runtimes: the runtime's own SDK copy. */
const runtimeSdk = ['@aws-sdk/*'];

/** Under node_modules so an external import resolves, as it would on Lambda. */
export const benchDir = path.join(repoRoot, 'node_modules', '.cache', 'twinspace-bench');

export interface Bundle {
  handler: HandlerRef;
  sdk: SdkPlacement;
  file: string;
  bytes: number;
}

/** Every function in one esbuild pass; returns each bundle and how long the pass took. */
export function bundleFunctions(handlers: readonly HandlerRef[], sdk: SdkPlacement): { bundles: Bundle[]; passMs: number } {
  const external = sdk === 'bundled' ? bundlingSettings.externalModules : [...bundlingSettings.externalModules, ...runtimeSdk];
  const started = performance.now();
  const folders = bundleAll(
    handlers.map((handler) => ({ name: handler.name, entry: entryOf(handler) })),
    path.join(benchDir, sdk),
    external,
  );
  const passMs = performance.now() - started;
  writeGuardModule(path.join(benchDir, 'node_modules'));
  const bundles = handlers.map((handler) => {
    const file = path.join(folders.get(handler.name)!, 'index.mjs');
    return { handler, sdk, file, bytes: statSync(file).size };
  });
  return { bundles, passMs };
}
