/**
 * The pupil guard in one Lambda layer, as Powertools ships its own: the
 * guard's code (functions/domain/pupil-guard/index.ts, as the package
 * `@twinspace/pupil-guard`: bundling.ts, guardModule) and its libraries
 * (libphonenumber-js, naughty-words) stay out of every bundle, and this layer
 * serves them at `/opt/nodejs/node_modules`, where Lambda's Node runtime
 * resolves a bundle's imports (and a createRequire's). Built at synth from the
 * guard's source and the installed packages, with only the files the guard
 * loads (each module rebuilt as one minified file, see buildGuardLayerContent),
 * so the layer is always the guard and the versions that were tested.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync, transformSync } from 'esbuild';
import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Architecture, Code, LayerVersion } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { bundlingSettings, guardEntry, guardLibraries, guardLibraryImports, guardModule, lambdaRuntime } from './bundling.ts';

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
export const guardSourceDir = path.dirname(guardEntry);

/**
 * Writes the guard's own package into `modulesDir` (a node_modules folder):
 * its entry as ONE minified ESM file, with a package.json naming it, and
 * returns the imports that build leaves to its libraries. The libraries stay
 * out of it: their copies beside it in the layer are the ones its imports and
 * its createRequire calls (relative to the module's own file) resolve to.
 */
export function writeGuardModule(modulesDir: string): string[] {
  const folder = path.join(modulesDir, ...guardModule.split('/'));
  mkdirSync(folder, { recursive: true });
  const { metafile } = buildSync({
    entryPoints: [guardEntry],
    outfile: path.join(folder, 'index.mjs'),
    absWorkingDir: repoRoot,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: bundlingSettings.target,
    mainFields: [...bundlingSettings.mainFields],
    sourcemap: bundlingSettings.sourceMap,
    sourcesContent: bundlingSettings.sourcesContent,
    external: [...guardLibraries],
    metafile: true,
    logLevel: 'error',
  });
  const { version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  const manifest = { name: guardModule, version, private: true, type: 'module', exports: { '.': './index.mjs' } };
  writeFileSync(path.join(folder, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const imports = Object.values(metafile!.outputs).flatMap((output) => output.imports.filter((each) => each.external).map((each) => each.path));
  return guardLibraryImports([...new Set(imports)]).sort();
}

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

/** The uses to serve: the bundles' (and the guard module's) imports of the guard's libraries and what the guard's sources load. */
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
 * Writes the layer's content into `outdir` and returns it: the guard's own
 * package (writeGuardModule) and, for each use and each import that package
 * makes, the file Node resolves it to, at the same path in its package —
 * JSON as it is, a module as ONE minified file of everything it imports (the
 * ESM build of libphonenumber-js/core is some hundred small files: loading
 * them one by one took about 200 ms of a cold start, one file about 40) — plus
 * each package's package.json (its exports map and module type) and licence.
 */
export function buildGuardLayerContent(uses: readonly LibraryUse[], outdir = mkdtempSync(path.join(tmpdir(), 'twinspace-guard-layer-'))): string {
  const strangers = uses.filter((use) => guardLibraryImports([use.specifier]).length === 0);
  if (strangers.length > 0) throw new Error(`Not the guard's libraries (${guardLibraries.join(', ')}): ${strangers.map((use) => use.specifier).join(', ')}`);
  const modules = path.join(outdir, layerModulesPath);
  const moduleUses = writeGuardModule(modules).map((specifier) => ({ specifier, form: 'import' as const }));
  const packages = new Map<string, string>();
  const all = new Map([...uses, ...moduleUses].map((use) => [`${use.form} ${use.specifier}`, use]));
  for (const use of all.values()) {
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

/** The stack's one guard layer, made the first time a function asks: the guard's module, and its libraries for it and for the union of the bundles' imports of them. */
export function guardLayer(scope: Construct, bundleImports: readonly string[]): LayerVersion {
  const stack = Stack.of(scope);
  const id = 'PupilGuard';
  const existing = stack.node.tryFindChild(id) as LayerVersion | undefined;
  if (existing) return existing;
  return new LayerVersion(stack, id, {
    code: Code.fromAsset(buildGuardLayerContent(guardLayerUses(bundleImports))),
    description: `The pupil guard (${guardModule}) and its libraries: ${guardLibraries.join(', ')} (only the modules the guard loads)`,
    compatibleRuntimes: [lambdaRuntime],
    // Plain JavaScript and JSON: any architecture (the upload processing runs on x86_64).
    compatibleArchitectures: [Architecture.ARM_64, Architecture.X86_64],
    // A replaced version serves no function any more: it goes, as the log groups do.
    removalPolicy: RemovalPolicy.DESTROY,
  });
}
