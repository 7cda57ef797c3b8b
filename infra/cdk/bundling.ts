/**
 * How every function is bundled, stated once, and the one esbuild pass that
 * bundles them all (bundleAll): the CDK app (function.ts) and `npm run bench`
 * call the same code, so the sizes and cold starts the bench reports are those
 * of what gets deployed. One pass instead of one esbuild run per function is
 * what keeps `cdk synth` within its budget.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import type { BuildOptions, Metafile } from 'esbuild';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { storageHandlers } from '../../functions/routes.ts';

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
   * The pupil guard (guardModule, by the plugin of esbuild-pass.mjs) and its
   * libraries (guardLibraries) come from our own layer (guard-layer.ts) for the
   * same reason: libphonenumber-js's metadata alone would push the largest
   * areas past 400 KB, and the guard's own code then did. esbuild keeps a
   * package's subpaths (`libphonenumber-js/core`) external with the package.
   */
  externalModules: ['@aws-lambda-powertools/*', 'sharp', 'libphonenumber-js', 'naughty-words'] as string[],
} as const;

/**
 * The libraries the pupil guard (functions/domain/pupil-guard) imports: left
 * out of every bundle (externalModules) and of the guard's own module, and
 * shipped once, beside it, in the guard's Lambda layer (guard-layer.ts).
 */
export const guardLibraries = ['libphonenumber-js', 'naughty-words'] as const;

/**
 * The pupil guard's own code (functions/domain/pupil-guard/index.ts and what
 * it imports, about 24 KB minified) ships in the guard's layer too, as this
 * package (guard-layer.ts builds it): every guarded function carrying its own
 * copy pushed the largest areas past 400 KB. Only the bundles name it; local
 * runs (tsx, vitest, the local gateway) import the TypeScript source.
 */
export const guardModule = '@twinspace/pupil-guard';

/** The guard's entry: the one module whose imports become `guardModule`. */
export const guardEntry = fileURLToPath(new URL('../../functions/domain/pupil-guard/index.ts', import.meta.url));

/** The imports of a bundle that the guard's layer must serve (`libphonenumber-js/core`, `naughty-words/en.json`, …). */
export function guardLibraryImports(imports: readonly string[]): string[] {
  return imports.filter((specifier) => guardLibraries.some((name) => specifier === name || specifier.startsWith(`${name}/`)));
}

/** What of the guard's layer a bundle imports: the guard's module, its libraries. */
export function guardLayerImports(imports: readonly string[]): string[] {
  return [...imports.filter((specifier) => specifier === guardModule), ...guardLibraryImports(imports)];
}

/**
 * sharp is a native addon (libvips): esbuild cannot put it in a bundle, so it
 * stays external (above) and the functions that re-encode images ship it
 * beside their bundle, in node_modules/, with the prebuilt binary of the
 * architecture they run on. That architecture is x86_64 because it is the
 * build `npm ci` installs on the machines we synth from (Linux x64): arm64
 * would need a build nobody here has. Only the upload processing imports sharp.
 */
export const sharpBuild = {
  architecture: Architecture.X86_64,
  /** sharp itself (its runtime dependencies follow), its linux-x64 glibc binary, and libvips for it: what Lambda's Amazon Linux loads. */
  packages: ['sharp', '@img/sharp-linux-x64', '@img/sharp-libvips-linux-x64'],
  /** The fix when the build is missing (e.g. a deployer on macOS or Windows, whose npm installed their own platform's). */
  install: 'npm install --os=linux --cpu=x64 --libc=glibc sharp',
  /** The functions that ship it: the handlers of the materials bucket's uploads. */
  functions: new Set(storageHandlers.map((handler) => handler.name)) as ReadonlySet<string>,
} as const;

/**
 * Data files a function reads at run time beside its bundle (paths from the
 * repository root, copied flat into the asset): the error-message catalogs,
 * read only when an answer is in that language (functions/lib/localize.ts).
 */
export const assetFiles = ['functions/lib/messages.es.json'] as const;

/** Minified bundle budget per function (DESIGN.md, Budgets). */
export const bundleBudgetBytes = 400 * 1024;

/**
 * The upload processing's own budget: it carries the S3 client and file-type
 * besides the table's client (about 450 KB measured with functions/lib/storage.ts),
 * runs after an upload on no request's path, and its cold start is dominated
 * by loading libvips (18 MB) anyway. Every other function keeps 400 KB.
 */
export const processingBundleBudgetBytes = 512 * 1024;

export function bundleBudgetOf(name: string): number {
  return sharpBuild.functions.has(name) ? processingBundleBudgetBytes : bundleBudgetBytes;
}

const repoRoot = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));

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
  /** Installed packages (external to the bundle) copied with their dependencies into the folder's node_modules/. */
  packages?: readonly string[];
}

/** What a function's bundle folder carries besides its code (sharp for the image processing). */
export function packagesOf(name: string): readonly string[] {
  return sharpBuild.functions.has(name) ? sharpBuild.packages : [];
}

/**
 * Bundles every entry in ONE esbuild call into `<outdir>/<name>/index.mjs`
 * (plus its source map and the asset files), and returns the folder of each.
 * Shared code is compiled once, not once per function.
 */
