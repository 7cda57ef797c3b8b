/**
 * Runs a script as a Lambda would with the guard's layer: in a fresh Node
 * process, from a folder whose only packages are the layer's
 * (nodejs/node_modules), far from the repository's node_modules, so a file the
 * layer lacks fails the import.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { layerModulesPath, type LibraryUse } from '../../infra/cdk/guard-layer.ts';

/**
 * Strings only the guard's own code holds (functions/domain/pupil-guard): a
 * file its createRequire loads, an Italian "add me" and a mail provider it
 * knows. A bundle holding one carries the guard instead of importing it.
 */
export const guardCodeMarkers = ['naughty-words/en.json', 'aggiungimi', 'googlemail'] as const;

/** Copies `files` (name → absolute path) beside the layer's packages, runs `script` (ESM) there and returns what it prints. */
export function runWithGuardLayer(layerDir: string, script: string, files: Record<string, string> = {}): string {
  const task = mkdtempSync(path.join(tmpdir(), 'twinspace-layer-probe-'));
  try {
    cpSync(path.join(layerDir, layerModulesPath), path.join(task, 'node_modules'), { recursive: true });
    for (const [name, file] of Object.entries(files)) cpSync(file, path.join(task, name));
    writeFileSync(path.join(task, 'probe.mjs'), script);
    return execFileSync(process.execPath, [path.join(task, 'probe.mjs')], { cwd: task, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  } finally {
    rmSync(task, { recursive: true, force: true });
  }
}

/** An ESM script loading every use as the guard does (import, or require of createRequire), printing how many loaded something. */
export function loadEveryScript(uses: readonly LibraryUse[]): string {
  return [
    "import { createRequire } from 'node:module';",
    'const require = createRequire(import.meta.url);',
    ...uses.map(({ specifier, form }, index) =>
      form === 'require'
        ? `const m${index} = require(${JSON.stringify(specifier)});`
        : // naughty-words has no exports map: its lists are plain JSON files; libphonenumber-js maps its metadata to a module.
          specifier.startsWith('naughty-words/') && specifier.endsWith('.json')
          ? `import * as m${index} from ${JSON.stringify(specifier)} with { type: 'json' };`
          : `import * as m${index} from ${JSON.stringify(specifier)};`,
    ),
    `console.log([${uses.map((_, index) => `m${index}`).join(', ')}].filter((m) => Object.keys(m).length > 0).length);`,
  ].join('\n');
}
