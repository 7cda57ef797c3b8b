/**
 * The one esbuild pass of bundling.ts (bundleAllWithImports), run in its own
 * Node process: the pass needs a plugin (the guard from its layer, below) and
 * esbuild takes plugins only in its asynchronous API, while a CDK app builds
 * its constructs synchronously. Plain JavaScript so any supported Node runs it
 * without a TypeScript loader. Reads `{ options, guard }` as JSON on stdin,
 * writes the metafile as JSON on stdout; esbuild's errors go to stderr.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { build } from 'esbuild';

/**
 * Resolves every import of the guard's entry (functions/domain/pupil-guard/index.ts)
 * to the guard layer's package, left to the runtime as Powertools is. The rest
 * of the guard's folder stays bundled where it is imported on its own (the
 * finding kinds that schemas import from types.ts).
 * @param {{ entry: string; module: string }} guard
 * @returns {import('esbuild').Plugin}
 */
function guardFromLayer(guard) {
  const entries = new Set([guard.entry, guard.entry.replace(/\.ts$/, ''), path.dirname(guard.entry)]);
  return {
    name: 'pupil-guard-from-layer',
    setup(pass) {
      pass.onResolve({ filter: /pupil-guard(\/index(\.ts)?)?$/ }, (args) => {
        if (args.kind === 'entry-point' || (!args.path.startsWith('.') && !path.isAbsolute(args.path))) return undefined;
        return entries.has(path.resolve(args.resolveDir, args.path)) ? { path: guard.module, external: true } : undefined;
      });
    },
  };
}

const { options, guard } = JSON.parse(readFileSync(0, 'utf8'));
const { metafile } = await build({ ...options, metafile: true, plugins: [guardFromLayer(guard)] });
process.stdout.write(JSON.stringify(metafile));
