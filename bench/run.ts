/**
 * `npm run bench`: the budgets of DESIGN.md that can be measured on one
 * laptop, printed as tables. Each measurement is one function returning one
 * table; add a measurement by adding a function to `measurements`.
 */
import { rmSync } from 'node:fs';
import { allHandlers } from '../functions/routes.ts';
import { bundleBudgetBytes } from '../infra/cdk/bundling.ts';
import { benchDir, bundleFunction, type Bundle } from './bundle.ts';
import { coldInitMs } from './cold-init.ts';
import { printTable, type Table } from './table.ts';
import { apiLatency } from './api-latency.ts';

const coldInitRuns = Number(process.env.BENCH_COLD_INIT_RUNS ?? 7);

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const ms = (value: number) => value.toFixed(1);

/** Bundle size per function (SDK bundled, as deployed) against the 400 KB budget. */
async function bundleSizes(bundled: Bundle[]): Promise<Table> {
  return {
    title: `Lambda bundle size, minified (budget ${kb(bundleBudgetBytes)} KB)`,
    columns: ['function', 'KB', 'within budget'],
    rows: bundled.map((bundle) => [bundle.handler.name, kb(bundle.bytes), bundle.bytes <= bundleBudgetBytes ? 'yes' : 'NO']),
  };
}

/** Cold init with the AWS SDK bundled vs left to the runtime's copy (the README's decision). */
async function coldInit(bundled: Bundle[], external: Bundle[]): Promise<Table> {
  const rows = bundled.map((withSdk, index) => {
    const withoutSdk = external[index];
    const bundledMs = coldInitMs(withSdk, coldInitRuns);
    const externalMs = coldInitMs(withoutSdk, coldInitRuns);
    return [
      withSdk.handler.name,
      ms(bundledMs),
      ms(externalMs),
      kb(withoutSdk.bytes),
      bundledMs <= externalMs ? 'bundled' : 'external',
    ];
  });
  return {
    title: `Cold init: fresh Node ${process.versions.node} process importing the bundle, median of ${coldInitRuns} runs`,
    columns: ['function', 'SDK bundled ms', 'SDK external ms', 'external KB', 'faster'],
    rows,
  };
}

async function main(): Promise<void> {
  rmSync(benchDir, { recursive: true, force: true });
  const bundled: Bundle[] = [];
  const external: Bundle[] = [];
  for (const handler of allHandlers) {
    bundled.push(await bundleFunction(handler, 'bundled'));
    external.push(await bundleFunction(handler, 'external'));
  }
  const measurements: (() => Promise<Table>)[] = [() => bundleSizes(bundled), () => coldInit(bundled, external), apiLatency];
  for (const measure of measurements) printTable(await measure());
}

await main();
