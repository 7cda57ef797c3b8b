/**
 * `npm run bench`: the budgets of DESIGN.md that can be measured on one
 * laptop, printed as tables. Each measurement is one function returning one
 * table; add a measurement by adding a function to `measurements`.
 */
import { rmSync } from 'node:fs';
import { allHandlers, httpRoutes } from '../functions/routes.ts';
import { bundleBudgetBytes, bundleBudgetOf } from '../infra/cdk/bundling.ts';
import { benchDir, bundleFunctions, type Bundle } from './bundle.ts';
import { synthFigures } from './synth.ts';
import { coldInitMs } from './cold-init.ts';
import { printTable, type Table } from './table.ts';
import { apiLatency } from './api-latency.ts';
import { largeRoomFanout, roomFanout } from './fanout.ts';
import { stopBenchStack } from './stack.ts';
import { chatSendCost, guardQuality, guardTime } from './pupil-guard.ts';

const coldInitRuns = Number(process.env.BENCH_COLD_INIT_RUNS ?? 7);

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const ms = (value: number) => value.toFixed(1);

/** Bundle size per function (SDK bundled, as deployed) against the 400 KB budget (the upload processing's own: bundling.ts). */
async function bundleSizes(bundled: Bundle[]): Promise<Table> {
  return {
    title: `Lambda bundle size, minified (budget ${kb(bundleBudgetBytes)} KB; the upload processing, which ships sharp, its own)`,
    columns: ['function', 'KB', 'within budget'],
    rows: bundled.map((bundle) => {
      const budget = bundleBudgetOf(bundle.handler.name);
      return [bundle.handler.name, kb(bundle.bytes), bundle.bytes <= budget ? (budget === bundleBudgetBytes ? 'yes' : `yes (≤ ${kb(budget)})`) : 'NO'];
    }),
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

/**
 * Cold init of the one-function-per-route shape, measured by this bench before
 * the areas (README, "Bundling"): the reference each area's figure stands beside.
 */
const perRouteColdInitMs: Record<string, number> = {
  'get-me': 127.3,
  'get-project': 147.1,
  'list-members': 182.8,
  'list-chat-messages': 141.7,
  'get-openapi': 107.0,
};

/** The same cold init, per area function, beside the per-route figure of its first route. */
async function areaColdInit(bundled: Bundle[]): Promise<Table> {
  return {
    title: 'Area functions beside the former per-route functions (cold init, SDK bundled; per-route: README figures before the areas)',
    columns: ['area function', 'routes', 'cold init ms', 'a former route', 'its per-route ms'],
    rows: bundled
      .filter((bundle) => bundle.handler.name.startsWith('http-'))
      .map((bundle) => {
        const routes = httpRoutes.filter((route) => route.function.name === bundle.handler.name);
        const former = routes.find((route) => perRouteColdInitMs[route.name] !== undefined);
        return [
          bundle.handler.name,
          String(routes.length),
          ms(coldInitMs(bundle, coldInitRuns)),
          former?.name ?? '—',
          former ? ms(perRouteColdInitMs[former.name]) : '—',
        ];
      }),
  };
}

/**
 * `BENCH_ONLY=fanout npm run bench` (or a comma-separated list of the names
 * below) runs only those measurements; the bundles are made only when one
 * needs them.
 */
const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());

async function main(): Promise<void> {
  let bundles: { bundled: Bundle[]; external: Bundle[] } | undefined;
  const bundled = () => {
    if (!bundles) {
      rmSync(benchDir, { recursive: true, force: true });
      const { bundles: withSdk, passMs } = bundleFunctions(allHandlers, 'bundled');
      const { bundles: external } = bundleFunctions(allHandlers, 'external');
      console.log(`\nOne esbuild pass bundled all ${withSdk.length} functions in ${(passMs / 1000).toFixed(1)} s.`);
      bundles = { bundled: withSdk, external };
    }
    return bundles;
  };
  const measurements: [string, () => Promise<Table>][] = [
    ['synth', synthFigures],
    ['bundles', () => bundleSizes(bundled().bundled)],
    ['cold-init', () => coldInit(bundled().bundled, bundled().external)],
    ['areas', () => areaColdInit(bundled().bundled)],
    ['api', apiLatency],
    ['fanout', roomFanout],
    ['fanout', largeRoomFanout],
    ['pupil-guard', guardQuality],
    ['pupil-guard', guardTime],
    ['pupil-guard', chatSendCost],
  ];
  for (const [name, measure] of measurements) if (!only || only.includes(name)) printTable(await measure());
}

try {
  await main();
} finally {
  await stopBenchStack();
}

