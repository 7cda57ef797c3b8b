/**
 * The pupil guard travels in its own layer (infra/cdk/guard-layer.ts), not in
 * the bundles: a function calling the guard, bundled as the functions are,
 * imports it from outside as `@twinspace/pupil-guard` and holds none of its
 * code; the layer's guard package, run beside nothing but the layer's files,
 * still finds a phone number and an insult, and nothing in school talk.
 * (tests/infra/stack.test.ts checks every function importing it gets the layer.)
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleAllWithImports, guardLibraries, guardLibraryImports, guardModule } from '../../infra/cdk/bundling.ts';
import { buildGuardLayerContent, guardLayerUses, layerModulesPath } from '../../infra/cdk/guard-layer.ts';
import { repoRoot } from '../../infra/cdk/function.ts';
import { guardCodeMarkers, loadEveryScript, runWithGuardLayer } from './guard-layer-probe.ts';

let outdir: string;
let bundle: string;
let imports: string[];
let layerDir: string;

beforeAll(() => {
  outdir = mkdtempSync(path.join(tmpdir(), 'twinspace-guard-bundle-'));
  // The helper every surface a pupil writes on calls: it calls the guard.
  const bundled = bundleAllWithImports([{ name: 'guarded-write', entry: path.join(repoRoot, 'functions/http/guarded-write.ts') }], outdir);
  bundle = path.join(bundled.folders.get('guarded-write')!, 'index.mjs');
  imports = bundled.externalImports.get('guarded-write')!;
  layerDir = buildGuardLayerContent(guardLayerUses(imports));
}, 60_000);
afterAll(() => {
  for (const dir of [outdir, layerDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

const guardPackage = () => path.join(layerDir, layerModulesPath, ...guardModule.split('/'));

describe("the pupil guard's layer", () => {
  it('leaves the guard out of a bundle that calls it: imported from the layer, its code and its libraries not inside', () => {
    expect(imports).toContain(guardModule);
    expect(guardLibraryImports(imports)).toEqual([]);
    const code = readFileSync(bundle, 'utf8');
    // Loaded when a write first needs it (guarded-write.ts), not at cold start.
    expect(code).toMatch(new RegExp(`import\\(\\s*["']${guardModule}["']\\s*\\)`));
    // The markers are the guard's: the layer's guard package holds each of them.
    const guard = readFileSync(path.join(guardPackage(), 'index.mjs'), 'utf8');
    for (const marker of guardCodeMarkers) {
      expect(guard, marker).toContain(marker);
      expect(code, marker).not.toContain(marker);
    }
    // libphonenumber-js's metadata and the first word of naughty-words' English list.
    expect(code).not.toContain('country_calling_codes');
    expect(code).not.toContain('"2g1c"');
  });

  it("ships the guard as an ES module package that loads its libraries from the layer, never its own copy", () => {
    const manifest = JSON.parse(readFileSync(path.join(guardPackage(), 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ name: guardModule, type: 'module', exports: { '.': './index.mjs' } });
    const guard = readFileSync(path.join(guardPackage(), 'index.mjs'), 'utf8');
    expect(guard).not.toContain('country_calling_codes');
    expect(guard).not.toContain('"2g1c"');
    // By an import the package keeps, or by a createRequire call it leaves to run time.
    const loaded = guardLayerUses([]).map((use) => use.specifier);
    for (const library of guardLibraries) expect(loaded.some((specifier) => specifier === library || specifier.startsWith(`${library}/`)), library).toBe(true);
  });

  it('holds every file the guard loads (its imports and its createRequire calls): each loads from the layer alone', () => {
    const uses = guardLayerUses(imports);
    expect(runWithGuardLayer(layerDir, loadEveryScript(uses)).trim()).toBe(String(uses.length));
  });

  it('runs the guard from the layer alone: a Spanish mobile number and an English insult are found, a temperature is not', () => {
    const script = `
      import { guardPupilText } from '${guardModule}';
      const context = { countries: ['ES', 'GB'], otherPupilSurnames: [], allowAccountLinks: false, allowHandles: false };
      const kinds = (text) => guardPupilText(text, context).map((finding) => finding.kind);
      console.log(JSON.stringify([kinds('llámame al 612 345 678'), kinds('shut up you bitch'), kinds('we measured 12.5 °C at 10:30')]));
    `;
    const [phone, abuse, harmless] = JSON.parse(runWithGuardLayer(layerDir, script)) as string[][];
    expect(phone).toContain('phone');
    expect(abuse).toContain('abuse');
    expect(harmless).toEqual([]);
  });

  it('is small beside the 250 MB a function and its layers may unzip to: only the files imported', () => {
    const files = runWithGuardLayer(layerDir, `
      import { readdirSync } from 'node:fs';
      console.log(readdirSync('node_modules/libphonenumber-js', { recursive: true }).length);
    `);
    const installed = readdirSync(path.join(repoRoot, 'node_modules/libphonenumber-js'), { recursive: true }).length;
    expect(Number(files)).toBeLessThan(installed / 4);
  });
});
