/**
 * The pupil guard's libraries travel in their own layer (infra/cdk/guard-layer.ts),
 * not in the bundles: the guard bundled as the functions are bundled imports
 * libphonenumber-js and naughty-words from outside, and that bundle, run
 * beside nothing but the layer's files, still finds a phone number and an
 * insult. (tests/infra/stack.test.ts checks every function importing them gets
 * the layer.)
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleAllWithImports, guardLibraries, guardLibraryImports } from '../../infra/cdk/bundling.ts';
import { buildGuardLayerContent, guardLayerUses } from '../../infra/cdk/guard-layer.ts';
import { repoRoot } from '../../infra/cdk/function.ts';
import { loadEveryScript, runWithGuardLayer } from './guard-layer-probe.ts';

let outdir: string;
let bundle: string;
let imports: string[];
let layerDir: string;

beforeAll(() => {
  outdir = mkdtempSync(path.join(tmpdir(), 'twinspace-guard-bundle-'));
  const bundled = bundleAllWithImports([{ name: 'guard', entry: path.join(repoRoot, 'functions/domain/pupil-guard/index.ts') }], outdir);
  bundle = path.join(bundled.folders.get('guard')!, 'index.mjs');
  imports = bundled.externalImports.get('guard')!;
  layerDir = buildGuardLayerContent(guardLayerUses(imports));
}, 60_000);
afterAll(() => {
  for (const dir of [outdir, layerDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the guard's libraries layer", () => {
  it('leaves both libraries out of the bundle: imported from outside, their data not inside', () => {
    // By an import the bundle keeps, or by a createRequire call it leaves to run time.
    const loaded = guardLayerUses(imports).map((use) => use.specifier);
    for (const library of guardLibraries) expect(loaded.some((specifier) => specifier === library || specifier.startsWith(`${library}/`)), library).toBe(true);
    expect(guardLibraryImports(imports).length).toBeGreaterThan(0);
    const code = readFileSync(bundle, 'utf8');
    // libphonenumber-js's metadata and the first word of naughty-words' English list.
    expect(code).not.toContain('country_calling_codes');
    expect(code).not.toContain('"2g1c"');
  });

  it('holds every file the guard loads (its imports and its createRequire calls): each loads from the layer alone', () => {
    const uses = guardLayerUses(imports);
    for (const specifier of guardLibraryImports(imports)) expect(uses).toContainEqual({ specifier, form: 'import' });
    expect(runWithGuardLayer(layerDir, loadEveryScript(uses)).trim()).toBe(String(uses.length));
  });

  it('runs the bundled guard from the layer: a Spanish mobile number and an English insult are found', () => {
    const script = `
      import { guardPupilText } from './guard.mjs';
      const context = { countries: ['ES', 'GB'], otherPupilSurnames: [], allowAccountLinks: false, allowHandles: false };
      const kinds = (text) => guardPupilText(text, context).map((finding) => finding.kind);
      console.log(JSON.stringify([kinds('llámame al 612 345 678'), kinds('shut up you bitch'), kinds('we measured 12.5 °C at 10:30')]));
    `;
    const [phone, abuse, harmless] = JSON.parse(runWithGuardLayer(layerDir, script, { 'guard.mjs': bundle })) as string[][];
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
