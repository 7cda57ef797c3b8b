/**
 * The pupil guard's libraries (libphonenumber-js, naughty-words) in one Lambda
 * layer, as Powertools ships its own: the guard's code is in each bundle, its
 * libraries stay out (bundling.ts, externalModules) and this layer serves them
 * at `/opt/nodejs/node_modules`, where Lambda's Node runtime resolves a
 * bundle's imports (and a createRequire's). Built at synth from the installed packages, with only the
 * files the bundles and the guard's modules load (each module rebuilt as one
 * minified file, see buildGuardLayerContent), so the layer is
 * always the version the guard was tested with.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync, transformSync } from 'esbuild';
import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Architecture, Code, LayerVersion } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { bundlingSettings, guardLibraries, guardLibraryImports, lambdaRuntime } from './bundling.ts';

const repoRoot = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** Where a layer's Node packages go (Lambda puts the layer under /opt). */
export const layerModulesPath = path.join('nodejs', 'node_modules');

/** The package a resolved file belongs to, and its path inside that package (scoped names are not among the guard's libraries). */
function packageFileOf(file: string): { name: string; inside: string } | undefined {
  const parts = file.split(path.sep);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0 || at + 1 >= parts.length) return undefined;
  return { name: parts[at + 1], inside: parts.slice(at + 2).join(path.sep) };
}

/** How the guard loads a library module: an ESM import (the package's `import` export) or a `require` of createRequire (its `require` export). */
export interface LibraryUse {
  specifier: string;
  form: 'import' | 'require';
}

/** The guard's own folder: its modules name the library files it loads. */
export const guardSourceDir = path.join(repoRoot, 'functions', 'domain', 'pupil-guard');

const libraryName = guardLibraries.map((name) => name.replace(/[.-]/g, '\\$&')).join('|');
const libraryUsePattern = new RegExp(`(require\\(\\s*)?["']((?:${libraryName})(?:/[^"']*)?)["']`, 'g');

/**
 * What the guard's modules load of its libraries, read from their source: an
 * import esbuild sees in the bundle, and also a `require` of createRequire,
 * which esbuild leaves to run time and so never reports.
 */
export function guardLibraryUses(dir = guardSourceDir): LibraryUse[] {
  const uses = new Map<string, LibraryUse>();
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'))) {
    // Compiled first (esbuild drops comments and types): a library named in a comment is not a use.
    const code = transformSync(readFileSync(path.join(dir, file), 'utf8'), { loader: 'ts', logLevel: 'error' }).code;
    for (const [, required, specifier] of code.matchAll(libraryUsePattern)) {
      const use: LibraryUse = { specifier, form: required ? 'require' : 'import' };
      uses.set(`${use.form} ${specifier}`, use);
    }
  }
  return [...uses.values()].sort((a, b) => `${a.form} ${a.specifier}`.localeCompare(`${b.form} ${b.specifier}`));
}

/** The uses to serve: the bundles' imports of the guard's libraries and what the guard's sources load. */
export function guardLayerUses(bundleImports: readonly string[]): LibraryUse[] {
  const uses = new Map<string, LibraryUse>();
  for (const use of [...guardLibraryImports(bundleImports).map((specifier) => ({ specifier, form: 'import' as const })), ...guardLibraryUses()]) {
    uses.set(`${use.form} ${use.specifier}`, use);
  }
  return [...uses.values()];
}

/** The file Node loads for a use, as esbuild resolves it with the same conditions (`import` or `require`). */
function resolvedFileOf({ specifier, form }: LibraryUse): string {
  const { metafile } = buildSync({
    stdin: {
      contents: form === 'require' ? `require(${JSON.stringify(specifier)});` : `import * as m from ${JSON.stringify(specifier)}; globalThis.keep?.(m);`,
      resolveDir: repoRoot,
      loader: 'js',
    },
    absWorkingDir: repoRoot,
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'node',
    mainFields: [...bundlingSettings.mainFields],
    logLevel: 'error',
  });
  const [record] = metafile!.inputs['<stdin>'].imports;
  return path.resolve(repoRoot, record.path);
}

/**
 * Writes the layer's content for these uses into `outdir` and returns it: for
 * each use, the file Node resolves it to, at the same path in its package —
 * JSON as it is, a module as ONE minified file of everything it imports (the
 * ESM build of libphonenumber-js/core is some hundred small files: loading
 * them one by one took about 200 ms of a cold start, one file about 40) — plus
 * each package's package.json (its exports map and module type) and licence.
 */
export function buildGuardLayerContent(uses: readonly LibraryUse[], outdir = mkdtempSync(path.join(tmpdir(), 'twinspace-guard-layer-'))): string {
  const strangers = uses.filter((use) => guardLibraryImports([use.specifier]).length === 0);
  if (strangers.length > 0) throw new Error(`Not the guard's libraries (${guardLibraries.join(', ')}): ${strangers.map((use) => use.specifier).join(', ')}`);
  const modules = path.join(outdir, layerModulesPath);
  const packages = new Map<string, string>();
  for (const use of uses) {
    const file = resolvedFileOf(use);
    const owner = packageFileOf(file);
    if (!owner || !guardLibraries.includes(owner.name as (typeof guardLibraries)[number])) throw new Error(`${use.specifier} resolves outside its package: ${file}`);
    packages.set(owner.name, file.slice(0, file.length - owner.inside.length - 1));
    const target = path.join(modules, owner.name, owner.inside);
    mkdirSync(path.dirname(target), { recursive: true });
    if (file.endsWith('.json')) {
      copyFileSync(file, target);
      continue;
    }
    buildSync({
      entryPoints: [file],
      outfile: target,
      absWorkingDir: repoRoot,
      bundle: true,
      minify: true,
      format: use.form === 'require' ? 'cjs' : 'esm',
      platform: 'node',
      target: bundlingSettings.target,
      mainFields: [...bundlingSettings.mainFields],
      logLevel: 'error',
    });
  }
  for (const [name, folder] of packages) {
    for (const file of ['package.json', 'LICENSE']) {
      if (existsSync(path.join(folder, file))) copyFileSync(path.join(folder, file), path.join(modules, name, file));
    }
  }
  return outdir;
}

/** The stack's one guard layer, made the first time a function asks, for the union of the bundles' imports of the guard's libraries. */
export function guardLayer(scope: Construct, bundleImports: readonly string[]): LayerVersion {
  const stack = Stack.of(scope);
  const id = 'PupilGuardLibraries';
  const existing = stack.node.tryFindChild(id) as LayerVersion | undefined;
  if (existing) return existing;
  return new LayerVersion(stack, id, {
    code: Code.fromAsset(buildGuardLayerContent(guardLayerUses(bundleImports))),
    description: `The pupil guard's libraries: ${guardLibraries.join(', ')} (only the modules the guard loads)`,
    compatibleRuntimes: [lambdaRuntime],
    // Plain JavaScript and JSON: any architecture (the upload processing runs on x86_64).
    compatibleArchitectures: [Architecture.ARM_64, Architecture.X86_64],
    // A replaced version serves no function any more: it goes, as the log groups do.
    removalPolicy: RemovalPolicy.DESTROY,
  });
}