export function bundleAll(entries: readonly BundleEntry[], outdir?: string, external?: readonly string[]): Map<string, string> {
  return bundleAllWithImports(entries, outdir, external).folders;
}

export interface BundledFunctions {
  /** Each function's bundle folder, by name. */
  folders: Map<string, string>;
  /** Each function's imports left to the runtime (externalModules), by name: what its layers must serve. */
  externalImports: Map<string, string[]>;
}

/** bundleAll, also telling what each bundle imports from outside itself (esbuild's metafile). */
export function bundleAllWithImports(entries: readonly BundleEntry[], outdir = mkdtempSync(path.join(tmpdir(), 'twinspace-bundles-')), external: readonly string[] = bundlingSettings.externalModules): BundledFunctions {
  // Before the pass: a missing native build fails fast, with its fix.
  if (entries.some((entry) => entry.packages?.includes('sharp'))) checkSharpBuild();
  const metafile = esbuildPass({
    absWorkingDir: repoRoot,
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
  const externalImports = new Map<string, string[]>();
  const outputs = Object.entries(metafile.outputs);
  for (const { name } of entries) {
    const folder = path.join(outdir, name);
    mkdirSync(folder, { recursive: true });
    for (const asset of assetFiles) copyFileSync(path.join(repoRoot, asset), path.join(folder, path.basename(asset)));
    folders.set(name, folder);
    const output = outputs.find(([file]) => path.resolve(repoRoot, file) === path.join(folder, 'index.mjs'))?.[1];
    externalImports.set(name, [...new Set((output?.imports ?? []).filter((each) => each.external).map((each) => each.path))].sort());
  }
  for (const { name, packages = [] } of entries) shipPackages(packages, path.join(outdir, name, 'node_modules'));
  return { folders, externalImports };
}

/**
 * Runs one esbuild pass with the guard's plugin (esbuild-pass.mjs) in a child
 * Node process, synchronously, as the CDK app needs it; returns its metafile.
 */
function esbuildPass(options: BuildOptions): Metafile {
  const script = fileURLToPath(new URL('./esbuild-pass.mjs', import.meta.url));
  const output = execFileSync(process.execPath, [script], {
    input: JSON.stringify({ options, guard: { entry: guardEntry, module: guardModule } }),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return JSON.parse(output) as Metafile;
}

interface PackageManifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

function manifestAt(folder: string): PackageManifest {
  return JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as PackageManifest;
}

/** Where Node would find `name` from inside `from` (a package folder, or the root): its own node_modules, then each one above, up to the root's. */
function installedFolder(name: string, from: string, root: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (dir === root || !dir.startsWith(root)) return undefined;
  }
}

/**
 * Copies installed packages, and the packages they depend on at run time
 * (`dependencies`; optional ones only when named), into `target` as a flat
 * node_modules/. A dependency nested inside a package's own node_modules
 * travels with that package's folder.
 */
export function shipPackages(packages: readonly string[], target: string, root = repoRoot): void {
  const queue = packages.map((name) => ({ name, from: root }));
  const shipped = new Set<string>();
  while (queue.length > 0) {
    const { name, from } = queue.shift()!;
    const folder = installedFolder(name, from, root);
    if (!folder) throw new Error(`${name} is not installed (needed in a bundle's node_modules/): run npm ci`);
    if (shipped.has(folder)) continue;
    shipped.add(folder);
    const nested = path.relative(root, folder).split(path.sep).filter((part) => part === 'node_modules').length > 1;
    if (!nested) cpSync(folder, path.join(target, name), { recursive: true, dereference: true });
    for (const dependency of Object.keys(manifestAt(folder).dependencies ?? {})) queue.push({ name: dependency, from: folder });
  }
}

/**
 * Synth stops here, naming the fix, when the linux-x64 build of sharp that
 * the processing function ships is not installed (or is not the one the
 * installed sharp expects): a deployment without it would fail on its first upload.
 */
export function checkSharpBuild(modules = path.join(repoRoot, 'node_modules')): void {
  const sharpFolder = path.join(modules, 'sharp');
  if (!existsSync(path.join(sharpFolder, 'package.json'))) throw new Error(`sharp is not installed: run npm ci`);
  const expected = manifestAt(sharpFolder).optionalDependencies ?? {};
  for (const name of sharpBuild.packages.filter((each) => each !== 'sharp')) {
    const folder = path.join(modules, name);
    const installed = existsSync(path.join(folder, 'package.json')) ? manifestAt(folder).version : undefined;
    if (installed && installed === expected[name]) continue;
    const found = installed ? `${name} ${installed} is installed, sharp expects ${expected[name]}` : `${name} is not installed`;
    throw new Error(
      `The upload processing runs on Lambda x86_64 (Linux, glibc) and ships sharp's linux-x64 build, but ${found}. ` +
        `Install it, then synth again: ${sharpBuild.install}`,
    );
  }
}

/** A stand-in bundle for a synth that bundles nothing (`aws:cdk:bundling-stacks` empty: checks that read no code). */
export function standInBundle(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'twinspace-stand-in-'));
  writeFileSync(path.join(folder, 'index.mjs'), 'export const handler = async () => { throw new Error("not bundled"); };\n');
  return folder;
}
